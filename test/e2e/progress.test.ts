// On a terminal, a scan shows its progress on stderr: the stage, and files done / total while detecting. The CLI runs
// in a pseudo-terminal made by util-linux `script`, as a person would run it; stdout (the report) goes to a file.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, FIXTURES, TEST_CACHE_DIR } from '../helpers/cli.js'
import { makeRepo } from '../helpers/tmp.js'

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

/** What the terminal showed, and the report written to stdout. */
function onTerminal(args: string[], env: Record<string, string | undefined> = {}): { terminal: string; report: string; status: number | null } {
  const out = path.join(makeRepo({}), 'report.txt')
  const command = `stty cols 120 rows 40; ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')} > ${quote(out)}`
  const childEnv: Record<string, string> = { ...process.env, NO_COLOR: '1', PRIVAUDIT_CACHE_DIR: TEST_CACHE_DIR } as Record<string, string>
  delete childEnv.CI
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k]
  else childEnv[k] = v
  const r = spawnSync('script', ['-q', '-e', '-c', command, '/dev/null'], { encoding: 'utf8', env: childEnv, timeout: 120_000 })
  // `script -e` exits with the CLI's own status
  return { terminal: r.stdout.replace(/\r/g, '\n'), report: readFileSync(out, 'utf8'), status: r.status }
}

const manyFiles = () => {
  const files: Record<string, string> = { 'PRIVACY.md': '# Privacy Policy\n\nWe use Stripe to process payments.\n' }
  for (let i = 0; i < 300; i++) files[`src/m${i}.ts`] = `import Stripe from 'stripe'\nexport const f${i} = (x: number) => x + ${i}\n`
  return makeRepo(files)
}

describe.skipIf(!hasScript)('progress on a terminal', () => {
  it('shows the stages and the files done out of the total, on the terminal only, never in the report', () => {
    const { terminal, report } = onTerminal(['scan', manyFiles(), '--no-cache'])
    expect(terminal).toContain('collecting files')
    expect(terminal).toMatch(/detect: \d+\/300 files/)
    expect(terminal).toMatch(/report/)
    expect(report).toMatch(/privaudit/i)
    expect(report).not.toMatch(/detect: \d+/)
    // eslint-disable-next-line no-control-regex
    expect(report).not.toMatch(/\u001b\[/)
  })

  it('shows nothing when CI is set, in JSON mode, or with --quiet', () => {
    for (const [args, env] of [[[], { CI: 'true' }], [['--format', 'json'], {}], [['--quiet'], {}]] as const) {
      const { terminal, report, status } = onTerminal(['scan', path.join(FIXTURES, 'jeanclaude-compliant'), '--no-cache', ...args], env)
      const label = JSON.stringify(args)
      // the scan ran to its end: a crash shows no progress either
      expect(status, label).toBe(0)
      expect(terminal, label).not.toMatch(/collecting files|detect: \d+|privaudit:|Error/)
      if (args[0] === '--format') {
        const json = JSON.parse(report) as { policy: { path: string }; summary: { error: number } }
        expect(json.policy.path, label).toBe('PRIVACY.md')
        expect(json.summary.error, label).toBe(0)
      } else {
        expect(report, label).toMatch(/^✔ 0 errors, 0 warnings, 0 notes$/m)
      }
    }
  })
})

if (!hasScript) it.skip('progress on a terminal: util-linux `script` is not installed', () => {})

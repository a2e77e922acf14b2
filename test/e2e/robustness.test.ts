// Bad input never stops a scan: each bad file gets a clear skipped or problem entry, the rest is still scanned,
// no stack trace, and the documented exit code.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Report } from '../../src/types/index.js'
import { BIN, runCli, schemaErrors } from '../helpers/cli.js'
import { makeRepo } from '../helpers/tmp.js'

type Full = Report & { problems: Array<{ file: string; reason: string }> }
const POLICY = '# Privacy Policy\n\nWe use Stripe (payments) to process personal data.\n'

function scanJson(root: string, extra: string[] = []): { status: number; report: Full; stderr: string } {
  const { status, stdout, stderr } = runCli(['scan', root, '--format', 'json', ...extra])
  return { status, report: JSON.parse(stdout) as Full, stderr }
}

/** Root reads any file: run as root, the unreadable-file test drops to `nobody`, who must be able to run the CLI. */
const asRoot = process.getuid?.() === 0
const nobodyCanRun = asRoot && spawnSync(process.execPath, [BIN, '--version'], { uid: 65534, gid: 65534, env: { ...process.env, HOME: os.tmpdir() } }).status === 0
if (asRoot && !nobodyCanRun) console.warn('robustness: the checkout is not readable by `nobody`, so the unreadable-file test is skipped')

describe('robustness', () => {
  it('scans past every kind of broken file in one repo', () => {
    const deep = `export const x = ${'['.repeat(20000)}${']'.repeat(20000)}\n`
    const root = makeRepo({
      'PRIVACY.md': POLICY,
      'package.json': JSON.stringify({ name: 'app', dependencies: { stripe: '^14', 'posthog-node': '^4' } }),
      'src/ok.ts': "import { PostHog } from 'posthog-node'\nexport const ph = new PostHog('phc_x')\n",
      'src/binary.ts': Buffer.from([0x00, 0xff, 0x10, 0x00, 0x42]),
      'src/latin1.ts': Buffer.from('export const café = 1\n', 'latin1'),
      'src/bom.ts': "\ufeffimport Stripe from 'stripe'\nexport const s = new Stripe('x')\n",
      'src/crlf.ts': "import Stripe from 'stripe'\r\nexport const t = 1\r\nconst url = 'https://api.segment.io/v1/track'\r\n",
      'src/broken.ts': "import Stripe from 'stripe'\nexport function (( {\nconst url = 'https://api.mixpanel.com/track'\n",
      'src/deep.ts': deep,
      'src/long-line.js': `var a = "${'x'.repeat(20000)}";\n`,
      'apps/bad/package.json': '{ "name": "bad", ',
      'package-lock.json': '{ "lockfileVersion": 3, "packages": ',
      'pnpm-workspace.yaml': 'packages: [unclosed\n',
      'docker-compose.yml': 'services:\n  api:\n    environment: [\n',
      'fly.toml': 'app = "x\nprimary_region = \n',
      'vercel.json': '{ "regions": ["fra1"], }',
      'src/loop': { symlink: '..' },
      'src/outside': { symlink: '/etc' },
    })
    writeFileSync(path.join(root, 'src/huge.ts'), Buffer.alloc(20 * 1024 * 1024, 'a'))
    const { status, report, stderr } = scanJson(root)
    expect(stderr).toBe('')
    expect(schemaErrors(report)).toEqual([])
    const skipped = Object.fromEntries(report.skipped.map((s) => [s.file, s.reason]))
    expect(skipped).toMatchObject({
      'src/binary.ts': 'binary file',
      'src/latin1.ts': 'not valid UTF-8 text',
      'src/huge.ts': 'larger than 1.0 MB (20.0 MB)',
      'src/long-line.js': 'a line longer than 5000 characters (minified or generated)',
      'src/loop': 'symlink loop',
      'src/outside': 'symlink points outside the scanned root',
    })
    expect(skipped['src/deep.ts'] ?? report.problems.find((p) => p.file === 'src/deep.ts')?.reason).toBeDefined()
    const problems = Object.fromEntries(report.problems.map((p) => [p.file, p.reason]))
    expect(problems['apps/bad/package.json']).toMatch(/^malformed package\.json: /)
    expect(problems['package-lock.json']).toMatch(/^malformed lockfile: /)
    expect(problems['pnpm-workspace.yaml']).toMatch(/^malformed YAML: /)
    expect(problems['docker-compose.yml']).toMatch(/^malformed YAML: /)
    expect(problems['fly.toml']).toMatch(/^malformed TOML: /)
    expect(problems['vercel.json']).toMatch(/^malformed JSON: /)
    expect(problems['src/broken.ts']).toMatch(/^syntax error at line 2: .*; analysed what parsed$/)
    // the rest was scanned: BOM and CRLF files, and code after a syntax error
    expect(report.findings.map((f) => f.vendor).sort()).toEqual(['fly-io', 'mixpanel', 'posthog', 'segment', 'vercel'])
    const stripe = report.vendors.find((v) => v.id === 'stripe')!
    expect(stripe.evidence.map((e) => `${e.file}:${e.line}`)).toEqual(expect.arrayContaining(['src/bom.ts:1', 'src/crlf.ts:1']))
    expect(status).toBe(1)
  })

  it('an empty repo: a policy-not-found warning, nothing else, exit 0', () => {
    const { status, report } = scanJson(makeRepo({}))
    expect(report.findings.map((f) => f.ruleId)).toEqual(['policy-not-found'])
    expect(report.vendors).toEqual([])
    expect(status).toBe(0)
  })

  it.each([
    ['empty', '', 'is empty'],
    ['binary', Buffer.from([0x50, 0x00, 0x01, 0x02]), 'is a binary file'],
  ])('an %s policy passed with --policy is a problem and the scan goes on', (_kind, content, reason) => {
    const root = makeRepo({ 'policy.md': content, 'package.json': JSON.stringify({ name: 'x', dependencies: { stripe: '^14' } }) })
    const { status, report, stderr } = scanJson(root, ['--policy', path.join(root, 'policy.md')])
    expect(stderr).toBe('')
    expect(report.problems).toEqual([{ file: 'policy.md', reason: `policy ${reason}: no claims can be read from it` }])
    expect(report.findings.map((f) => f.ruleId)).toEqual(['policy-not-found'])
    expect(report.vendors.map((v) => v.id)).toEqual(['stripe'])
    expect(status).toBe(0)
  })

  it('a huge policy is a problem, not a hang', () => {
    const root = makeRepo({ 'package.json': '{"name":"x"}' })
    writeFileSync(path.join(root, 'policy.md'), 'We use Stripe. '.repeat(200_000))
    const { report } = scanJson(root, ['--policy', path.join(root, 'policy.md')])
    expect(report.problems[0].reason).toMatch(/policy is larger than 2 MB/)
  })

  it('a policy in another language is read with a warning that claims may be missed', () => {
    const root = makeRepo({
      'DATENSCHUTZ.md': '',
      'privacy.md': '# Datenschutzerklärung\n\nWir verarbeiten Ihre personenbezogenen Daten. Zahlungen werden über Stripe abgewickelt. Ihre Rechte: Auskunft, Berichtigung, Löschung. Cookies: nur technisch notwendige Cookies. Drittanbieter verarbeiten Daten in der EU.\n',
      'package.json': JSON.stringify({ name: 'x', dependencies: { stripe: '^14' } }),
    })
    const { report } = scanJson(root)
    expect(report.policy?.path).toBe('privacy.md')
    expect(report.problems).toEqual([{ file: 'privacy.md', reason: 'the policy does not read as English: privaudit reads English policies, so claims may be missed' }])
    expect(report.findings).toEqual([])
  })

  it('words that name Object.prototype members (constructor, toString, __proto__) in code or policy are just words', () => {
    const words = 'constructor, toString (valueOf), __proto__ and hasOwnProperty'
    const root = makeRepo({
      'PRIVACY.md': `# Privacy Policy\n\nWe use ${words} cookies for constructor purposes. Our subprocessors: ${words}, Stripe.\nData is encrypted with constructor and processed in the toString region.\n`,
      'privacy.html': '<html><body><h1>Privacy &constructor; &toString; &__proto__;</h1><p>We use Stripe for payments.</p></body></html>',
      'package.json': JSON.stringify({ name: 'x', dependencies: { stripe: '^14' } }),
      'src/a.ts': "import Stripe from 'stripe'\nconstructor.init('a')\ntoString.load()\ndocument.cookie = 'constructor=1'\nconst apiKey = process.env.API_KEY\nconsole.log({ constructor: apiKey, __proto__: 1 })\n",
    })
    for (const extra of [[], ['--policy', path.join(root, 'privacy.html')]]) {
      const { status, report, stderr } = scanJson(root, extra)
      expect(stderr).toBe('')
      expect([0, 1]).toContain(status)
      expect(schemaErrors(report)).toEqual([])
      expect(report.cookies.map((c) => c.name)).toContain('constructor')
    }
  })

  it.skipIf(asRoot && !nobodyCanRun)('unreadable files and folders are skipped with their reason, and the rest is scanned', () => {
    const root = makeRepo({
      'PRIVACY.md': POLICY,
      'package.json': JSON.stringify({ name: 'app', dependencies: { stripe: '^14' } }),
      'src/ok.ts': "import Stripe from 'stripe'\nexport const s = new Stripe('x')\n",
      'src/locked.ts': "import posthog from 'posthog-js'\n",
      'config/locked.yml': 'token: x\n',
      'docs/locked.md': '# notes\n',
      'private/a.ts': "import posthog from 'posthog-js'\n",
    })
    // root reads anything: as root, the scan runs as the unprivileged `nobody`, who must reach the rest of the tree
    if (asRoot) execFileSync('chmod', ['-R', 'a+rX', root])
    for (const locked of ['src/locked.ts', 'config/locked.yml', 'docs/locked.md', 'private']) chmodSync(path.join(root, locked), 0)
    // a home of its own: the CLI framework looks for its data folder there
    const home = makeRepo({})
    chmodSync(home, 0o777)
    const r = spawnSync(process.execPath, [BIN, 'scan', root, '--format', 'json', '--no-cache'], {
      encoding: 'utf8', env: { ...process.env, CI: 'true', HOME: home, XDG_DATA_HOME: '', XDG_CONFIG_HOME: '', XDG_CACHE_HOME: '' }, ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    })
    expect(r.stderr).toBe('')
    const report = JSON.parse(r.stdout) as Full
    expect(schemaErrors(report)).toEqual([])
    const skipped = Object.fromEntries(report.skipped.map((s) => [s.file, s.reason]))
    expect(skipped).toEqual({
      'config/locked.yml': 'unreadable (EACCES)',
      'docs/locked.md': 'unreadable (EACCES)',
      private: 'unreadable folder (EACCES)',
      'src/locked.ts': 'unreadable (EACCES)',
    })
    // what could be read was: Stripe is used and declared, and nothing of PostHog (in the unreadable files) was seen
    expect(report.vendors.map((v) => v.id)).toEqual(['stripe'])
    expect(r.status).toBe(0)
  })

  it('never modifies the scanned tree and never runs its code', () => {
    const marker = path.join(makeRepo({}), 'executed')
    const root = makeRepo({
      'PRIVACY.md': POLICY,
      'package.json': JSON.stringify({ name: 'x', scripts: { postinstall: `touch ${marker}` }, dependencies: { stripe: '^14' } }),
      'next.config.js': `require('fs').writeFileSync(${JSON.stringify(marker)}, 'next')\nmodule.exports = {}\n`,
      'vite.config.ts': `import { writeFileSync } from 'node:fs'\nwriteFileSync(${JSON.stringify(marker)}, 'vite')\nexport default {}\n`,
      '.privaudit.yml': 'exclude: [nothing/]\n',
      'src/index.ts': `import Stripe from 'stripe'\nawait import(${JSON.stringify(marker)})\n`,
    })
    const before = runCli(['scan', root, '--format', 'json']).stdout
    expect(() => readFileSync(marker)).toThrow()
    expect(runCli(['scan', root, '--format', 'json']).stdout).toBe(before)
  })
})

// PR mode and the cache, through the real CLI: `scan --changed-since REF` reads only what changed since REF and takes
// the rest from the cache, and its report is byte-identical to a full scan's. The scanned tree is never touched.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Report } from '../../src/types/index.js'
import { BIN, FIXTURES, runCli, type CliResult } from '../helpers/cli.js'
import { git } from '../helpers/git.js'

const tmp = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix))

/** A git repo holding a copy of a fixture, committed. */
function fixtureRepo(name: string, extra: Record<string, string | Buffer> = {}): string {
  const repo = tmp('privaudit-pr-')
  cpSync(path.join(FIXTURES, name), repo, { recursive: true })
  for (const [rel, content] of Object.entries(extra)) writeFileSync(path.join(repo, rel), content)
  git(repo, 'init', '-q', '-b', 'main')
  git(repo, 'add', '-A')
  git(repo, 'commit', '-q', '-m', 'base')
  return repo
}

/** Every path, size, mode, mtime and content hash under `root` (.git included): equal digests, untouched tree. */
function treeDigest(root: string): string {
  const hash = createHash('sha256')
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const abs = path.join(dir, name)
      const st = statSync(abs)
      hash.update(`${path.relative(root, abs)}\0${st.size}\0${st.mode}\0${st.mtimeMs}\0`)
      if (st.isDirectory()) visit(abs)
      else hash.update(readFileSync(abs))
    }
  }
  visit(root)
  return hash.digest('hex')
}

function scan(root: string, cacheDir: string, ...args: string[]): CliResult {
  return runCli(['scan', root, '--format', 'json', '--cache-dir', cacheDir, ...args])
}

const analysed = (stderr: string) => /cache: (\d+) files reused, (\d+) analysed, (\d+) saved(?:, (\d+) changed since the ref)?/.exec(stderr)?.slice(1).map(Number)

describe('scan --changed-since and the per-file cache', () => {
  it('re-analyses only the files changed since the ref, and reports exactly what a full scan reports', () => {
    const repo = fixtureRepo('codecloud-compliant')
    const cacheDir = tmp('privaudit-pr-cache-')
    const full = runCli(['scan', repo, '--format', 'json', '--no-cache'])
    const cold = scan(repo, cacheDir, '--changed-since', 'HEAD', '--timings')
    expect(cold.stdout).toBe(full.stdout)
    const [reusedCold, analysedCold, savedCold, changedCold] = analysed(cold.stderr)!
    expect(reusedCold).toBe(0)
    expect(analysedCold).toBeGreaterThan(10)
    expect(savedCold).toBe(analysedCold)
    expect(changedCold).toBe(0)

    // a pull request: one file edited to use Mixpanel, one added (untracked), one deleted
    const edited = 'app/layout.tsx'
    expect(existsSync(path.join(repo, edited))).toBe(true)
    writeFileSync(path.join(repo, edited), `import mixpanel from 'mixpanel-browser'\nmixpanel.init('project-token')\n${readFileSync(path.join(repo, edited), 'utf8')}`)
    writeFileSync(path.join(repo, 'lib/new-helper.ts'), "export const helper = () => fetch('https://api.stripe.com/v1/charges')\n")
    rmSync(path.join(repo, 'lib/ratelimit.ts'))
    const before = treeDigest(repo)

    const pr = scan(repo, cacheDir, '--changed-since', 'HEAD', '--timings')
    const fullAfter = runCli(['scan', repo, '--format', 'json', '--no-cache'])
    expect(pr.stdout).toBe(fullAfter.stdout)
    expect(pr.status).toBe(fullAfter.status)
    const [reused, fresh, , changed] = analysed(pr.stderr)!
    expect(changed).toBe(3)
    expect(fresh).toBe(2) // the edited and the added file; the deleted one is simply gone
    expect(reused).toBe(analysedCold - 2) // every other file, from the cache
    const findings = (JSON.parse(pr.stdout) as Report).findings
    expect(findings.find((f) => f.ruleId === 'undeclared-subprocessor' && f.vendor === 'mixpanel')?.locations.map((l) => l.file)).toContain(edited)
    expect(treeDigest(repo)).toBe(before)
  })

  it('files it never reads still get the checks a full scan makes: a committed binary or huge source file is skipped', () => {
    const repo = fixtureRepo('jeanclaude-compliant', { 'binary.ts': Buffer.from([0x00, 0xff, 0x10, 0x00]), 'huge.ts': `export const x = 1\n${'// filler\n'.repeat(130_000)}` })
    const cacheDir = tmp('privaudit-pr-cache-')
    const full = runCli(['scan', repo, '--format', 'json', '--no-cache'])
    for (let run = 0; run < 2; run++) {
      const pr = scan(repo, cacheDir, '--changed-since', 'HEAD')
      expect(pr.stdout).toBe(full.stdout)
    }
    const skipped = Object.fromEntries((JSON.parse(full.stdout) as Report).skipped.map((s) => [s.file, s.reason]))
    expect(skipped).toMatchObject({ 'binary.ts': 'binary file', 'huge.ts': 'larger than 1.0 MB (1.2 MB)' })
  })

  it('scans a folder inside the repo, with paths relative to that folder', () => {
    const repo = tmp('privaudit-pr-mono-')
    cpSync(path.join(FIXTURES, 'jeanclaude'), path.join(repo, 'apps/jeanclaude'), { recursive: true })
    writeFileSync(path.join(repo, 'README.md'), '# monorepo\n')
    git(repo, 'init', '-q', '-b', 'main')
    git(repo, 'add', '-A')
    git(repo, 'commit', '-q', '-m', 'base')
    const cacheDir = tmp('privaudit-pr-cache-')
    const folder = path.join(repo, 'apps/jeanclaude')
    const full = runCli(['scan', folder, '--format', 'json', '--no-cache'])
    scan(folder, cacheDir, '--changed-since', 'main')
    const warm = scan(folder, cacheDir, '--changed-since', 'main', '--timings')
    expect(warm.stdout).toBe(full.stdout)
    expect(analysed(warm.stderr)!.slice(1, 3)).toEqual([0, 0])
  })

  it('an unknown ref, or a folder outside git, is one line and exit 2', () => {
    const repo = fixtureRepo('isol8-compliant')
    const unknown = runCli(['scan', repo, '--changed-since', 'no-such-branch'])
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toBe('privaudit: unknown git ref: no-such-branch\n')
    const plain = tmp('privaudit-nogit-')
    writeFileSync(path.join(plain, 'a.ts'), 'export {}\n')
    const outside = runCli(['scan', plain, '--changed-since', 'HEAD'])
    expect(outside.status).toBe(2)
    expect(outside.stderr).toMatch(/^privaudit: not a git repository: .*\n$/)
  })

  it('--no-cache reads and writes no cache; --cache-dir puts it where it is told', () => {
    const repo = fixtureRepo('isol8-compliant')
    const home = tmp('privaudit-cache-home-')
    const noCache = runCli(['scan', repo, '--format', 'json', '--no-cache'], { env: { PRIVAUDIT_CACHE_DIR: path.join(home, 'default') } })
    expect(noCache.status).toBe(0)
    expect(existsSync(path.join(home, 'default'))).toBe(false)
    const byDefault = runCli(['scan', repo, '--format', 'json'], { env: { PRIVAUDIT_CACHE_DIR: path.join(home, 'default') } })
    expect(byDefault.stdout).toBe(noCache.stdout)
    expect(readdirSync(path.join(home, 'default'))).toHaveLength(1)
    const told = scan(repo, path.join(home, 'told'))
    expect(told.stdout).toBe(noCache.stdout)
    const [ns] = readdirSync(path.join(home, 'told'))
    expect(ns).toMatch(/^v1-[0-9a-f]{24}$/)
    expect(readdirSync(path.join(home, 'told', ns))[0]).toMatch(/^seg-.*\.jsonl$/)
  })

  it('a cache folder inside the scanned tree is a warning, and the tree stays untouched', () => {
    const repo = fixtureRepo('jeanclaude-compliant')
    const before = treeDigest(repo)
    const inside = scan(repo, path.join(repo, '.privaudit-cache'))
    expect(inside.status).toBe(0)
    expect(inside.stderr).toBe(`privaudit: warning: the cache folder ${path.join(repo, '.privaudit-cache')} is inside the scanned folder: no cache this run\n`)
    expect(treeDigest(repo)).toBe(before)
  })

  it('concurrent runs on one cache folder both succeed with the same report, and leave a cache a third run reuses', async () => {
    const repo = fixtureRepo('codecloud-compliant')
    const cacheDir = tmp('privaudit-pr-cache-')
    const run = () => new Promise<{ status: number | null; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'scan', repo, '--format', 'json', '--cache-dir', cacheDir], { env: { ...process.env, CI: 'true', NO_COLOR: '1' } })
      let stdout = ''
      child.stdout.on('data', (d) => (stdout += d))
      child.on('close', (status) => resolve({ status, stdout }))
    })
    const [a, b] = await Promise.all([run(), run()])
    expect(a.status).toBe(0)
    expect(b.status).toBe(0)
    expect(a.stdout).toBe(b.stdout)
    const third = scan(repo, cacheDir, '--timings')
    expect(third.stdout).toBe(a.stdout)
    expect(analysed(third.stderr)![1]).toBe(0)
  })
})

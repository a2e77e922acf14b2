// Comparing runs: fingerprints survive moved lines and new uses elsewhere; matching is by fingerprint, as a multiset;
// baselines come from JSON or SARIF reports; compareRefs scans a real git base in a temporary worktree.
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { audit } from '../../src/core/audit.js'
import { baselineFindings } from '../../src/collect/baseline.js'
import { compareRefs } from '../../src/core/compare.js'
import { matchFindings, withComparison, withoutPositions } from '../../src/model/findings.js'
import { renderJson } from '../../src/reporters/json.js'
import { renderSarif } from '../../src/reporters/sarif.js'
import type { Finding } from '../../src/types/index.js'
import { schemaErrors } from '../helpers/cli.js'
import { commit, git, makeGitRepo } from '../helpers/git.js'
import { makeRepo } from '../helpers/tmp.js'
import { RULES } from '../../src/core/diff.js'

const POLICY = '# Privacy Policy\n\n## Subprocessors\n\nWe use Stripe (payments) to process your personal data.\n'
const PACKAGE = (deps: Record<string, string>) => `${JSON.stringify({ name: 'web', private: true, dependencies: deps }, null, 2)}\n`
const PROVIDERS = "import posthog from 'posthog-js'\n\nexport function init() {\n  posthog.init('phc_x', { api_host: 'https://eu.i.posthog.com' })\n}\n"

function finding(fingerprint: string, extra: Partial<Finding> = {}): Finding {
  return { ruleId: 'undeclared-subprocessor', severity: 'error', message: 'm', locations: [{ file: 'a.ts', line: 1 }], fingerprint, ...extra }
}

describe('fingerprints', () => {
  it('survive a moved line, and a new use of the same vendor in a file that sorts first', async () => {
    const root = makeRepo({ 'PRIVACY.md': POLICY, 'package.json': PACKAGE({ stripe: '^14' }), 'src/providers.ts': PROVIDERS })
    const before = (await audit({ root })).report.findings
    expect(before.map((f) => f.vendor)).toEqual(['posthog'])
    // the import moves down three lines and the host call with it
    writeFileSync(path.join(root, 'src/providers.ts'), `// analytics\n\n\n${PROVIDERS}`)
    writeFileSync(path.join(root, 'a-first.ts'), "import posthog from 'posthog-js'\nexport default posthog\n")
    const after = (await audit({ root })).report.findings
    expect(before[0].locations[0]).toMatchObject({ file: 'src/providers.ts', line: 1 })
    expect(after[0].locations[0]).toMatchObject({ file: 'a-first.ts', line: 1 })
    expect(after[0].locations).toContainEqual(expect.objectContaining({ file: 'src/providers.ts', line: 4 }))
    expect(after.map((f) => f.fingerprint)).toEqual(before.map((f) => f.fingerprint))
    expect(matchFindings(before, after)).toMatchObject({ added: [], fixed: [] })
  })

  it('the fallback key drops positions and counts from a message', () => {
    expect(withoutPositions('Used in src/a.ts:14:3 and 2 more place(s), line 9, lines 3-5.')).toBe('Used in src/a.ts and more place(s), line, lines.')
    expect(withoutPositions('AES-128 at src/a.ts:7')).toBe('AES-128 at src/a.ts')
  })
})

describe('matchFindings / withComparison', () => {
  it('matches by fingerprint as a multiset', () => {
    const base = [finding('a'), finding('b'), finding('b')]
    const head = [finding('b'), finding('b'), finding('b'), finding('c')]
    const { added, fixed, unchanged } = matchFindings(base, head)
    expect(added.map((f) => f.fingerprint)).toEqual(['b', 'c'])
    expect(fixed.map((f) => f.fingerprint)).toEqual(['a'])
    expect(unchanged).toHaveLength(2)
  })

  it('keeps only new findings, recounts the summary, and stays schema-valid', async () => {
    const root = makeRepo({ 'PRIVACY.md': POLICY, 'package.json': PACKAGE({ stripe: '^14', 'posthog-js': '^1', '@sentry/node': '^8' }) })
    const { report } = await audit({ root })
    expect(report.summary.error).toBe(2)
    const posthog = report.findings.find((f) => f.vendor === 'posthog')!
    const compared = withComparison(report, [posthog, finding('0123456789abcdef01234567')], { base: 'report.json' })
    expect(compared.findings.map((f) => f.vendor)).toEqual(['sentry'])
    expect(compared.summary).toEqual({ error: 1, warning: 0, note: 0 })
    expect(compared.comparison).toMatchObject({ base: 'report.json', unchanged: 1, fixed: [{ fingerprint: '0123456789abcdef01234567' }] })
    expect(schemaErrors(JSON.parse(renderJson(compared)))).toEqual([])
  })
})

describe('baselineFindings', () => {
  it('reads the findings of a JSON report and of a SARIF log, with the same fingerprints', async () => {
    const root = makeRepo({ 'PRIVACY.md': POLICY, 'package.json': PACKAGE({ stripe: '^14', 'posthog-js': '^1' }) })
    const { report } = await audit({ root })
    const fromJson = baselineFindings(JSON.parse(renderJson(report)))!
    const fromSarif = baselineFindings(JSON.parse(renderSarif(report, { color: false, rules: RULES })))!
    expect(fromJson.map((f) => f.fingerprint)).toEqual(report.findings.map((f) => f.fingerprint))
    expect(fromSarif.map((f) => [f.ruleId, f.severity, f.vendor, f.fingerprint, f.locations[0]])).toEqual(report.findings.map((f) => [f.ruleId, f.severity, f.vendor, f.fingerprint, f.locations[0]]))
  })

  it('refuses what is not a privaudit report', () => {
    expect(baselineFindings({ hello: 1 })).toBeUndefined()
    expect(baselineFindings([1, 2])).toBeUndefined()
    expect(baselineFindings({ version: '2.1.0', runs: [{ tool: { driver: { name: 'eslint' } }, results: [] }] })).toBeUndefined()
    expect(baselineFindings({ findings: [{ ruleId: 'x' }] })).toBeUndefined()
  })
})

describe('compareRefs', () => {
  it('scans the base in a temporary worktree: new and fixed findings, nothing left behind', async () => {
    const repo = makeGitRepo({ 'PRIVACY.md': POLICY, 'package.json': PACKAGE({ stripe: '^14', '@sentry/node': '^8' }) })
    commit(repo, { 'package.json': PACKAGE({ stripe: '^14', 'posthog-js': '^1' }), 'src/providers.ts': PROVIDERS })
    const before = readdirSync(os.tmpdir()).filter((d) => d.startsWith('privaudit-worktree-')).length
    const { report, baseSha, headSha } = await compareRefs({ cwd: repo, base: 'HEAD~1' })
    expect(headSha).toBeUndefined()
    expect(baseSha).toBe(git(repo, 'rev-parse', 'HEAD~1'))
    expect(report.findings.map((f) => f.vendor)).toEqual(['posthog'])
    expect(report.comparison?.fixed.map((f) => f.vendor)).toEqual(['sentry'])
    expect(report.comparison?.base).toBe(`HEAD~1 (${baseSha.slice(0, 7)})`)
    expect(report.root).toBe(repo)
    expect(git(repo, 'worktree', 'list').split('\n')).toHaveLength(1)
    expect(readdirSync(os.tmpdir()).filter((d) => d.startsWith('privaudit-worktree-')).length).toBeLessThanOrEqual(before)
  })

  it('a head ref, a subfolder the base lacks, and a policy the base lacks', async () => {
    const repo = makeGitRepo({ 'README.md': '# app\n' })
    const head = commit(repo, { 'apps/web/PRIVACY.md': POLICY, 'apps/web/package.json': PACKAGE({ stripe: '^14', 'posthog-js': '^1' }) })
    commit(repo, { 'apps/web/package.json': PACKAGE({}) }) // the work tree moves on; the head ref is what counts
    const { report, subpath } = await compareRefs({ cwd: repo, path: 'apps/web', base: 'main~2', head: head.slice(0, 10), policy: 'apps/web/PRIVACY.md' })
    expect(subpath).toBe('apps/web')
    expect(report.findings.map((f) => f.vendor)).toEqual(['posthog'])
    expect(report.comparison).toMatchObject({ unchanged: 0, fixed: [] })
    expect(report.comparison?.head).toBe(`${head.slice(0, 10)} (${head.slice(0, 7)})`)
    expect(existsSync(report.root)).toBe(true)
  })

  it('names an unknown ref and a folder outside git', async () => {
    const repo = makeGitRepo({ 'PRIVACY.md': POLICY })
    await expect(compareRefs({ cwd: repo, base: 'nope' })).rejects.toThrow(/unknown git revision: nope/)
    await expect(compareRefs({ cwd: repo, base: '--output=/tmp/x' })).rejects.toThrow(/unknown git revision/)
    await expect(compareRefs({ cwd: makeRepo({ 'a.txt': '' }), base: 'main' })).rejects.toThrow(/not a git repository/)
  })
})

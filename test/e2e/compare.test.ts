// The built CLI as a process: `scan --baseline`, `privaudit diff` in a real git repo, `subprocessors`, and the
// sarif/markdown/html formats of `scan`.
import { parse as parseYaml } from 'yaml'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Report } from '../../src/types/index.js'
import { runCli, schemaErrors } from '../helpers/cli.js'
import { commit, makeGitRepo } from '../helpers/git.js'
import { makeRepo } from '../helpers/tmp.js'

const POLICY = '# Privacy Policy\n\n## Subprocessors\n\nWe use Stripe (payments) to process your personal data.\n'
const PACKAGE = (deps: Record<string, string>) => `${JSON.stringify({ name: 'shop', private: true, dependencies: deps }, null, 2)}\n`

describe('privaudit scan --baseline', () => {
  it('lists only findings the baseline lacks; exit code from those; JSON and SARIF baselines alike', () => {
    const root = makeRepo({ 'PRIVACY.md': POLICY, 'package.json': PACKAGE({ stripe: '^14', 'posthog-js': '^1' }) })
    const baseline = path.join(root, 'baseline.json')
    expect(runCli(['scan', root, '--format', 'json', '--output', baseline]).status).toBe(1)
    const sarifBaseline = path.join(root, 'baseline.sarif')
    runCli(['scan', root, '--format', 'sarif', '--output', sarifBaseline])

    // nothing new: exit 0 though PostHog is still undeclared
    const same = runCli(['scan', root, '--baseline', baseline, '--format', 'json'])
    expect(same.status).toBe(0)
    const sameReport = JSON.parse(same.stdout) as Report
    expect(sameReport.findings).toEqual([])
    expect(sameReport.comparison).toEqual({ base: baseline, unchanged: 1, fixed: [] })
    expect(schemaErrors(sameReport)).toEqual([])

    // moving lines changes nothing; a new vendor is new
    writeFileSync(path.join(root, 'package.json'), `\n\n${PACKAGE({ '@sentry/node': '^8', stripe: '^14', 'posthog-js': '^1' })}`)
    for (const file of [baseline, sarifBaseline]) {
      const r = runCli(['scan', root, '--baseline', file, '--format', 'json'])
      expect(r.status).toBe(1)
      expect((JSON.parse(r.stdout) as Report).findings.map((f) => f.vendor)).toEqual(['sentry'])
    }
    const text = runCli(['scan', root, '--baseline', baseline])
    expect(text.stdout).toMatch(/compared with .*baseline\.json: only new findings are listed; 1 finding unchanged, 0 fixed/)
    expect(text.stdout).not.toMatch(/PostHog \(product/)
  })

  it('a missing or foreign baseline exits 2 with one line', () => {
    const root = makeRepo({ 'PRIVACY.md': POLICY, 'x.json': '{"hello":1}' })
    expect(runCli(['scan', root, '--baseline', path.join(root, 'nope.json')])).toMatchObject({ status: 2, stderr: `privaudit: baseline file not found: ${path.join(root, 'nope.json')}\n` })
    expect(runCli(['scan', root, '--baseline', path.join(root, 'x.json')]).stderr).toMatch(/^privaudit: invalid baseline .*x\.json: not a privaudit report/)
  })
})

describe('privaudit diff', () => {
  it('BASE_REF against the work tree, and BASE_REF HEAD_REF, in a real repo', () => {
    const repo = makeGitRepo({ 'PRIVACY.md': POLICY, 'package.json': PACKAGE({ stripe: '^14', '@sentry/node': '^8' }) })
    commit(repo, { 'package.json': PACKAGE({ stripe: '^14', 'posthog-js': '^1' }) })

    const text = runCli(['diff', 'main~1'], { cwd: repo })
    expect(text.status).toBe(1)
    expect(text.stdout).toMatch(/PostHog .* is used through `posthog-js` in package\.json:\d+, but PRIVACY\.md does not declare it/)
    expect(text.stdout).toMatch(/compared with main~1 \(\w{7}\): only new findings are listed; 0 findings unchanged, 1 fixed\n {2}fixed: Sentry/)

    const json = runCli(['diff', 'main~1', 'main', '--format', 'json'], { cwd: repo })
    const report = JSON.parse(json.stdout) as Report
    expect(schemaErrors(report)).toEqual([])
    expect(report.findings.map((f) => f.vendor)).toEqual(['posthog'])
    expect(report.comparison?.head).toMatch(/^main \(\w{7}\)$/)
    expect(report.comparison?.fixed.map((f) => f.vendor)).toEqual(['sentry'])

    // reversed: PostHog is the fix, Sentry the new finding; --fail-on none exits 0
    const reversed = runCli(['diff', 'main', 'main~1', '--format', 'markdown', '--fail-on', 'none'], { cwd: repo })
    expect(reversed.status).toBe(0)
    expect(reversed.stdout).toMatch(/## New findings\n\n### ✖ error · undeclared-subprocessor · Sentry/)
    expect(reversed.stdout).toMatch(/## Fixed\n\n- ✖ undeclared-subprocessor: PostHog/)
  })

  it('an unknown ref or a folder outside git exits 2', () => {
    const repo = makeGitRepo({ 'PRIVACY.md': POLICY })
    expect(runCli(['diff', 'nope'], { cwd: repo })).toMatchObject({ status: 2, stderr: 'privaudit: unknown git revision: nope\n' })
    expect(runCli(['diff', 'main'], { cwd: makeRepo({ 'a.md': '' }) }).stderr).toMatch(/^privaudit: not a git repository: /)
  })
})

describe('privaudit subprocessors', () => {
  it('prints the list in csv, json and markdown', () => {
    const root = makeRepo({ 'PRIVACY.md': POLICY, 'package.json': PACKAGE({ stripe: '^14', 'posthog-js': '^1' }) })
    const csv = runCli(['subprocessors', root, '--format', 'csv'])
    expect(csv.status).toBe(0)
    expect(csv.stdout.split('\r\n').slice(0, 3)).toEqual([
      'Subprocessor,Legal name,Purpose,Category,Data categories,Privacy policy,Declared in policy,Used in',
      'PostHog,PostHog Inc.,product analytics and session recording,analytics,,https://posthog.com/privacy,no,package.json',
      'Stripe,"Stripe, Inc.",payment processing,payments,,https://stripe.com/privacy,yes,package.json',
    ])
    const json = JSON.parse(runCli(['subprocessors', root, '--format', 'json']).stdout)
    expect(json.subprocessors.map((s: { id: string }) => s.id)).toEqual(['posthog', 'stripe'])
    const fides = runCli(['subprocessors', root, '--format', 'fides'])
    expect(fides.status).toBe(0)
    const systems = (parseYaml(fides.stdout) as { system: Array<{ fides_key: string; privacy_declarations: Array<{ data_use: string }> }> }).system
    expect(systems.map((s) => [s.fides_key, s.privacy_declarations[0].data_use])).toEqual([['posthog', 'analytics.reporting'], ['stripe', 'essential.service.payment_processing']])
    const out = path.join(root, 'subprocessors.md')
    expect(runCli(['subprocessors', root, '--output', out]).stdout).toBe('')
    expect(readFileSync(out, 'utf8')).toMatch(/^# Subprocessors\n\n\| Subprocessor \| Legal name/)
  })
})

describe('privaudit scan --format sarif|markdown|html', () => {
  it('each format renders the fixture (markdown: see diff above)', () => {
    for (const [format, pattern] of [['sarif', /"version": "2\.1\.0"/], ['html', /^<!doctype html>/]] as const) {
      const r = runCli(['scan', 'fixtures/jeanclaude', '--format', format])
      expect(r.status).toBe(1)
      expect(r.stdout).toMatch(pattern)
      expect(r.stdout).toMatch(/posthog/i)
    }
  })
})

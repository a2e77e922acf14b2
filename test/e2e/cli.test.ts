// The real binary as a process: flags, exit codes, one-line errors, determinism, no spinner on stdout.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Report } from '../../src/types/index.js'
import { runCli, schemaErrors } from '../helpers/cli.js'
import { makeRepo } from '../helpers/tmp.js'

const POLICY = '# Privacy Policy\n\n## Subprocessors\n\nWe use Stripe (payments) to process your personal data.\n'

function repo(extra: Record<string, string> = {}) {
  return makeRepo({
    'PRIVACY.md': POLICY,
    'package.json': JSON.stringify({ name: 'shop', dependencies: { stripe: '^14.0.0', 'posthog-node': '^4.0.0' }, devDependencies: { '@sentry/cli': '^2.0.0', vitest: '^1.0.0' } }, null, 2),
    'src/billing.ts': "import Stripe from 'stripe'\nexport const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)\n",
    'src/analytics.ts': "import { PostHog } from 'posthog-node'\nexport const ph = new PostHog('phc_x', { host: 'https://eu.i.posthog.com' })\n",
    ...extra,
  })
}

describe('privaudit scan (process)', () => {
  it('reports an undeclared vendor in text, exits 1, and never reports a devDependency', () => {
    const { status, stdout, stderr } = runCli(['scan', repo()])
    expect(status).toBe(1)
    expect(stderr).toBe('')
    expect(stdout).toMatch(/undeclared-subprocessor \(1\)/)
    expect(stdout).toMatch(/PostHog .* is used through `posthog-node` in package\.json:\d+/)
    expect(stdout).not.toMatch(/Sentry/)
    expect(stdout).toMatch(/1 error, 0 warnings, 0 notes/)
    expect(stdout).not.toMatch(/\x1b\[/) // no colour when stdout is not a terminal
  })

  it('--fail-on none exits 0; --fail-on note fails on a note', () => {
    expect(runCli(['scan', repo(), '--fail-on', 'none']).status).toBe(0)
    const compliant = repo({ 'src/analytics.ts': 'export {}\n', 'package.json': JSON.stringify({ name: 'shop', dependencies: { stripe: '^14' } }) })
    expect(runCli(['scan', compliant]).status).toBe(0)
    const withNote = makeRepo({ 'PRIVACY.md': `${POLICY}\nWe also use Neon (database) as a subprocessor.\n`, 'package.json': JSON.stringify({ name: 'x', dependencies: { stripe: '^14' } }) })
    expect(runCli(['scan', withNote]).status).toBe(0)
    expect(runCli(['scan', withNote, '--fail-on', 'note']).status).toBe(1)
  })

  it('writes JSON to --output atomically and prints nothing to stdout', () => {
    const root = repo()
    const out = path.join(root, 'report.json')
    const { status, stdout } = runCli(['scan', root, '--format', 'json', '--output', out])
    expect(status).toBe(1)
    expect(stdout).toBe('')
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report
    expect(schemaErrors(report)).toEqual([])
    expect(report.findings.map((f) => f.vendor)).toEqual(['posthog'])
    expect(report.policy?.path).toBe('PRIVACY.md')
  })

  it('gives byte-identical JSON for two scans of the same tree', () => {
    const root = repo()
    const a = runCli(['scan', root, '--format', 'json']).stdout
    const b = runCli(['scan', root, '--format', 'json']).stdout
    expect(a.length).toBeGreaterThan(100)
    expect(a).toBe(b)
  })

  it('--quiet prints only the findings at or above --fail-on and the summary', () => {
    const { stdout } = runCli(['scan', repo(), '--quiet'])
    expect(stdout).toMatch(/undeclared-subprocessor/)
    expect(stdout).not.toMatch(/Subprocessors/)
  })

  it('--policy picks a policy file outside the discovery names', () => {
    const root = repo({ 'PRIVACY.md': '# Privacy\nWe collect personal data. Third parties. Your rights. Cookies.\n', 'legal/notice.txt': 'Privacy notice. We use Stripe and PostHog to process personal data.\n' })
    const report = JSON.parse(runCli(['scan', root, '--format', 'json', '--policy', path.join(root, 'legal/notice.txt')]).stdout) as Report
    expect(report.policy).toMatchObject({ path: 'legal/notice.txt', source: '--policy' })
    expect(report.findings).toEqual([])
  })

  it('no policy: a warning finding, the vendor inventory still listed, exit 0', () => {
    const root = makeRepo({ 'package.json': JSON.stringify({ name: 'x', dependencies: { stripe: '^14' } }) })
    const { status, stdout } = runCli(['scan', root, '--format', 'json'])
    expect(status).toBe(0)
    const report = JSON.parse(stdout) as Report
    expect(report.policy).toBeNull()
    expect(report.findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['policy-not-found warning'])
    expect(report.vendors.map((v) => `${v.id} ${v.detected} ${v.declared}`)).toEqual(['stripe true false'])
  })

  it.each([
    [['scan', '/nonexistent/privaudit-path'], /^privaudit: path not found: \/nonexistent\/privaudit-path\n$/],
    [['scan', '.', '--policy', 'nope.md'], /^privaudit: policy file not found: nope\.md\n$/],
    [['scan', '.', '--config', 'nope.yml'], /^privaudit: config file not found: nope\.yml\n$/],
  ])('input error %j exits 2 with one line on stderr', (args, message) => {
    const { status, stderr, stdout } = runCli(args)
    expect(status).toBe(2)
    expect(stderr).toMatch(message)
    expect(stdout).toBe('')
  })

  it('a usage error (unknown flag, bad --format) exits 2', () => {
    expect(runCli(['scan', '--nope']).status).toBe(2)
    expect(runCli(['scan', '--format', 'xml']).status).toBe(2)
  })

  it.each([
    ['ignore:\n  - rule: undeclared-subprocessor\n    vendor: posthog\n', /^privaudit: invalid config \.privaudit\.yml:2: ignore\[0\]: missing "reason"\n$/],
    ['policy: PRIVACY.md\nfailOn: error\n', /^privaudit: invalid config \.privaudit\.yml:1: \(top level\): unknown key "failOn"\n$/],
    ['declared:\n  - vendor: [oops\n', /^privaudit: invalid config \.privaudit\.yml:\d+: /],
    ['declared:\n  - vendor: not-a-vendor\n', /^privaudit: invalid config \.privaudit\.yml: declared vendor "not-a-vendor" is not in the catalog\n$/],
  ])('an invalid config exits 2 naming the line and key (%#)', (config, message) => {
    const { status, stderr } = runCli(['scan', repo({ '.privaudit.yml': config })])
    expect(status).toBe(2)
    expect(stderr).toMatch(message)
  })

  it('.privaudit.yml declares vendors, ignores with a reason, and changes severities', () => {
    const declared = runCli(['scan', repo({ '.privaudit.yml': 'declared:\n  - vendor: posthog\n    reason: DPA annex\n' }), '--format', 'json'])
    expect(declared.status).toBe(0)
    const ignored = JSON.parse(runCli(['scan', repo({ '.privaudit.yml': 'ignore:\n  - rule: undeclared-subprocessor\n    path: src/analytics.ts\n    reason: server-side only\n' }), '--format', 'json']).stdout) as Report & { suppressed: unknown[] }
    // the dependency in package.json still shows the use
    expect(ignored.findings.map((f) => f.locations.map((l) => l.file))).toEqual([['package.json']])
    expect(ignored.suppressed).toEqual([{ ruleId: 'undeclared-subprocessor', vendor: 'posthog', reason: 'server-side only', locations: 2 }])
    const downgraded = runCli(['scan', repo({ '.privaudit.yml': 'rules:\n  undeclared-subprocessor: warning\n' })])
    expect(downgraded.status).toBe(0)
    expect(downgraded.stdout).toMatch(/▲ warning/)
  })
})

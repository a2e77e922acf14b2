// Every check reads exactly the evidence and claim kinds it declares. The runner hands a check only those (the ledger
// stays whole), so a kind read but not declared would silently vanish, and one declared but not read makes the
// declaration lie. Held on the fixture repos and on small inputs that give each kind a check reads on its own.
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCatalog, type Catalog } from '../../src/catalog/index.js'
import { CHECKS, type Check } from '../../src/checks/index.js'
import { defineCheck } from '../../src/checks/types.js'
import { collectWorkspace } from '../../src/collect/index.js'
import { defaultConfig, loadConfig, type Config } from '../../src/collect/config.js'
import { diff } from '../../src/core/diff.js'
import { detect } from '../../src/detect/index.js'
import { parsePolicy } from '../../src/policy/index.js'
import { EVIDENCE_KINDS, type Claim, type ClaimKind, type Evidence, type EvidenceKind } from '../../src/types/index.js'
import { VENDOR_USE_KINDS } from '../../src/model/ledger.js'
import { testCatalog } from '../helpers/catalog.js'
import { claim, ev, policyClaim } from '../helpers/check-tester.js'
import { denial, names, script, setCookie } from '../helpers/cookies.js'
import { dataClaim, dataFlow, signal } from '../helpers/data-flows.js'

const FIXTURES = path.join(import.meta.dirname, '../../fixtures')
const CLAIM_KINDS = Object.keys({ vendor: 1, 'vendor-category': 1, cookie: 1, security: 1, region: 1, 'data-practice': 1, data: 1 } satisfies Record<ClaimKind, 1>) as ClaimKind[]

interface Input {
  name: string
  evidence: Evidence[]
  claims: Claim[]
  catalog: Catalog
  config: Config
  policy: { path: string } | null
}

/** What the pipeline hands the diff stage for a fixture repo. */
function fixture(name: string): Input {
  const root = path.join(FIXTURES, name)
  const config = loadConfig(root)
  const catalog = loadCatalog({ extraVendors: config.vendors })
  const workspace = collectWorkspace(root, { configPolicy: config.policy, maxFileSize: config.maxFileSize, exclude: config.exclude })
  const claims = workspace.policy ? parsePolicy(workspace.policy, catalog).claims : []
  return { name, evidence: detect(workspace, catalog).evidence, claims, catalog, config, policy: workspace.policy ? { path: workspace.policy.path } : null }
}

/** An input of a few items, where one kind is what decides: the fixtures' vendors are also seen through other kinds. */
function small(name: string, evidence: Evidence[], claims: Claim[]): Input {
  return { name, evidence, claims, catalog: testCatalog(), config: defaultConfig(), policy: { path: 'PRIVACY.md' } }
}

const kmsAtRest = policyClaim({ kind: 'security', subject: 'encryption-at-rest', data: { vendor: 'aws-kms' } })

const INPUTS = [
  ...readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => fixture(d.name)),
  // a vendor used through one kind only: undeclared, declared, or the key manager a promise names
  ...VENDOR_USE_KINDS.flatMap((kind) => [
    small(`stripe through ${kind}`, [ev(kind, 'stripe', 'stripe')], []),
    small(`declared stripe through ${kind}`, [ev(kind, 'stripe', 'stripe')], [claim('stripe')]),
    small(`kms through ${kind}`, [ev(kind, 'kms', 'aws-kms')], [kmsAtRest]),
  ]),
  // cookies the policy lists or rules out, set by code, by a vendor script, by a tag in a page
  small('a cookie the list lacks', [setCookie('theme')], [names(['session'])]),
  small('a vendor script', [script('posthog', 'https://us.i.posthog.com/static/array.js')], [names(['session']), denial('analytics cookies', ['analytics'])]),
  small('a vendor tag in a page', [script('posthog', 'https://us.i.posthog.com/i/v0/e', 'public/index.html', 12, 'host')], [names(['session']), denial('analytics cookies', ['analytics'])]),
  // personal data: logged, sent against a denial, and a Do Not Track promise kept by a signal
  small('an email logged', [dataFlow('user.contact.email', 'email', undefined)], [dataClaim('logs', { level: 'minimal' })]),
  small('a private key logged against a denial', [dataFlow('user.authorization.credentials.private_key', 'privateKey', undefined)],
    [dataClaim('data-denial', { categories: ['user.authorization.credentials.private_key'], scope: 'receive' }, { polarity: 'deny' })]),
  small('a phone number stored that the collection list omits', [dataFlow('user.contact.phone_number', 'phone', undefined, 'a.ts', 1, { sinkKind: 'storage' })],
    [dataClaim('collection', { categories: ['user.contact.email'] })]),
  small('a DNT promise broken', [ev('import', 'posthog-js', 'posthog')], [dataClaim('do-not-track', { signals: ['dnt'] })]),
  small('a DNT promise and a pixel', [script('meta-pixel', 'https://connect.facebook.net/en_US/fbevents.js')], [dataClaim('do-not-track', { signals: ['dnt'] })]),
  small('a DNT promise kept', [ev('import', 'posthog-js', 'posthog'), signal({ signal: 'dnt', how: 'navigator' })], [dataClaim('do-not-track', { signals: ['dnt'] })]),
]

type Kinds = { evidence: readonly EvidenceKind[]; claims: readonly ClaimKind[] }

const plus = (kinds: Kinds, side: keyof Kinds, kind: string): Kinds => ({ ...kinds, [side]: [...kinds[side], kind] })
const minus = (kinds: Kinds, side: keyof Kinds, kind: string): Kinds => ({ ...kinds, [side]: kinds[side].filter((k) => k !== kind) })

/**
 * The findings and every claim's status when the runner hands the check `handed` and builds the ledger from `seen`
 * (what the pipeline produced, less the other kinds).
 */
function outcome(check: Check, input: Input, handed: Kinds, seen: Kinds = handed): string {
  const evidence = input.evidence.filter((e) => seen.evidence.includes(e.kind))
  const claims = input.claims.filter((c) => seen.claims.includes(c.kind))
  const result = diff({ ...input, evidence, claims, checks: [{ meta: { ...check.meta, ...handed }, run: check.run }] })
  const status = new Map(claims.map((c, i) => [c, result.claims[i].status]))
  return JSON.stringify({ findings: result.findings, claims: input.claims.map((c) => status.get(c) ?? 'unverifiable') })
}

/** The outcome, or undefined when the check throws: it may assume the kinds it declares (its types say so). */
function outcomeIfRuns(...args: Parameters<typeof outcome>): string | undefined {
  try {
    return outcome(...args)
  } catch {
    return undefined
  }
}

/**
 * Where a check's declaration is untrue. Its own code reads only the declared kinds (CheckContext is typed by them);
 * what is left is what the model reads for it: the ledger, which the runner builds from every kind, and the helpers
 * it hands its evidence to (the cookie scan). A kind is read when adding it to the ledger, or handing it, changes
 * what the check reports on some input; declared and unread when no input changes without it.
 */
function declarationProblems(check: Check, inputs: Input[]): string[] {
  const declared: Kinds = { evidence: check.meta.evidence, claims: check.meta.claims }
  const problems = new Map<string, string>()
  const sides = [['evidence', EVIDENCE_KINDS], ['claims', CLAIM_KINDS]] as const
  for (const input of inputs) {
    const expected = outcome(check, input, declared)
    for (const [side, all] of sides) {
      const has: readonly string[] = declared[side]
      for (const kind of all.filter((k) => !has.includes(k))) {
        const more = plus(declared, side, kind)
        const read = outcome(check, input, declared, more) !== expected || ![undefined, expected].includes(outcomeIfRuns(check, input, more))
        const problem = `reads ${side} '${kind}' it does not declare`
        if (read && !problems.has(problem)) problems.set(problem, input.name)
      }
    }
  }
  for (const [side] of sides) {
    for (const kind of declared[side]) {
      if (inputs.every((input) => outcome(check, input, minus(declared, side, kind)) === outcome(check, input, declared))) problems.set(`declares ${side} '${kind}' it never reads`, '')
    }
  }
  return [...problems].map(([problem, input]) => (input ? `${problem} (${input})` : problem))
}

describe('the check runner', () => {
  it('hands a check the evidence and claims of its declared kinds, and the whole ledger', () => {
    const seen: { evidence: Evidence[]; claims: Claim[]; used: string[] } = { evidence: [], claims: [], used: [] }
    const spy = defineCheck({
      meta: { id: 'spy-check', description: 'records what it is handed', defaultSeverity: 'note', evidence: ['transport', 'region'], claims: ['security'], needsPolicy: false },
      run({ evidence, claims, ledger }) {
        seen.evidence = evidence
        seen.claims = claims
        seen.used = [...ledger.used.keys()]
      },
    })
    const transport = ev('transport', 'api.example.com', undefined, 'src/a.ts', 1, { data: { scheme: 'https', url: 'https://api.example.com', secure: true } })
    const dependency = ev('dependency', 'stripe', 'stripe', 'package.json', 3)
    const https = policyClaim({ kind: 'security', subject: 'transport', data: { protocol: 'https' } })
    const stripe = policyClaim({ kind: 'vendor', subject: 'stripe', vendor: 'stripe', strength: 'listed', data: { alias: 'Stripe' } })
    diff({ evidence: [dependency, transport], claims: [stripe, https], catalog: testCatalog(), config: defaultConfig(), policy: null, checks: [spy] })
    expect(seen.evidence).toEqual([transport])
    expect(seen.evidence[0]).toBe(transport)
    expect(seen.claims).toEqual([https])
    expect(seen.used).toEqual(['stripe'])
  })
})

describe('check declarations', () => {
  for (const check of CHECKS) {
    it(`${check.meta.id} reads exactly the kinds it declares`, () => {
      expect(declarationProblems(check, INPUTS).join("\n")).toBe("")
    })
  }

  /** A check as it would be with another declaration. */
  const declaring = (id: string, kinds: Partial<Kinds>): Check => {
    const check = CHECKS.find((c) => c.meta.id === id)!
    return { ...check, meta: { ...check.meta, ...kinds } }
  }

  it('catches a kind declared and never read: the cookie checks once declared imports', () => {
    expect(declarationProblems(declaring('cookie-claim-mismatch', { evidence: ['cookie', 'import', 'script', 'host'] }), INPUTS)).toEqual(["declares evidence 'import' it never reads"])
    expect(declarationProblems(declaring('insecure-transport', { evidence: ['transport', 'region'] }), INPUTS)).toEqual(["declares evidence 'region' it never reads"])
  })

  it('catches a kind read and not declared, by the check or through the ledger', () => {
    expect(declarationProblems(declaring('insecure-transport', { evidence: [] }), INPUTS)).toEqual(["reads evidence 'transport' it does not declare (codecloud)", "declares claims 'security' it never reads"])
    // a key manager's use comes from the ledger: the check once declared only the package kinds of it
    expect(declarationProblems(declaring('encryption-claim-mismatch', { evidence: ['crypto-call', 'import', 'dependency'] }), INPUTS)).toEqual([
      "reads evidence 'host' it does not declare (kms through host)", "reads evidence 'script' it does not declare (kms through script)",
      "reads evidence 'env' it does not declare (kms through env)", "reads evidence 'config' it does not declare (kms through config)",
    ])
    expect(declarationProblems(declaring('declared-subprocessor-unused', { evidence: [] }), INPUTS)).toEqual([
      "reads evidence 'dependency' it does not declare (codecloud)", "reads evidence 'import' it does not declare (codecloud)",
      "reads evidence 'host' it does not declare (codecloud)", "reads evidence 'env' it does not declare (codecloud)",
      "reads evidence 'config' it does not declare (isol8)", "reads evidence 'script' it does not declare (declared stripe through script)",
    ])
    expect(declarationProblems(declaring('undeclared-cookie', { claims: [] }), INPUTS)).toEqual(["reads claims 'cookie' it does not declare (a cookie the list lacks)", "declares evidence 'cookie' it never reads", "declares evidence 'script' it never reads", "declares evidence 'host' it never reads"])
  })
})

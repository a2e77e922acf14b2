// ESLint RuleTester-shaped harness: each case gives evidence and claims, and the findings the check must (or must not) produce.
import { describe, expect, it } from 'vitest'
import type { Check } from '../../src/checks/index.js'
import { defaultConfig, type Config } from '../../src/collect/config.js'
import { diff } from '../../src/core/diff.js'
import type { Claim, DistributiveOmit, Evidence, EvidenceKind, EvidenceOf, Location, VendorCategory, VendorCategoryClaim, VendorClaim } from '../../src/types/index.js'
import { testCatalog } from './catalog.js'

export interface CheckCase {
  name: string
  evidence?: Evidence[]
  claims?: Claim[]
  config?: Partial<Config>
  policy?: string | null
}

export interface InvalidCase extends CheckCase {
  /** Expected findings, as `severity vendor` strings (or just the severity when there is no vendor). */
  findings: string[]
  message?: RegExp
  policyLine?: number
  /** Each finding's locations in order, as `file:line` (`file:line:column` where the evidence has a column). */
  locations: string[][]
}

/** Kinds whose data no check reads: a test may leave it to these defaults, shaped as the detectors make it. */
const DEFAULT_DATA: { [K in EvidenceKind]?: (value: string) => EvidenceOf<K>['data'] } = {
  dependency: () => ({ range: '^1.0.0' }),
  import: () => ({ via: 'import' }),
  script: (value) => ({ url: `https://${value}/` }),
}
type Defaulted = 'dependency' | 'import' | 'script' | 'host' | 'env' | 'config'
type Extra<K extends EvidenceKind> = Partial<Omit<EvidenceOf<K>, 'kind' | 'value'>>
/** The evidence's other fields; `data` is required where the kind has data and no default. */
type ExtraArg<K extends EvidenceKind> = K extends Defaulted ? [extra?: Extra<K>] : [extra: Extra<K> & Pick<EvidenceOf<K>, 'data'>]

export function ev<K extends EvidenceKind>(kind: K, value: string, vendor: string | undefined, file = 'src/index.ts', line = 1, ...[extra]: ExtraArg<K>): EvidenceOf<K> {
  const data = DEFAULT_DATA[kind]?.(value)
  // the fields of one kind, from its defaults and the arguments: TypeScript cannot follow the pairing through K
  return { kind, value, vendor, location: { file, line }, detector: 'test', reason: 'test', ...(data ? { data } : {}), ...extra } as EvidenceOf<K>
}

/** A vendor the policy lists (or, with `extra`, mentions or denies). */
export function claim(subject: string, extra: Partial<VendorClaim> = {}): VendorClaim {
  return { kind: 'vendor', subject, vendor: subject, polarity: 'affirm', strength: 'listed', section: [], quote: `We use ${subject}.`, line: 1, endLine: 1, data: { alias: subject }, ...extra }
}

/** Vendors the policy discloses (or denies) by kind only: "our analytics providers". */
export function category(subject: VendorCategory, extra: Partial<VendorCategoryClaim> = {}): VendorCategoryClaim {
  return { kind: 'vendor-category', subject, polarity: 'affirm', section: [], quote: `We use ${subject}.`, line: 1, endLine: 1, data: { phrase: subject }, ...extra }
}

type Place = 'polarity' | 'section' | 'quote' | 'line' | 'endLine'

/** A claim of any kind, its place in the policy defaulted: an affirmation on line 1. */
export function policyClaim(c: DistributiveOmit<Claim, Place> & Partial<Pick<Claim, Place>>): Claim {
  return { polarity: 'affirm', section: [], quote: `${c.kind} ${c.subject}.`, line: 1, endLine: 1, ...c }
}

export const where = (l: Location): string => [l.file, l.line, l.column].filter((x) => x !== undefined).join(':')

function run(check: Check, c: CheckCase) {
  const config = { ...defaultConfig(), ...c.config }
  const policy = c.policy === null ? null : { path: c.policy ?? 'PRIVACY.md' }
  return diff({ evidence: c.evidence ?? [], claims: c.claims ?? [], catalog: testCatalog(), config, policy, checks: [check] }).findings
}

export function testCheck(check: Check, cases: { valid: CheckCase[]; invalid: InvalidCase[] }): void {
  describe(check.meta.id, () => {
    for (const c of cases.valid) {
      it(`does not flag: ${c.name}`, () => {
        expect(run(check, c)).toEqual([])
      })
    }
    for (const c of cases.invalid) {
      it(`flags: ${c.name}`, () => {
        const findings = run(check, c)
        expect(findings.map((f) => [f.severity, f.vendor].filter(Boolean).join(' '))).toEqual(c.findings)
        expect(findings.map((f) => f.locations.map(where))).toEqual(c.locations)
        for (const f of findings) {
          expect(f.ruleId).toBe(check.meta.id)
          if (c.message) expect(f.message).toMatch(c.message)
          if (c.policyLine) expect(f.policy?.line).toBe(c.policyLine)
        }
      })
    }
  })
}

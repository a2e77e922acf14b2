// ESLint RuleTester-shaped harness: each case gives evidence and claims, and the findings the check must (or must not) produce.
import { describe, expect, it } from 'vitest'
import type { Check } from '../../src/checks/index.js'
import { defaultConfig, type Config } from '../../src/collect/config.js'
import { diff } from '../../src/core/diff.js'
import type { Claim, Evidence, EvidenceKind, Location } from '../../src/types/index.js'
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

export function ev(kind: EvidenceKind, value: string, vendor: string | undefined, file = 'src/index.ts', line = 1, extra: Partial<Evidence> = {}): Evidence {
  return { kind, value, vendor, location: { file, line }, detector: 'test', reason: 'test', ...extra }
}

export function claim(subject: string, extra: Partial<Claim> = {}): Claim {
  return { kind: 'vendor', subject, vendor: subject, polarity: 'affirm', strength: 'listed', section: [], quote: `We use ${subject}.`, line: 1, endLine: 1, ...extra }
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

// diff: claims vs evidence → findings. Checks report; small pure filters then set severity, drop ignored, sort.
import ignore from 'ignore'
import type { Catalog } from '../catalog/index.js'
import { CHECKS, type Check, type FindingInput } from '../checks/index.js'
import type { Config } from '../collect/config.js'
import type { Claim, Evidence, Finding, Location, ReportClaim, RuleMeta, Suppressed } from '../types/index.js'
import { compareFindings, fingerprint, withoutPositions } from '../model/findings.js'
import { distinctLocations } from '../model/locations.js'
import { VendorLedger } from '../model/ledger.js'
import { compareText } from '../util/order.js'

/** What the reporters show of each rule that runs, in run order. */
export const RULES: RuleMeta[] = CHECKS.map(({ meta }) => ({ id: meta.id, description: meta.description, defaultSeverity: meta.defaultSeverity }))

export interface DiffResult {
  findings: Finding[]
  /** The policy's claims, each with its coverage status. */
  claims: ReportClaim[]
  suppressed: Suppressed[]
  ledger: VendorLedger
}

export function diff(input: { evidence: Evidence[]; claims: Claim[]; catalog: Catalog; config: Config; policy: { path: string } | null; checks?: Check[] }): DiffResult {
  const { evidence, claims, catalog, config, policy } = input
  const ledger = new VendorLedger(catalog, evidence, claims, config)
  const raw: Finding[] = []
  const contradicted = new Set<Claim>()
  const confirmed = new Map<Claim, Location[]>()
  const hasDeclarations = policy !== null || config.declared.length > 0
  const evidenceOfKinds = byKinds(evidence)
  const claimsOfKinds = byKinds(claims)
  for (const check of input.checks ?? CHECKS) {
    const configured = config.rules[check.meta.id]
    if (configured === 'off') continue
    if (check.meta.needsPolicy && !hasDeclarations) continue
    const report = (f: FindingInput) => {
      const locations = f.locations.length ? f.locations : [{ file: policy?.path ?? '.', line: 1 }]
      if (f.claim) contradicted.add(f.claim)
      for (const c of f.alsoContradicts ?? []) contradicted.add(c)
      const cited = f.policy ?? (f.claim ? { line: f.claim.line, quote: f.claim.quote } : undefined)
      raw.push({
        ruleId: check.meta.id,
        severity: configured ?? f.severity ?? check.meta.defaultSeverity,
        ...(f.vendor ? { vendor: f.vendor } : {}),
        message: f.message,
        locations,
        ...(cited ? { policy: cited } : {}),
        ...(f.suggestion ? { suggestion: f.suggestion } : {}),
        fingerprint: fingerprint(check.meta.id, f.vendor, f.fingerprintFile ?? locations[0].file, f.key ?? withoutPositions(f.message)),
      })
    }
    const confirm = (claim: Claim, locations: Location[]) => {
      confirmed.set(claim, [...(confirmed.get(claim) ?? []), ...locations])
    }
    check.run({ evidence: evidenceOfKinds(check.meta.evidence), claims: claimsOfKinds(check.meta.claims), catalog, config, ledger, policy, report, confirm })
  }
  const { kept, suppressed } = applyIgnores(raw, config)
  // contradiction wins over confirmation: one broken promise is what legal needs to see
  const statuses = claims.map((c): ReportClaim => {
    if (contradicted.has(c)) return { ...c, status: 'contradicted' }
    const at = confirmed.get(c)
    if (at) return { ...c, status: 'confirmed', evidence: uniqueLocations(at) }
    return { ...c, status: 'unverifiable' }
  })
  return { findings: kept.sort(compareFindings), suppressed, ledger, claims: statuses }
}

/**
 * The items of some kinds, the list the runner hands a check for its declared kinds. Checks declaring the same kinds
 * share one list, so what the model memoises per list (the cookie scan) is computed once for them.
 */
function byKinds<T extends { kind: string }>(all: T[]): (kinds: readonly string[]) => T[] {
  const lists = new Map<string, T[]>()
  return (kinds) => {
    const key = [...kinds].sort(compareText).join(',')
    let list = lists.get(key)
    if (!list) {
      const wanted = new Set(kinds)
      list = all.filter((item) => wanted.has(item.kind))
      lists.set(key, list)
    }
    return list
  }
}

/** `.privaudit.yml` ignores: a rule (or `*`), optionally a vendor and a path pattern, always a reason. */
function applyIgnores(findings: Finding[], config: Config): { kept: Finding[]; suppressed: Suppressed[] } {
  const kept: Finding[] = []
  const suppressed: Suppressed[] = []
  for (const finding of findings) {
    let current: Finding | undefined = finding
    for (const rule of config.ignore) {
      if (!current) break
      if (rule.rule !== '*' && rule.rule !== current.ruleId) continue
      if (rule.vendor && rule.vendor !== current.vendor) continue
      if (!rule.path) {
        suppressed.push({ ruleId: current.ruleId, vendor: current.vendor, reason: rule.reason, locations: current.locations.length })
        current = undefined
        break
      }
      const matcher = ignore().add(rule.path)
      const ignored = (file: string) => {
        try {
          return matcher.ignores(file)
        } catch {
          return false // '.' and absolute paths are not patterns' business
        }
      }
      const remaining: Finding["locations"] = current.locations.filter((l) => !ignored(l.file))
      if (remaining.length === current.locations.length) continue
      suppressed.push({ ruleId: current.ruleId, vendor: current.vendor, reason: rule.reason, locations: current.locations.length - remaining.length })
      current = remaining.length ? { ...current, locations: remaining } : undefined
    }
    if (current) kept.push(current)
  }
  return { kept, suppressed }
}

function uniqueLocations(locations: Location[]): Location[] {
  return distinctLocations(locations).map((l) => ({ file: l.file, line: l.line })).sort((a, b) => compareText(a.file, b.file) || a.line - b.line)
}

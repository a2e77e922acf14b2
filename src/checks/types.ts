// What a check is: ESLint-rule-shaped metadata plus a function that reports findings through its context.
import type { Catalog } from '../catalog/index.js'
import type { Config } from '../collect/config.js'
import type { Claim, ClaimKind, ClaimOf, EvidenceKind, EvidenceOf, Location, Severity } from '../types/index.js'
import type { VendorLedger } from '../model/ledger.js'

export interface CheckMeta<E extends EvidenceKind = EvidenceKind, C extends ClaimKind = ClaimKind> {
  id: string
  /** One line: what the check finds. */
  description: string
  defaultSeverity: Severity
  /**
   * The evidence and claim kinds it reads, itself or through the ledger and the cookie model: the runner hands it these
   * and no others (the ledger stays whole). test/checks/declarations.test.ts holds every check to its declaration.
   */
  evidence: readonly E[]
  claims: readonly C[]
  /** Runs without a policy (e.g. a committed secret is wrong whatever the policy says). */
  needsPolicy: boolean
}

export interface FindingInput {
  severity?: Severity
  vendor?: string
  message: string
  locations: Location[]
  policy?: { line: number; quote: string }
  suggestion?: string
  /** The claim the finding contradicts; its line and quote become `policy` unless `policy` is given. */
  claim?: Claim
  /** More claims the same finding contradicts (two sentences promising AES-256-GCM); only `claim` is quoted. */
  alsoContradicts?: Claim[]
  /** The normalised value that identifies the finding besides rule, vendor and file (for fingerprints). */
  key?: string
  /**
   * The file the fingerprint keys on when the finding is about the repo rather than its first location (default: the
   * first location's file). A vendor-level finding keys on the policy, so a new use that sorts first is not a new finding.
   */
  fingerprintFile?: string
}

export interface CheckContext<E extends EvidenceKind = EvidenceKind, C extends ClaimKind = ClaimKind> {
  /** The evidence of the kinds the check declares. */
  evidence: Array<EvidenceOf<E>>
  /** The claims of the kinds the check declares. */
  claims: Array<ClaimOf<C>>
  catalog: Catalog
  config: Config
  ledger: VendorLedger
  policy: { path: string } | null
  report(finding: FindingInput): void
  /** Marks a policy claim as backed by the code (claims coverage); a finding that cites a claim contradicts it. */
  confirm(claim: Claim, locations: Location[]): void
}

export interface Check<E extends EvidenceKind = EvidenceKind, C extends ClaimKind = ClaimKind> {
  meta: CheckMeta<E, C>
  run(context: CheckContext<E, C>): void
}

/** A check typed by its declaration: `run` sees the evidence and claims of the declared kinds only. */
export function defineCheck<const E extends EvidenceKind = never, const C extends ClaimKind = never>(check: Check<E, C>): Check<E, C> {
  return check
}

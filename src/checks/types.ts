// What a check is: ESLint-rule-shaped metadata plus a function that reports findings through its context.
import type { Catalog } from '../catalog/index.js'
import type { Config } from '../collect/config.js'
import type { Claim, ClaimKind, Evidence, EvidenceKind, Location, Severity } from '../types/index.js'
import type { VendorLedger } from '../model/ledger.js'

export interface CheckMeta {
  id: string
  /** One line: what the check finds. */
  description: string
  defaultSeverity: Severity
  /** The evidence and claim kinds it reads; a check with none of its inputs present is skipped. */
  evidence: EvidenceKind[]
  claims: ClaimKind[]
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

export interface CheckContext {
  evidence: Evidence[]
  claims: Claim[]
  catalog: Catalog
  config: Config
  ledger: VendorLedger
  policy: { path: string } | null
  report(finding: FindingInput): void
  /** Marks a policy claim as backed by the code (claims coverage); a finding that cites a claim contradicts it. */
  confirm(claim: Claim, locations: Location[]): void
}

export interface Check {
  meta: CheckMeta
  run(context: CheckContext): void
}

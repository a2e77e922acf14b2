// Which vendors the code uses and which the policy declares: computed once, read by every vendor check.
import type { Catalog } from '../catalog/index.js'
import type { Config } from '../collect/config.js'
import type { Claim, Evidence, EvidenceKind, Vendor } from '../types/index.js'

export type Declaration = { by: 'policy'; claim: Claim } | { by: 'config'; reason?: string }

/** The evidence that names a vendor it uses: what `used` is made of, and what a check reading it declares. */
export const VENDOR_USE_KINDS = ['dependency', 'import', 'host', 'script', 'env', 'config'] as const satisfies readonly EvidenceKind[]
const VENDOR_USE = new Set<EvidenceKind>(VENDOR_USE_KINDS)
/** Evidence kinds that show real use on their own; env names and config patterns are weaker signals. */
const STRONG_KINDS = new Set(['dependency', 'import', 'host', 'script'])

export class VendorLedger {
  /** Shipped evidence by vendor id. */
  readonly used = new Map<string, Evidence[]>()
  /** Declared vendors: policy affirmations (any strength) and the config's `declared` list. */
  readonly declared = new Map<string, Declaration>()
  /** Vendors the policy names as processors (listed), for the unused check. */
  readonly listed = new Map<string, Declaration>()
  readonly denied = new Map<string, Claim>()
  /** Vague disclosures by category ("our analytics providers"). */
  readonly categories = new Map<string, Claim>()
  readonly deniedCategories = new Map<string, Claim>()

  constructor(readonly catalog: Catalog, evidence: Evidence[], claims: Claim[], config: Config) {
    for (const e of evidence) {
      if (!e.vendor || e.nonShipped || !VENDOR_USE.has(e.kind) || !catalog.get(e.vendor)) continue
      if (!this.used.has(e.vendor)) this.used.set(e.vendor, [])
      this.used.get(e.vendor)!.push(e)
    }
    this.dropS3SdkOfCompatibleStores()
    for (const c of claims) {
      if (c.kind === 'vendor' && c.vendor) {
        if (c.polarity === 'affirm') {
          // the sentence that lists the vendor as a processor is the one to cite, over a passing mention
          const current = this.declared.get(c.vendor)
          const weaker = current?.by === 'policy' && current.claim.strength === 'mentioned' && c.strength !== 'mentioned'
          if (!current || weaker) this.declared.set(c.vendor, { by: 'policy', claim: c })
        }
        if (c.polarity === 'affirm' && c.strength !== 'mentioned' && !this.listed.has(c.vendor)) this.listed.set(c.vendor, { by: 'policy', claim: c })
        if (c.polarity === 'deny' && !this.denied.has(c.vendor)) this.denied.set(c.vendor, c)
      }
      if (c.kind === 'vendor-category') {
        const target = c.polarity === 'affirm' ? this.categories : this.deniedCategories
        if (!target.has(c.subject)) target.set(c.subject, c)
      }
    }
    for (const d of config.declared) {
      if (!this.declared.has(d.vendor)) this.declared.set(d.vendor, { by: 'config', reason: d.reason })
      if (!this.listed.has(d.vendor)) this.listed.set(d.vendor, { by: 'config', reason: d.reason })
    }
  }

  /**
   * R2, B2, Wasabi and other S3-compatible stores are reached with the AWS S3 SDK. When such a store is used and
   * Amazon S3 shows nothing but that SDK (no amazonaws host, no S3 env name), the SDK is the store's client.
   */
  private dropS3SdkOfCompatibleStores(): void {
    const s3 = this.catalog.matchPackage('@aws-sdk/client-s3')?.vendor.id
    if (!s3 || !this.used.has(s3)) return
    if (![...this.used.keys()].some((id) => this.catalog.get(id)?.s3Compatible)) return
    if (this.used.get(s3)!.every((e) => e.kind === 'dependency' || e.kind === 'import')) this.used.delete(s3)
  }

  /** The declaration covering a vendor: its own, or its platform's (declaring AWS covers AWS Bedrock). */
  coverage(id: string): Declaration | undefined {
    for (const v of this.catalog.lineage(id)) {
      const d = this.declared.get(v.id)
      if (d) return d
    }
    return undefined
  }

  /** A denial of the vendor or of its platform. */
  denial(id: string): Claim | undefined {
    for (const v of this.catalog.lineage(id)) {
      const d = this.denied.get(v.id)
      if (d) return d
    }
    return undefined
  }

  /** A vague disclosure covering the vendor's category (hosting and cloud go together). */
  vagueDisclosure(vendor: Vendor): Claim | undefined {
    const related: Record<string, string[]> = { hosting: ['cloud'], cloud: ['hosting'], monitoring: ['logging'], logging: ['monitoring'], storage: ['cdn'], cdn: ['storage'] }
    for (const c of [vendor.category, ...(related[vendor.category] ?? [])]) {
      const claim = this.categories.get(c)
      if (claim) return claim
    }
    return undefined
  }

  /** A denial of the vendor's whole category ("we do not use advertising trackers"). */
  deniedCategory(vendor: Vendor): Claim | undefined {
    return this.deniedCategories.get(vendor.category)
  }

  /** True when the vendor or one of its services has shipped evidence. */
  isUsed(id: string): boolean {
    if (this.used.has(id)) return true
    for (const usedId of this.used.keys()) if (this.catalog.lineage(usedId).some((v) => v.id === id)) return true
    return false
  }

  /**
   * A platform seen only through weak, generic signals (AWS_REGION) while one of its services is used:
   * the signals belong to that service, not to a second, separate use of the platform.
   */
  isOnlyGenericUse(id: string): boolean {
    const evidence = this.used.get(id) ?? []
    if (evidence.some((e) => STRONG_KINDS.has(e.kind))) return false
    for (const usedId of this.used.keys()) {
      if (usedId !== id && this.catalog.lineage(usedId).some((v) => v.id === id)) return true
    }
    return false
  }
}

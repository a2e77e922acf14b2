// The policy promises encryption at rest (an algorithm, KMS-managed keys, a secrets store); the code encrypts
// with something else, or nothing the code does shows the promise kept.
import type { ClaimAbout, CryptoCallEvidence, Location, SecurityClaim } from '../../types/index.js'
import { callName, cite, compareCipher, displayCipher, locationsOf, parseCipher, where, type Comparison } from '../crypto-compare.js'
import { VENDOR_USE_KINDS } from '../../model/ledger.js'
import { defineCheck, type CheckContext } from '../types.js'

type StorageClaim = ClaimAbout<'security', 'encryption-at-rest' | 'key-management' | 'secrets-store'>

function isStorageClaim(claim: SecurityClaim): claim is StorageClaim {
  return claim.subject === 'encryption-at-rest' || claim.subject === 'key-management' || claim.subject === 'secrets-store'
}

function algorithmOf(claim: StorageClaim): string | undefined {
  return claim.subject === 'encryption-at-rest' ? claim.data?.algorithm : undefined
}

function vendorOf(claim: StorageClaim): string | undefined {
  return claim.data?.vendor
}

/** Where the code uses a vendor or one of its services (KMS through `@aws-sdk/client-kms`, …). */
function vendorLocations({ ledger, catalog }: Pick<CheckContext, 'ledger' | 'catalog'>, vendor: string): Location[] {
  return [...ledger.used].filter(([id]) => catalog.lineage(id).some((v) => v.id === vendor)).flatMap(([, ev]) => ev.map((e) => e.location))
}

export const encryptionClaimMismatch = defineCheck({
  meta: {
    id: 'encryption-claim-mismatch',
    description: 'Code encrypts with a weaker or different algorithm than the policy promises, or shows no sign of the promised encryption.',
    defaultSeverity: 'error',
    // the vendor use that keeps a key-management or secrets-store promise comes from the ledger
    evidence: ['crypto-call', ...VENDOR_USE_KINDS],
    claims: ['security'],
    needsPolicy: true,
  },
  run(context) {
    const { evidence, claims, policy, report, confirm, catalog } = context
    const promises = claims.filter(isStorageClaim).filter((c) => c.polarity === 'affirm')
    if (promises.length === 0) return
    const ciphers = evidence.filter((e) => e.kind === 'crypto-call').filter((e) => !e.nonShipped && e.data.family === 'cipher')
    const withAlgorithm = promises.filter((c) => c.subject === 'encryption-at-rest' && algorithmOf(c))
    const generic = promises.filter((c) => c.subject === 'encryption-at-rest' && !algorithmOf(c))

    // one finding per observed algorithm (and API), with every call site
    const groups = new Map<string, CryptoCallEvidence[]>()
    for (const e of ciphers) {
      if (e.value === 'unknown') continue
      const key = `${e.value}\0${e.data.deprecated ? 'deprecated' : ''}`
      groups.set(key, [...(groups.get(key) ?? []), e])
    }
    for (const group of groups.values()) {
      const first = group.find((e) => e.data.operation === 'encrypt') ?? group[0]
      const locations = locationsOf(group)
      const ordered = [first.location, ...locations.filter((l) => where(l) !== where(first.location))]
      const verdicts = withAlgorithm.map((c) => ({ claim: c, cmp: compareCipher(algorithmOf(c)!, first) }))
      for (const { claim, cmp } of verdicts) if (cmp.verdict === 'match') confirm(claim, locations)
      const broken = parseCipher(first.value)?.broken !== undefined || first.data.deprecated === true
      // a cipher that matches (or may match) any promised algorithm keeps that promise; nothing else is compared
      const kept = verdicts.some(({ cmp }) => cmp.verdict !== 'weaker' && cmp.verdict !== 'different')
      if (verdicts.length > 0 && !kept) {
        const worst = verdicts.find(({ cmp }) => cmp.verdict === 'weaker') ?? verdicts[0]
        const promised = algorithmOf(worst.claim)!
        report({
          message: `${callName(first)} at ${where(first.location)} encrypts with ${displayCipher(first.value)}, but ${cite(policy?.path, worst.claim)}: ${worst.cmp.reason ?? `not ${promised}`}.`,
          locations: ordered,
          claim: worst.claim,
          alsoContradicts: verdicts.map((v) => v.claim).filter((c) => c !== worst.claim),
          suggestion: `Encrypt with ${promised} (e.g. \`createCipheriv('${promised.toLowerCase()}', key, iv)\` with a fresh IV), or correct the policy.`,
          key: `${first.value}:${first.data.api}`,
        })
      } else if (verdicts.length === 0 && broken && generic.length > 0) {
        const reason: Comparison = compareCipher('aes', first)
        report({
          message: `${callName(first)} at ${where(first.location)} encrypts with ${displayCipher(first.value)}, but ${cite(policy?.path, generic[0])}: ${reason.reason ?? 'a broken cipher'}.`,
          locations: ordered,
          claim: generic[0],
          alsoContradicts: generic.slice(1),
          key: `${first.value}:${first.data.api}`,
        })
      }
    }

    // a promise of "encrypted" with no algorithm is kept by any sound cipher, KMS or the AWS Encryption SDK
    const sound = ciphers.filter((e) => e.value !== 'unknown' && !parseCipher(e.value)?.broken && !e.data.deprecated)
    for (const claim of generic) {
      const keyManager = vendorOf(claim)
      const managed = keyManager ? vendorLocations(context, keyManager) : []
      if (managed.length) confirm(claim, managed)
      else if (!keyManager && sound.length) confirm(claim, locationsOf(sound))
    }

    // KMS-managed keys and secrets stores are kept by using the service
    for (const claim of promises) {
      const vendor = vendorOf(claim)
      if (!vendor || (claim.subject === 'encryption-at-rest' && algorithmOf(claim))) continue
      const used = vendorLocations(context, vendor)
      const viaSdk = vendor === 'aws-kms' ? ciphers.filter((e) => e.data.kms === true).map((e) => e.location) : []
      if (used.length || viaSdk.length) {
        confirm(claim, [...used, ...viaSdk])
        continue
      }
      const name = catalog.get(vendor)?.name ?? vendor
      report({
        severity: 'note',
        message: `${cite(policy?.path, claim)}, but the code shows no use of ${name} (no SDK, API host or env var).`,
        locations: [{ file: policy?.path ?? '.', line: claim.line }],
        policy: { line: claim.line, quote: claim.quote },
        key: `no-${vendor}:${claim.subject}`,
      })
    }

    // an algorithm promised with no encryption code at all: maybe a managed service does it, but nothing shows it
    if (ciphers.length === 0) {
      for (const claim of withAlgorithm) {
        report({
          severity: 'note',
          message: `${cite(policy?.path, claim)}, but no encryption code was found (createCipheriv, WebCrypto, crypto-js, jose, AWS Encryption SDK); if a managed service encrypts it, say which.`,
          locations: [{ file: policy?.path ?? '.', line: claim.line }],
          policy: { line: claim.line, quote: claim.quote },
          key: `no-code:${algorithmOf(claim)}:${claim.quote.slice(0, 60)}`,
        })
      }
    }
  },
})

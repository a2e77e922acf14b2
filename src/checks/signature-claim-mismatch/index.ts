// The policy says how payloads are signed (HMAC-SHA256, Ed25519); the code signs another way.
import type { ClaimAbout, CryptoCallEvidence } from '../../types/index.js'
import { callName, cite, compareSignature, displayCipher, locationsOf, isNonSigningContext, where } from '../crypto-compare.js'
import { defineCheck } from '../types.js'

function algorithmOf(claim: ClaimAbout<'security', 'signature'>): string | undefined {
  return claim.data?.algorithm
}

/** One-time passwords (HOTP/TOTP use HMAC-SHA1 by standard) and key derivation are not message signing. */
function isSigning(e: CryptoCallEvidence): boolean {
  const context = `${e.location.file} ${e.data.context ?? ''}`
  return !isNonSigningContext(context)
}

export const signatureClaimMismatch = defineCheck({
  meta: {
    id: 'signature-claim-mismatch',
    description: 'Code signs payloads with a weaker or different algorithm than the signature scheme the policy promises.',
    defaultSeverity: 'error',
    evidence: ['crypto-call'],
    claims: ['security'],
    needsPolicy: true,
  },
  run({ evidence, claims, policy, report, confirm }) {
    const promises = claims.filter((c) => c.subject === 'signature').filter((c) => c.polarity === 'affirm')
    if (promises.length === 0) return
    const signing = evidence.filter((e) => !e.nonShipped && ['mac', 'keyed-hash', 'signature'].includes(e.data.family) && isSigning(e))
    const withAlgorithm = promises.filter((c) => algorithmOf(c))

    const groups = new Map<string, CryptoCallEvidence[]>()
    for (const e of signing) {
      const key = `${e.data.family}\0${e.value}`
      groups.set(key, [...(groups.get(key) ?? []), e])
    }
    let compared = 0
    for (const group of groups.values()) {
      const first = group[0]
      const locations = locationsOf(group)
      const verdicts = withAlgorithm
        .map((claim) => ({ claim, cmp: compareSignature(algorithmOf(claim)!, first) }))
        .filter((v): v is { claim: typeof v.claim; cmp: NonNullable<typeof v.cmp> } => v.cmp !== undefined)
      if (verdicts.length) compared++
      for (const { claim, cmp } of verdicts) if (cmp.verdict === 'match') confirm(claim, locations)
      const kept = verdicts.some(({ cmp }) => cmp.verdict !== 'weaker' && cmp.verdict !== 'different')
      if (verdicts.length === 0 || kept) continue
      const worst = verdicts.find(({ cmp }) => cmp.verdict === 'weaker') ?? verdicts[0]
      const promised = algorithmOf(worst.claim)!
      const what = first.data.family === 'keyed-hash' ? `a keyed ${displayCipher(first.value)} hash` : displayCipher(first.value)
      report({
        message: `${callName(first)} at ${where(first.location)} signs with ${what}, but ${cite(policy?.path, worst.claim)}: ${worst.cmp.reason}.`,
        locations,
        claim: worst.claim,
        alsoContradicts: verdicts.map((v) => v.claim).filter((c) => c !== worst.claim),
        suggestion: /^HMAC-/i.test(promised)
          ? `Sign with \`createHmac('${promised.slice(5).toLowerCase().replace('-', '')}', secret)\` as promised, or correct the policy (receivers verify with what it says).`
          : `Sign with ${promised} as promised, or correct the policy.`,
        key: `${first.data.family}:${first.value}`,
      })
    }

    // a scheme promised generically ("webhooks are signed") is kept by any signing code
    for (const claim of promises.filter((c) => !algorithmOf(c))) if (signing.length) confirm(claim, locationsOf(signing))

    if (compared === 0) {
      for (const claim of withAlgorithm) {
        report({
          severity: 'note',
          message: `${cite(policy?.path, claim)}, but no ${algorithmOf(claim)} signing code was found (createHmac, WebCrypto sign/importKey, crypto-js); if a library or service signs, say which.`,
          locations: [{ file: policy?.path ?? '.', line: claim.line }],
          policy: { line: claim.line, quote: claim.quote },
          key: `no-code:${algorithmOf(claim)}:${claim.quote.slice(0, 60)}`,
        })
      }
    }
  },
})

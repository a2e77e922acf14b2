// What a claimed algorithm ("AES-256-GCM", "HMAC-SHA256") says about an observed one: the same, weaker,
// different, or not known well enough to tell. Shared by encryption-claim-mismatch and signature-claim-mismatch.
import type { Claim, CryptoCallEvidence, Location } from '../types/index.js'
import { lookupTable } from '../util/table.js'

/** Uses of HMAC that are not message signing: one-time passwords (HOTP/TOTP are HMAC-SHA1 by standard) and key derivation. */
export function isNonSigningContext(context: string): boolean {
  return /Otp|OTP|Totp|Hotp/.test(context) || /(?:^|[^a-z])[ht]?otp(?:[^a-z]|$)|totp|hotp|pbkdf|hkdf|kdf|derive/i.test(context)
}

export type Verdict = 'match' | 'weaker' | 'different' | 'stronger' | 'partial'

export interface Comparison {
  verdict: Verdict
  /** Why, in a few words, for the message ("a 128-bit key where 256 bits are promised"). */
  reason?: string
}

export interface CipherSpec {
  family: string
  bits?: number
  mode?: string
  /** Why the cipher is unsafe whatever was promised. */
  broken?: string
}

const AUTHENTICATED_MODES = new Set(['gcm', 'ccm', 'ocb', 'siv', 'gcm-siv', 'poly1305'])
const BROKEN_FAMILIES: Array<[RegExp, string]> = [
  [/^des-ede3|^des3|^3des/, 'Triple DES is retired (NIST SP 800-131A)'],
  [/^des/, 'DES has a 56-bit key and is broken'],
  [/^rc4|^arc4/, 'RC4 is broken'],
  [/^rc2/, 'RC2 is broken'],
  [/^bf|^blowfish/, 'Blowfish has a 64-bit block and is retired'],
  [/^rabbit/, 'Rabbit is not a recommended cipher'],
]

export function parseCipher(raw: string): CipherSpec | undefined {
  const v = raw.trim().toLowerCase()
  if (!v || v === 'unknown') return undefined
  for (const [re, why] of BROKEN_FAMILIES) if (re.test(v)) return { family: v.split('-')[0], broken: why }
  const aes = /^aes(?:-(128|192|256))?(?:-([a-z0-9-]+))?$/.exec(v)
  if (aes) {
    const mode = aes[2]?.replace(/^cbc-hmac-sha\d+$/, 'cbc-hmac')
    const spec: CipherSpec = { family: 'aes', ...(aes[1] ? { bits: Number(aes[1]) } : {}), ...(mode ? { mode } : {}) }
    if (mode === 'ecb') spec.broken = 'ECB mode encrypts equal blocks to equal ciphertext'
    return spec
  }
  const chacha = /^(x?chacha20)(?:-(poly1305))?$/.exec(v)
  if (chacha) return { family: chacha[1], bits: 256, mode: chacha[2] ?? 'stream' }
  return { family: v }
}

function authenticated(mode: string | undefined): boolean {
  return mode !== undefined && (AUTHENTICATED_MODES.has(mode) || mode === 'cbc-hmac')
}

/** `aes-256-gcm` → `AES-256-GCM`, `chacha20-poly1305` → `ChaCha20-Poly1305`. */
export function displayCipher(raw: string): string {
  if (raw.toLowerCase() === 'unknown') return 'an algorithm privaudit cannot resolve'
  return raw.toUpperCase().replace('XCHACHA', 'XChaCha').replace('CHACHA', 'ChaCha').replace('POLY', 'Poly').replace('ED25519', 'Ed25519')
}

export function compareCipher(claimed: string, found: CryptoCallEvidence): Comparison {
  const want = parseCipher(claimed)
  const got = parseCipher(found.value)
  if (!want || !got) return { verdict: 'partial' }
  if (found.data.deprecated) return { verdict: 'weaker', reason: '`createCipher` derives key and IV from a password with one MD5 pass and no salt (deprecated; removed in Node 22)' }
  if (got.broken) return { verdict: 'weaker', reason: got.broken }
  if (want.family !== got.family) return { verdict: 'different', reason: `${displayCipher(found.value)} is a different cipher` }
  if (want.mode && got.mode && want.mode !== got.mode) {
    const lost = authenticated(want.mode) && !authenticated(got.mode)
    return { verdict: 'different', reason: `${got.mode.toUpperCase()} is a different mode${lost ? `, without ${want.mode.toUpperCase()}'s authentication` : ''}` }
  }
  if (want.bits && got.bits && got.bits < want.bits) return { verdict: 'weaker', reason: `a ${got.bits}-bit key where ${want.bits} bits are promised` }
  if (want.bits && got.bits && got.bits > want.bits) return { verdict: 'stronger' }
  if ((want.mode && !got.mode) || (want.bits && !got.bits)) return { verdict: 'partial' }
  return { verdict: 'match' }
}

const HASH_RANK: Record<string, number> = lookupTable({
  md5: 0, sha1: 1, ripemd160: 1, sha224: 2, sha256: 3, 'sha3-224': 2, 'sha3-256': 3, sha384: 4, 'sha3-384': 4, sha512: 5, 'sha3-512': 5,
})

export interface MacSpec {
  /** `hmac`, `keyed-hash` (hash over secret‖message), or an asymmetric scheme (`ecdsa`, `ed25519`, `rsassa-pkcs1-v1_5`…). */
  construction: string
  hash?: string
}

/** A claimed signature ("HMAC-SHA256", "Ed25519") or an observed one (`hmac-sha1`, keyed-hash `sha256`). */
export function parseMac(raw: string, family?: string): MacSpec | undefined {
  const v = raw.trim().toLowerCase()
  if (!v || v === 'unknown') return undefined
  if (family === 'keyed-hash') return { construction: 'keyed-hash', hash: v }
  const hmac = /^hmac(?:-(.+))?$/.exec(v)
  if (hmac) return { construction: 'hmac', ...(hmac[1] ? { hash: hmac[1].replace(/^sha-/, 'sha') } : {}) }
  const asym = /^(ecdsa|ed25519|rsa-pss|rsassa-pkcs1-v1_5|rsa)(?:-(.+))?$/.exec(v)
  if (asym) return { construction: asym[1], ...(asym[2] ? { hash: asym[2] } : {}) }
  return undefined
}

export function isAsymmetric(spec: MacSpec): boolean {
  return spec.construction !== 'hmac' && spec.construction !== 'keyed-hash'
}

/**
 * Claimed vs observed signature. A shared-secret claim (HMAC) is compared with MACs and keyed hashes, an
 * asymmetric claim with asymmetric signatures; across the two the code is likely signing something else
 * (a session JWT, a licence) and the comparison returns undefined.
 */
export function compareSignature(claimed: string, found: CryptoCallEvidence): Comparison | undefined {
  const want = parseMac(claimed)
  const got = parseMac(found.value, found.data.family)
  if (!want || !got) return found.value === 'unknown' ? { verdict: 'partial' } : undefined
  if (isAsymmetric(want) !== isAsymmetric(got)) return undefined
  if (got.construction === 'keyed-hash') {
    return { verdict: 'different', reason: `a plain ${got.hash?.toUpperCase()} hash over the secret and the message is not an HMAC (it allows length extension)` }
  }
  if (want.construction !== got.construction) return { verdict: 'different', reason: `${displayCipher(found.value)} is a different signature scheme` }
  if (!want.hash || !got.hash) return { verdict: want.hash ? 'partial' : 'match' }
  if (want.hash === got.hash) return { verdict: 'match' }
  const a = HASH_RANK[want.hash]
  const b = HASH_RANK[got.hash]
  if (a !== undefined && b !== undefined && b < a) return { verdict: 'weaker', reason: `${got.hash.toUpperCase()} is weaker than the promised ${want.hash.toUpperCase()}` }
  // a receiver that verifies with the promised hash rejects every signature made with another one
  return { verdict: 'different', reason: `receivers that verify with ${want.hash.toUpperCase()} as promised reject it` }
}

export { locationsOf } from '../model/locations.js'

/** The call a message names: `createCipheriv` and WebCrypto's as code, a library (`crypto-js`) as it is. */
export function callName(e: CryptoCallEvidence): string {
  const { api } = e.data
  return /^create|^subtle/.test(api) ? `\`${api}\`` : api
}

export function where(location: Location): string {
  return `${location.file}:${location.line}`
}

/** `policy.tsx` says “…”: the shortest way to cite a claim inside a message. */
export function cite(policyPath: string | undefined, claim: Claim): string {
  const quote = claim.quote.length > 90 ? `${claim.quote.slice(0, 87)}…` : claim.quote
  return `${policyPath ?? 'the policy'}:${claim.line} says “${quote}”`
}

// Algorithm names as code writes them (`SHA-256`, `aes256`, `A256GCM`) → the evidence's one spelling, which the
// security checks compare with the policy's. Strings only: no syntax here.

/** A hash name as written (`SHA-256`, `sha256`, `RSA-SHA256`) → `sha256`. */
export function normalizeHash(raw: string): string | undefined {
  const v = raw.trim().toLowerCase().replace(/^rsa-/, '')
  const m = /^(sha3-(?:224|256|384|512)|sha-?(?:1|224|256|384|512)|md5|ripemd-?160)$/.exec(v)
  if (!m) return undefined
  return m[1].startsWith('sha3') ? m[1] : m[1].replace('-', '')
}

/**
 * An OpenSSL or WebCrypto cipher name → `family[-bits][-mode]` (`aes-256-gcm`). OpenSSL's bare `aes256` is CBC;
 * `id-aes256-GCM` is GCM; a WebCrypto name (`AES-GCM`) has no key size.
 */
export function normalizeCipher(raw: string): string {
  let v = raw.trim().toLowerCase().replace(/^id-/, '')
  const bare = /^aes-?(128|192|256)$/.exec(v)
  if (bare) return `aes-${bare[1]}-cbc`
  v = v.replace(/^aes(128|192|256)/, 'aes-$1')
  if (v === 'des3' || v === 'des-ede3') return 'des-ede3-cbc'
  return v
}

/** A JWE `enc` value (`A256GCM`, `A128CBC-HS256`) → a cipher name. */
export function jweCipher(enc: string): string | undefined {
  const m = /^A(128|192|256)(GCM|CBC-HS(?:256|384|512))$/i.exec(enc.trim())
  if (!m) return undefined
  return m[2].toUpperCase() === 'GCM' ? `aes-${m[1]}-gcm` : `aes-${m[1]}-cbc-hmac-sha${m[2].slice(6)}`
}

const hmacOf = (v: string) => {
  const h = normalizeHash(v)
  return h ? `hmac-${h}` : undefined
}

/** How a raw algorithm string becomes an evidence value, by name: pending cross-file lookups carry the name. */
export const NORMALIZERS = {
  cipher: (v: string): string | undefined => normalizeCipher(v),
  hmac: hmacOf,
  hash: normalizeHash,
  signature: (v: string): string | undefined => normalizeHash(v) ?? v.toLowerCase(),
  jwe: jweCipher,
  as: (v: string): string | undefined => v,
}
export type Normalizer = keyof typeof NORMALIZERS

/** An exported constant is worth recording only when it could be an algorithm name. */
export function looksLikeAlgorithm(value: string): boolean {
  const v = value.toLowerCase()
  return v.length <= 40 && (/^(id-)?aes|^chacha|^xchacha|^des|^bf-|^rc4|^camellia|^aria|^sm4/.test(v) || normalizeHash(v) !== undefined || /^hmac|^a(128|192|256)(gcm|cbc)/.test(v))
}

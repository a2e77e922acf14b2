// Whether the text after a PEM private-key header holds a key. The body is decoded and its container read: a DER
// SEQUENCE (PKCS#1, PKCS#8 plain or encrypted, SEC1, DSA) or an openssh-key-v1 blob, whole and uncut. Judging the
// base64 text instead fails both ways: every unencrypted OpenSSH key starts with the same preamble (its runs of `A` are
// zero length prefixes, not filler), and a short DER key (an Ed25519 PKCS#8 or a P-256 SEC1 key) starts `MC`/`MH`, not `MI`.
import { entropy } from './patterns.js'

/** The longest body read: an RSA-16384 key in OpenSSH format is about 13,000 base64 characters. */
const MAX_BODY = 20_000

/** The text from a header's end to the next armour line (the footer), at most MAX_BODY characters. */
function bodyText(text: string, from: number): string {
  const window = text.slice(from, from + MAX_BODY)
  const end = window.indexOf('-----')
  return end === -1 ? window : window.slice(0, end)
}

/**
 * The body after a header ending at `from`, as the text holds it (lines broken or escaped as `\n` in an env value, JSON
 * or a string literal, indented, or split into string literals joined by `+` or listed in an array), each base64 run
 * verbatim; apart from it, the RFC 1421 headers (`Proc-Type`, `DEK-Info`) a legacy-encrypted key has before its body.
 */
function bodyOf(text: string, from: number): { headers: string; body: string } {
  const lines = bodyText(text, from).replace(/\\+[nr]|["'`]\s*[+,]?\s*["'`]/g, '\n')
  const headers = /^\s*(?:[A-Za-z][\w-]{0,30}:[^\n]{0,200}\n\s*)+/.exec(lines)?.[0] ?? ''
  return { headers, body: lines.slice(headers.length) }
}

/** A DER SEQUENCE whose declared length the bytes hold: a cut body does not. */
function isDerKey(bytes: Buffer): boolean {
  if (bytes.length < 4 || bytes[0] !== 0x30) return false
  let length = bytes[1]
  let at = 2
  if (length & 0x80) {
    const size = length & 0x7f
    if (size === 0 || size > 3) return false
    length = 0
    for (const end = at + size; at < end; at++) length = length * 256 + bytes[at]
  }
  return at + length <= bytes.length
}

const OPENSSH_MAGIC = 'openssh-key-v1\0'

/** openssh-key-v1 (PROTOCOL.key in OpenSSH's sources) whose fields the bytes hold whole: a cut body does not. */
function isOpenSshKey(bytes: Buffer): boolean {
  if (bytes.toString('latin1', 0, OPENSSH_MAGIC.length) !== OPENSSH_MAGIC) return false
  let at = OPENSSH_MAGIC.length
  const field = () => {
    if (at + 4 > bytes.length) return false
    at += 4 + bytes.readUInt32BE(at)
    return at <= bytes.length
  }
  // cipher, KDF, KDF options
  if (!field() || !field() || !field()) return false
  // the number of keys (one, as ssh-keygen writes and reads them), the public key, the private section
  at += 4
  return field() && field()
}

/**
 * Bits per byte of the decoded key below which it is a real container around filler. Measured on 20,000 fresh keys of
 * each kind (2,000 RSA): the lowest is 5.00 (Ed25519 and X25519 PKCS#8, 48 bytes), then 5.40 (unencrypted OpenSSH
 * Ed25519), 5.79 (OpenSSH ECDSA), 6.03 (secp256k1 SEC1), 7.50 (RSA-1024 PKCS#1); the same containers with their key
 * bytes zeroed score at most 2.1.
 */
const MIN_KEY_ENTROPY = 4.5

/** A private key in its container, whole, with random key material: not a placeholder, a cut example or filler. */
export function isPrivateKeyBody(text: string, headerEnd: number): boolean {
  const { headers, body } = bodyOf(text, headerEnd)
  const base64 = /^[A-Za-z0-9+/]+={0,2}/.exec(body.replace(/[\s"'`]/g, ''))?.[0]
  if (!base64) return false
  const bytes = Buffer.from(base64, 'base64')
  // a legacy-encrypted PEM body is the cipher's output, whole blocks of it
  const container = headers.includes('DEK-Info:') ? bytes.length >= 64 && bytes.length % 8 === 0 : isDerKey(bytes) || isOpenSshKey(bytes)
  return container && entropy(bytes.toString('latin1')) >= MIN_KEY_ENTROPY
}

/**
 * A line of the body as the text holds it (so the redaction pass finds it verbatim), from its middle: the first lines
 * are the format's preamble, the same in every unencrypted OpenSSH key of a type, and would give two keys one fingerprint.
 */
export function keyBodyLine(text: string, headerEnd: number): string {
  const runs = bodyOf(text, headerEnd).body.split(/[^A-Za-z0-9+/=]+/).filter((run) => run.length >= 16)
  return runs[runs.length >> 1] ?? ''
}

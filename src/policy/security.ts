// Security and data-practice claims: what the policy promises about encryption at rest (algorithm, what is
// encrypted, who manages the keys), message signatures, transport security and where secrets are kept; and the
// promises no static analysis can check (retention periods, no model training, no sale of data), recorded so the
// claims coverage lists them as unverifiable instead of dropping them.
import type { Catalog } from '../catalog/index.js'
import type { Claim } from '../types/index.js'
import { findVendorMentions } from './mentions.js'
import { isNegated, normalizeApostrophes, scopeStart } from './scope.js'
import type { PolicySentence } from './sentences.js'

/** HTTPS, TLS, SSL, "in transit": not the scheme of a URL written in the policy. */
const TRANSPORT = /\bHTTPS\b(?!:\/\/)|\bTLS\b|\bSSL\b|\bin[\s-]transit\b|\bduring transmission\b|\bencrypted connections?\b/gi
const AT_REST = /\bat[\s-]rest\b|\bencrypted\b|\bencrypts?\b|\bencrypting\b/i
const STORAGE_WORD = /\bat[\s-]rest\b|\bstored\b|\bstorage\b|\bdatabases?\b|\bdisks?\b|\bvolumes?\b|\bbackups?\b/i
const ENCRYPT_WORD = /\bencrypt(?:ed|s|ion|ing)?\b/gi
/** AES-256-GCM, AES 256, 256-bit AES, AES-128-CBC, ChaCha20-Poly1305. */
const CIPHER = /\bAES[-\s]?(128|192|256)(?:[-\s]?(GCM|CBC|CTR|SIV|XTS))?\b|\b(128|192|256)[-\s]?bit\s+AES(?:[-\s]?(GCM|CBC|CTR))?\b|\b(X?ChaCha20)(?:[-\s]?Poly1305)?\b/i
const HMAC = /\bHMAC(?:[-\s]?(SHA)[-\s]?(1|224|256|384|512)|[-\s]?(MD5))?\b/i
const ASYMMETRIC_SIGNATURE = /\b(Ed25519|ECDSA|RSA[-\s]?PSS)\b/i
const SIGN_WORD = /\bsign(?:ed|s|ing|atures?)?\b/gi
/** "sign up", "sign in", "signing in": accounts, not cryptography. */
const NOT_CRYPTO_SIGN = /^\s*(?:up|in|out|on)\b|^-(?:up|in|out)\b/i
const SIGNED_THINGS = /\b(?:webhooks?|payloads?|requests?|messages?|events?|callbacks?|notifications?|tokens?|cookies?)\b/i
const LABEL = /^[^:.;!?]{1,40}:\s+/
/** Words before the verb that are not the subject's head: "Sensitive credentials and API keys are stored". */
const SUBJECT_VERB = /^(.{2,80}?)\s+(?:is|are|will\s+be|remains?|gets?|get)\b/i

function baseClaim(sentence: PolicySentence): Pick<Claim, 'section' | 'quote' | 'line' | 'endLine'> {
  return { section: [...sentence.section], quote: sentence.text, line: sentence.line, endLine: sentence.endLine }
}

/** "AES 256 gcm" → "AES-256-GCM"; without a mode → "AES-256". */
export function normalizeClaimedCipher(text: string): string | undefined {
  const m = CIPHER.exec(text)
  if (!m) return undefined
  if (m[5]) return `${m[5].replace(/^x/i, 'X').replace(/chacha/i, 'ChaCha')}${/poly1305/i.test(m[0]) ? '-Poly1305' : ''}`
  const bits = m[1] ?? m[3]
  const mode = (m[2] ?? m[4])?.toUpperCase()
  return mode ? `AES-${bits}-${mode}` : `AES-${bits}`
}

export function normalizeClaimedSignature(text: string): string | undefined {
  const h = HMAC.exec(text)
  if (h) return h[3] ? 'HMAC-MD5' : h[2] ? `HMAC-SHA${h[2]}` : 'HMAC'
  const a = ASYMMETRIC_SIGNATURE.exec(text)
  if (a) return /^ed/i.test(a[1]) ? 'Ed25519' : a[1].toUpperCase().replace(/\s/g, '-')
  return undefined
}

/** What the sentence says is encrypted: "API keys", "GitHub access tokens", "All stored data". */
function encryptedSubject(sentence: PolicySentence, text: string): string | undefined {
  const clause = text.replace(LABEL, '')
  const trim = (s: string) => s.split(/[,(;]/)[0].trim()
  const verb = SUBJECT_VERB.exec(clause)
  if (verb && !/encrypt/i.test(verb[1])) return trim(verb[1])
  const paren = /^([^()]{2,60}?)\s*\(/.exec(clause)
  if (paren && !/encrypt/i.test(paren[1])) return trim(paren[1])
  if (sentence.item && sentence.lead) {
    const lead = SUBJECT_VERB.exec(normalizeApostrophes(sentence.lead).replace(LABEL, ''))
    if (lead) return trim(lead[1].split(/[.!?]\s+/).pop() ?? lead[1])
  }
  return undefined
}

/** Catalog vendors named in the sentence whose purpose is key management or secrets storage. */
function namedServices(text: string, catalog: Catalog): { keyManager?: string; secretStore?: string } {
  const out: { keyManager?: string; secretStore?: string } = {}
  for (const m of findVendorMentions(text, catalog)) {
    const purpose = m.vendor.purpose.toLowerCase()
    if (!out.keyManager && /key management|\bkms\b/.test(purpose)) out.keyManager = m.vendor.id
    else if (!out.secretStore && /secret/.test(purpose)) out.secretStore = m.vendor.id
  }
  // catalogs without a purpose on these (the test catalogs) still name them
  for (const m of findVendorMentions(text, catalog)) {
    if (!out.keyManager && /\bKMS\b|Key Management Service|Key Vault/.test(m.alias)) out.keyManager = m.vendor.id
    if (!out.secretStore && /Secrets? Manager|Secret Store|\bVault\b/.test(m.alias) && m.vendor.id !== out.keyManager) out.secretStore = m.vendor.id
  }
  return out
}

function firstIndex(re: RegExp, text: string): number {
  re.lastIndex = 0
  const m = re.exec(text)
  re.lastIndex = 0
  return m ? m.index : -1
}

/** True when a denial ("not", "never", "prohibit") governs the word at `at`. */
function denied(text: string, at: number): boolean {
  if (isNegated(text, at)) return true
  // "which prohibit using your data for model training": a denial isNegated's verbs do not cover
  return /\b(?:prohibits?|prohibited|forbids?|forbidden)\b/i.test(text.slice(scopeStart(text, at), at))
}

/** Security claims: encryption at rest, signatures, transport, secrets store, key management. One per subject and sentence. */
export function parseSecurityClaims(sentences: PolicySentence[], catalog: Catalog): Claim[] {
  const claims: Claim[] = []
  for (const sentence of sentences) {
    if (sentence.heading) continue
    const text = normalizeApostrophes(sentence.text)
    /** A claim is denied when a denial governs its word (a named service has none: affirmed). */
    const polarityAt = (at: number) => (at >= 0 && denied(text, at) ? 'deny' : 'affirm')

    const transportAt = firstIndex(TRANSPORT, text)
    const encryptAt = firstIndex(ENCRYPT_WORD, text)
    const cipher = normalizeClaimedCipher(text)
    const services = namedServices(text, catalog)
    const storage = STORAGE_WORD.test(text)

    if (transportAt >= 0) {
      const word = text.slice(transportAt, transportAt + 5).toLowerCase()
      const protocol = word.startsWith('https') ? 'https' : word.startsWith('tls') || word.startsWith('ssl') ? 'tls' : 'in-transit'
      claims.push({ kind: 'security', subject: 'transport', polarity: polarityAt(transportAt), ...baseClaim(sentence), data: { protocol } })
    }
    // "encrypted using TLS" is about transport; "encrypted at rest", "API keys are encrypted" about storage
    const atRest = (AT_REST.test(text) || cipher !== undefined) && encryptAt >= 0 && (transportAt < 0 || storage)
    if (atRest) {
      const subject = encryptedSubject(sentence, text)
      const data = {
        ...(cipher !== undefined ? { algorithm: cipher } : {}), ...(subject !== undefined ? { subject } : {}), ...(services.keyManager !== undefined ? { vendor: services.keyManager } : {}),
      }
      claims.push({ kind: 'security', subject: 'encryption-at-rest', polarity: polarityAt(encryptAt), ...baseClaim(sentence), ...(Object.keys(data).length ? { data } : {}) })
    }
    if (services.secretStore) {
      const vendor = services.secretStore
      claims.push({ kind: 'security', subject: 'secrets-store', vendor, polarity: polarityAt(-1), ...baseClaim(sentence), data: { vendor, ...(/envelope encryption/i.test(text) ? { envelope: true } : {}) } })
    }
    if (services.keyManager && !atRest) {
      const vendor = services.keyManager
      claims.push({ kind: 'security', subject: 'key-management', vendor, polarity: polarityAt(-1), ...baseClaim(sentence), data: { vendor } })
    }

    const signature = normalizeClaimedSignature(text)
    let signAt = -1
    SIGN_WORD.lastIndex = 0
    for (let m = SIGN_WORD.exec(text); m !== null; m = SIGN_WORD.exec(text)) {
      if (!NOT_CRYPTO_SIGN.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6))) {
        signAt = m.index
        break
      }
    }
    // an algorithm alone ("HMAC-SHA256") or a signed thing ("webhooks are signed") makes a signature claim
    if (signature || (signAt >= 0 && SIGNED_THINGS.test(text))) {
      const at = signAt >= 0 ? signAt : HMAC.exec(text)?.index ?? -1
      claims.push({ kind: 'security', subject: 'signature', polarity: polarityAt(at), ...baseClaim(sentence), ...(signature !== undefined ? { data: { algorithm: signature } } : {}) })
    }
  }
  return claims
}

const RETENTION_WORD = /\b(?:retain(?:s|ed|ing)?|retention|kept|keeps?|delet(?:e|ed|es|ion)|remov(?:e|ed|es)|purg(?:e|ed|es))\b/i
const PERIOD = /\b(\d{1,4}|one|two|three|four|five|six|seven|ten|twelve|thirty|sixty|ninety)\s+(hours?|days?|weeks?|months?|years?)\b/i
/** "until you delete your account", "while your account is active": a period set by an event; the words after it say which. */
const TRIGGER = /\b(?:until|when you|upon|indefinitely|as long as|while your|for the duration)\b[^,.;:()]{0,40}/i
const TRAINING = /\b(?:train(?:s|ed|ing)?|fine-tun(?:e|ed|ing))\b/i
const MODEL_WORD = /\bmodels?\b|\bAI\b|\bmachine learning\b/i
const SELLING = /\b(?:sell(?:s|ing)?|sold|sale\s+of)\b/i

/** The trigger and the words after it, cut at a word boundary: "until you delete your account". */
function triggerPhrase(match: string): string {
  const words = match.trim().toLowerCase()
  return words.length < 40 ? words : words.slice(0, words.lastIndexOf(' ')).trim()
}

/** Promises with no static signal: retention periods, model training, sale of data. */
export function parseDataPracticeClaims(sentences: PolicySentence[]): Claim[] {
  const claims: Claim[] = []
  for (const sentence of sentences) {
    if (sentence.heading) continue
    const text = normalizeApostrophes(sentence.text)
    const retention = RETENTION_WORD.exec(text)
    if (retention) {
      const period = PERIOD.exec(text)
      const trigger = TRIGGER.exec(text)
      if (period || trigger) {
        const label = /^([^:]{2,40}):\s/.exec(text)?.[1]
        claims.push({
          kind: 'data-practice', subject: 'retention', polarity: 'affirm', ...baseClaim(sentence),
          data: { period: period ? `${period[1]} ${period[2]}`.toLowerCase() : triggerPhrase(trigger![0]), ...(label ? { subject: label } : {}) },
        })
      }
    }
    const training = TRAINING.exec(text)
    if (training && MODEL_WORD.test(text)) {
      claims.push({ kind: 'data-practice', subject: 'model-training', polarity: denied(text, training.index) ? 'deny' : 'affirm', ...baseClaim(sentence) })
    }
    const selling = SELLING.exec(text)
    if (selling && /\bdata\b|\binformation\b/i.test(text)) {
      claims.push({ kind: 'data-practice', subject: 'sale-of-data', polarity: denied(text, selling.index) ? 'deny' : 'affirm', ...baseClaim(sentence) })
    }
  }
  return claims
}

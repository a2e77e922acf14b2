// Which names denote a secret. Words, not substrings: `tokenCount` is a number, `keyboard` is not a key,
// `apiKeyId` names a key without being one. Shared by the secret-flow and hardcoded-secret detectors.
import type { Catalog } from '../catalog/index.js'
import type { SecretCategory } from '../types/index.js'
import { lookupTable } from '../util/table.js'
import { splitWords } from '../util/words.js'

export type { SecretCategory }

export { splitWords }

const CACHE_LIMIT = 50_000

const PASSWORD_WORDS = new Set(['password', 'passwords', 'passwd', 'passphrase', 'passcode'])
const TOKEN_WORDS = new Set(['token', 'tokens', 'jwt', 'bearer'])
const SECRET_WORDS = new Set(['secret', 'secrets'])
const CREDENTIAL_WORDS = new Set(['credential', 'credentials', 'creds'])
/** Single words that are already compounds (`apikey`, `APIKEY`, `privatekey`). */
const COMPOUND_WORDS: Record<string, SecretCategory> = lookupTable({
  apikey: 'api-key', apikeys: 'api-key', privatekey: 'private-key', secretkey: 'secret', accesskey: 'secret', signingkey: 'secret',
  authtoken: 'token', accesstoken: 'token', refreshtoken: 'token', authorization: 'header',
})

/**
 * A bare `key` is a map key, a React key, a storage key; it is a secret only after one of these words
 * (`apiKey`, `PRIVATE_KEY`, `signingKey`, `decryptedKey`) or after a vendor name (`stripeKey`, `OPENAI_KEY`).
 */
const KEY_QUALIFIERS: Record<string, SecretCategory> = lookupTable({
  api: 'api-key', private: 'private-key', secret: 'secret', access: 'secret', signing: 'secret', sign: 'secret',
  encryption: 'secret', encrypt: 'secret', decryption: 'secret', master: 'secret', hmac: 'secret', shared: 'secret',
  service: 'api-key', admin: 'api-key', auth: 'api-key', llm: 'api-key', app: 'secret', jwt: 'secret', session: 'secret',
  webhook: 'secret', decrypted: 'api-key', plaintext: 'api-key', raw: 'api-key', license: 'api-key', role: 'api-key',
})

/**
 * After a secret word, these make the name metadata about the secret, not the secret:
 * `tokenCount`, `apiKeyId`, `secretName`, `passwordPolicy`, `secretsManagerArn`, `tokenExpiresAt`.
 */
export const METADATA_WORDS = new Set([
  'id', 'ids', 'name', 'names', 'count', 'counts', 'length', 'len', 'size', 'type', 'types', 'kind', 'policy', 'policies',
  'url', 'urls', 'uri', 'endpoint', 'path', 'paths', 'hash', 'hashes', 'hashed', 'digest', 'hint', 'hints', 'prefix', 'suffix',
  'last4', 'last', 'first', 'fingerprint', 'expires', 'expiry', 'expiration', 'exp', 'expired', 'ttl', 'age', 'created',
  'updated', 'at', 'date', 'time', 'timestamp', 'version', 'index', 'idx', 'limit', 'limits', 'max', 'min', 'header',
  'field', 'fields', 'schema', 'regex', 'pattern', 'format', 'validator', 'validation', 'valid', 'invalid', 'exists',
  'present', 'required', 'missing', 'error', 'errors', 'status', 'state', 'label', 'description', 'desc', 'placeholder',
  'strength', 'score', 'rule', 'rules', 'changed', 'manager', 'arn', 'ref', 'reference', 'provider', 'providers', 'service',
  'source', 'env', 'var', 'variable', 'option', 'options', 'usage', 'used', 'budget', 'rate', 'cost', 'price', 'ms',
  'seconds', 'sec', 'timeout', 'interval', 'duration', 'lifetime', 'location', 'region', 'mask', 'masked', 'redacted',
  'encrypted', 'ciphertext', 'cipher', 'sealed', 'client', 'handler', 'middleware', 'guard', 'strategy', 'factory',
  'builder', 'parser', 'generator', 'verifier', 'util', 'utils', 'helper', 'helpers', 'module', 'file', 'dir', 'input',
  'form', 'modal', 'dialog', 'button', 'visible', 'visibility', 'shown', 'toggle', 'icon', 'page', 'route', 'screen',
  'view', 'step', 'scope', 'scopes', 'audience', 'issuer', 'claims', 'payload', 'store', 'storage', 'cache', 'table',
  'column', 'param', 'params', 'event', 'events', 'metadata', 'meta', 'info', 'details', 'list', 'set', 'map',
  'rotation', 'rotated', 'revoked', 'enabled', 'disabled', 'configured', 'ok', 'check', 'checks', 'mode',
])

/** Before a secret word, these say the value is not the secret in clear: `hashedPassword`, `encryptedApiKey`, `decodedToken`. */
const NEUTRALIZERS = new Set([
  'encrypted', 'hashed', 'hash', 'sealed', 'masked', 'redacted', 'obfuscated', 'censored', 'public', 'publishable', 'anon',
  'decoded', 'verified', 'fake', 'dummy', 'mock', 'example', 'sample', 'placeholder', 'max', 'min', 'num', 'total',
])
/** A first word that makes the name a flag, a function or a UI state: `hasToken`, `isSecret`, `showPassword`, `getToken`. */
const PREDICATE_PREFIXES = new Set([
  'is', 'has', 'have', 'should', 'can', 'needs', 'need', 'show', 'hide', 'toggle', 'no', 'with', 'without', 'use', 'uses', 'forgot',
  'requires', 'require', 'get', 'fetch', 'load', 'set', 'create', 'generate', 'verify', 'validate', 'revoke', 'rotate', 'on', 'handle',
])
/**
 * Tokens that are not credentials: LLM token counts (`maxTokens`, `inputTokens`), pagination and
 * cancellation tokens, design tokens, lexer and parser tokens (`lastSignificantToken`, `regexRootToken`),
 * CSRF tokens and device push tokens.
 */
const TOKEN_NON_SECRET = new Set([
  'max', 'min', 'input', 'output', 'prompt', 'completion', 'completions', 'total', 'cached', 'cache', 'reasoning', 'num',
  'n', 'count', 'remaining', 'estimated', 'used', 'context', 'stop', 'special', 'bos', 'eos', 'pad', 'unk', 'next',
  'page', 'pagination', 'continuation', 'cancel', 'cancellation', 'sync', 'resume', 'design', 'color', 'theme', 'lexer',
  'parser', 'syntax', 'csrf', 'xsrf', 'push', 'fcm', 'apns', 'device', 'request', 'response', 'thinking', 'image', 'audio',
  'root', 'ast', 'cst', 'node', 'regex', 'current', 'prev', 'previous', 'last', 'significant', 'punctuation', 'keyword',
  'operator', 'comment', 'whitespace', 'eof', 'string', 'literal', 'identifier', 'template', 'jsx', 'css', 'markdown',
  'peek', 'lookahead', 'opening', 'closing', 'source', 'word', 'text', 'split', 'stream',
])
/** A connection string carries its password: `DATABASE_URL`, `redisUrl`, `MONGODB_URI`. */
const CONNECTION_WORDS = new Set(['database', 'db', 'redis', 'mongo', 'mongodb', 'postgres', 'postgresql', 'pg', 'mysql', 'amqp', 'rabbitmq', 'kv'])
const CONNECTION_TAILS = new Set(['url', 'uri', 'dsn'])

/** Framework prefixes that ship a variable to the browser: its value is public by construction. */
const PUBLIC_ENV_PREFIX = /^(?:NEXT_PUBLIC_|VITE_|EXPO_PUBLIC_|NUXT_PUBLIC_|PUBLIC_|GATSBY_|REACT_APP_|STORYBOOK_)/

interface Span {
  start: number
  end: number
  category: SecretCategory
}

function secretSpans(words: string[], isVendor?: (word: string) => boolean): Span[] {
  const spans: Span[] = []
  for (let i = 0; i < words.length; i++) {
    const w = words[i]
    const prev = words[i - 1]
    if (PASSWORD_WORDS.has(w)) spans.push({ start: i, end: i, category: 'password' })
    else if (SECRET_WORDS.has(w)) spans.push({ start: i, end: i, category: 'secret' })
    else if (CREDENTIAL_WORDS.has(w)) spans.push({ start: i, end: i, category: 'credential' })
    else if (TOKEN_WORDS.has(w)) {
      if (prev === undefined || !TOKEN_NON_SECRET.has(prev)) spans.push({ start: i, end: i, category: 'token' })
    } else if (COMPOUND_WORDS[w]) spans.push({ start: i, end: i, category: COMPOUND_WORDS[w] })
    else if ((w === 'key' || w === 'keys') && prev !== undefined) {
      // `secretKey` is one secret, not a secret followed by a key
      const last = spans[spans.length - 1]
      if (last && last.end === i - 1 && (last.category === 'secret' || last.category === 'api-key')) {
        last.end = i
        continue
      }
      if (last && last.end === i - 1) continue
      const category = KEY_QUALIFIERS[prev] ?? (isVendor?.(prev) ? 'api-key' : undefined)
      if (category) spans.push({ start: i - 1, end: i, category })
    } else if (CONNECTION_TAILS.has(w) && prev !== undefined && CONNECTION_WORDS.has(prev)) {
      spans.push({ start: i - 1, end: i, category: 'credential' })
    } else if (w === 'string' && prev === 'connection') {
      spans.push({ start: i - 1, end: i, category: 'credential' })
    }
  }
  return spans
}

/**
 * The kind of secret an identifier, property or env var name denotes, or undefined.
 * The last secret word decides: a metadata word after it (`tokenCount`, `secretsManagerArn`) or a
 * neutralizer right before it (`hashedPassword`, `maxTokens`) makes the name not a secret.
 */
export function secretNameCategory(name: string, isVendor?: (word: string) => boolean): SecretCategory | undefined {
  const key = isVendor ?? NO_VENDORS
  let cache = CATEGORY_CACHE.get(key)
  if (!cache) {
    cache = new Map()
    CATEGORY_CACHE.set(key, cache)
  }
  const hit = cache.get(name)
  if (hit !== undefined) return hit ?? undefined
  const category = computeCategory(name, isVendor)
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(name, category ?? null)
  return category
}

const NO_VENDORS = (): boolean => false
/** Per vendor predicate (one per catalog): the same name always gets the same answer. */
const CATEGORY_CACHE = new WeakMap<(word: string) => boolean, Map<string, SecretCategory | null>>()

function computeCategory(name: string, isVendor?: (word: string) => boolean): SecretCategory | undefined {
  const words = splitWords(name)
  if (words.length === 0 || PREDICATE_PREFIXES.has(words[0]) && words.length > 1) return undefined
  const spans = secretSpans(words, isVendor)
  const last = spans[spans.length - 1]
  if (!last) return undefined
  for (let i = last.end + 1; i < words.length; i++) if (METADATA_WORDS.has(words[i])) return undefined
  // `tokenKey`, `PASSWORD_STORAGE_KEY`: the key a secret is stored under (a secret followed by its own `key` was merged above)
  if (words[last.end + 1] === 'key' || words[last.end + 1] === 'keys') return undefined
  const before = words[last.start - 1]
  if (before !== undefined && NEUTRALIZERS.has(before)) return undefined
  return last.category
}

/** True when the name is metadata about a secret or a quantity (`tokenCount`, `apiKeyId`, `length`): reading it reveals nothing. */
export function isMetadataName(name: string): boolean {
  const words = splitWords(name)
  if (words.length === 0) return false
  if (METADATA_WORDS.has(words[words.length - 1])) return true
  return words.some((w, i) => i > 0 && TOKEN_WORDS.has(w) && TOKEN_NON_SECRET.has(words[i - 1]))
}

/** An env var that holds a secret: secret-named, not shipped to the browser, not a publishable key. */
export function secretEnvCategory(name: string, isVendor?: (word: string) => boolean): SecretCategory | undefined {
  if (PUBLIC_ENV_PREFIX.test(name)) return undefined
  return secretNameCategory(name, isVendor)
}

export function isPublicEnvName(name: string): boolean {
  return PUBLIC_ENV_PREFIX.test(name)
}

/** Request headers whose value is a credential: `authorization`, `cookie`, `x-api-key`, `x-auth-token`. */
export function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase()
  if (lower === 'authorization' || lower === 'proxy-authorization' || lower === 'cookie' || lower === 'set-cookie') return true
  return secretNameCategory(lower) !== undefined
}

/** Verbs whose result is the secret (`getToken()`, `fetchApiKey()`, `decryptSecret()`): a call to one is a source. */
const GETTER_VERBS = new Set(['get', 'fetch', 'load', 'read', 'create', 'generate', 'issue', 'mint', 'refresh', 'retrieve', 'obtain', 'exchange', 'decrypt', 'reveal', 'unseal', 'resolve', 'lookup', 'find'])

/** The secret a call returns, judged by the function's name, or undefined (`getApiKey` → api-key, `countTokens` → none). */
export function getterCategory(functionName: string, isVendor?: (word: string) => boolean): SecretCategory | undefined {
  const words = splitWords(functionName)
  if (words.length < 2 || !GETTER_VERBS.has(words[0])) return undefined
  // what the call returns is the noun right after the verb, up to a preposition (`getApiKeyForUser` returns a key)
  let end = words.length
  for (let i = 2; i < words.length; i++) if (GETTER_PREPOSITIONS.has(words[i])) {
    end = i
    break
  }
  const noun = words.slice(1, end)
  // the secret must end the noun: `resolvePasswordAction` returns an action, `fetchTokenUsage` a usage
  const last = secretSpans(noun, isVendor).at(-1)
  if (!last || last.end !== noun.length - 1) return undefined
  return secretNameCategory(noun.join('_'), isVendor)
}

/** Words that end a getter's noun (`getApiKeyForUser` returns a key). */
export const GETTER_PREPOSITIONS: ReadonlySet<string> = new Set(['for', 'from', 'by', 'of', 'with', 'in', 'on', 'at', 'to', 'if', 'or', 'and', 'via'])

/** Calls whose name says they decrypt (`decrypt`, `decryptSecret`, `privateDecrypt`, `unsealKey`, `decipher.update`). */
export function isDecryptName(functionName: string): boolean {
  const words = splitWords(functionName)
  return words.some((w) => w === 'decrypt' || w === 'unseal' || w === 'decipher' || w === 'decrypted')
}

const VENDOR_WORDS = new WeakMap<Catalog, (word: string) => boolean>()
/** `stripe` in `stripeKey` names a vendor: one predicate per catalog, so answers about names are cached across files. */
export function vendorWords(catalog: Catalog): (word: string) => boolean {
  let fn = VENDOR_WORDS.get(catalog)
  if (!fn) {
    fn = (word) => word.length > 2 && catalog.get(word) !== undefined
    VENDOR_WORDS.set(catalog, fn)
  }
  return fn
}

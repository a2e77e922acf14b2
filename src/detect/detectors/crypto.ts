// Encryption, MAC and signature calls, with their algorithm resolved through constants: node:crypto
// (createCipheriv, createHmac, …), WebCrypto (subtle.encrypt, subtle.importKey, …), crypto-js, jose JWE and
// the AWS Encryption SDK. Evidence kind `crypto-call`; the security checks compare it with the policy.
import { ts } from 'ts-morph'
import type { CryptoCallData, CryptoFamily, CryptoOperation, Location } from '../../types/index.js'
import type { CodeDetector } from '../engine.js'
import { unwrap as unwrapExpression } from '../../syntax/ast.js'
import { lookupTable } from '../../util/table.js'

/** How an algorithm argument resolved: a value, an import to look up across files, or nothing static. */
type Resolved = { value: string } | { import: { importer: string; module: string; name: string } } | undefined

const NODE_CIPHER = new Set(['createCipheriv', 'createDecipheriv', 'createCipher', 'createDecipher'])
const SUBTLE_METHODS = new Set(['encrypt', 'decrypt', 'sign', 'verify', 'importKey', 'generateKey', 'deriveKey', 'unwrapKey'])
const CRYPTO_JS_CIPHERS: Record<string, string> = lookupTable({ AES: 'aes', DES: 'des-cbc', TripleDES: 'des-ede3-cbc', RC4: 'rc4', RC4Drop: 'rc4', Rabbit: 'rabbit', Blowfish: 'bf-cbc' })
const CRYPTO_JS_HASHES = new Set(['MD5', 'SHA1', 'SHA224', 'SHA256', 'SHA384', 'SHA512', 'SHA3', 'RIPEMD160'])
const SECRET_NAME = /secret|key|token|password|passphrase/i
/** A call `onCall` acts on names one of these (or its receiver is `subtle`): a file without any has no crypto call. */
const CALL_WORDS = /create(?:Cipher|Decipher|Hmac|Hash|Sign|Verify)|subtle|crypt|Hmac|MD5|SHA|RIPEMD|setProtectedHeader/

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
const NORMALIZERS = {
  cipher: (v: string): string | undefined => normalizeCipher(v),
  hmac: hmacOf,
  hash: normalizeHash,
  signature: (v: string): string | undefined => normalizeHash(v) ?? v.toLowerCase(),
  jwe: jweCipher,
  as: (v: string): string | undefined => v,
}
type Normalizer = keyof typeof NORMALIZERS

/** A call whose algorithm is an imported constant, kept in the run-wide state until every file is read. */
interface PendingImport {
  importer: string
  module: string
  name: string
  normalize: Normalizer
  location: Location
  nonShipped: boolean
  data: CryptoCallData
}

/** An exported constant is worth recording only when it could be an algorithm name. */
function looksLikeAlgorithm(value: string): boolean {
  const v = value.toLowerCase()
  return v.length <= 40 && (/^(id-)?aes|^chacha|^xchacha|^des|^bf-|^rc4|^camellia|^aria|^sm4/.test(v) || normalizeHash(v) !== undefined || /^hmac|^a(128|192|256)(gcm|cbc)/.test(v))
}

/** `await` is not looked through: an awaited call returns something else than the call. */
const unwrap = (node: ts.Expression): ts.Expression => unwrapExpression(node, false)

function propName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) ? name.text : undefined
}

/** The name of the function, method or variable a node sits in: what the code is for (`signPayload`). */
function enclosingName(node: ts.Node): string | undefined {
  for (let cur: ts.Node | undefined = node.parent; cur; cur = cur.parent) {
    if ((ts.isFunctionDeclaration(cur) || ts.isMethodDeclaration(cur) || ts.isClassDeclaration(cur)) && cur.name) return cur.name.getText()
    if ((ts.isArrowFunction(cur) || ts.isFunctionExpression(cur)) && cur.parent) {
      const p = cur.parent
      if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text
      if (ts.isPropertyAssignment(p)) return propName(p.name)
    }
  }
  return undefined
}

/** A module file's path without its extension or `/index`: how an algorithm constant's origin is shown (`lib/constants#ALGO`). */
function moduleName(path: string): string {
  return path.replace(/\.(?:[cm]?[jt]sx?)$/, '').replace(/\/index$/, '')
}

export const cryptoDetector: CodeDetector = {
  id: 'crypto',
  create({ emit, file, sourceFile, locate, text, shared, bindings }) {
    // no call of a file without these words is one `onCall` acts on (an escaped `\u…` identifier could hide one)
    const mayCall = CALL_WORDS.test(text) || text.includes('\\u')
    const pendingImports = (shared.get('pending') as PendingImport[] | undefined) ?? []
    shared.set('pending', pendingImports)
    const constants = (shared.get('constants') as Map<string, string> | undefined) ?? new Map<string, string>()
    shared.set('constants', constants)
    /** Whether the file imports from one of these modules (or their subpaths). */
    const importsFrom = (test: (module: string) => boolean) => bindings.imports.some((b) => test(b.module))
    const pending: Array<() => void> = []
    /** AES key lengths by mode and HMAC key hashes declared through WebCrypto key calls in this file. */
    const aesKeyBits = new Map<string, Set<number>>()
    let hmacKeys = 0

    const resolve = (expr: ts.Expression | undefined, depth = 0): Resolved => {
      if (!expr || depth > 4) return undefined
      const e = unwrap(expr)
      if (ts.isStringLiteralLike(e)) return { value: e.text }
      if (ts.isTemplateExpression(e)) {
        let out = e.head.text
        for (const span of e.templateSpans) {
          const part = resolve(span.expression, depth + 1)
          if (!part || !('value' in part)) return undefined
          out += part.value + span.literal.text
        }
        return { value: out }
      }
      if (ts.isNumericLiteral(e)) return { value: e.text }
      if (ts.isIdentifier(e)) {
        const local = bindings.constant(e)
        if (local) return resolve(local, depth + 1)
        const binding = bindings.importOf(e)
        if (binding && binding.imported !== '*' && binding.imported !== 'default') return { import: { importer: file.path, module: binding.module, name: binding.imported } }
        return undefined
      }
      if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) {
        const member = bindings.member(e)
        if (member) return resolve(member, depth + 1)
        // `C.ALGO` of `import * as C from './constants'` or `const C = require('./constants')`
        const binding = bindings.importOf(e.expression)
        if (binding && (binding.imported === '*' || binding.via === 'require')) return { import: { importer: file.path, module: binding.module, name: e.name.text } }
      }
      return undefined
    }

    const value = (expr: ts.Expression | undefined): string | undefined => {
      const r = resolve(expr)
      return r && 'value' in r ? r.value : undefined
    }

    /** A WebCrypto algorithm argument: `'AES-GCM'` or `{ name: 'AES-GCM', length: 256, hash: 'SHA-256' }`. */
    const webAlgorithm = (expr: ts.Expression | undefined): { name?: string; length?: number; hash?: string } => {
      if (!expr) return {}
      let e = unwrap(expr)
      if (ts.isIdentifier(e)) {
        const bound = bindings.constant(e)
        if (bound) e = unwrap(bound)
      }
      if (!ts.isObjectLiteralExpression(e)) {
        const name = value(e)
        return name ? { name } : {}
      }
      const out: { name?: string; length?: number; hash?: string } = {}
      for (const p of e.properties) {
        if (!ts.isPropertyAssignment(p)) continue
        const key = propName(p.name)
        if (key === 'name') out.name = value(p.initializer)
        if (key === 'length') {
          const n = Number(value(p.initializer))
          if (Number.isFinite(n)) out.length = n
        }
        if (key === 'hash') {
          const h = unwrap(p.initializer)
          if (ts.isObjectLiteralExpression(h)) {
            const inner = h.properties.find((q) => ts.isPropertyAssignment(q) && propName(q.name) === 'name') as ts.PropertyAssignment | undefined
            out.hash = inner ? value(inner.initializer) : undefined
          } else out.hash = value(h)
        }
      }
      return out
    }

    const emitAlgorithm = (node: ts.Node, family: CryptoFamily, api: string, operation: CryptoOperation, resolved: Resolved, normalize: Normalizer, extra: Pick<CryptoCallData, 'deprecated' | 'passphrase' | 'kms'> = {}) => {
      const context = enclosingName(node)
      const data = { api, family, operation, ...(context ? { context } : {}), ...extra }
      if (resolved && 'import' in resolved) {
        pendingImports.push({ ...resolved.import, normalize, location: locate(node), nonShipped: file.nonShipped, data })
        return
      }
      const normalized = resolved ? NORMALIZERS[normalize](resolved.value) : undefined
      emit({ kind: 'crypto-call', value: normalized ?? 'unknown', reason: 'crypto-api', node, data: normalized ? data : { ...data, unresolved: true } })
    }

    /** `createHash(alg).update(secret + body)`: a keyed hash, not an HMAC. */
    const keyedHashUpdate = (call: ts.CallExpression): boolean => {
      let cur: ts.Node = call
      for (let i = 0; i < 4; i++) {
        const access = cur.parent
        if (!access || !ts.isPropertyAccessExpression(access) || !access.parent || !ts.isCallExpression(access.parent)) return false
        const next = access.parent
        if (access.name.text === 'update' && next.arguments.some(mixesSecret)) return true
        cur = next
      }
      return false
    }

    const onCall = (node: ts.Node) => {
      const call = node as ts.CallExpression
      const callee = call.expression
      const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined
      if (!method) return
      const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined

      if (NODE_CIPHER.has(method)) {
        const decrypt = method.startsWith('createDecipher')
        const deprecated = !method.endsWith('iv')
        pending.push(() => emitAlgorithm(call, 'cipher', method, decrypt ? 'decrypt' : 'encrypt', resolve(call.arguments[0]), 'cipher', deprecated ? { deprecated: true } : {}))
        return
      }
      if (method === 'createHmac') {
        pending.push(() => emitAlgorithm(call, 'mac', 'createHmac', 'sign', resolve(call.arguments[0]), 'hmac'))
        return
      }
      if (method === 'createHash') {
        if (keyedHashUpdate(call)) pending.push(() => emitAlgorithm(call, 'keyed-hash', 'createHash', 'sign', resolve(call.arguments[0]), 'hash'))
        return
      }
      if ((method === 'createSign' || method === 'createVerify')) {
        pending.push(() => emitAlgorithm(call, 'signature', method, method === 'createSign' ? 'sign' : 'verify', resolve(call.arguments[0]), 'signature'))
        return
      }
      const isSubtle = receiver !== undefined && ((ts.isPropertyAccessExpression(receiver) && receiver.name.text === 'subtle') || (ts.isIdentifier(receiver) && receiver.text === 'subtle'))
      if (isSubtle && SUBTLE_METHODS.has(method)) {
        pending.push(() => subtleCall(call, method))
        return
      }
      // crypto-js: CryptoJS.AES.encrypt(msg, key, { mode }), AES.encrypt(…), CryptoJS.HmacSHA256(msg, key), CryptoJS.SHA256(secret + msg)
      if (method === 'encrypt' || method === 'decrypt' || /^Hmac/.test(method) || CRYPTO_JS_HASHES.has(method)) pending.push(() => cryptoJsCall(call, method, receiver))
      // the AWS Encryption SDK: encrypt(keyring, plaintext[, { suiteId }]) from buildClient()
      if (method === 'encrypt' && call.arguments.length >= 2) pending.push(() => awsCryptoCall(call))
      // jose: new CompactEncrypt(…).setProtectedHeader({ alg, enc }), new EncryptJWT(…).setProtectedHeader(…)
      if (method === 'setProtectedHeader' && call.arguments[0]) pending.push(() => joseHeader(call))
    }

    const subtleCall = (call: ts.CallExpression, method: string) => {
      const argIndex = method === 'importKey' ? 2 : method === 'deriveKey' || method === 'unwrapKey' ? (method === 'deriveKey' ? 2 : 3) : 0
      const alg = webAlgorithm(call.arguments[argIndex])
      const name = alg.name?.toUpperCase()
      if (!name) {
        if (method === 'encrypt' || method === 'decrypt') emitAlgorithm(call, 'cipher', `subtle.${method}`, method, undefined, 'cipher')
        return
      }
      if (name.startsWith('AES-')) {
        const mode = name.slice(4).toLowerCase()
        if (method === 'encrypt' || method === 'decrypt') {
          pendingAes.push({ call, method, mode })
        } else if (alg.length) {
          if (!aesKeyBits.has(mode)) aesKeyBits.set(mode, new Set())
          aesKeyBits.get(mode)!.add(alg.length)
        }
        return
      }
      if (name === 'HMAC') {
        if (method === 'importKey' || method === 'generateKey' || method === 'deriveKey') {
          hmacKeys++
          emitAlgorithm(call, 'mac', `subtle.${method}`, 'key', alg.hash ? { value: alg.hash } : undefined, 'hmac')
        } else if (method === 'sign') {
          pendingHmacSign.push(call)
        }
        return
      }
      if (method === 'sign' || method === 'importKey' || method === 'generateKey') {
        const kind = name === 'ECDSA' ? 'ecdsa' : name === 'ED25519' ? 'ed25519' : name.startsWith('RSA') ? name.toLowerCase() : undefined
        if (!kind || name === 'RSA-OAEP') return
        const hash = alg.hash ? normalizeHash(alg.hash) : undefined
        emitAlgorithm(call, 'signature', `subtle.${method}`, method === 'sign' ? 'sign' : 'key', { value: hash ? `${kind}-${hash}` : kind }, 'as')
      }
    }
    const pendingHmacSign: ts.CallExpression[] = []
    const pendingAes: Array<{ call: ts.CallExpression; method: 'encrypt' | 'decrypt'; mode: string }> = []

    const cryptoJsRoot = (expr: ts.Expression | undefined): string | undefined => {
      if (!expr) return undefined
      const e = unwrap(expr)
      if (ts.isIdentifier(e)) {
        const binding = bindings.importOf(e)
        return binding && binding.module.startsWith('crypto-js') ? binding.module : undefined
      }
      return undefined
    }

    const cryptoJsCall = (call: ts.CallExpression, method: string, receiver: ts.Expression | undefined) => {
      // CryptoJS.AES.encrypt / AES.encrypt (from 'crypto-js/aes' or { AES } from 'crypto-js')
      if ((method === 'encrypt' || method === 'decrypt') && receiver) {
        const r = unwrap(receiver)
        let cipher: string | undefined
        if (ts.isPropertyAccessExpression(r) && cryptoJsRoot(r.expression)) cipher = r.name.text
        else if (ts.isIdentifier(r)) {
          const binding = bindings.importOf(r)
          if (binding?.module.startsWith('crypto-js')) cipher = binding.imported === 'default' || binding.imported === '*' ? binding.module.slice('crypto-js/'.length).toUpperCase() : binding.imported
          if (cipher === 'TRIPLEDES') cipher = 'TripleDES'
        }
        const family = cipher ? CRYPTO_JS_CIPHERS[cipher] ?? CRYPTO_JS_CIPHERS[cipher.toUpperCase()] : undefined
        if (!family) return
        if (family !== 'aes') {
          emitAlgorithm(call, 'cipher', 'crypto-js', method, { value: family }, 'as')
          return
        }
        const mode = cryptoJsMode(call.arguments[2]) ?? 'cbc'
        // a string key is a passphrase: crypto-js derives a 256-bit key from it (EVP_BytesToKey, MD5)
        const keyArg = call.arguments[1] ? unwrap(call.arguments[1]) : undefined
        const wordArray = keyArg !== undefined && ts.isCallExpression(keyArg) && ts.isPropertyAccessExpression(keyArg.expression) && keyArg.expression.name.text === 'parse'
        emitAlgorithm(call, 'cipher', 'crypto-js', method, { value: wordArray ? `aes-${mode}` : `aes-256-${mode}` }, 'as', { passphrase: !wordArray })
        return
      }
      // CryptoJS.HmacSHA256(message, key) / HmacSHA256 imported from crypto-js/hmac-sha256
      const root = receiver ? cryptoJsRoot(receiver) : undefined
      const direct = !receiver ? bindings.importOf(call.expression) : undefined
      if (!root && !direct?.module.startsWith('crypto-js')) return
      const hmac = /^Hmac(SHA\d+|MD5|SHA3)$/i.exec(method)
      if (hmac) {
        emitAlgorithm(call, 'mac', 'crypto-js', 'sign', { value: hmac[1] }, 'hmac')
        return
      }
      if (CRYPTO_JS_HASHES.has(method.toUpperCase()) && call.arguments.some(mixesSecret)) {
        emitAlgorithm(call, 'keyed-hash', 'crypto-js', 'sign', { value: method }, 'signature')
      }
    }

    const awsCryptoCall = (call: ts.CallExpression) => {
      if (!importsFrom((m) => m.startsWith('@aws-crypto/client-'))) return
      let suite: string | undefined
      const options = call.arguments[2] ? unwrap(call.arguments[2]) : undefined
      if (options && ts.isObjectLiteralExpression(options)) {
        for (const p of options.properties) {
          if (ts.isPropertyAssignment(p) && propName(p.name) === 'suiteId') suite = p.initializer.getText(sourceFile)
        }
      }
      // the SDK's default suite is AES-256-GCM with HKDF and ECDSA P-384 signing
      const m = suite ? /ALG_AES(128|192|256)_GCM/.exec(suite) : undefined
      emitAlgorithm(call, 'cipher', '@aws-crypto', 'encrypt', { value: m ? `aes-${m[1]}-gcm` : 'aes-256-gcm' }, 'as', { kms: true })
    }

    const joseHeader = (call: ts.CallExpression) => {
      if (!importsFrom((m) => m === 'jose')) return
      const arg = unwrap(call.arguments[0])
      if (!ts.isObjectLiteralExpression(arg)) return
      for (const p of arg.properties) {
        if (!ts.isPropertyAssignment(p) || propName(p.name) !== 'enc') continue
        const enc = value(p.initializer)
        if (enc) emitAlgorithm(call, 'cipher', 'jose', 'encrypt', { value: enc }, 'jwe')
      }
    }

    return {
      visitors: {
        ...(mayCall ? { CallExpression: onCall } : {}),
      },
      end() {
        for (const run of pending) run()
        // `subtle.sign('HMAC', key, data)` says nothing of the hash; the key call that made `key` does
        if (hmacKeys === 0) for (const call of pendingHmacSign) emitAlgorithm(call, 'mac', 'subtle.sign', 'sign', { value: 'hmac' }, 'as')
        // WebCrypto ciphers get their key size from the file's generateKey/importKey/deriveKey, when it is unambiguous
        for (const { call, method, mode } of pendingAes) {
          const bits = aesKeyBits.get(mode)
          const value = bits?.size === 1 ? `aes-${[...bits][0]}-${mode}` : `aes-${mode}`
          emitAlgorithm(call, 'cipher', `subtle.${method}`, method, { value }, 'as')
        }
        // exported string constants that may name an algorithm, for the calls in other files that import them
        for (const [name, exported] of bindings.exports) {
          if (exported.kind !== 'local' || exported.binding.kind !== 'var' || !exported.binding.constant || exported.binding.path.length > 0) continue
          const init = exported.binding.init
          const keep = (key: string, expr: ts.Expression | undefined) => {
            const v = value(expr)
            if (v && looksLikeAlgorithm(v)) constants.set(`${file.path}#${key}`, v)
          }
          keep(name, init)
          const obj = init && unwrap(init)
          if (obj && ts.isObjectLiteralExpression(obj)) {
            for (const p of obj.properties) if (ts.isPropertyAssignment(p) && propName(p.name)) keep(`${name}.${propName(p.name)}`, p.initializer)
          }
        }
      },
    }

    function mixesSecret(arg: ts.Expression): boolean {
      const e = unwrap(arg)
      if (!(ts.isTemplateExpression(e) || (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken))) return false
      let secret = false
      let salt = false
      const visit = (n: ts.Node) => {
        if (ts.isIdentifier(n)) {
          // a salt makes it password hashing, not signing
          if (/salt/i.test(n.text)) salt = true
          else if (SECRET_NAME.test(n.text)) secret = true
        }
        ts.forEachChild(n, visit)
      }
      visit(e)
      return secret && !salt
    }
  },
  finish(shared, emit, { resolve }) {
    const constants = (shared.get('constants') as Map<string, string> | undefined) ?? new Map<string, string>()
    for (const p of (shared.get('pending') as PendingImport[] | undefined) ?? []) {
      const file = resolve(p.importer, p.module)
      const raw = file === undefined ? undefined : constants.get(`${file}#${p.name}`)
      const normalized = raw !== undefined ? NORMALIZERS[p.normalize](raw) : undefined
      emit({
        kind: 'crypto-call', value: normalized ?? 'unknown', reason: 'crypto-api', location: p.location,
        ...(p.nonShipped ? { nonShipped: true } : {}),
        data: normalized ? { ...p.data, via: `${moduleName(file!)}#${p.name}` } : { ...p.data, unresolved: true },
      })
    }
  },
}

function cryptoJsMode(expr: ts.Expression | undefined): string | undefined {
  if (!expr) return undefined
  const e = unwrap(expr)
  if (!ts.isObjectLiteralExpression(e)) return undefined
  for (const p of e.properties) {
    if (!ts.isPropertyAssignment(p) || propName(p.name) !== 'mode') continue
    const m = unwrap(p.initializer)
    if (ts.isPropertyAccessExpression(m)) return m.name.text.toLowerCase()
  }
  return undefined
}

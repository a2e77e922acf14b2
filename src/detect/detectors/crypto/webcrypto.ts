// WebCrypto's `subtle` methods. Their algorithm is a name or an object (`{ name: 'AES-GCM', length: 256 }`), and
// what a call says depends on the file's key calls: `subtle.encrypt` and `subtle.sign('HMAC', …)` name no key size
// or hash, the generateKey/importKey/deriveKey that made the key does — so those two wait for the file's end.
import { ts } from 'ts-morph'
import { normalizeHash } from './algorithms.js'
import type { CryptoFile } from './context.js'
import { emitAlgorithm } from './report.js'
import { propName, unwrap, valueOf } from './resolve.js'

const SUBTLE_METHODS = new Set(['encrypt', 'decrypt', 'sign', 'verify', 'importKey', 'generateKey', 'deriveKey', 'unwrapKey'])

interface WebAlgorithm {
  name?: string
  length?: number
  hash?: string
}

/** A WebCrypto algorithm argument: `'AES-GCM'` or `{ name: 'AES-GCM', length: 256, hash: 'SHA-256' }`. */
function webAlgorithm(f: CryptoFile, expr: ts.Expression | undefined): WebAlgorithm {
  if (!expr) return {}
  let e = unwrap(expr)
  if (ts.isIdentifier(e)) {
    const bound = f.context.bindings.constant(e)
    if (bound) e = unwrap(bound)
  }
  if (!ts.isObjectLiteralExpression(e)) {
    const name = valueOf(f, e)
    return name ? { name } : {}
  }
  const out: WebAlgorithm = {}
  for (const p of e.properties) {
    if (!ts.isPropertyAssignment(p)) continue
    const key = propName(p.name)
    if (key === 'name') out.name = valueOf(f, p.initializer)
    if (key === 'length') {
      const n = Number(valueOf(f, p.initializer))
      if (Number.isFinite(n)) out.length = n
    }
    if (key === 'hash') {
      const h = unwrap(p.initializer)
      if (ts.isObjectLiteralExpression(h)) {
        const inner = h.properties.find((q) => ts.isPropertyAssignment(q) && propName(q.name) === 'name') as ts.PropertyAssignment | undefined
        out.hash = inner ? valueOf(f, inner.initializer) : undefined
      } else out.hash = valueOf(f, h)
    }
  }
  return out
}

/** `crypto.subtle.x(…)` or `subtle.x(…)`. */
function isSubtle(receiver: ts.Expression | undefined): boolean {
  return receiver !== undefined && ((ts.isPropertyAccessExpression(receiver) && receiver.name.text === 'subtle') || (ts.isIdentifier(receiver) && receiver.text === 'subtle'))
}

function analyseAes(f: CryptoFile, call: ts.CallExpression, method: string, name: string, alg: WebAlgorithm): void {
  const mode = name.slice(4).toLowerCase()
  if (method === 'encrypt' || method === 'decrypt') {
    f.aesCalls.push({ call, method, mode })
  } else if (alg.length) {
    if (!f.aesKeyBits.has(mode)) f.aesKeyBits.set(mode, new Set())
    f.aesKeyBits.get(mode)!.add(alg.length)
  }
}

function analyseHmac(f: CryptoFile, call: ts.CallExpression, method: string, alg: WebAlgorithm): void {
  if (method === 'importKey' || method === 'generateKey' || method === 'deriveKey') {
    f.hmacKeys++
    emitAlgorithm(f, call, 'mac', `subtle.${method}`, 'key', alg.hash ? { value: alg.hash } : undefined, 'hmac')
  } else if (method === 'sign') {
    f.hmacSigns.push(call)
  }
}

/** A `subtle` call (emitted or not): true when it was one, so nothing else need look at it. */
export function analyseSubtleCall(f: CryptoFile, call: ts.CallExpression, method: string, receiver: ts.Expression | undefined): boolean {
  if (!isSubtle(receiver) || !SUBTLE_METHODS.has(method)) return false
  const argIndex = method === 'importKey' ? 2 : method === 'deriveKey' || method === 'unwrapKey' ? (method === 'deriveKey' ? 2 : 3) : 0
  const alg = webAlgorithm(f, call.arguments[argIndex])
  const name = alg.name?.toUpperCase()
  if (!name) {
    if (method === 'encrypt' || method === 'decrypt') emitAlgorithm(f, call, 'cipher', `subtle.${method}`, method, undefined, 'cipher')
  } else if (name.startsWith('AES-')) analyseAes(f, call, method, name, alg)
  else if (name === 'HMAC') analyseHmac(f, call, method, alg)
  else if (method === 'sign' || method === 'importKey' || method === 'generateKey') {
    const kind = name === 'ECDSA' ? 'ecdsa' : name === 'ED25519' ? 'ed25519' : name.startsWith('RSA') ? name.toLowerCase() : undefined
    if (!kind || name === 'RSA-OAEP') return true
    const hash = alg.hash ? normalizeHash(alg.hash) : undefined
    emitAlgorithm(f, call, 'signature', `subtle.${method}`, method === 'sign' ? 'sign' : 'key', { value: hash ? `${kind}-${hash}` : kind }, 'as')
  }
  return true
}

/** The calls that waited for the file's key calls, once every call of the file is analysed. */
export function emitWebCryptoPending(f: CryptoFile): void {
  // `subtle.sign('HMAC', key, data)` says nothing of the hash; the key call that made `key` does
  if (f.hmacKeys === 0) for (const call of f.hmacSigns) emitAlgorithm(f, call, 'mac', 'subtle.sign', 'sign', { value: 'hmac' }, 'as')
  // WebCrypto ciphers get their key size from the file's generateKey/importKey/deriveKey, when it is unambiguous
  for (const { call, method, mode } of f.aesCalls) {
    const bits = f.aesKeyBits.get(mode)
    const value = bits?.size === 1 ? `aes-${[...bits][0]}-${mode}` : `aes-${mode}`
    emitAlgorithm(f, call, 'cipher', `subtle.${method}`, method, { value }, 'as')
  }
}

// crypto-js: `CryptoJS.AES.encrypt(msg, key, { mode })`, `AES.encrypt(…)` of crypto-js/aes, `CryptoJS.HmacSHA256(msg,
// key)`, `CryptoJS.SHA256(secret + msg)`. The cipher, MAC or hash is the member or import's name, not an argument,
// and only a binding to a crypto-js module tells it from another library's `encrypt`.
import { ts } from 'ts-morph'
import { lookupTable } from '../../../util/table.js'
import type { CryptoFile } from './context.js'
import { emitAlgorithm } from './report.js'
import { mixesSecret, propName, unwrap } from './resolve.js'

const CRYPTO_JS_CIPHERS: Record<string, string> = lookupTable({ AES: 'aes', DES: 'des-cbc', TripleDES: 'des-ede3-cbc', RC4: 'rc4', RC4Drop: 'rc4', Rabbit: 'rabbit', Blowfish: 'bf-cbc' })
const CRYPTO_JS_HASHES = new Set(['MD5', 'SHA1', 'SHA224', 'SHA256', 'SHA384', 'SHA512', 'SHA3', 'RIPEMD160'])

/** Whether a call's method may be one of crypto-js's (a cipher's encrypt/decrypt, an HMAC, a hash). */
export function isCryptoJsMethod(method: string): boolean {
  return method === 'encrypt' || method === 'decrypt' || /^Hmac/.test(method) || CRYPTO_JS_HASHES.has(method)
}

/** The crypto-js module a name is imported from (`CryptoJS` of `import CryptoJS from 'crypto-js'`). */
function cryptoJsRoot(f: CryptoFile, expr: ts.Expression | undefined): string | undefined {
  if (!expr) return undefined
  const e = unwrap(expr)
  if (ts.isIdentifier(e)) {
    const binding = f.context.bindings.importOf(e)
    return binding && binding.module.startsWith('crypto-js') ? binding.module : undefined
  }
  return undefined
}

/** `{ mode: CryptoJS.mode.GCM }` → `gcm`. */
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

/** The cipher a receiver names: `CryptoJS.AES`, or `AES` from 'crypto-js/aes' or `{ AES }` from 'crypto-js'. */
function cipherOf(f: CryptoFile, receiver: ts.Expression): string | undefined {
  const r = unwrap(receiver)
  let cipher: string | undefined
  if (ts.isPropertyAccessExpression(r) && cryptoJsRoot(f, r.expression)) cipher = r.name.text
  else if (ts.isIdentifier(r)) {
    const binding = f.context.bindings.importOf(r)
    if (binding?.module.startsWith('crypto-js')) cipher = binding.imported === 'default' || binding.imported === '*' ? binding.module.slice('crypto-js/'.length).toUpperCase() : binding.imported
    if (cipher === 'TRIPLEDES') cipher = 'TripleDES'
  }
  return cipher
}

function analyseCipher(f: CryptoFile, call: ts.CallExpression, method: 'encrypt' | 'decrypt', receiver: ts.Expression): void {
  const cipher = cipherOf(f, receiver)
  const family = cipher ? CRYPTO_JS_CIPHERS[cipher] ?? CRYPTO_JS_CIPHERS[cipher.toUpperCase()] : undefined
  if (!family) return
  if (family !== 'aes') {
    emitAlgorithm(f, call, 'cipher', 'crypto-js', method, { value: family }, 'as')
    return
  }
  const mode = cryptoJsMode(call.arguments[2]) ?? 'cbc'
  // a string key is a passphrase: crypto-js derives a 256-bit key from it (EVP_BytesToKey, MD5)
  const keyArg = call.arguments[1] ? unwrap(call.arguments[1]) : undefined
  const wordArray = keyArg !== undefined && ts.isCallExpression(keyArg) && ts.isPropertyAccessExpression(keyArg.expression) && keyArg.expression.name.text === 'parse'
  emitAlgorithm(f, call, 'cipher', 'crypto-js', method, { value: wordArray ? `aes-${mode}` : `aes-256-${mode}` }, 'as', { passphrase: !wordArray })
}

export function analyseCryptoJsCall(f: CryptoFile, call: ts.CallExpression, method: string, receiver: ts.Expression | undefined): void {
  if ((method === 'encrypt' || method === 'decrypt') && receiver) return analyseCipher(f, call, method, receiver)
  // CryptoJS.HmacSHA256(message, key) / HmacSHA256 imported from crypto-js/hmac-sha256
  const root = receiver ? cryptoJsRoot(f, receiver) : undefined
  const direct = !receiver ? f.context.bindings.importOf(call.expression) : undefined
  if (!root && !direct?.module.startsWith('crypto-js')) return
  const hmac = /^Hmac(SHA\d+|MD5|SHA3)$/i.exec(method)
  if (hmac) {
    emitAlgorithm(f, call, 'mac', 'crypto-js', 'sign', { value: hmac[1] }, 'hmac')
    return
  }
  if (CRYPTO_JS_HASHES.has(method.toUpperCase()) && call.arguments.some(mixesSecret)) {
    emitAlgorithm(f, call, 'keyed-hash', 'crypto-js', 'sign', { value: method }, 'signature')
  }
}

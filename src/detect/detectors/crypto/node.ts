// node:crypto's factories, whose first argument names the algorithm: createCipheriv (and the deprecated
// createCipher, which derives its key from a password with MD5), createHmac, createSign/createVerify, and createHash
// when what it hashes mixes in a secret.
import { ts } from 'ts-morph'
import type { CryptoFile } from './context.js'
import { emitAlgorithm } from './report.js'
import { mixesSecret, resolve } from './resolve.js'

const NODE_CIPHER = new Set(['createCipheriv', 'createDecipheriv', 'createCipher', 'createDecipher'])
/** How many chained calls after `createHash(…)` are looked through for the `update` that hashes a secret. */
const MAX_CHAIN = 4

/** `createHash(alg).update(secret + body)`: a keyed hash, not an HMAC. */
function keyedHashUpdate(call: ts.CallExpression): boolean {
  let cur: ts.Node = call
  for (let i = 0; i < MAX_CHAIN; i++) {
    const access = cur.parent
    if (!access || !ts.isPropertyAccessExpression(access) || !access.parent || !ts.isCallExpression(access.parent)) return false
    const next = access.parent
    if (access.name.text === 'update' && next.arguments.some(mixesSecret)) return true
    cur = next
  }
  return false
}

/** A call of one of node:crypto's factories (emitted or not): true when it was one, so nothing else need look at it. */
export function analyseNodeCall(f: CryptoFile, call: ts.CallExpression, method: string): boolean {
  if (NODE_CIPHER.has(method)) {
    const decrypt = method.startsWith('createDecipher')
    const deprecated = !method.endsWith('iv')
    emitAlgorithm(f, call, 'cipher', method, decrypt ? 'decrypt' : 'encrypt', resolve(f, call.arguments[0]), 'cipher', deprecated ? { deprecated: true } : {})
    return true
  }
  if (method === 'createHmac') {
    emitAlgorithm(f, call, 'mac', 'createHmac', 'sign', resolve(f, call.arguments[0]), 'hmac')
    return true
  }
  if (method === 'createHash') {
    if (keyedHashUpdate(call)) emitAlgorithm(f, call, 'keyed-hash', 'createHash', 'sign', resolve(f, call.arguments[0]), 'hash')
    return true
  }
  if (method === 'createSign' || method === 'createVerify') {
    emitAlgorithm(f, call, 'signature', method, method === 'createSign' ? 'sign' : 'verify', resolve(f, call.arguments[0]), 'signature')
    return true
  }
  return false
}

import { createCipheriv, createHmac } from 'node:crypto'
import { CIPHER, NOT_AN_ALGORITHM, SIGNING } from './constants'
import * as algorithms from './constants.js'
import { ALGORITHM_FROM_A_PACKAGE } from 'some-package'

export function seal(key: Buffer, iv: Buffer) {
  // privaudit:expect crypto-call:aes-256-cbc
  const a = createCipheriv(CIPHER, key, iv)
  // privaudit:expect crypto-call:aes-256-cbc
  const b = createCipheriv(algorithms.CIPHER, key, iv)
  // a constant that is not an algorithm, and one from a package: nothing to resolve
  // privaudit:expect crypto-call:unknown
  const c = createCipheriv(NOT_AN_ALGORITHM, key, iv)
  // privaudit:expect crypto-call:unknown
  const d = createCipheriv(ALGORITHM_FROM_A_PACKAGE, key, iv)
  return [a, b, c, d]
}

export function sign(secret: string, body: string) {
  // an object property through an import is not followed (only same-file objects are): unresolved
  // privaudit:expect crypto-call:unknown
  return createHmac(SIGNING.digest, secret).update(body).digest('hex')
}

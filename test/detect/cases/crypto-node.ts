import { createCipher, createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto'
import * as crypto from 'node:crypto'

const ALGORITHM = 'aes-256-cbc'
const CONFIG = { cipher: 'aes-128-gcm', digest: 'sha512' } as const
const BITS = 256

export function sealGcm(key: Buffer, plaintext: string) {
  const iv = randomBytes(12)
  // privaudit:expect crypto-call:aes-256-gcm
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
}

export function sealLegacy(key: Buffer, iv: Buffer, plaintext: string) {
  // a constant of the same file
  // privaudit:expect crypto-call:aes-256-cbc
  return crypto.createCipheriv(ALGORITHM, key, iv).update(plaintext)
}

export function sealConfigured(key: Buffer, iv: Buffer) {
  // a property of a const object
  // privaudit:expect crypto-call:aes-128-gcm
  return crypto.createCipheriv(CONFIG.cipher, key, iv)
}

export function open(key: Buffer, iv: Buffer) {
  // a template over constants
  // privaudit:expect crypto-call:aes-256-gcm
  return createDecipheriv(`aes-${BITS}-gcm`, key, iv)
}

export function sealWithPassword(password: string) {
  // deprecated, no IV; OpenSSL's bare `aes192` is CBC
  // privaudit:expect crypto-call:aes-192-cbc
  return createCipher('aes192', password)
}

export function sealDynamic(algorithm: string, key: Buffer, iv: Buffer) {
  // a parameter: nothing static to resolve
  // privaudit:expect crypto-call:unknown
  return createCipheriv(algorithm, key, iv)
}

export function signPayload(secret: string, body: string) {
  // privaudit:expect crypto-call:hmac-sha256
  const modern = createHmac('sha256', secret).update(body).digest('hex')
  // privaudit:expect crypto-call:hmac-sha1
  const legacy = createHmac('SHA1', secret).update(body).digest('hex')
  // privaudit:expect crypto-call:hmac-sha512
  const configured = crypto.createHmac(CONFIG.digest, secret).update(body).digest('hex')
  return [modern, legacy, configured]
}

export function homemadeSignature(webhookSecret: string, body: string) {
  // a hash over secret and body: a keyed hash, not an HMAC
  // privaudit:expect crypto-call:sha256
  return createHash('sha256').update(webhookSecret + body).digest('hex')
}

// look-alikes: checksums, salted password hashes, other objects' methods
export function etag(body: string) {
  return createHash('sha256').update(body).digest('base64url')
}
export function hashPassword(password: string, salt: string) {
  return createHash('sha512').update(`${salt}:${password}`).digest('hex')
}
export function unrelated(cache: { update(x: string): void }, jwt: { sign(p: object, k: string): string }) {
  cache.update('aes-256-gcm')
  return jwt.sign({ sub: 'x' }, 'aes-128-cbc')
}

import CryptoJS from 'crypto-js'
import { CompactEncrypt, SignJWT } from 'jose'

export function sealNote(note: string, passphrase: string) {
  // crypto-js AES: CBC unless told otherwise, a 256-bit key derived from a string passphrase
  // privaudit:expect crypto-call:aes-256-cbc
  return CryptoJS.AES.encrypt(note, passphrase).toString()
}

export function sealBlock(block: string, hexKey: string) {
  // privaudit:expect crypto-call:aes-ecb
  return CryptoJS.AES.encrypt(block, CryptoJS.enc.Hex.parse(hexKey), { mode: CryptoJS.mode.ECB })
}

export function legacy(note: string, key: string) {
  // privaudit:expect crypto-call:des-ede3-cbc
  return CryptoJS.TripleDES.encrypt(note, key)
}

export function sign(message: string, key: string) {
  // privaudit:expect crypto-call:hmac-sha256
  const mac = CryptoJS.HmacSHA256(message, key)
  // a plain hash of the message: a checksum
  const checksum = CryptoJS.SHA256(message)
  return [mac, checksum]
}

export async function sealToken(payload: Uint8Array, key: Uint8Array) {
  // privaudit:expect crypto-call:aes-256-gcm
  return new CompactEncrypt(payload).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(key)
}

export async function sessionJwt(key: Uint8Array) {
  // a JWS (HS256 session token) is not payload encryption, and not the webhook signature
  return new SignJWT({ sub: 'u' }).setProtectedHeader({ alg: 'HS256' }).sign(key)
}

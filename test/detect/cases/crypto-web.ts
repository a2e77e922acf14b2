// WebCrypto: the cipher's key size comes from the key the file generates; an HMAC's hash from its key.
export async function seal(data: Uint8Array) {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
  const iv = crypto.getRandomValues(new Uint8Array(12))
  // privaudit:expect crypto-call:aes-256-gcm
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data)
  // privaudit:expect crypto-call:aes-256-gcm
  const opened = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed)
  return [sealed, opened]
}

export async function signWebhook(secret: Uint8Array, body: Uint8Array) {
  // privaudit:expect crypto-call:hmac-sha256
  const key = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  // the sign call repeats nothing the key did not already say
  return crypto.subtle.sign('HMAC', key, body)
}

export async function signRelease(privateKey: CryptoKey, body: Uint8Array) {
  // privaudit:expect crypto-call:ecdsa-sha384
  return crypto.subtle.sign({ name: 'ECDSA', hash: { name: 'SHA-384' } }, privateKey, body)
}

// look-alikes: digests and random values are not encryption or signing
export async function digest(body: Uint8Array) {
  crypto.getRandomValues(new Uint8Array(16))
  return crypto.subtle.digest('SHA-256', body)
}

// A decrypt helper: what it returns is a plaintext secret, whatever its callers call it.
import { createDecipheriv } from 'node:crypto'

export function openSealed(blob: Buffer, key: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12))
  // privaudit:expect secret:decrypt-site
  return decipher.update(blob.subarray(12)).toString('utf8')
}

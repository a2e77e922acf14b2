// A second module between the decrypt and the log: it returns the decrypted value inside an object.
import { openSealed } from './crypto'

export async function linkedAccount(row: { sealed: Buffer; provider: string }, master: Buffer) {
  return { grant: openSealed(row.sealed, master), provider: row.provider }
}

export function describeAccount(row: { provider: string }) {
  return `account at ${row.provider}`
}

// The caller: it logs what a helper of another module returned, through a logger of a third (a workspace package).
import { logger } from '@acme/log'
import { describeAccount, linkedAccount } from '@/lib/accounts'

export async function sync(row: { sealed: Buffer; provider: string }, master: Buffer) {
  const account = await linkedAccount(row, master)
  // privaudit:expect log-call:decrypt-logger
  logger.info({ account }, 'synced')
  // only the provider: not the decrypted part of the value
  logger.info({ provider: account.provider }, 'synced')
  // another helper of the same module, which returns nothing secret
  logger.info(describeAccount(row))
  // the password is redacted by the logger's own configuration
  logger.warn({ user: { password: account.grant } })
}

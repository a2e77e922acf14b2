// Every sink a secret must not reach, each with a look-alike that must not fire.
// Labels: log-call:<source kind>-<sink kind>.
// privaudit:expect import:sentry
import * as Sentry from '@sentry/node'
// privaudit:expect import:sentry
import { captureMessage } from '@sentry/nextjs'
import bunyan from 'bunyan'
import consola from 'consola'
import createDebug from 'debug'
import log4js from 'log4js'
import loglevel from 'loglevel'
import pino from 'pino'
import { Signale } from 'signale'
import winston from 'winston'

const logger = pino({ level: 'info' })
const wlog = winston.createLogger({ level: 'info' })
const blog = bunyan.createLogger({ name: 'api' })
const l4 = log4js.getLogger('api')
const dbg = createDebug('api:keys')
const signale = new Signale({ scope: 'keys' })
const metrics = { info: (_: unknown) => undefined }

export function sinks(apiKey: string, userId: string, req: { log: { info(...a: unknown[]): void } }) {
  // privaudit:expect log-call:name-console
  console.log('key', apiKey)
  // privaudit:expect log-call:name-console
  console.error(`bad key ${apiKey}`)
  console.log('user', userId)
  // privaudit:expect log-call:name-logger
  logger.info({ apiKey }, 'saved')
  logger.info({ userId }, 'saved')
  // privaudit:expect log-call:name-logger
  wlog.warn('key rejected', { key: apiKey })
  // privaudit:expect log-call:name-logger
  blog.error({ apiKey })
  // privaudit:expect log-call:name-logger
  l4.debug(apiKey)
  // privaudit:expect log-call:name-logger
  consola.info(apiKey)
  // privaudit:expect log-call:name-logger
  dbg('using key %s', apiKey)
  // privaudit:expect log-call:name-logger
  loglevel.debug(apiKey)
  // privaudit:expect log-call:name-logger
  signale.success(apiKey)
  // privaudit:expect log-call:name-logger
  req.log.info({ apiKey })
  // privaudit:expect log-call:name-logger
  logger.child({ apiKey }).info('child bindings are written on every line')
  // not a logger: a metrics object with an `info` method
  metrics.info(apiKey)
  // privaudit:expect log-call:name-stdout
  process.stdout.write(`${apiKey}\n`)
  process.stdout.write(`${userId}\n`)
  // privaudit:expect log-call:name-error-reporter
  Sentry.captureMessage(`key ${apiKey} rejected`)
  // privaudit:expect log-call:name-error-reporter
  Sentry.setExtra('apiKey', apiKey)
  Sentry.setExtra('userId', userId)
  // privaudit:expect log-call:name-error-reporter
  Sentry.setContext('provider', { apiKey })
  // privaudit:expect log-call:name-error-reporter
  Sentry.addBreadcrumb({ message: 'key used', data: { apiKey } })
  // privaudit:expect log-call:name-error-reporter
  Sentry.captureException(new Error('rejected'), { extra: { apiKey } })
  Sentry.captureException(new Error('rejected'), { extra: { userId } })
  // privaudit:expect log-call:name-error-reporter
  captureMessage(apiKey)
  Sentry.withScope((scope) => {
    // privaudit:expect log-call:name-error-reporter
    scope.setExtra('key', apiKey)
  })
  if (!apiKey.startsWith('sk-')) {
    // privaudit:expect log-call:name-thrown-error
    throw new Error(`bad key ${apiKey}`)
  }
  if (!userId) throw new Error(`unknown user ${userId}`)
  // privaudit:expect log-call:name-thrown-error
  throw new TypeError('invalid key: ' + apiKey)
}

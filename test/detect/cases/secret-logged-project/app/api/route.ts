// Sinks and secrets that live in other modules, through relative and `@/` imports.
import { audit } from '../../lib/audit'
import { logger } from '@/lib/logger'
import { metrics } from '../../lib/metrics.js'
import defaults, { settings } from '../../lib/settings'

export function handle(apiKey: string, password: string) {
  // privaudit:expect log-call:name-logger
  audit.info({ key: apiKey })
  audit.info({ password }, 'audit redacts password')
  logger.info({ apiKey }, 'logger redacts apiKey')
  // privaudit:expect log-call:name-logger
  logger.info({ token: apiKey })
  // privaudit:expect log-call:constant-console
  console.log(settings)
  // privaudit:expect log-call:constant-console
  console.log(settings.llm)
  console.log(settings.port)
  // privaudit:expect log-call:constant-logger
  logger.warn({ config: defaults })
  console.log(defaults.region)
  metrics.info(apiKey)
}

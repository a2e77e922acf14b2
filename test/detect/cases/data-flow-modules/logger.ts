import pino from 'pino'

export const logger = pino()

export function audit(event: string, who: string) {
  logger.info({ event, who }, 'audit')
}

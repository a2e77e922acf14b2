import { pino } from 'pino'

export const logger = pino({ redact: { paths: ['apiKey', '*.apiKey'] } })

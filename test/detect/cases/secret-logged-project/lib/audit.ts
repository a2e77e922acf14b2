// A logger that is not named like one: only the import tells the route it is a logger.
import pino from 'pino'

export const audit = pino({ redact: ['password'] })

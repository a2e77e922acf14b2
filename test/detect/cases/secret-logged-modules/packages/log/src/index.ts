// A logger exported by a workspace package: its callers import it by the package's name.
import pino from 'pino'

export const logger = pino({ redact: ['*.password'] })

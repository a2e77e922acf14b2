// The bundled Action's entry point (action/dist/index.mjs): run, then exit with the status `fail-on` decided.
import { runAction } from './main.js'

runAction({ env: process.env, write: (text) => process.stdout.write(text) }).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stdout.write(`::error::privaudit crashed: ${String((error as Error)?.stack ?? error).replace(/\r?\n/g, '%0A')}\n`)
    process.exitCode = 2
  },
)

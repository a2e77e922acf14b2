// What every command shares: the common flags, input errors as one line and exit 2, and writing a report.
import path from 'node:path'
import { Flags, type Command } from '@oclif/core'
import { defaultCacheDir } from '../cache/index.js'
import { ConfigError } from '../collect/config.js'
import { InputError } from '../collect/index.js'
import { writeFileAtomic } from '../util/write.js'

export const policyFlag = Flags.string({ description: 'privacy policy file (default: discovered in the repo)' })
export const configFlag = Flags.string({ description: 'config file (default: .privaudit.yml at the scanned root, optional)' })
export const outputFlag = (what: string) => Flags.string({ char: 'o', description: `write the ${what} to this file instead of stdout` })

/** The per-file cache: on by default, in --cache-dir or the default folder (see defaultCacheDir). */
export const cacheFlags = {
  cache: Flags.boolean({ description: 'reuse and save per-file analysis in the cache folder (--no-cache: analyse every file, write nothing)', default: true, allowNo: true }),
  'cache-dir': Flags.string({ description: 'cache folder (default: $PRIVAUDIT_CACHE_DIR, else $XDG_CACHE_HOME/privaudit, else ~/.cache/privaudit)' }),
}

/** The cache folder the flags ask for, or undefined for --no-cache. */
export function cacheDirFrom(flags: { cache: boolean; 'cache-dir'?: string }): string | undefined {
  if (!flags.cache) return undefined
  return flags['cache-dir'] ? path.resolve(flags['cache-dir']) : defaultCacheDir()
}

/** Cache trouble never changes the report: one warning line on stderr. */
export function printCacheNotices(notices: string[] | undefined): void {
  for (const notice of notices ?? []) process.stderr.write(`privaudit: warning: ${notice}\n`)
}

/** Runs a pipeline step; bad input (missing path, policy, config…) ends the command with one line on stderr and exit 2. */
export async function orExit2<T>(command: Command, step: () => Promise<T>, onError?: () => void): Promise<T> {
  try {
    return await step()
  } catch (error) {
    if (error instanceof InputError || error instanceof ConfigError) {
      onError?.()
      process.stderr.write(`privaudit: ${error.message}\n`)
      command.exit(2)
    }
    throw error
  }
}

/** Writes a report to --output (atomically) or stdout; a write failure is exit 2. */
export async function writeReport(command: Command, rendered: string, output: string | undefined): Promise<void> {
  if (output) {
    try {
      writeFileAtomic(output, rendered)
    } catch (error) {
      process.stderr.write(`privaudit: cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`)
      command.exit(2)
    }
    return
  }
  // a pipe takes 64 KiB at a time: exiting before it drains would cut a long report short (`| jq`)
  await new Promise<void>((resolve) => process.stdout.write(rendered, () => resolve()))
}

import { Args, Command, Flags } from '@oclif/core'
import { ConfigError } from '../collect/config.js'
import { InputError } from '../collect/index.js'
import { audit } from '../core/audit.js'
import { SUBPROCESSOR_REPORTERS } from '../reporters/subprocessors.js'
import { writeFileAtomic } from '../util/write.js'

export default class Subprocessors extends Command {
  static override summary = 'Print the subprocessor list to publish: every vendor the code or deployment uses, with its legal name, purpose, category and privacy policy.'
  static override description = `Built from the code evidence and the vendor catalog. Exit codes: 0 = listed; 2 = usage or input error.`
  static override examples = [
    '<%= config.bin %> subprocessors',
    '<%= config.bin %> subprocessors apps/web --format csv --output subprocessors.csv',
  ]

  static override args = {
    path: Args.string({ description: 'folder to scan', default: '.' }),
  }

  static override flags = {
    policy: Flags.string({ description: 'privacy policy file (default: discovered in the repo)' }),
    config: Flags.string({ description: 'config file (default: .privaudit.yml at the scanned root, optional)' }),
    format: Flags.string({ description: 'list format', options: Object.keys(SUBPROCESSOR_REPORTERS), default: 'markdown' }),
    output: Flags.string({ char: 'o', description: 'write the list to this file instead of stdout' }),
  }

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Subprocessors)
    let result
    try {
      result = await audit({ root: args.path, policy: flags.policy, config: flags.config })
    } catch (error) {
      if (error instanceof InputError || error instanceof ConfigError) {
        process.stderr.write(`privaudit: ${error.message}\n`)
        this.exit(2)
      }
      throw error
    }
    const rendered = SUBPROCESSOR_REPORTERS[flags.format](result.report)
    if (flags.output) {
      try {
        writeFileAtomic(flags.output, rendered)
      } catch (error) {
        process.stderr.write(`privaudit: cannot write ${flags.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`)
        this.exit(2)
      }
    } else {
      process.stdout.write(rendered)
    }
  }
}

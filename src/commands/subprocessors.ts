import { Args, Command, Flags } from '@oclif/core'
import { configFlag, orExit2, outputFlag, policyFlag, writeReport } from '../cli/io.js'
import { audit } from '../core/audit.js'
import { SUBPROCESSOR_REPORTERS } from '../reporters/subprocessors.js'

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
    policy: policyFlag,
    config: configFlag,
    format: Flags.string({ description: 'list format', options: Object.keys(SUBPROCESSOR_REPORTERS), default: 'markdown' }),
    output: outputFlag('list'),
  }

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Subprocessors)
    const result = await orExit2(this, () => audit({ root: args.path, policy: flags.policy, config: flags.config }))
    const rendered = SUBPROCESSOR_REPORTERS[flags.format](result.report)
    await writeReport(this, rendered, flags.output)
  }
}

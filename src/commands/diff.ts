import { Args, Command, Flags } from '@oclif/core'
import { cacheDirFrom, cacheFlags, configFlag, orExit2, outputFlag, policyFlag, printCacheNotices, writeReport } from '../cli/io.js'
import { startProgress } from '../cli/progress.js'
import { compareRefs } from '../core/compare.js'
import { RULES } from '../core/diff.js'
import { FAIL_ON, failingFindings, type FailOn } from '../model/severity.js'
import { FORMATS, REPORTERS } from '../reporters/index.js'

export default class Diff extends Command {
  static override summary = 'Report what a change adds and fixes: scan HEAD_REF (default: the work tree) and BASE_REF, and match findings by fingerprint.'
  static override description = `Run inside a git repository. BASE_REF is checked out into a temporary worktree and scanned with the same folder, policy and config; a finding whose fingerprint (rule, vendor, file, normalised value: no line numbers) the base has too is not new.
Exit codes: 0 = no new finding at or above --fail-on; 1 = new findings at or above --fail-on; 2 = usage or input error.`

  static override examples = [
    '<%= config.bin %> diff main',
    '<%= config.bin %> diff origin/main HEAD --format markdown',
    '<%= config.bin %> diff v1.2.0 v1.3.0 --path apps/web --format json',
  ]

  static override args = {
    base: Args.string({ description: 'the ref to compare with (branch, tag or commit)', required: true }),
    head: Args.string({ description: 'the ref to scan (default: the work tree as it is on disk)' }),
  }

  static override flags = {
    path: Flags.string({ description: 'folder to scan, inside the repository', default: '.' }),
    policy: policyFlag,
    config: configFlag,
    format: Flags.string({ description: 'report format', options: FORMATS, default: 'text' }),
    output: outputFlag('report'),
    'fail-on': Flags.string({ description: 'lowest severity of a NEW finding that makes the exit code 1', options: [...FAIL_ON], default: 'error' }),
    ...cacheFlags,
  }

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Diff)
    const progress = startProgress(flags.format !== 'json')
    const result = await orExit2(this, () => compareRefs({ path: flags.path, base: args.base, head: args.head, policy: flags.policy, config: flags.config, cacheDir: cacheDirFrom(flags), onStage: progress?.update }), () => progress?.stop())
    progress?.stop()
    const { report } = result
    printCacheNotices(result.cacheNotices)
    const rendered = REPORTERS[flags.format](report, { color: !flags.output && Boolean(process.stdout.isTTY), rules: RULES })
    await writeReport(this, rendered, flags.output)
    if (failingFindings(report.findings, flags['fail-on'] as FailOn).length) this.exit(1)
  }
}

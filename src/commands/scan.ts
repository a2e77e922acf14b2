import { Args, Command, Flags } from '@oclif/core'
import { cacheDirFrom, cacheFlags, configFlag, orExit2, outputFlag, policyFlag, printCacheNotices, writeReport } from '../cli/io.js'
import { startProgress } from '../cli/progress.js'
import { readBaseline } from '../collect/baseline.js'
import { audit } from '../core/audit.js'
import { RULES } from '../core/diff.js'
import { withComparison } from '../model/findings.js'
import { FAIL_ON, fails, type FailOn } from '../model/severity.js'
import { FORMATS, REPORTERS } from '../reporters/index.js'
import type { Severity } from '../types/index.js'
import { renderTimings } from '../reporters/timings.js'

export default class Scan extends Command {
  static override summary = 'Scan a repository and diff what its code does against what its privacy policy declares.'
  static override description = `Exit codes: 0 = no finding at or above --fail-on; 1 = findings at or above --fail-on; 2 = usage or input error.`
  static override examples = [
    '<%= config.bin %> scan',
    '<%= config.bin %> scan apps/web --policy legal/privacy.md',
    '<%= config.bin %> scan --format json --output privaudit.json --fail-on warning',
    '<%= config.bin %> scan --baseline privaudit.json',
    '<%= config.bin %> scan --format sarif --output privaudit.sarif',
    '<%= config.bin %> scan --changed-since origin/main',
  ]

  static override args = {
    path: Args.string({ description: 'folder to scan', default: '.' }),
  }

  static override flags = {
    policy: policyFlag,
    config: configFlag,
    format: Flags.string({ description: 'report format', options: FORMATS, default: 'text' }),
    output: outputFlag('report'),
    'fail-on': Flags.string({ description: 'lowest severity that makes the exit code 1', options: [...FAIL_ON], default: 'error' }),
    quiet: Flags.boolean({ char: 'q', description: 'no spinner; the text report lists only findings at or above --fail-on', default: false }),
    baseline: Flags.string({ description: 'a previous report (--format json or sarif): list only the findings it does not have' }),
    timings: Flags.boolean({ description: 'print a per-stage timing table and the cache figures on stderr', default: false }),
    'changed-since': Flags.string({ description: 'a git ref: read and analyse only the files changed since it, the rest from the cache (the report is still the full report)' }),
    ...cacheFlags,
  }

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Scan)
    const progress = startProgress(flags.format !== 'json' && !flags.quiet)
    const { baseline, result } = await orExit2(this, async () => ({
      baseline: flags.baseline === undefined ? undefined : readBaseline(flags.baseline),
      result: await audit({
        root: args.path,
        policy: flags.policy,
        config: flags.config,
        cacheDir: cacheDirFrom(flags),
        changedSince: flags['changed-since'],
        onStage: progress?.update,
      }),
    }), () => progress?.stop())
    progress?.stop()
    const report = baseline ? withComparison(result.report, baseline, { base: flags.baseline! }) : result.report
    const failOn = flags['fail-on'] as FailOn
    // --quiet lists what fails the run; with --fail-on none, the errors
    const listed = (f: { severity: Severity }) => fails(f.severity, failOn === 'none' ? 'error' : failOn)
    const shown = flags.quiet && flags.format === 'text'
      ? { ...report, findings: report.findings.filter(listed), vendors: [], skipped: [], problems: [], policy: report.policy && { ...report.policy, claims: [] } }
      : report
    const toTerminal = !flags.output && Boolean(process.stdout.isTTY)
    const rendered = REPORTERS[flags.format](shown, { color: toTerminal, rules: RULES })
    await writeReport(this, rendered, flags.output)
    printCacheNotices(result.cache?.notices)
    if (flags.timings) process.stderr.write(renderTimings(result.timings, result.cache))
    if (report.findings.some((f) => fails(f.severity, failOn))) this.exit(1)
  }
}

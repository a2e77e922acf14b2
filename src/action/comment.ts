// The PR comment and job summary: what the pull request changes (new findings, fixed ones), each new one with the code
// evidence linked to its lines, the policy sentence (or the policy file that lacks one) and a suggested sentence.
import type { FullReport } from '../types/index.js'
import type { RenderOptions } from '../reporters/index.js'
import { mdCode, mdFinding, mdLocation, mdText } from '../reporters/markdown.js'
import { findingEvidence, plural, SEVERITY_ICON, summaryLine, vendorName } from '../reporters/shared.js'
import type { Finding } from '../types/index.js'

/** GitHub refuses a comment over 65,536 characters. */
const MAX_BODY = 60_000

export function commentMarker(scannedPath: string): string {
  return `<!-- privaudit:pr-comment path=${scannedPath.replace(/--/g, '-')} -->`
}

/** One line per new finding: "adds PostHog through `posthog-js` in apps/web/package.json; PRIVACY.md does not declare it". */
function headline(report: FullReport, f: Finding, options: Partial<RenderOptions>): string {
  const icon = SEVERITY_ICON[f.severity]
  if (!f.vendor) return `- ${icon} ${mdText(f.message)}`
  const name = `**${mdText(vendorName(report, f.vendor) ?? f.vendor)}**`
  const evidence = findingEvidence(report, f)
  const primary = evidence[0]
  const through = primary.value !== undefined ? ` through ${mdCode(primary.value)}` : ''
  const where = mdLocation(primary.location, options, primary.location.file)
  const more = evidence.length > 1 ? ` (and ${plural(evidence.length - 1, 'more place')})` : ''
  const policy = report.policy ? mdLocation({ file: report.policy.path, line: f.policy?.line ?? 1 }, options, report.policy.path) : 'the policy'
  let verdict: string
  if (!report.policy) verdict = 'there is no privacy policy to declare it'
  else if (f.ruleId === 'undeclared-subprocessor' && f.policy) {
    const how = /only by kind/.test(f.message) ? 'names it only by kind' : /not used/.test(f.message) ? 'says it is not used' : 'says'
    verdict = `${policy} ${how}: “${mdText(f.policy.quote.replace(/[.\s]+$/, ''))}”`
  } else if (f.ruleId === 'undeclared-subprocessor') verdict = `${policy} does not declare it.`
  else verdict = mdText(f.message)
  return `- ${icon} ${report.comparison ? 'adds' : 'uses'} ${name}${through} in ${where}${more}; ${verdict}`
}

export interface CommentOptions extends Partial<RenderOptions> {
  marker: string
  /** Links for the base side (fixed findings live there). */
  baseLink?: RenderOptions['link']
  /** Lines about the run itself (no base commit, a read-only token…). */
  notes?: string[]
}

export function renderPrComment(report: FullReport, options: CommentOptions): string {
  const comparison = report.comparison
  const added = report.findings
  const fixed = comparison?.fixed ?? []
  const out: string[] = [options.marker, '## privaudit · code against privacy policy', '']
  if (!comparison) {
    out.push(added.length ? `**${summaryLine(report.summary)}** in the code scanned (no base to compare with).` : 'No finding: the code and the privacy policy agree.')
  } else if (!added.length && !fixed.length) {
    out.push('This pull request changes no privacy finding.')
  } else {
    const parts = []
    if (added.length) parts.push(`adds **${plural(added.length, 'finding')}** (${summaryLine(report.summary)})`)
    if (fixed.length) parts.push(`fixes **${plural(fixed.length, 'finding')}**`)
    out.push(`This pull request ${parts.join(' and ')}.`)
  }
  out.push('')
  if (added.length) {
    out.push(comparison ? '**What it adds:**' : '**Findings:**')
    out.push('')
    for (const f of added) out.push(headline(report, f, options))
    out.push('')
  }
  if (fixed.length) {
    out.push('**What it fixes:**')
    out.push('')
    for (const f of fixed) {
      const was = options.baseLink ? ` (was at ${mdLocation(f.locations[0], { link: options.baseLink })})` : ''
      out.push(`- ✔ ${mdText(f.message)}${was}`)
    }
    out.push('')
  }
  const details = added.map((f) => mdFinding(report, f, options, '####'))
  if (details.length) {
    const block = details.join('\n\n')
    out.push(added.length > 3 ? `<details><summary>Evidence and suggested policy sentences</summary>\n\n${block}\n\n</details>` : block)
    out.push('')
  }
  const footer: string[] = []
  if (comparison) footer.push(`compared with ${mdCode(comparison.base)}${comparison.head ? ` at ${mdCode(comparison.head)}` : ''}; ${plural(comparison.unchanged, 'finding')} already there before this pull request`)
  footer.push(report.policy ? `policy: ${mdLocation({ file: report.policy.path, line: 1 }, options, report.policy.path)}` : 'no privacy policy found')
  footer.push(`privaudit ${report.tool.version}`)
  for (const note of options.notes ?? []) out.push(`> ${note}`, '')
  out.push(`<sub>${footer.join(' · ')}</sub>`)
  let body = `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`
  if (body.length > MAX_BODY) body = `${body.slice(0, MAX_BODY)}\n\n… (cut: the full report is in the job summary and the step's \`report\` output)\n`
  return body
}

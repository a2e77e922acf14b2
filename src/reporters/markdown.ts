// Markdown for a PR comment and a legal memo alike: findings with the code and the policy side by side, then the
// subprocessor table, the cookie table and the claims coverage.
import type { Claim, Finding, Location } from '../types/index.js'
import type { FullReport } from '../types/index.js'
import type { RenderOptions } from './options.js'
import { cookieLifetime, declaredHow, describeEvidenceLine, findingEvidence, formatLocation, plural, reportDataMap, SEVERITY_ICON, sortedVendors, summaryLine, usedIn, usedThroughNames, vendorName } from './shared.js'

/** Text safe in a table cell or a line: no pipes, no newlines, no raw HTML, no @mention that would ping someone. */
export function mdText(s: string): string {
  // code spans keep their text (an entity would show literally there); only pipes and newlines would break a table
  return s.split(/(`[^`\n]*`)/).map((part, i) => (i % 2 === 1
    ? part.replace(/\|/g, '\\|')
    : part.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/@/g, '&#64;'))).join('').replace(/\r?\n/g, ' ')
}

/** Inline code that survives backticks inside it. */
export function mdCode(s: string): string {
  const clean = s.replace(/\r?\n/g, ' ')
  const fence = clean.includes('`') ? '``' : '`'
  return `${fence}${fence === '``' ? ' ' : ''}${clean}${fence === '``' ? ' ' : ''}${fence}`
}

export function mdLocation(l: Location, options: Partial<RenderOptions>, label = formatLocation(l)): string {
  const url = options.link?.(l)
  return url ? `[${mdCode(label)}](${url})` : mdCode(label)
}

export function mdQuote(text: string): string {
  return text.split(/\r?\n/).map((line) => `> ${mdText(line)}`).join('\n')
}

/** One finding: the verdict, the code evidence, the policy sentence (or its absence) and the suggested sentence. */
export function mdFinding(report: FullReport, f: Finding, options: Partial<RenderOptions>, headingLevel = '###'): string {
  const out: string[] = []
  const vendor = vendorName(report, f.vendor)
  out.push(`${headingLevel} ${SEVERITY_ICON[f.severity]} ${f.severity} · ${f.ruleId}${vendor ? ` · ${mdText(vendor)}` : ''}`)
  out.push('')
  out.push(mdText(f.message))
  out.push('')
  const evidence = findingEvidence(report, f)
  // a finding about the policy itself (a vendor it lists but the code never uses) points into the policy
  const inPolicyOnly = Boolean(report.policy) && f.locations.every((l) => l.file === report.policy!.path)
  out.push(inPolicyOnly ? '**Where:**' : '**In the code:**')
  for (const e of evidence.slice(0, 10)) {
    const what = describeEvidenceLine(e)
    out.push(`- ${mdLocation(e.location, options)}${what ? `: ${what}` : ''}`)
  }
  if (evidence.length > 10) out.push(`- … and ${evidence.length - 10} more`)
  out.push('')
  if (f.policy && report.policy) {
    out.push(`**In the policy** (${mdLocation({ file: report.policy.path, line: f.policy.line }, options)}):`)
    out.push('')
    out.push(mdQuote(f.policy.quote))
  } else if (report.policy && f.vendor) {
    out.push(`**In the policy:** ${mdLocation({ file: report.policy.path, line: 1 }, options, report.policy.path)} does not name ${mdText(vendor ?? f.vendor)}.`)
  }
  if (f.suggestion) {
    out.push('')
    out.push('**Suggested policy sentence:**')
    out.push('')
    out.push(mdQuote(f.suggestion))
  }
  return out.join('\n')
}

export function mdSubprocessorTable(report: FullReport, options: Partial<RenderOptions>): string[] {
  const vendors = sortedVendors(report)
  if (!vendors.length) return ['No subprocessor found in the code or the policy.']
  const out = ['| Vendor | Purpose | Category | Declared | Where used | Policy sentence |', '| --- | --- | --- | --- | --- | --- |']
  for (const v of vendors) {
    const through = usedThroughNames(report, v)
    const where = v.evidence.length
      ? `${mdLocation({ file: v.evidence[0].file, line: v.evidence[0].line }, options)}${usedIn(v).length > 1 ? ` (+${usedIn(v).length - 1} more files)` : ''}`
      : through.length ? `through ${mdText(through.join(', '))}` : 'not used'
    const sentence = v.policy ? `line ${v.policy.line}: “${mdText(v.policy.quote)}”` : '—'
    const declared = v.declared ? mdText(declaredHow(report, v).replace(/^declared$/, 'yes')) : '**no**'
    out.push(`| ${mdText(v.name)}${v.legalName && v.legalName !== v.name ? ` (${mdText(v.legalName)})` : ''} | ${mdText(v.purpose ?? '')} | ${v.category} | ${declared} | ${where} | ${sentence} |`)
  }
  return out
}

/** The data map as a table: each receiver, the categories the policy declares for it and those it does not. */
export function mdDataMap(report: FullReport): string[] {
  const rows = reportDataMap(report)
  if (!rows.length) return ['No personal data found reaching a vendor, a log or a store.']
  const out = ['| Receives | Declared in the policy | Not declared |', '| --- | --- | --- |']
  for (const row of rows) {
    const list = (declared: boolean) => row.categories.filter((x) => x.declared === declared).map((x) => mdText(x.label)).join(', ') || '—'
    out.push(`| ${mdText(row.sink)} | ${list(true)} | ${list(false) === '—' ? '—' : `**${list(false)}**`} |`)
  }
  return out
}

export function mdCookieTable(report: FullReport, options: Partial<RenderOptions>): string[] {
  if (!report.cookies.length) return ['No cookie found.']
  const out = ['| Cookie | Party | Vendor | Purpose | Lifetime | Where set |', '| --- | --- | --- | --- | --- | --- |']
  for (const c of report.cookies) {
    const where = c.locations.length ? `${mdLocation(c.locations[0], options)}${c.locations.length > 1 ? ` (+${c.locations.length - 1})` : ''}` : '—'
    out.push(`| ${mdCode(c.name)} | ${c.party} | ${mdText(vendorName(report, c.vendor) ?? '—')} | ${c.purpose} | ${mdText(cookieLifetime(c))} | ${where} |`)
  }
  return out
}

function claimSubject(report: FullReport, c: Claim): string {
  return c.vendor ? (vendorName(report, c.vendor) ?? c.subject) : c.subject
}

export function mdClaimsTable(report: FullReport, options: Partial<RenderOptions>): string[] {
  const claims = report.policy?.claims ?? []
  if (!claims.length) return [report.policy ? 'The policy makes no claim privaudit can check.' : 'No policy was found.']
  const counts = { confirmed: 0, contradicted: 0, unverifiable: 0 }
  for (const c of claims) counts[c.status ?? 'unverifiable']++
  const out = [`${counts.confirmed} confirmed by the code, ${counts.contradicted} contradicted, ${counts.unverifiable} unverifiable.`, '']
  out.push('| Status | Line | Kind | About | Policy sentence | Evidence |', '| --- | --- | --- | --- | --- | --- |')
  for (const c of claims) {
    const evidence = (c.evidence ?? []).slice(0, 3).map((l) => mdLocation(l, options)).join(', ') + ((c.evidence?.length ?? 0) > 3 ? ` (+${c.evidence!.length - 3})` : '')
    const policyLink = report.policy ? mdLocation({ file: report.policy.path, line: c.line }, options, String(c.line)) : String(c.line)
    out.push(`| ${c.status ?? 'unverifiable'} | ${policyLink} | ${c.kind}${c.polarity === 'deny' ? ' (denial)' : ''} | ${mdText(claimSubject(report, c))} | “${mdText(c.quote)}” | ${evidence || '—'} |`)
  }
  return out
}

export function renderMarkdown(report: FullReport, options: Partial<RenderOptions> = {}): string {
  const out: string[] = []
  out.push('# privaudit report')
  out.push('')
  const policy = report.policy ? `${mdCode(report.policy.path)} (${report.policy.source})` : '**none found**'
  out.push(`**Policy:** ${policy} · **Scanned:** ${mdCode(report.root)} · privaudit ${report.tool.version}`)
  out.push('')
  out.push(`**${summaryLine(report.summary)}**`)
  if (report.comparison) {
    const c = report.comparison
    out.push('')
    out.push(`Compared with ${mdCode(c.base)}${c.head ? ` at ${mdCode(c.head)}` : ''}: only new findings are listed; ${plural(c.unchanged, 'finding')} unchanged, ${c.fixed.length} fixed.`)
  }
  out.push('')
  out.push(report.comparison ? '## New findings' : '## Findings')
  out.push('')
  if (!report.findings.length) out.push(report.comparison ? 'No new finding.' : 'No finding: the code and the policy agree.')
  for (const f of report.findings) {
    out.push(mdFinding(report, f, options))
    out.push('')
  }
  if (report.comparison?.fixed.length) {
    out.push('## Fixed')
    out.push('')
    for (const f of report.comparison.fixed) out.push(`- ${SEVERITY_ICON[f.severity]} ${f.ruleId}: ${mdText(f.message)}`)
    out.push('')
  }
  out.push('## Subprocessors')
  out.push('')
  out.push(...mdSubprocessorTable(report, options))
  out.push('')
  out.push('## Cookies')
  out.push('')
  out.push(...mdCookieTable(report, options))
  out.push('')
  out.push('## Data map')
  out.push('')
  out.push(...mdDataMap(report))
  out.push('')
  out.push('## Claims coverage')
  out.push('')
  out.push(...mdClaimsTable(report, options))
  out.push('')
  if (report.problems.length || report.skipped.length) {
    out.push('## Input notes')
    out.push('')
    for (const p of report.problems) out.push(`- problem: ${mdCode(p.file)}: ${mdText(p.reason)}`)
    if (report.skipped.length) out.push(`- skipped ${plural(report.skipped.length, 'file')} (binary, oversized, generated or unreadable); \`--format json\` lists them`)
    if (report.suppressed.length) out.push(`- suppressed ${plural(report.suppressed.length, 'finding')} by \`.privaudit.yml\` ignores`)
    out.push('')
  } else if (report.suppressed.length) {
    out.push(`Suppressed ${plural(report.suppressed.length, 'finding')} by \`.privaudit.yml\` ignores.`)
    out.push('')
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`
}

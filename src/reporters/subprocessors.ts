// The subprocessor list a company publishes, from the code evidence and the catalog: `privaudit subprocessors`.
import type { VendorSummary } from '../types/index.js'
import type { FullReport } from '../types/index.js'
import { mdText } from './markdown.js'
import { usedIn } from './shared.js'
import { compareText } from '../util/order.js'

export interface SubprocessorRow {
  id: string
  name: string
  legalName: string
  purpose: string
  category: string
  privacyUrl: string
  /** Whether the privacy policy (or `.privaudit.yml`) already declares it. */
  declared: boolean
  /** The files that show the use, relative to the scanned folder. */
  usedIn: string[]
}

/** The vendors the shipped code or deployment uses, by name. Declared-but-unused vendors are not subprocessors. */
export function subprocessorRows(report: FullReport): SubprocessorRow[] {
  return report.vendors
    .filter((v) => v.detected)
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id))
    .map((v: VendorSummary) => ({
      id: v.id,
      name: v.name,
      legalName: v.legalName ?? v.name,
      purpose: v.purpose ?? '',
      category: v.category,
      privacyUrl: v.privacyUrl ?? '',
      declared: v.declared,
      usedIn: usedIn(v),
    }))
}

/** RFC 4180 field; a leading `= + - @` is neutralised so a spreadsheet never runs it as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function renderSubprocessorsCsv(report: FullReport): string {
  const header = ['Subprocessor', 'Legal name', 'Purpose', 'Category', 'Privacy policy', 'Declared in policy', 'Used in']
  const rows = subprocessorRows(report).map((r) => [r.name, r.legalName, r.purpose, r.category, r.privacyUrl, r.declared ? 'yes' : 'no', r.usedIn.join('; ')])
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}

export function renderSubprocessorsJson(report: FullReport): string {
  return `${JSON.stringify({ policy: report.policy?.path ?? null, subprocessors: subprocessorRows(report) }, null, 2)}\n`
}

export function renderSubprocessorsMarkdown(report: FullReport): string {
  const rows = subprocessorRows(report)
  const out = ['# Subprocessors', '']
  if (!rows.length) return `${[...out, 'No subprocessor found in the code or the deployment.'].join('\n')}\n`
  out.push('| Subprocessor | Legal name | Purpose | Category | Privacy policy |', '| --- | --- | --- | --- | --- |')
  for (const r of rows) out.push(`| ${mdText(r.name)} | ${mdText(r.legalName)} | ${mdText(r.purpose)} | ${r.category} | ${r.privacyUrl ? `<${r.privacyUrl}>` : '—'} |`)
  const undeclared = rows.filter((r) => !r.declared)
  if (undeclared.length) {
    out.push('', `Not yet declared in ${report.policy ? `\`${report.policy.path}\`` : 'a privacy policy'}: ${undeclared.map((r) => mdText(r.name)).join(', ')}.`)
  }
  return `${out.join('\n')}\n`
}

export const SUBPROCESSOR_REPORTERS: Record<string, (report: FullReport) => string> = {
  csv: renderSubprocessorsCsv,
  json: renderSubprocessorsJson,
  markdown: renderSubprocessorsMarkdown,
}

// The subprocessor list a company publishes, from the code evidence and the catalog: `privaudit subprocessors`.
import type { VendorSummary } from '../types/index.js'
import type { FullReport } from '../types/index.js'
import { mdText } from './markdown.js'
import { usedIn } from './shared.js'
import { compareText } from '../util/order.js'
import { stringify as toYaml } from 'yaml'

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
  /** The personal data categories the code sends it (fideslang keys), from the report's data flows. */
  dataCategories: string[]
  /** The same, as reports name them. */
  dataLabels: string[]
}

/** The vendors the shipped code or deployment uses, by name. Declared-but-unused vendors are not subprocessors. */
export function subprocessorRows(report: FullReport): SubprocessorRow[] {
  const received = new Map<string, Map<string, string>>()
  for (const f of report.dataFlows) {
    if (f.sink.kind !== 'vendor' || !f.sink.vendor) continue
    const mine = received.get(f.sink.vendor) ?? new Map<string, string>()
    mine.set(f.category, f.label)
    received.set(f.sink.vendor, mine)
  }
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
      dataCategories: [...(received.get(v.id)?.keys() ?? [])].sort(compareText),
      dataLabels: [...(received.get(v.id)?.entries() ?? [])].sort((a, b) => compareText(a[0], b[0])).map(([, label]) => label),
    }))
}

/** RFC 4180 field; a leading `= + - @` is neutralised so a spreadsheet never runs it as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function renderSubprocessorsCsv(report: FullReport): string {
  const header = ['Subprocessor', 'Legal name', 'Purpose', 'Category', 'Data categories', 'Privacy policy', 'Declared in policy', 'Used in']
  const rows = subprocessorRows(report).map((r) => [r.name, r.legalName, r.purpose, r.category, r.dataLabels.join('; '), r.privacyUrl, r.declared ? 'yes' : 'no', r.usedIn.join('; ')])
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}

export function renderSubprocessorsJson(report: FullReport): string {
  return `${JSON.stringify({ policy: report.policy?.path ?? null, subprocessors: subprocessorRows(report) }, null, 2)}\n`
}

export function renderSubprocessorsMarkdown(report: FullReport): string {
  const rows = subprocessorRows(report)
  const out = ['# Subprocessors', '']
  if (!rows.length) return `${[...out, 'No subprocessor found in the code or the deployment.'].join('\n')}\n`
  out.push('| Subprocessor | Legal name | Purpose | Category | Data categories | Privacy policy |', '| --- | --- | --- | --- | --- | --- |')
  for (const r of rows) out.push(`| ${mdText(r.name)} | ${mdText(r.legalName)} | ${mdText(r.purpose)} | ${r.category} | ${mdText(r.dataLabels.join(', ')) || '—'} | ${r.privacyUrl ? `<${r.privacyUrl}>` : '—'} |`)
  const undeclared = rows.filter((r) => !r.declared)
  if (undeclared.length) {
    out.push('', `Not yet declared in ${report.policy ? `\`${report.policy.path}\`` : 'a privacy policy'}: ${undeclared.map((r) => mdText(r.name)).join(', ')}.`)
  }
  return `${out.join('\n')}\n`
}

/** The fideslang data use of a vendor by its catalog category: what Fides calls the purpose of the processing. */
const DATA_USE: Record<string, string> = {
  analytics: 'analytics.reporting', ads: 'marketing.advertising.third_party', payments: 'essential.service.payment_processing',
  email: 'essential.service.notifications.email', messaging: 'essential.service.notifications', support: 'essential.service.operations.support',
  monitoring: 'essential.service.operations', logging: 'essential.service.operations', auth: 'essential.service.authentication',
}

/**
 * Fides system manifests (fideslang `system` resources): one system per subprocessor, its privacy declaration listing
 * the data categories the code sends it and the data use its catalog category implies, so a team that runs Fides gets
 * its data map from the code.
 */
export function renderSubprocessorsFides(report: FullReport): string {
  const system = subprocessorRows(report).map((r) => ({
    fides_key: r.id.replace(/[^A-Za-z0-9_.<>-]/g, '_'),
    name: r.name,
    description: r.purpose,
    system_type: 'Service',
    privacy_declarations: [{
      name: r.purpose || r.name,
      data_categories: r.dataCategories,
      data_use: DATA_USE[r.category] ?? 'essential.service',
      data_subjects: ['customer'],
    }],
  }))
  return `# Fides system manifests written by privaudit from the code's evidence (${report.policy ? `policy: ${report.policy.path}` : 'no policy found'})\n${toYaml({ system }, { lineWidth: 0 })}`
}

export const SUBPROCESSOR_REPORTERS: Record<string, (report: FullReport) => string> = {
  csv: renderSubprocessorsCsv,
  fides: renderSubprocessorsFides,
  json: renderSubprocessorsJson,
  markdown: renderSubprocessorsMarkdown,
}

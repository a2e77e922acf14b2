// What the markdown, HTML and SARIF reporters share: the evidence behind a finding, names, counts.
import { dataMap, type DataMapRow } from '../model/data.js'
import type { EvidenceKind, Finding, Location, Severity, VendorSummary } from '../types/index.js'
import type { FullReport } from '../types/index.js'
import { lookupTable } from '../util/table.js'
import { compareText } from '../util/order.js'

export const SEVERITY_ICON: Record<Severity, string> = { error: '✖', warning: '▲', note: '●' }

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

export function summaryLine(summary: { error: number; warning: number; note: number }): string {
  return `${plural(summary.error, 'error')}, ${plural(summary.warning, 'warning')}, ${plural(summary.note, 'note')}`
}

export function formatLocation(l: Location): string {
  return `${l.file}:${l.line}${l.column ? `:${l.column}` : ''}`
}

/** One place in the code behind a finding, with what was seen there when the vendor inventory knows it. */
export interface EvidenceLine {
  location: Location
  kind?: EvidenceKind
  value?: string
}

/** The code side of a finding: each location, with the vendor evidence (dependency `posthog-js`) seen at that line. */
export function findingEvidence(report: FullReport, finding: Finding): EvidenceLine[] {
  const vendor = finding.vendor ? report.vendors.find((v) => v.id === finding.vendor) : undefined
  return finding.locations.map((location) => {
    const seen = vendor?.evidence.find((e) => e.file === location.file && e.line === location.line)
    return seen ? { location, kind: seen.kind, value: seen.value } : { location }
  })
}

export function vendorName(report: FullReport, id: string | undefined): string | undefined {
  if (!id) return undefined
  return report.vendors.find((v) => v.id === id)?.name ?? id
}

const KIND_LABEL: Record<string, string> = lookupTable({
  dependency: 'dependency', import: 'import', host: 'call to', script: 'script from', env: 'variable', config: 'deploy config',
  cookie: 'cookie', 'log-call': 'log call', 'crypto-call': 'crypto call', region: 'region', secret: 'secret',
})

export function describeEvidenceLine(e: EvidenceLine): string | undefined {
  if (!e.kind || e.value === undefined) return undefined
  return `${KIND_LABEL[e.kind] ?? e.kind} \`${e.value}\``
}

/** The files a vendor is used in, each once, in order of first appearance. */
export function usedIn(vendor: VendorSummary): string[] {
  return [...new Set(vendor.evidence.map((e) => e.file))]
}

/** Subprocessors in the order legal reads them: used ones first, then by name. */
export function sortedVendors(report: FullReport): VendorSummary[] {
  return [...report.vendors].sort((a, b) => Number(b.detected) - Number(a.detected) || compareText(a.name, b.name) || compareText(a.id, b.id))
}

export function cookieLifetime(c: FullReport['cookies'][number]): string {
  if (c.lifetime) return c.lifetime
  if (c.persistent === false) return 'session'
  if (c.persistent === true) return 'persistent'
  return 'unknown'
}

/** How a vendor is declared, in words: `declared`, `declared in passing`, `declared via Amazon Web Services`, `in .privaudit.yml`. */
export function declaredHow(report: FullReport, v: VendorSummary): string {
  if (!v.declared) return 'not declared'
  const by = v.declaredBy
  if (by?.vendor) return `declared via ${vendorName(report, by.vendor)}`
  if (by?.how === 'mentioned') return 'named in passing'
  if (by?.how === 'config') return 'declared in .privaudit.yml'
  return 'declared'
}

/** Where a vendor is used: its own evidence, or the services of it that are (AWS through Amazon S3). */
export function usedThroughNames(report: FullReport, v: VendorSummary): string[] {
  return (v.usedThrough ?? []).map((id) => vendorName(report, id) ?? id)
}

/** The data map of the report: who receives which personal data categories, declared by the policy or not. */
export function reportDataMap(report: FullReport): DataMapRow[] {
  return dataMap(report.dataFlows, (id) => vendorName(report, id) ?? id)
}

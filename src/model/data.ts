// What the personal-data checks share: whether a claim's categories cover a category (a parent key covers its
// children: `user.contact` covers `user.contact.email`), how a category is named, and how a flow is described.
import { loadCategories } from '../catalog/categories.js'
import type { Catalog } from '../catalog/index.js'
import type { Claim, ClaimAbout, DataFlow, DataFlowData, Evidence } from '../types/index.js'
import { compareText } from '../util/order.js'

/** Whether `key` is one of `keys`, under one of them, or one a category of them includes ("billing data" the billing email). */
export function coveredBy(keys: readonly string[], key: string): boolean {
  const categories = loadCategories()
  return keys.some((k) => k === key || key.startsWith(`${k}.`) || (categories.get(k)?.includes ?? []).some((i) => i === key || key.startsWith(`${i}.`)))
}

/** The category's label ("email address"), or its key when the taxonomy lacks it. */
export function labelOf(key: string): string {
  return loadCategories().get(key)?.label ?? key
}

/** Whether the category identifies a person (an "anonymous" promise excludes it). */
export function isIdentifying(key: string): boolean {
  return loadCategories().get(key)?.identifying ?? false
}

/** Whether the personal-data-logged rule reports the category reaching a log. */
export function isLoggedCategory(key: string): boolean {
  return loadCategories().get(key)?.logged ?? false
}

/** "`user.email` (email address)", with the value it is when the call shows it under another name. */
export function describeData(flow: DataFlowData): string {
  const from = flow.from && flow.from !== flow.name ? `, \`${flow.from}\`` : ''
  const where = flow.sourceFile ? ` from ${flow.sourceFile}:${flow.sourceLine}` : ''
  return `\`${flow.name}\` (${labelOf(flow.category)}${from}${where})`
}

/** The call, and the helper it goes through. */
export function describeCall(flow: DataFlowData): string {
  return `\`${flow.sink}\`${flow.via ? ` through \`${flow.via}\`` : ''}`
}

type VendorData = ClaimAbout<'data', 'vendor-data'>
type Collection = ClaimAbout<'data', 'collection'>
type Anonymous = ClaimAbout<'data', 'anonymous-data'>

/**
 * The claim that calls what a vendor receives anonymous, if any: one naming the vendor, or one about the data used for
 * analytics when the vendor is an analytics tool.
 */
export function anonymousClaimFor(vendor: string, anonymous: readonly Anonymous[], catalog: Catalog): Anonymous | undefined {
  return anonymous.find((c) => c.data.vendor === vendor) ??
    anonymous.find((c) => !c.data.vendor && c.data.purpose === 'analytics' && catalog.get(vendor)?.category === 'analytics')
}

/**
 * Every personal data flow of the scan, as the report lists it: shipped code only, one entry per call, category and
 * value, in file order. Declared when the policy names the category for the sink: the vendor's data list for a vendor
 * (or, where the policy gives that vendor no list, its collection list), the collection list for a log, a store and
 * what the product's forms and input schemas collect. What the policy calls anonymous (that vendor's data, or the data
 * analytics tools get) declares no identifying category.
 */
export function buildDataFlows(evidence: readonly Evidence[], claims: readonly Claim[], catalog: Catalog): DataFlow[] {
  const lists = claims.filter((c): c is VendorData => c.kind === 'data' && c.subject === 'vendor-data')
  const collection = claims.filter((c): c is Collection => c.kind === 'data' && c.subject === 'collection')
  const anonymous = claims.filter((c): c is Anonymous => c.kind === 'data' && c.subject === 'anonymous-data')
  const out: DataFlow[] = []
  for (const e of evidence) {
    if (e.kind !== 'data-flow' || e.nonShipped) continue
    const flow = e.data
    const vendor = flow.sinkKind === 'vendor' ? e.vendor : undefined
    const own = vendor ? lists.filter((c) => c.vendor === vendor) : []
    const anon = vendor && isIdentifying(flow.category) ? anonymousClaimFor(vendor, anonymous, catalog) : undefined
    const declaring = anon ? undefined : (own.length > 0 ? own : collection).find((c) => coveredBy(c.data.categories, flow.category))
    const source = { file: flow.sourceFile ?? e.location.file, line: flow.sourceLine }
    const sink = { file: e.location.file, line: e.location.line }
    out.push({
      category: flow.category,
      label: labelOf(flow.category),
      source: { ...source, name: flow.from ?? flow.name },
      sink: { kind: flow.sinkKind, ...(e.vendor ? { vendor: e.vendor } : {}), call: flow.sink, ...sink },
      path: source.file === sink.file && source.line === sink.line ? [sink] : [source, sink],
      declared: declaring !== undefined,
      ...(declaring ? { policy: { line: declaring.line, quote: declaring.quote } } : {}),
    })
  }
  return out.sort((a, b) => compareText(a.sink.file, b.sink.file) || a.sink.line - b.sink.line || compareText(a.category, b.category) || compareText(a.source.name, b.source.name))
}

/** One row of the data map: a vendor, the logs, a store, or what the product's forms collect, and the categories it receives, each declared or not. */
export interface DataMapRow {
  sink: string
  kind: DataFlow['sink']['kind']
  categories: Array<{ key: string; label: string; declared: boolean }>
}

const ROW_NAMES = { log: 'Logs', storage: 'Storage', collected: 'Forms and input schemas' }

/** The data map: rows vendor / logs / store / collected, by name, with each category once (declared if any of its flows is). */
export function dataMap(flows: readonly DataFlow[], vendorName: (id: string) => string): DataMapRow[] {
  const rows = new Map<string, DataMapRow>()
  for (const f of flows) {
    const name = f.sink.kind === 'vendor' ? vendorName(f.sink.vendor ?? '') : ROW_NAMES[f.sink.kind]
    const row = rows.get(name) ?? { sink: name, kind: f.sink.kind, categories: [] }
    rows.set(name, row)
    const cell = row.categories.find((c) => c.key === f.category)
    if (cell) cell.declared ||= f.declared
    else row.categories.push({ key: f.category, label: f.label, declared: f.declared })
  }
  const order = { vendor: 0, log: 1, storage: 2, collected: 3 }
  for (const row of rows.values()) row.categories.sort((a, b) => compareText(a.key, b.key))
  return [...rows.values()].sort((a, b) => order[a.kind] - order[b.kind] || compareText(a.sink, b.sink))
}

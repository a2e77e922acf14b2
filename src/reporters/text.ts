// The terminal report: findings grouped by rule with file:line and the policy quote, the vendor table, a summary.
import { Chalk } from 'chalk'
import type { Claim, ClaimOf, ClaimStatus, Finding, Severity } from '../types/index.js'
import type { FullReport } from '../types/index.js'
import type { RenderOptions } from './options.js'
import { reportDataMap } from './shared.js'

const ICON: Record<Severity, string> = { error: '✖', warning: '▲', note: '●' }

export function table(rows: string[][], indent = '  '): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => stripAnsi(r[c] ?? '').length)))
  return rows.map((r) => indent + r.map((cell, c) => (c === r.length - 1 ? cell : cell + ' '.repeat(widths[c] - stripAnsi(cell).length))).join('  ').trimEnd())
}

function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;]*m/g, '')
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

export function renderText(report: FullReport, options: RenderOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 })
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, note: c.blue }
  const out: string[] = []
  const policy = report.policy ? `${report.policy.path} (${report.policy.source})` : c.yellow('none found')
  out.push(c.bold(`privaudit ${report.tool.version}`) + c.dim(` · ${report.root}`))
  out.push(`policy: ${policy}`)
  out.push('')

  const byRule = new Map<string, Finding[]>()
  for (const f of report.findings) {
    if (!byRule.has(f.ruleId)) byRule.set(f.ruleId, [])
    byRule.get(f.ruleId)!.push(f)
  }
  for (const [rule, findings] of byRule) {
    out.push(c.bold.underline(`${rule} (${findings.length})`))
    for (const f of findings) {
      out.push(`  ${paint[f.severity](`${ICON[f.severity]} ${f.severity}`)}  ${f.message}`)
      for (const l of f.locations.slice(0, 8)) out.push(c.dim(`      at ${l.file}:${l.line}${l.column ? `:${l.column}` : ''}`))
      if (f.locations.length > 8) out.push(c.dim(`      … and ${f.locations.length - 8} more`))
      if (f.policy) out.push(`      policy ${report.policy?.path ?? ''}:${f.policy.line}: ${c.italic(`“${f.policy.quote}”`)}`)
      if (f.suggestion) out.push(c.green(`      suggested policy sentence: ${f.suggestion}`))
    }
    out.push('')
  }

  if (report.vendors.length) {
    out.push(c.bold('Subprocessors'))
    const rows = [['vendor', 'category', 'declared', 'used', 'evidence']]
    const nameOf = (id: string) => report.vendors.find((v) => v.id === id)?.name ?? id
    for (const v of report.vendors) {
      const first = v.evidence[0]
      const where = first
        ? `${first.file}:${first.line}${v.evidence.length > 1 ? ` (+${v.evidence.length - 1})` : ''}`
        : v.usedThrough?.length ? c.dim(`through ${v.usedThrough.map(nameOf).join(', ')}`) : ''
      const how = v.declaredBy?.vendor ? ` (via ${nameOf(v.declaredBy.vendor)})` : v.declaredBy?.how === 'mentioned' ? ' (in passing)' : v.declaredBy?.how === 'config' ? ' (config)' : ''
      rows.push([
        v.name,
        v.category,
        v.declared ? c.green(`yes${how}`) : c.red('no'),
        v.detected ? 'yes' : c.dim('no'),
        where || (v.policy ? c.dim(`policy line ${v.policy.line}`) : ''),
      ])
    }
    out.push(...table(rows))
    out.push('')
  }
  out.push(...cookieTable(report, c))
  out.push(...dataMapBlock(report, c))
  out.push(...claimsBlock(report, c))
  for (const p of report.problems) out.push(c.yellow(`warning: ${p.file}: ${p.reason}`))
  if (report.skipped.length) out.push(c.dim(`skipped ${plural(report.skipped.length, 'file')} (${[...new Set(report.skipped.map((s) => s.reason.replace(/ \(.*\)$/, '')))].slice(0, 4).join(', ')}); --format json lists them`))
  if (report.suppressed.length) out.push(c.dim(`suppressed ${plural(report.suppressed.length, 'finding')} by .privaudit.yml ignores`))
  if (report.comparison) {
    const { base, head, unchanged, fixed } = report.comparison
    out.push(`compared with ${base}${head ? ` at ${head}` : ''}: only new findings are listed; ${plural(unchanged, 'finding')} unchanged, ${fixed.length} fixed`)
    for (const f of fixed.slice(0, 8)) out.push(c.green(`  fixed: ${f.message}`))
    if (fixed.length > 8) out.push(c.dim(`  … and ${fixed.length - 8} more fixed`))
  }
  const { error, warning, note } = report.summary
  const summary = `${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(note, 'note')}`
  out.push(error ? c.red.bold(`✖ ${summary}`) : warning ? c.yellow.bold(`▲ ${summary}`) : c.green.bold(`✔ ${summary}`))
  return `${out.join('\n')}\n`
}

/** The cookie inventory legal copies into its cookie table: name, party, vendor, purpose, lifetime, where it is set. */
export function cookieTable(report: FullReport, c: InstanceType<typeof Chalk>): string[] {
  if (report.cookies.length === 0) return []
  const nameOf = (id: string) => report.vendors.find((v) => v.id === id)?.name ?? id
  const rows = [['cookie', 'party', 'vendor', 'purpose', 'lifetime', 'set at']]
  for (const cookie of report.cookies) {
    const first = cookie.locations[0]
    const lifetime = cookie.lifetime ?? (cookie.persistent === false ? 'session' : cookie.persistent ? 'persistent' : '?')
    rows.push([
      cookie.dynamic ? c.yellow(cookie.name) : cookie.name,
      cookie.party,
      cookie.vendor ? nameOf(cookie.vendor) : '',
      cookie.purpose === 'unknown' ? c.dim('unknown') : cookie.purpose,
      lifetime,
      first ? `${first.file}:${first.line}${cookie.locations.length > 1 ? ` (+${cookie.locations.length - 1})` : ''}` : '',
    ])
  }
  return [c.bold('Cookies'), ...table(rows), '']
}

/** The data map: each vendor, the logs and the stores, with the personal data categories each receives. */
export function dataMapBlock(report: FullReport, c: InstanceType<typeof Chalk>): string[] {
  const rows = reportDataMap(report)
  if (rows.length === 0) return []
  const cells = [['receives', 'declared in the policy', 'not declared']]
  for (const row of rows) {
    const declared = row.categories.filter((x) => x.declared).map((x) => x.label).join(', ')
    const undeclared = row.categories.filter((x) => !x.declared).map((x) => x.label).join(', ')
    cells.push([row.sink, declared ? c.green(declared) : c.dim('—'), undeclared ? c.yellow(undeclared) : c.dim('—')])
  }
  return [c.bold('Data map'), ...table(cells), '']
}

/** What a label adds to a claim's subject: the algorithm or service a security claim names, a retention period, a cookie claim's vendor or phrase. */
function claimDetail(claim: Claim): string | undefined {
  switch (claim.kind) {
    case 'security':
      if (claim.subject === 'encryption-at-rest') return claim.data?.algorithm ?? claim.data?.vendor
      if (claim.subject === 'signature') return claim.data?.algorithm
      return claim.subject === 'key-management' || claim.subject === 'secrets-store' ? claim.data.vendor : undefined
    case 'data-practice': return claim.subject === 'retention' ? claim.data.period : undefined
    case 'cookie': return claim.vendor ?? (claim.subject === 'cookie-names' ? undefined : claim.data.phrase)
    case 'data': return dataClaimDetail(claim)
    default: return undefined
  }
}

/** A data claim's vendor and categories, their keys short ("posthog: behavior, device.ip_address"), or its level or signals. */
function dataClaimDetail(claim: ClaimOf<'data'>): string {
  const labels = (keys: string[]) => keys.map((k) => k.replace(/^user\./, '')).join(', ')
  switch (claim.subject) {
    case 'vendor-data': return `${claim.vendor}: ${labels(claim.data.categories)}`
    case 'collection': return labels(claim.data.categories)
    case 'data-denial': return `${claim.data.scope} ${labels(claim.data.categories)}${claim.data.vendor ? ` (${claim.data.vendor})` : ''}`
    case 'anonymous-data': return [claim.data.qualifier, claim.data.purpose, claim.data.vendor].filter(Boolean).join(', ')
    case 'logs': return claim.data.level
    case 'do-not-track': return claim.data.signals.join(', ')
  }
}

/** "security signature (HMAC-SHA256)", "region eu,us", "vendor stripe". */
function claimLabel(claim: Claim): string {
  const detail = claimDetail(claim)
  return `${claim.kind} ${claim.subject}${detail !== undefined && detail !== claim.subject ? ` (${detail})` : ''}`
}

/**
 * Claims coverage, short: the counts, then one row per contradicted or confirmed claim subject with its policy
 * lines and where the code backs it. Unverifiable claims are only counted (the JSON report lists them).
 */
export function claimsBlock(report: FullReport, c: InstanceType<typeof Chalk>): string[] {
  const claims = report.policy?.claims ?? []
  if (claims.length === 0) return []
  const count = (status: ClaimStatus) => claims.filter((cl) => cl.status === status).length
  const out = [c.bold(`Policy claims: ${count('confirmed')} confirmed, ${count('contradicted')} contradicted, ${count('unverifiable')} unverifiable`)]
  const groups = new Map<string, Claim[]>()
  for (const claim of claims) {
    if (claim.status !== 'confirmed' && claim.status !== 'contradicted') continue
    const key = `${claim.status}\0${claimLabel(claim)}`
    groups.set(key, [...(groups.get(key) ?? []), claim])
  }
  const firstLine = (g: Claim[]) => Math.min(...g.map((cl) => cl.line))
  const ordered = [...groups.values()].sort((a, b) => (a[0].status === b[0].status ? 0 : a[0].status === 'contradicted' ? -1 : 1) || firstLine(a) - firstLine(b))
  const cells: string[][] = []
  for (const group of ordered) {
    const lines = [...new Set(group.map((cl) => cl.line))].sort((a, b) => a - b)
    const where = `line${lines.length > 1 ? 's' : ''} ${lines.slice(0, 4).join(', ')}${lines.length > 4 ? ', …' : ''}`
    if (group[0].status === 'contradicted') {
      const quote = group[0].quote.length > 70 ? `${group[0].quote.slice(0, 67)}…` : group[0].quote
      cells.push([c.red('✖ contradicted'), where, claimLabel(group[0]), c.italic(`“${quote}”`)])
    } else {
      const at = group.flatMap((cl) => cl.evidence ?? [])[0]
      cells.push([c.green('✔ confirmed'), where, claimLabel(group[0]), at ? c.dim(`${at.file}:${at.line}`) : ''])
    }
  }
  if (cells.length) out.push(...table(cells))
  out.push('')
  return out
}

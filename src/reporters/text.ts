// The terminal report: findings grouped by rule with file:line and the policy quote, the vendor table, a summary.
import { Chalk } from 'chalk'
import type { Finding, Severity } from '../types/index.js'
import type { FullReport, RenderOptions } from './index.js'

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
    for (const v of report.vendors) {
      const first = v.evidence[0]
      rows.push([
        v.name,
        v.category,
        v.declared ? c.green('yes') : c.red('no'),
        v.detected ? 'yes' : c.dim('no'),
        first ? `${first.file}:${first.line}${v.evidence.length > 1 ? ` (+${v.evidence.length - 1})` : ''}` : v.policy ? c.dim(`policy line ${v.policy.line}`) : '',
      ])
    }
    out.push(...table(rows))
    out.push('')
  }
  for (const p of report.problems) out.push(c.yellow(`warning: ${p.file}: ${p.reason}`))
  if (report.skipped.length) out.push(c.dim(`skipped ${plural(report.skipped.length, 'file')} (${[...new Set(report.skipped.map((s) => s.reason.replace(/ \(.*\)$/, '')))].slice(0, 4).join(', ')}); --format json lists them`))
  if (report.suppressed.length) out.push(c.dim(`suppressed ${plural(report.suppressed.length, 'finding')} by .privaudit.yml ignores`))
  const { error, warning, note } = report.summary
  const summary = `${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(note, 'note')}`
  out.push(error ? c.red.bold(`✖ ${summary}`) : warning ? c.yellow.bold(`▲ ${summary}`) : c.green.bold(`✔ ${summary}`))
  return `${out.join('\n')}\n`
}

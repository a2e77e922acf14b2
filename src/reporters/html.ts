// One self-contained HTML file for legal's records: no script, no external request (a CSP forbids any), printable.
// Sections: summary, findings with the code and the policy side by side, subprocessors, cookies, claims coverage.
import type { Claim, Finding, Location, Severity } from '../types/index.js'
import type { FullReport } from '../types/index.js'
import type { RenderOptions } from './options.js'
import { cookieLifetime, declaredHow, describeEvidenceLine, findingEvidence, formatLocation, plural, reportDataMap, SEVERITY_ICON, sortedVendors, summaryLine, usedIn, usedThroughNames, vendorName } from './shared.js'

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/** Only http(s) links become anchors: a catalog or config URL must never smuggle `javascript:` into legal's file. */
function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : undefined
}

/** Escaped text whose `code spans` become <code>: finding messages quote package names that way. */
function inline(s: string): string {
  return s.split(/`([^`\n]*)`/).map((part, i) => (i % 2 === 1 ? code(part) : esc(part))).join('')
}

function code(s: string): string {
  return `<code>${esc(s)}</code>`
}

function loc(l: Location, options: Partial<RenderOptions>, label = formatLocation(l)): string {
  const url = safeUrl(options.link?.(l))
  return url ? `<a href="${esc(url)}">${code(label)}</a>` : code(label)
}

const STYLE = `
:root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg-soft: #f6f8fa; --error: #cf222e; --warning: #9a6700; --note: #0969da; --ok: #1a7f37; }
* { box-sizing: border-box; }
body { font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); margin: 0 auto; max-width: 1100px; padding: 32px 24px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; border-bottom: 1px solid var(--line); padding-bottom: 6px; margin-top: 40px; }
h3 { font-size: 16px; margin: 0 0 8px; }
.meta { color: var(--muted); margin: 0 0 16px; }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--bg-soft); padding: 1px 4px; border-radius: 4px; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 14px; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg-soft); }
.counts { display: flex; gap: 12px; margin: 16px 0; flex-wrap: wrap; }
.count { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.count strong { display: block; font-size: 22px; }
.error { color: var(--error); } .warning { color: var(--warning); } .note { color: var(--note); } .ok { color: var(--ok); }
.finding { border: 1px solid var(--line); border-left: 4px solid var(--note); border-radius: 6px; padding: 12px 16px; margin: 12px 0; break-inside: avoid; }
.finding.sev-error { border-left-color: var(--error); } .finding.sev-warning { border-left-color: var(--warning); }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; margin-top: 8px; }
.side { background: var(--bg-soft); border-radius: 6px; padding: 8px 12px; }
.side h4 { margin: 0 0 6px; font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.side ul { margin: 0; padding-left: 18px; }
blockquote { margin: 4px 0; padding: 2px 10px; border-left: 3px solid var(--line); color: var(--fg); }
.suggestion { margin-top: 8px; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; }
.yes { color: var(--ok); font-weight: 600; } .no { color: var(--error); font-weight: 600; }
.status-confirmed { color: var(--ok); font-weight: 600; } .status-contradicted { color: var(--error); font-weight: 600; } .status-unverifiable { color: var(--muted); }
.empty { color: var(--muted); font-style: italic; }
td.undeclared { color: var(--warning); font-weight: 600; }
footer { margin-top: 48px; color: var(--muted); font-size: 13px; }
@media print { body { padding: 0; } a { color: inherit; text-decoration: none; } .finding { page-break-inside: avoid; } }
@media (max-width: 720px) { .sides { grid-template-columns: 1fr; } }
`

function severityBadge(s: Severity): string {
  return `<span class="badge ${s}">${SEVERITY_ICON[s]} ${s}</span>`
}

function findingHtml(report: FullReport, f: Finding, options: Partial<RenderOptions>): string {
  const vendor = vendorName(report, f.vendor)
  const evidence = findingEvidence(report, f)
  const codeItems = evidence.map((e) => {
    const what = describeEvidenceLine(e)
    return `<li>${loc(e.location, options)}${what ? ` — ${inline(what)}` : ''}</li>`
  }).join('')
  // a finding about the policy itself (a vendor it lists but the code never uses) points into the policy
  const inPolicyOnly = Boolean(report.policy) && f.locations.every((l) => l.file === report.policy!.path)
  let policySide: string
  if (f.policy && report.policy) {
    policySide = `<p>${loc({ file: report.policy.path, line: f.policy.line }, options)}</p><blockquote>${esc(f.policy.quote)}</blockquote>`
  } else if (report.policy && f.vendor) {
    policySide = `<p class="empty">${code(report.policy.path)} does not name ${esc(vendor ?? f.vendor)}.</p>`
  } else if (report.policy) {
    policySide = `<p class="empty">No policy sentence is involved.</p>`
  } else {
    policySide = '<p class="empty">No policy was found.</p>'
  }
  return `<article class="finding sev-${f.severity}" data-rule="${esc(f.ruleId)}"${f.vendor ? ` data-vendor="${esc(f.vendor)}"` : ''} data-fingerprint="${esc(f.fingerprint)}">
<h3>${severityBadge(f.severity)} ${esc(f.ruleId)}${vendor ? ` · ${esc(vendor)}` : ''}</h3>
<p>${inline(f.message)}</p>
<div class="sides">
<div class="side code-side"><h4>${inPolicyOnly ? 'Where' : 'In the code'}</h4><ul>${codeItems}</ul></div>
<div class="side policy-side"><h4>In the policy</h4>${policySide}</div>
</div>
${f.suggestion ? `<div class="suggestion"><strong>Suggested policy sentence:</strong><blockquote>${esc(f.suggestion)}</blockquote></div>` : ''}
</article>`
}

function subprocessorTable(report: FullReport, options: Partial<RenderOptions>): string {
  const vendors = sortedVendors(report)
  if (!vendors.length) return '<p class="empty">No subprocessor found in the code or the policy.</p>'
  const rows = vendors.map((v) => {
    const privacy = safeUrl(v.privacyUrl)
    const name = `${esc(v.name)}${v.legalName && v.legalName !== v.name ? `<br><small>${esc(v.legalName)}</small>` : ''}${privacy ? `<br><small><a href="${esc(privacy)}">privacy policy</a></small>` : ''}`
    const files = usedIn(v)
    const where = v.evidence.length
      ? `<ul>${files.slice(0, 6).map((file) => {
        const first = v.evidence.find((e) => e.file === file)!
        return `<li>${loc({ file, line: first.line }, options)} <small>${esc(first.kind)} ${code(first.value)}</small></li>`
      }).join('')}${files.length > 6 ? `<li>… and ${files.length - 6} more files</li>` : ''}</ul>`
      : usedThroughNames(report, v).length ? `through ${esc(usedThroughNames(report, v).join(', '))}` : '<span class="empty">no use found</span>'
    const sentence = v.policy
      ? `${report.policy ? loc({ file: report.policy.path, line: v.policy.line }, options) : `line ${v.policy.line}`}<blockquote>${esc(v.policy.quote)}</blockquote>`
      : '<span class="empty">not in the policy</span>'
    return `<tr data-vendor="${esc(v.id)}"><td>${name}</td><td>${esc(v.purpose ?? '')}</td><td>${esc(v.category)}</td><td class="${v.declared ? 'yes' : 'no'}">${esc(declaredHow(report, v))}</td><td>${where}</td><td>${sentence}</td></tr>`
  }).join('\n')
  return `<table><thead><tr><th>Vendor</th><th>Purpose</th><th>Category</th><th>In the policy</th><th>Where used</th><th>Policy sentence</th></tr></thead><tbody>
${rows}
</tbody></table>`
}

function cookieTable(report: FullReport, options: Partial<RenderOptions>): string {
  if (!report.cookies.length) return '<p class="empty">No cookie found: the code sets none and loads no SDK known to set one.</p>'
  const rows = report.cookies.map((c) => {
    const where = c.locations.slice(0, 4).map((l) => loc(l, options)).join('<br>') + (c.locations.length > 4 ? `<br>… and ${c.locations.length - 4} more` : '')
    const attrs = c.attributes ? Object.entries(c.attributes).map(([k, v]) => `${k}=${v}`).join(', ') : ''
    return `<tr><td>${code(c.name)}</td><td>${c.party}</td><td>${esc(vendorName(report, c.vendor) ?? '—')}</td><td>${esc(c.purpose)}</td><td>${esc(cookieLifetime(c))}</td><td>${esc(attrs) || '—'}</td><td>${where || '—'}</td></tr>`
  }).join('\n')
  return `<table><thead><tr><th>Cookie</th><th>Party</th><th>Vendor</th><th>Purpose</th><th>Lifetime</th><th>Attributes</th><th>Where set</th></tr></thead><tbody>
${rows}
</tbody></table>`
}

/** The data map: each receiver with the categories the policy declares for it, and those it does not. */
function dataMapTable(report: FullReport): string {
  const rows = reportDataMap(report)
  if (!rows.length) return '<p class="empty">No personal data found reaching a vendor, a log or a store.</p>'
  const cells = rows.map((row) => {
    const list = (declared: boolean) => row.categories.filter((x) => x.declared === declared).map((x) => esc(x.label)).join(', ') || '—'
    return `<tr><td>${esc(row.sink)}</td><td>${list(true)}</td><td${row.categories.some((x) => !x.declared) ? ' class="undeclared"' : ''}>${list(false)}</td></tr>`
  }).join('\n')
  return `<table><thead><tr><th>Receives</th><th>Declared in the policy</th><th>Not declared</th></tr></thead><tbody>
${cells}
</tbody></table>`
}

function claimSubject(report: FullReport, c: Claim): string {
  return c.vendor ? (vendorName(report, c.vendor) ?? c.subject) : c.subject
}

function claimsTable(report: FullReport, options: Partial<RenderOptions>): string {
  if (!report.policy) return '<p class="empty">No policy was found, so no claim could be checked.</p>'
  const claims = report.policy.claims
  if (!claims.length) return '<p class="empty">The policy makes no claim privaudit can check.</p>'
  const counts = { confirmed: 0, contradicted: 0, unverifiable: 0 }
  for (const c of claims) counts[c.status ?? 'unverifiable']++
  const rows = claims.map((c) => {
    const status = c.status ?? 'unverifiable'
    const evidence = (c.evidence ?? []).slice(0, 4).map((l) => loc(l, options)).join('<br>') + ((c.evidence?.length ?? 0) > 4 ? `<br>… and ${c.evidence!.length - 4} more` : '')
    return `<tr><td class="status-${status}">${status}</td><td>${loc({ file: report.policy!.path, line: c.line }, options, String(c.line))}</td><td>${esc(c.kind)}${c.polarity === 'deny' ? ' (denial)' : ''}</td><td>${esc(claimSubject(report, c))}</td><td>${esc(c.section.join(' › '))}</td><td>${esc(c.quote)}</td><td>${evidence || '—'}</td></tr>`
  }).join('\n')
  return `<p>${counts.confirmed} confirmed by the code, ${counts.contradicted} contradicted, ${counts.unverifiable} unverifiable.</p>
<table><thead><tr><th>Status</th><th>Line</th><th>Kind</th><th>About</th><th>Section</th><th>Policy sentence</th><th>Evidence in the code</th></tr></thead><tbody>
${rows}
</tbody></table>`
}

export function renderHtml(report: FullReport, options: Partial<RenderOptions> = {}): string {
  const { error, warning, note } = report.summary
  const policy = report.policy ? `${code(report.policy.path)} (${esc(report.policy.source)})` : '<strong>none found</strong>'
  const comparison = report.comparison
    ? `<p>Compared with ${code(report.comparison.base)}${report.comparison.head ? ` at ${code(report.comparison.head)}` : ''}: only new findings are listed; ${plural(report.comparison.unchanged, 'finding')} unchanged, ${report.comparison.fixed.length} fixed.</p>`
    : ''
  const findings = report.findings.length
    ? report.findings.map((f) => findingHtml(report, f, options)).join('\n')
    : `<p class="ok">${report.comparison ? 'No new finding.' : 'No finding: the code and the policy agree.'}</p>`
  const fixed = report.comparison?.fixed.length
    ? `<section id="fixed"><h2>Fixed</h2><ul>${report.comparison.fixed.map((f) => `<li>${severityBadge(f.severity)} ${esc(f.ruleId)}: ${inline(f.message)}</li>`).join('')}</ul></section>`
    : ''
  const notes = [
    ...report.problems.map((p) => `<li>problem: ${code(p.file)}: ${esc(p.reason)}</li>`),
    ...(report.skipped.length ? [`<li>skipped ${plural(report.skipped.length, 'file')} (binary, oversized, generated or unreadable)</li>`] : []),
    ...(report.suppressed.length ? [`<li>suppressed ${plural(report.suppressed.length, 'finding')} by <code>.privaudit.yml</code> ignores: ${report.suppressed.map((s) => `${esc(s.ruleId)}${s.vendor ? ` (${esc(s.vendor)})` : ''}: ${esc(s.reason)}`).join('; ')}</li>`] : []),
  ]
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="privaudit ${esc(report.tool.version)}">
<title>privaudit report${report.policy ? ` · ${esc(report.policy.path)}` : ''}</title>
<style>${STYLE}</style>
</head>
<body>
<header id="summary">
<h1>Privacy audit: code against policy</h1>
<p class="meta">Policy: ${policy} · Scanned: ${code(report.root)} · privaudit ${esc(report.tool.version)}</p>
<div class="counts">
<div class="count error"><strong>${error}</strong>${error === 1 ? 'error' : 'errors'}</div>
<div class="count warning"><strong>${warning}</strong>${warning === 1 ? 'warning' : 'warnings'}</div>
<div class="count note"><strong>${note}</strong>${note === 1 ? 'note' : 'notes'}</div>
<div class="count"><strong>${report.vendors.filter((v) => v.detected).length}</strong>subprocessors in use</div>
<div class="count"><strong>${report.cookies.length}</strong>cookies</div>
</div>
<p>${esc(summaryLine(report.summary))}.</p>
${comparison}
</header>
<main>
<section id="findings"><h2>${report.comparison ? 'New findings' : 'Findings'}</h2>
${findings}
</section>
${fixed}
<section id="subprocessors"><h2>Subprocessors</h2>
${subprocessorTable(report, options)}
</section>
<section id="cookies"><h2>Cookies</h2>
${cookieTable(report, options)}
</section>
<section id="data-map"><h2>Data map</h2>
${dataMapTable(report)}
</section>
<section id="claims"><h2>Claims coverage</h2>
${claimsTable(report, options)}
</section>
${notes.length ? `<section id="notes"><h2>Input notes</h2><ul>${notes.join('')}</ul></section>` : ''}
</main>
<footer>Generated by privaudit ${esc(report.tool.version)} (report schema ${esc(report.schemaVersion)}). Every file path is relative to the scanned folder.</footer>
</body>
</html>
`
}

// Markdown, HTML and the subprocessor list, rendered from one real report: every section, evidence on both sides,
// escaping of hostile text, links only where asked, no external request in the HTML.
import { beforeAll, describe, expect, it } from 'vitest'
import type { FullReport } from '../../src/core/compare.js'
import { renderHtml } from '../../src/reporters/html.js'
import { mdText, renderMarkdown } from '../../src/reporters/markdown.js'
import { renderSubprocessorsCsv, renderSubprocessorsJson, renderSubprocessorsMarkdown, subprocessorRows } from '../../src/reporters/subprocessors.js'
import { sampleReport } from '../helpers/report.js'

let report: FullReport
beforeAll(async () => {
  report = await sampleReport()
})

const HOSTILE = 'Acme <img src=x onerror=alert(1)> | @everyone `a|b`'

function hostile(r: FullReport): FullReport {
  return { ...r, findings: [{ ...r.findings[0], message: HOSTILE, suggestion: 'javascript:alert(1) <b>x</b>' }, ...r.findings.slice(1)] }
}

describe('markdown', () => {
  it('has every section, with the code and the policy side of each finding', () => {
    const md = renderMarkdown(report)
    expect(md).toMatch(/^# privaudit report\n/)
    for (const heading of ['## Findings', '## Subprocessors', '## Cookies', '## Claims coverage']) expect(md).toContain(`\n${heading}\n`)
    expect(md).toMatch(/\*\*2 errors, 2 warnings, 1 note\*\*/)
    // Intercom: denied by the policy; the quote and its line are there, and the script it loads
    expect(md).toMatch(/### ✖ error · undeclared-subprocessor · Intercom\n\n.*says it is not used/)
    expect(md).toMatch(/- `src\/layout\.tsx:1:\d+`: script from `widget\.intercom\.io`/)
    expect(md).toMatch(/\*\*In the policy\*\* \(`PRIVACY\.md:8`\):\n\n> We do not use Intercom/)
    // Sentry: not named at all
    expect(md).toMatch(/\*\*In the policy:\*\* `PRIVACY\.md` does not name Sentry\./)
    expect(md).toMatch(/\*\*Suggested policy sentence:\*\*\n\n> We use Sentry \(Functional Software, Inc\.\)/)
    expect(md).toMatch(/\| Stripe \(Stripe, Inc\.\) \| payment processing \| payments \| yes \| `package\.json:\d+` \(\+1 more files\) \| line 5: “We use Stripe/)
    expect(md).toMatch(/\| `ph_\*` \| (first|third) \| PostHog \| analytics \| 1 year \|/)
    expect(md).toMatch(/\| confirmed \| `5` \| vendor \| Stripe \|/)
    expect(md).toMatch(/\| contradicted \| `8` \| vendor \(denial\) \| Intercom \|/)
  })

  it('links locations when given a link function, and nothing otherwise', () => {
    expect(renderMarkdown(report)).not.toMatch(/\]\(/)
    const linked = renderMarkdown(report, { link: (l) => `https://github.com/o/r/blob/abc/${l.file}#L${l.line}` })
    expect(linked).toContain('[`package.json:8`](https://github.com/o/r/blob/abc/package.json#L8)')
    expect(linked).toContain('[`PRIVACY.md:8`](https://github.com/o/r/blob/abc/PRIVACY.md#L8)')
  })

  it('neutralises HTML, table pipes and @mentions, but keeps code spans literal', () => {
    expect(mdText(HOSTILE)).toBe('Acme &lt;img src=x onerror=alert(1)&gt; \\| &#64;everyone `a\\|b`')
    const md = renderMarkdown(hostile(report))
    expect(md).not.toContain('<img')
    expect(md).not.toContain('@everyone')
  })

  it('shows a comparison: only new findings, the fixed ones listed', () => {
    const md = renderMarkdown({ ...report, findings: report.findings.slice(0, 1), comparison: { base: 'main (abc1234)', unchanged: 3, fixed: [report.findings[1]] } })
    expect(md).toContain('Compared with `main (abc1234)`: only new findings are listed; 3 findings unchanged, 1 fixed.')
    expect(md).toContain('## New findings')
    expect(md).toMatch(/## Fixed\n\n- ✖ undeclared-subprocessor: Sentry/)
  })
})

describe('html', () => {
  it('is one self-contained file: a CSP that forbids any request, no script, no external resource', () => {
    const html = renderHtml(report)
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`)
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i)
    // the only URLs are links a reader may click (privacy pages), never a resource
    for (const m of html.matchAll(/(src|href)="([^"]+)"/g)) expect(m[1]).toBe('href')
  })

  it('has every section with its content', () => {
    const html = renderHtml(report)
    for (const id of ['summary', 'findings', 'subprocessors', 'cookies', 'claims']) expect(html).toContain(`id="${id}"`)
    expect(html).toMatch(/<tr data-vendor="sentry"><td>Sentry<br><small>Functional Software, Inc\.<\/small>.*<td class="no">not declared<\/td>/)
    expect(html).toMatch(/<tr data-vendor="stripe">.*<td class="yes">declared<\/td>.*We use Stripe \(payments\)/)
    expect(html).toMatch(/<article class="finding sev-error" data-rule="undeclared-subprocessor" data-vendor="intercom"/)
    expect(html).toContain('<blockquote>We do not use Intercom')
    expect(html).toContain('<td class="status-confirmed">confirmed</td>')
    expect(html).toContain('<code>ph_*</code>')
  })

  it('escapes hostile text and refuses non-http links', () => {
    const html = renderHtml(hostile(report), { link: () => 'javascript:alert(1)' })
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('Acme &lt;img src=x onerror=alert(1)&gt;')
    expect(html).not.toContain('href="javascript:')
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;')
    const withBadVendorUrl = renderHtml({ ...report, vendors: report.vendors.map((v) => ({ ...v, privacyUrl: 'javascript:alert(1)' })) })
    expect(withBadVendorUrl).not.toContain('javascript:')
  })
})

describe('subprocessors', () => {
  it('lists the vendors in use (not the declared-but-unused ones) with catalog data', () => {
    const rows = subprocessorRows(report)
    expect(rows.map((r) => r.id)).toEqual(['intercom', 'posthog', 'segment', 'sentry', 'stripe'])
    expect(rows.find((r) => r.id === 'stripe')).toEqual({
      id: 'stripe', name: 'Stripe', legalName: 'Stripe, Inc.', purpose: 'payment processing', category: 'payments',
      privacyUrl: 'https://stripe.com/privacy', declared: true, usedIn: ['package.json', 'src/billing.ts'],
    })
  })

  it('csv (RFC 4180, formula-safe), json and markdown', () => {
    const csv = renderSubprocessorsCsv(report)
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe('Subprocessor,Legal name,Purpose,Category,Privacy policy,Declared in policy,Used in')
    expect(lines).toContain('Stripe,"Stripe, Inc.",payment processing,payments,https://stripe.com/privacy,yes,package.json; src/billing.ts')
    expect(csv.endsWith('\r\n')).toBe(true)
    const evil = renderSubprocessorsCsv({ ...report, vendors: [{ ...report.vendors.find((v) => v.id === 'stripe')!, name: '=HYPERLINK("x")' }] })
    expect(evil).toContain(`"'=HYPERLINK(""x"")"`)
    const json = JSON.parse(renderSubprocessorsJson(report))
    expect(json.policy).toBe('PRIVACY.md')
    expect(json.subprocessors).toHaveLength(5)
    const md = renderSubprocessorsMarkdown(report)
    expect(md).toContain('| Stripe | Stripe, Inc. | payment processing | payments | <https://stripe.com/privacy> |')
    expect(md).toMatch(/Not yet declared in `PRIVACY\.md`: Intercom, PostHog, Segment, Sentry\./)
  })
})

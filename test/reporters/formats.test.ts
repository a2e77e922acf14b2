// Markdown, HTML and the subprocessor list, rendered from one real report: every section, evidence on both sides,
// escaping of hostile text, links only where asked, no external request in the HTML.
import { beforeAll, describe, expect, it } from 'vitest'
import type { FullReport } from '../../src/types/index.js'
import { renderHtml } from '../../src/reporters/html.js'
import { mdText, renderMarkdown } from '../../src/reporters/markdown.js'
import { parse as parseYaml } from 'yaml'
import { renderSubprocessorsCsv, renderSubprocessorsFides, renderSubprocessorsJson, renderSubprocessorsMarkdown, subprocessorRows } from '../../src/reporters/subprocessors.js'
import { attr, elements, externalResources, parseHtml, textOf, type Element } from '../helpers/html.js'
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
    for (const heading of ['## Findings', '## Subprocessors', '## Cookies', '## Data map', '## Claims coverage']) expect(md).toContain(`\n${heading}\n`)
    // the data map: PostHog gets the email and the id the policy does not declare for it
    expect(md).toContain('| PostHog | — | **email address, user identifier** |')
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
    const doc = parseHtml(html)
    const csp = elements(doc).filter((e) => e.tagName === 'meta' && attr(e, 'http-equiv') === 'Content-Security-Policy').map((e) => attr(e, 'content'))
    expect(csp).toEqual(["default-src 'none'; style-src 'unsafe-inline'; img-src data:"])
    // the only URLs are links a reader may click (privacy pages), never a resource
    expect(externalResources(html)).toEqual([])
    expect(elements(doc).filter((e) => e.tagName === 'a').length).toBeGreaterThan(0)
  })

  it('the resource check catches every way a page loads something (it would pass nothing through)', () => {
    const html = renderHtml(report)
    const planted = [
      '<iframe src="https://evil.example/x"></iframe>', '<object data="https://evil.example/x"></object>', '<video poster="https://evil.example/p.png"></video>',
      '<div style="background:url(https://evil.example/b.png)"></div>', '<style>@import "https://evil.example/s.css";</style>', '<img srcset="https://evil.example/i.png 2x">',
      '<link rel="stylesheet" href="https://evil.example/s.css">', '<form action="https://evil.example/f"></form>', '<a href="javascript:alert(1)">x</a>', '<svg><image href="https://evil.example/i.png"/></svg>',
    ]
    for (const bad of planted) expect(externalResources(html.replace('</body>', `${bad}</body>`)), bad).not.toEqual([])
  })

  it('has every section with its content', () => {
    const all = elements(parseHtml(renderHtml(report)))
    const ids = all.map((e) => attr(e, 'id')).filter(Boolean)
    for (const id of ['summary', 'findings', 'subprocessors', 'cookies', 'data-map', 'claims']) expect(ids).toContain(id)
    const dataMap = all.find((e) => attr(e, 'id') === 'data-map')!
    const mapRows = elements(dataMap).filter((e) => e.tagName === 'tr').map((tr) => elements(tr).filter((e) => e.tagName === 'td').map((td) => [attr(td, 'class') ?? '', textOf(td)]))
    expect(mapRows).toContainEqual([['', 'PostHog'], ['', '—'], ['undeclared', 'email address, user identifier']])
    const row = (vendor: string) => all.find((e) => e.tagName === 'tr' && attr(e, 'data-vendor') === vendor)!
    const cells = (tr: Element) => elements(tr).filter((e) => e.tagName === 'td')
    expect(textOf(cells(row('sentry'))[0])).toMatch(/^Sentry Functional Software, Inc\. /)
    expect(cells(row('sentry')).map((td) => [attr(td, 'class'), textOf(td)])).toContainEqual(['no', 'not declared'])
    expect(cells(row('stripe')).map((td) => [attr(td, 'class'), textOf(td)])).toContainEqual(['yes', 'declared'])
    expect(textOf(row('stripe'))).toContain('We use Stripe (payments)')
    expect(all.some((e) => e.tagName === 'article' && attr(e, 'class') === 'finding sev-error' && attr(e, 'data-rule') === 'undeclared-subprocessor' && attr(e, 'data-vendor') === 'intercom')).toBe(true)
    expect(all.filter((e) => e.tagName === 'blockquote').map(textOf).some((t) => t.startsWith('We do not use Intercom'))).toBe(true)
    expect(all.filter((e) => e.tagName === 'td' && attr(e, 'class') === 'status-confirmed').map(textOf)).toContain('confirmed')
    expect(all.filter((e) => e.tagName === 'code').map(textOf)).toContain('ph_*')
  })

  it('escapes hostile text and refuses non-http links', () => {
    const doc = parseHtml(renderHtml(hostile(report), { link: () => 'javascript:alert(1)' }))
    const all = elements(doc)
    expect(all.filter((e) => e.tagName === 'img' || e.tagName === 'b')).toEqual([])
    expect(textOf(doc)).toContain('Acme <img src=x onerror=alert(1)>')
    expect(textOf(doc)).toContain('<b>x</b>')
    expect(all.filter((e) => /^\s*javascript:/i.test(attr(e, 'href') ?? ''))).toEqual([])
    const withBadVendorUrl = elements(parseHtml(renderHtml({ ...report, vendors: report.vendors.map((v) => ({ ...v, privacyUrl: 'javascript:alert(1)' })) })))
    expect(withBadVendorUrl.filter((e) => e.attrs.some((a) => a.value.includes('javascript:')))).toEqual([])
  })
})

describe('subprocessors', () => {
  it('lists the vendors in use (not the declared-but-unused ones) with catalog data', () => {
    const rows = subprocessorRows(report)
    expect(rows.map((r) => r.id)).toEqual(['intercom', 'posthog', 'segment', 'sentry', 'stripe'])
    expect(rows.find((r) => r.id === 'stripe')).toEqual({
      id: 'stripe', name: 'Stripe', legalName: 'Stripe, Inc.', purpose: 'payment processing', category: 'payments',
      privacyUrl: 'https://stripe.com/privacy', declared: true, usedIn: ['package.json', 'src/billing.ts'], dataCategories: [], dataLabels: [],
    })
    expect(rows.find((r) => r.id === 'posthog')).toMatchObject({ dataCategories: ['user.contact.email', 'user.unique_id'], dataLabels: ['email address', 'user identifier'] })
  })

  it('csv (RFC 4180, formula-safe), json and markdown', () => {
    const csv = renderSubprocessorsCsv(report)
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe('Subprocessor,Legal name,Purpose,Category,Data categories,Privacy policy,Declared in policy,Used in')
    expect(lines).toContain('Stripe,"Stripe, Inc.",payment processing,payments,,https://stripe.com/privacy,yes,package.json; src/billing.ts')
    expect(lines.find((l) => l.startsWith('PostHog,'))).toContain(',email address; user identifier,')
    expect(csv.endsWith('\r\n')).toBe(true)
    const evil = renderSubprocessorsCsv({ ...report, vendors: [{ ...report.vendors.find((v) => v.id === 'stripe')!, name: '=HYPERLINK("x")' }] })
    expect(evil).toContain(`"'=HYPERLINK(""x"")"`)
    const json = JSON.parse(renderSubprocessorsJson(report))
    expect(json.policy).toBe('PRIVACY.md')
    expect(json.subprocessors).toHaveLength(5)
    const md = renderSubprocessorsMarkdown(report)
    expect(md).toContain('| Stripe | Stripe, Inc. | payment processing | payments | — | <https://stripe.com/privacy> |')
    expect(md).toMatch(/Not yet declared in `PRIVACY\.md`: Intercom, PostHog, Segment, Sentry\./)
  })
})

describe('subprocessors as Fides system manifests', () => {
  it('one system per subprocessor, with the data categories the code sends it and the use its category implies', () => {
    const manifest = parseYaml(renderSubprocessorsFides(report)) as { system: Array<{ fides_key: string; name: string; system_type: string; privacy_declarations: Array<{ data_categories: string[]; data_use: string; data_subjects: string[] }> }> }
    expect(manifest.system.map((s) => s.fides_key)).toEqual(['intercom', 'posthog', 'segment', 'sentry', 'stripe'])
    const posthog = manifest.system.find((s) => s.fides_key === 'posthog')!
    expect(posthog).toMatchObject({ name: 'PostHog', system_type: 'Service' })
    expect(posthog.privacy_declarations).toEqual([{ name: expect.any(String), data_categories: ['user.contact.email', 'user.unique_id'], data_use: 'analytics.reporting', data_subjects: ['customer'] }])
    expect(manifest.system.find((s) => s.fides_key === 'stripe')!.privacy_declarations[0]).toMatchObject({ data_categories: [], data_use: 'essential.service.payment_processing' })
  })
})

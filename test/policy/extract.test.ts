import { describe, expect, it } from 'vitest'
import { detectFormat, extractPolicyText } from '../../src/policy/extract.js'
import { cells, shape } from './helpers.js'


describe('format detection', () => {
  it.each([
    ['PRIVACY.md', 'markdown'], ['policy.markdown', 'markdown'], ['privacy.mdx', 'mdx'], ['privacy.html', 'html'],
    ['p.HTM', 'html'], ['app/privacy/page.tsx', 'jsx'], ['Privacy.jsx', 'jsx'], ['privacy.ts', 'jsx'], ['privacy.js', 'jsx'],
    ['privacy.txt', 'text'], ['PRIVACY', 'text'], ['privacy.rst', 'text'],
    ['src/routes/privacy/+page.svelte', 'svelte'], ['pages/privacy.vue', 'vue'], ['src/pages/privacy.astro', 'astro'],
  ])('%s → %s', (path, format) => {
    expect(detectFormat(path, 'text')).toBe(format)
  })

  it('sniffs a saved web page with an unknown extension', () => {
    expect(detectFormat('privacy', '\n  <!DOCTYPE html><html><body><p>x</p></body></html>')).toBe('html')
  })
})

describe('markdown', () => {
  const md = [
    '---', //                                              1
    'title: Privacy (mentions Stripe)', //                  2
    '---', //                                              3
    '# Privacy', //                                        4
    '', //                                                 5
    'Intro **bold** text with a [link](https://x.com).', // 6
    'Second line of the _same_ paragraph.', //             7
    '', //                                                 8
    '- item one', //                                       9
    '- item two', //                                      10
    '  continued', //                                     11
    '', //                                                12
    '```js', //                                           13
    "const vendor = 'Stripe'", //                         14
    '```', //                                             15
    '', //                                                16
    '## Sub *heading* ##', //                             17
    'Setext Title', //                                    18
    '============', //                                    19
    '', //                                                20
    '| Vendor | Purpose |', //                            21
    '|--------|---------|', //                            22
    '| Stripe | Payments |', //                           23
    '', //                                                24
    '> Quoted `code` and ![alt text](img.png) and <https://example.com>.', // 25
    '1. numbered item', //                                26
  ].join('\n')

  it('keeps source line numbers and strips markup', () => {
    expect(shape(extractPolicyText('privacy.md', md))).toEqual([
      ['h1', 'Privacy', 4, 4],
      ['p', 'Intro bold text with a link. Second line of the same paragraph.', 6, 7],
      ['li', 'item one', 9, 9],
      ['li', 'item two continued', 10, 11],
      ['h2', 'Sub heading', 17, 17],
      ['h1', 'Setext Title', 18, 18],
      ['li', 'Vendor — Purpose', 21, 21],
      ['li', 'Stripe — Payments', 23, 23],
      ['p', 'Quoted code and alt text and https://example.com.', 25, 25],
      ['li', 'numbered item', 26, 26],
    ])
  })

  it('keeps line numbers with CRLF and a BOM', () => {
    const crlf = '\uFEFF' + md.replace(/\n/g, '\r\n')
    expect(shape(extractPolicyText('privacy.md', crlf))).toEqual(shape(extractPolicyText('privacy.md', md)))
  })

  it('turns a bold-only line into a heading under the current section', () => {
    const blocks = extractPolicyText('p.md', '## Vendors\n\n**Clerk**\n\nAuthentication.\n')
    expect(shape(blocks)).toEqual([['h2', 'Vendors', 1, 1], ['h7', 'Clerk', 3, 3], ['p', 'Authentication.', 5, 5]])
  })

  it('skips HTML comments spanning lines', () => {
    const blocks = extractPolicyText('p.md', 'Before <!-- hidden\nstill hidden --> after.\n\nNext.')
    expect(shape(blocks)).toEqual([['p', 'Before after.', 1, 2], ['p', 'Next.', 4, 4]])
  })
})

describe('mdx', () => {
  const mdx = [
    "import { Callout } from '../components/callout'", // 1
    'export const meta = {', //                           2
    "  title: 'Privacy with Google',", //                 3
    '}', //                                               4
    '', //                                                5
    '# Privacy Policy', //                                6
    '', //                                                7
    '<Callout', //                                        8
    '  type="info"', //                                   9
    '  onClose={() => track("Mixpanel")}', //            10
    '>', //                                              11
    '  We use Stripe for payments.', //                  12
    '</Callout>', //                                     13
    '', //                                               14
    '{/* a comment naming Google */}', //                15
    'Our <Tooltip content="ignored">analytics</Tooltip> provider is PostHog.', // 16
    '', //                                               17
    'Updated {props.date}.', //                          18
  ].join('\n')

  it('drops ESM lines, JSX tags and expressions but keeps their text', () => {
    expect(shape(extractPolicyText('privacy.mdx', mdx))).toEqual([
      ['h1', 'Privacy Policy', 6, 6],
      ['p', 'We use Stripe for payments.', 12, 12],
      ['p', 'Our analytics provider is PostHog.', 16, 16],
      ['p', 'Updated .', 18, 18],
    ])
  })
})

describe('html', () => {
  const html = [
    '<!DOCTYPE html>', //                                           1
    '<html><head><title>Privacy | Stripe</title>', //               2
    '<style>.posthog { color: red }</style>', //                   3
    "<script>const vendor = '<p>Google</p>'</script>", //           4
    '</head>', //                                                  5
    '<body>', //                                                   6
    '<h1 class="title">Privacy Policy</h1>', //                    7
    '<p>We use <a href="https://stripe.com">Stripe</a> &amp; PostHog.', // 8
    'It&#39;s fine &mdash; really.</p>', //                         9
    '<ul><li>First</li>', //                                       10
    '<li>Second<br>third</li></ul>', //                            11
    '<table><tr><th>Vendor</th><td>Purpose</td></tr></table>', //  12
    '<h3', //                                                      13
    '  id="x">Split tag</h3>', //                                  14
    '<!-- <p>Hidden Neon</p> -->', //                              15
    '<div>a < b and c > d</div>', //                               16
    '</body></html>', //                                           17
  ].join('\n')

  it('strips tags, decodes entities, skips script/style/head and keeps lines', () => {
    expect(shape(extractPolicyText('privacy.html', html))).toEqual([
      ['h1', 'Privacy Policy', 7, 7],
      ['p', 'We use Stripe & PostHog. It\'s fine — really.', 8, 9],
      ['li', 'First', 10, 10],
      ['li', 'Second', 11, 11],
      ['li', 'third', 11, 11],
      ['li', 'Vendor — Purpose', 12, 12],
      ['h3', 'Split tag', 14, 14],
      ['p', 'a < b and c > d', 16, 16],
    ])
  })

  it('survives broken markup', () => {
    const broken = '<p class="x>text <b>bold</p\n<div><span>Unclosed <li>item\n<script>never closed'
    expect(() => extractPolicyText('x.html', broken)).not.toThrow()
    const text = extractPolicyText('x.html', '<p>One<p>Two</div></div></span><li>Three').map((b) => b.text)
    expect(text).toEqual(['One', 'Two', 'Three'])
  })
})


describe('definition lists', () => {
  it('joins a <dt> with its <dd>s into one item, like a table row', () => {
    const html = [
      '<h2>Who helps us</h2>', //                                            1
      '<dl>', //                                                             2
      '  <dt>Supabase</dt>', //                                              3
      '  <dd>Our database. Data stays in Frankfurt.</dd>', //                4
      '  <dt>Vercel</dt>', //                                                5
      '  <dd>Hosting.</dd>', //                                              6
      '  <dd>Also runs our server code.</dd>', //                            7
      '  <dt>Lemon Squeezy</dt>', //                                         8
      '  <dd>', //                                                           9
      '    <p>Merchant of record.</p>', //                                  10
      '    <p>Second paragraph.</p>', //                                    11
      '  </dd>', //                                                         12
      '  <dt>Term without definition</dt>', //                              13
      '</dl>', //                                                           14
      '<p>After the list.</p>', //                                          15
    ].join('\n')
    expect(shape(extractPolicyText('p.html', html))).toEqual([
      ['h2', 'Who helps us', 1, 1],
      ['li', 'Supabase — Our database. Data stays in Frankfurt.', 3, 4],
      ['li', 'Vercel — Hosting. — Also runs our server code.', 5, 7],
      ['li', 'Lemon Squeezy — Merchant of record.', 8, 10],
      ['li', 'Second paragraph.', 11, 11],
      ['li', 'Term without definition', 13, 13],
      ['p', 'After the list.', 15, 15],
    ])
  })

  it('handles omitted end tags and an empty <dd>', () => {
    expect(extractPolicyText('p.html', '<dl><dt>A<dd>first<dt>B<dd><dt>C<dd>third</dl><p>Next</p>').map((b) => b.text)).toEqual([
      'A — first',
      'B',
      'C — third',
      'Next',
    ])
  })

  it('does the same in JSX', () => {
    const tsx = 'export default () => (\n  <dl>\n    <dt>Stripe</dt>\n    <dd><p>Payments</p></dd>\n    <dt>Neon</dt>\n  </dl>\n)\n'
    expect(shape(extractPolicyText('p.tsx', tsx))).toEqual([
      ['li', 'Stripe — Payments', 3, 4],
      ['li', 'Neon', 5, 5],
    ])
  })
})

describe('table cells', () => {
  it('keeps the cells of a Markdown row and finds the name column from the header', () => {
    const md = [
      '| Purpose | Provider | Location |', //           1
      '|---|---|---|', //                               2
      '| Login | Auth0 (Okta, Inc.) | US (AWS) |', //   3
      '| Errors | [Sentry](https://sentry.io) | |', //  4
      '', //                                            5
      'Service | Region', //                            6
      '--- | ---', //                                   7
      'Stripe \\| Link | EU', //                        8
    ].join('\n')
    const blocks = extractPolicyText('p.md', md)
    expect(shape(blocks).map((b) => b[1])).toEqual(['Purpose — Provider — Location', 'Login — Auth0 (Okta, Inc.) — US (AWS)', 'Errors — Sentry', 'Service — Region', 'Stripe | Link — EU'])
    expect(cells(blocks)).toEqual([
      ['Login — Auth0 (Okta, Inc.) — US (AWS)', 'Auth0 (Okta, Inc.)', ['Login', 'US (AWS)']],
      ['Errors — Sentry', 'Sentry', ['Errors', '']],
      ['Stripe | Link — EU', 'Stripe | Link', ['EU']],
    ])
  })

  it('uses the first column when no header names one', () => {
    const blocks = extractPolicyText('p.md', '| Data | Kept for |\n|---|---|\n| Logs | 30 days |\n')
    expect(cells(blocks)).toEqual([['Logs — 30 days', 'Logs', ['30 days']]])
  })

  it('keeps the cells of an HTML row, with <th> or <thead> header rows and block tags inside cells', () => {
    const html = [
      '<table>', //                                                                     1
      '<thead><tr><td>Data</td><td>Vendor</td></tr></thead>', //                          2
      '<tr><td>Email</td><td><p>Twilio <b>SendGrid</b></p><p>(email)</p></td></tr>', //   3
      '<tr><th>Photos</th><td>Amazon S3</td></tr>', //                                   4
      '</table>', //                                                                    5
      '<table><tr><th>Service</th><th>Region</th></tr><tr><td>Render</td><td>Hosted on Google Cloud</td></tr></table>', // 6
    ].join('\n')
    const blocks = extractPolicyText('p.html', html)
    expect(cells(blocks)).toEqual([
      ['Email — Twilio SendGrid (email)', 'Twilio SendGrid (email)', ['Email']],
      ['Photos — Amazon S3', 'Amazon S3', ['Photos']],
      ['Render — Hosted on Google Cloud', 'Render', ['Hosted on Google Cloud']],
    ])
  })

  it('keeps the cells of a JSX table', () => {
    const tsx = [
      'export default () => (',
      '  <table>',
      '    <thead><tr><th>Region</th><th>Processor</th></tr></thead>',
      '    <tbody><tr><td>EU</td><td><a href="x">Stripe</a></td></tr></tbody>',
      '  </table>',
      ')',
    ].join('\n')
    expect(cells(extractPolicyText('p.tsx', tsx))).toEqual([['EU — Stripe', 'Stripe', ['EU']]])
  })
})

describe('svelte, vue and astro pages', () => {
  it('reads a Svelte page as HTML without its script, style, head or {expressions}', () => {
    const svelte = [
      '<script lang="ts">', //                                    1
      "  const vendors = ['Stripe'];", //                          2
      '</script>', //                                             3
      '<svelte:head><title>Privacy</title></svelte:head>', //     4
      '<h1>Privacy</h1>', //                                      5
      '<p>Updated {updated}. {#if eu}EU users{/if} {@html x}</p>', // 6
      "<p on:click={() => a > b}>We use {'Neon'} for data.</p>", // 7
      'Loose text stays.', //                                     8
      '<style>p { color: red }</style>', //                       9
    ].join('\n')
    expect(shape(extractPolicyText('+page.svelte', svelte))).toEqual([
      ['h1', 'Privacy', 5, 5],
      ['p', 'Updated . EU users', 6, 6],
      ['p', 'We use Neon for data.', 7, 7],
      ['p', 'Loose text stays.', 8, 8],
    ])
  })

  it('reads a Vue page’s <template> (nested ones too) but not <script setup> or {{ expressions }}', () => {
    const vue = [
      '<script setup>', //                                      1
      "useHead({ title: 'Stripe' })", //                        2
      '</script>', //                                           3
      '<template>', //                                          4
      '  <h2>Vendors</h2>', //                                  5
      '  <template v-if="x"><p>We use PostHog {{ maybe }}.</p></template>', // 6
      "  <p :class=\"{ a: b > c }\">Hosted by {{ 'Vercel' }}</p>", // 7
      '</template>', //                                         8
    ].join('\n')
    expect(shape(extractPolicyText('privacy.vue', vue))).toEqual([
      ['h2', 'Vendors', 5, 5],
      ['p', 'We use PostHog .', 6, 6],
      ['p', 'Hosted by Vercel', 7, 7],
    ])
  })

  it('reads an Astro page without its front matter', () => {
    const astro = [
      '---', //                                                 1
      "import Layout from '../layouts/Layout.astro'", //         2
      "const vendors = ['<p>Stripe</p>']", //                   3
      '---', //                                                 4
      '<Layout title="Privacy">', //                            5
      '  <h1>Privacy</h1>', //                                  6
      '  <ul>{vendors.map((v) => <li>{v}</li>)}</ul>', //       7
      '  <p>We use Neon.</p>', //                               8
      '</Layout>', //                                           9
    ].join('\n')
    expect(shape(extractPolicyText('privacy.astro', astro))).toEqual([
      ['h1', 'Privacy', 6, 6],
      ['p', 'We use Neon.', 8, 8],
    ])
  })
})

describe('JSX arrays rendered with .map', () => {
  const tsx = [
    "const processors = [", //                                                       1
    "  { name: 'Clerk', purpose: 'Authentication', logo: '/clerk.svg' },", //        2
    "  { purpose: 'Payments', provider: 'Stripe' },", //                              3
    "] as const", //                                                                  4
    "const regions = ['EU', 'US']", //                                                5
    "let mutable = ['Render']", //                                                    6
    "export default function P() {", //                                               7
    "  return (", //                                                                  8
    "    <main>", //                                                                  9
    "      <ul>{processors.map((p) => <li key={p.name}>{p.name} — {p.purpose}</li>)}</ul>", // 10
    "      <p>Regions:</p>", //                                                      11
    "      <ul>{regions.map((r) => <li>{r}</li>)}</ul>", //                           12
    "      <ul>{mutable.map((r) => <li>Static {r}</li>)}</ul>", //                    13
    "      <ul>{props.items.map((r) => <li>Item</li>)}</ul>", //                      14
    "    </main>", //                                                                15
    "  )", //                                                                        16
    "}", //                                                                          17
  ].join('\n')

  it('emits one item per element of a const array, at the element’s line', () => {
    const blocks = extractPolicyText('privacy.tsx', tsx)
    expect(shape(blocks)).toEqual([
      ['li', 'Clerk — Authentication', 2, 2],
      ['li', 'Payments — Stripe', 3, 3],
      ['p', 'Regions:', 11, 11],
      ['li', 'EU', 5, 5],
      ['li', 'US', 5, 5],
      ['li', 'Static', 13, 13],
      ['li', 'Item', 14, 14],
    ])
    // the name property says which value names the entry
    expect(cells(blocks)).toEqual([
      ['Clerk — Authentication', 'Clerk', ['Authentication']],
      ['Payments — Stripe', 'Stripe', ['Payments']],
    ])
  })
})

describe('plain text', () => {
  const txt = [
    'Privacy Policy', //                                      1
    '1. Introduction', //                                     2
    'Welcome. This paragraph is long enough to be a', //      3
    'wrapped line of plain text.', //                         4
    '', //                                                    5
    '2. Information We Collect', //                           6
    '2.1 Account Information', //                             7
    'We collect:', //                                         8
    '  • Email address', //                                   9
    '  • Name (if provided)', //                             10
    '- Billing data: handled by Stripe.', //                 11
    '  More about billing.', //                              12
    '', //                                                   13
    'Clerk', //                                              14
    '', //                                                   15
    'Authentication and billing.', //                        16
    'Last updated: January 18, 2025', //                     17
    '30 days is the period.', //                             18
  ].join('\n')

  it('finds numbered and title-like headings, bullets and wrapped lines', () => {
    expect(shape(extractPolicyText('privacy.txt', txt))).toEqual([
      ['h7', 'Privacy Policy', 1, 1],
      ['h1', '1. Introduction', 2, 2],
      ['p', 'Welcome. This paragraph is long enough to be a wrapped line of plain text.', 3, 4],
      ['h1', '2. Information We Collect', 6, 6],
      ['h2', '2.1 Account Information', 7, 7],
      ['p', 'We collect:', 8, 8],
      ['li', 'Email address', 9, 9],
      ['li', 'Name (if provided)', 10, 10],
      ['li', 'Billing data: handled by Stripe. More about billing.', 11, 12],
      ['h7', 'Clerk', 14, 14],
      ['p', 'Authentication and billing.', 16, 16],
      ['p', 'Last updated: January 18, 2025', 17, 17],
      ['p', '30 days is the period.', 18, 18],
    ])
  })

  it('reads numbered lines after a colon as list items, not headings', () => {
    const blocks = extractPolicyText('p.txt', 'We collect:\n1. Email address\n2. Name\n')
    expect(shape(blocks)).toEqual([['p', 'We collect:', 1, 1], ['li', 'Email address', 2, 2], ['li', 'Name', 3, 3]])
  })

  it('treats an unknown extension as plain text', () => {
    expect(shape(extractPolicyText('PRIVACY', '4. Who processes data for us\n- Stripe (payments)'))).toEqual([
      ['h1', '4. Who processes data for us', 1, 1],
      ['li', 'Stripe (payments)', 2, 2],
    ])
  })
})

describe('tsx page component', () => {
  const tsx = [
    "import Link from 'next/link'", //                                       1
    "import { Heading } from '@/ui'", //                                     2
    '', //                                                                   3
    'export default function Privacy() {', //                                4
    "  const vendors: Array<string> = ['Google']", //                        5
    '  return (', //                                                         6
    '    <article className="prose Clerk">', //                              7
    '      <h1>Privacy</h1>', //                                             8
    '      <p>', //                                                          9
    '        We use <Link href="https://neon.tech">Stripe</Link> for payments &amp; billing.', // 10
    '      </p>', //                                                        11
    '      <Heading level={3}>Vendors</Heading>', //                        12
    '      <ul>', //                                                        13
    "        <li>{'PostHog'} (analytics)</li>", //                          14
    '        <li>{`Neon`}</li>', //                                         15
    "        {show && <li>{cond ? 'Vercel' : 'Render'}</li>}", //           16
    '        <li>{t("key.name")}</li>', //                                  17
    '      </ul>', //                                                       18
    '      <img alt="Clerk logo" src="/clerk.png" />', //                  19
    '      <p>', //                                                         20
    '        Multi-line', //                                               21
    '        text.', //                                                    22
    '      </p>', //                                                        23
    '    </article>', //                                                   24
    '  )', //                                                              25
    '}', //                                                                26
  ].join('\n')

  it('collects JSX text and rendered literals with their lines', () => {
    expect(shape(extractPolicyText('app/privacy/page.tsx', tsx))).toEqual([
      ['h1', 'Privacy', 8, 8],
      ['p', 'We use Stripe for payments & billing.', 10, 10],
      ['h3', 'Vendors', 12, 12],
      ['li', 'PostHog (analytics)', 14, 14],
      ['li', 'Neon', 15, 15],
      ['li', 'Vercel Render', 16, 16],
      ['p', 'Multi-line text.', 21, 22],
    ])
  })

  it('falls back to tag stripping on a syntax error', () => {
    const broken = [
      'export default function P() {', //         1
      '  return (', //                            2
      '    <main className="x">', //              3
      '      <h2>Who we share with</h2>', //      4
      "      <p>We use Stripe {'and PostHog'} {broken", // 5
      '    </main>', //                           6
    ].join('\n')
    const blocks = extractPolicyText('page.tsx', broken)
    expect(shape(blocks).slice(0, 2)).toEqual([
      ['h2', 'Who we share with', 4, 4],
      ['p', 'We use Stripe and PostHog', 5, 5],
    ])
    expect(blocks.map((b) => b.text).join(' ')).not.toMatch(/className|export|return/)
  })
})

describe('malformed input never throws', () => {
  const cases: Array<[string, string]> = [
    ['empty', ''],
    ['whitespace', ' \n\n\t  \r\n'],
    ['binary', 'PK\u0003\u0004\u0000\u0000\u0000binary\u0000Stripe'],
    ['control chars', 'We use \u0007Stripe\u0008.\u001b[31m'],
    ['lone surrogate', 'We use \uD800 Stripe.'],
    ['unclosed fence', '```\nStripe'],
    ['unclosed front matter', '---\ntitle: x\nWe use Stripe.'],
    ['brackets', '['.repeat(5000) + 'Stripe' + ']('.repeat(5000)],
    ['angle brackets', '<'.repeat(5000) + 'a' + '>'.repeat(5000)],
    ['nested jsx', 'export default () => ' + '<div>'.repeat(3000) + 'Stripe' + '</div>'.repeat(3000)],
    ['deep html', '<div>'.repeat(20000) + 'Stripe' + '</div>'.repeat(20000)],
    ['unterminated comment', '<!-- Stripe'],
    ['unterminated attribute', '<p title="Stripe>We use Neon.</p>'],
  ]
  const paths = ['p.md', 'p.mdx', 'p.html', 'p.txt', 'p.tsx', 'p.jsx', 'noext']

  it.each(cases)('%s', (_name, raw) => {
    for (const path of paths) {
      const blocks = extractPolicyText(path, raw)
      expect(Array.isArray(blocks)).toBe(true)
      for (const b of blocks) {
        expect(b.line).toBeGreaterThanOrEqual(1)
        expect(b.endLine).toBeGreaterThanOrEqual(b.line)
        expect(b.text.trim().length).toBeGreaterThan(0)
      }
    }
  })

  it('returns nothing for binary files', () => {
    expect(extractPolicyText('policy.txt', 'abc\u0000def')).toEqual([])
  })

  it('tolerates non-string input from untyped callers', () => {
    expect(extractPolicyText(undefined as unknown as string, null as unknown as string)).toEqual([])
  })
})

// Markdown and MDX as a renderer reads them: code, comments and ESM are no prose; tables, lists,
// headings and inline markup keep their text and their source lines.
import { describe, expect, it } from 'vitest'
import { extractPolicyText } from '../../src/policy/extract.js'
import { parsePolicy } from '../../src/policy/index.js'
import { splitSentences } from '../../src/policy/sentences.js'
import { cells, shape, testCatalog } from './helpers.js'

const catalog = testCatalog()
/** Vendor claims as "line subject": which vendors the policy names, and where. */
const vendorsOf = (path: string, text: string) =>
  [...new Set(parsePolicy({ path, text, source: 'discovered' }, catalog).claims.filter((c) => c.kind === 'vendor').map((c) => `${c.line} ${c.subject}`))]

describe('code blocks are not prose', () => {
  const md = [
    '# Analytics', //                                         1
    '', //                                                    2
    'We share usage data with', //                            3
    '    PostHog for product analytics.', //                  4
    '', //                                                    5
    '    const posthog = init("Mixpanel")', //                6
    '    posthog.capture("Heap")', //                         7
    '', //                                                    8
    '```js', //                                               9
    "import Stripe from 'stripe'", //                        10
    '```', //                                                11
    '', //                                                   12
    '~~~', //                                                13
    'Sentry.init() // ``` does not close a ~~~ fence', //    14
    '~~~', //                                                15
    '', //                                                   16
    '- Our database is Neon.', //                            17
    '', //                                                   18
    '    Hosting is on Vercel.', //                          19
    '', //                                                   20
    '````md', //                                             21
    '```', //                                                22
    'Intercom', //                                           23
    '```', //                                                24
    '````', //                                               25
    'Errors go nowhere.', //                                 26
  ].join('\n')

  it('skips indented and fenced code (``` and ~~~), and reads what only looks indented', () => {
    expect(shape(extractPolicyText('privacy.md', md))).toEqual([
      ['h1', 'Analytics', 1, 1],
      // an indented line cannot interrupt a paragraph: it goes on with it
      ['p', 'We share usage data with PostHog for product analytics.', 3, 4],
      // indented under a list item, four spaces are the item's next paragraph
      ['li', 'Our database is Neon.', 17, 17],
      ['li', 'Hosting is on Vercel.', 19, 19],
      ['p', 'Errors go nowhere.', 26, 26],
    ])
  })

  it('claims only the vendors named in prose', () => {
    expect(vendorsOf('privacy.md', md)).toEqual(['3 posthog', '17 neon', '19 vercel'])
  })
})

describe('HTML comments are not prose', () => {
  it('skips block and inline comments, keeping the text around them and its lines', () => {
    const md = [
      '<!--', //                                                 1
      'We use Google Analytics on every page.', //              2
      '-->', //                                                  3
      'We use Plausible <!-- not Hotjar --> for analytics.', //  4
      '', //                                                     5
      '- We use Sentry <!-- and', //                             6
      '  Intercom --> for errors.', //                           7
      '<!-- Heap -->', //                                        8
    ].join('\n')
    expect(shape(extractPolicyText('p.md', md))).toEqual([
      ['p', 'We use Plausible for analytics.', 4, 4],
      ['li', 'We use Sentry for errors.', 6, 7],
    ])
    expect(vendorsOf('p.md', md)).toEqual(['4 plausible', '6 sentry'])
  })
})

describe('MDX', () => {
  const mdx = [
    "import { Callout } from '@/components/callout'", //        1
    "import posthog from 'posthog-js'", //                     2
    'export const meta = {', //                                3
    "  vendors: ['Stripe'],", //                               4
    '}', //                                                    5
    '', //                                                     6
    '# Privacy', //                                            7
    '', //                                                     8
    '<Callout type="warning" vendor="Sentry">', //             9
    '  We host on **Vercel**.', //                            10
    '</Callout>', //                                          11
    '', //                                                    12
    "<Chart data={[{ name: 'Mixpanel' }]} />", //             13
    '', //                                                    14
    'Data you import from other tools stays yours;', //      15
    'export it any time. Our <Tip text="Heap">database</Tip> is Neon.', // 16
    '', //                                                    17
    '<script>{`window.intercom = 1`}</script>', //            18
    '', //                                                    19
    '    Indented text is a paragraph in MDX.', //            20
  ].join('\n')

  it('skips import/export and JSX tags but reads the text a component renders', () => {
    expect(shape(extractPolicyText('privacy.mdx', mdx))).toEqual([
      ['h1', 'Privacy', 7, 7],
      ['p', 'We host on Vercel.', 10, 10],
      // `import` and `export` inside a paragraph are words
      ['p', 'Data you import from other tools stays yours; export it any time. Our database is Neon.', 15, 16],
      // MDX has no indented code: this renders as a paragraph, so it is read
      ['p', 'Indented text is a paragraph in MDX.', 20, 20],
    ])
    expect(vendorsOf('privacy.mdx', mdx)).toEqual(['10 vercel', '16 neon'])
  })

  it('reads the string an expression renders, not a comment, a prop or code in braces', () => {
    const page = [
      "Payments go through {'Stripe'} {/* not Paddle */}.", //      1
      '', //                                                        2
      'Updated {props.date}; errors go to {`Sentry`}.', //          3
      '', //                                                        4
      "{/* We used Mixpanel until 2023. */}", //                    5
      '', //                                                        6
      '<Note>Our email provider is {"Resend"}.</Note>', //          7
    ].join('\n')
    expect(shape(extractPolicyText('p.mdx', page))).toEqual([
      ['p', 'Payments go through Stripe .', 1, 1],
      ['p', 'Updated ; errors go to Sentry.', 3, 3],
      ['p', 'Our email provider is Resend.', 7, 7],
    ])
    expect(vendorsOf('p.mdx', page)).toEqual(['1 stripe', '3 sentry', '7 resend'])
  })

  it('reads MDX that does not compile as Markdown, still without its import/export paragraph', () => {
    // an HTML comment and `<3` are syntax errors to MDX; the laxer pipelines that accept them render the rest
    const broken = "import posthog from 'posthog-js'\n\n# Privacy\n\n<!-- Heap -->\nWe <3 Neon.\n"
    expect(shape(extractPolicyText('privacy.mdx', broken))).toEqual([
      ['h1', 'Privacy', 3, 3],
      ['p', 'We <3 Neon.', 6, 6],
    ])
  })
})

describe('GFM tables', () => {
  const md = [
    '## Subprocessors', //                                           1
    '', //                                                           2
    '| Purpose | Vendor | Location |', //                           3
    '| :-- | --- | --: |', //                                         4
    '| Payments | **Stripe**, Inc. | United States |', //             5
    '| Email | [Resend](https://resend.com) | EU (AWS) |', //        6
    '| Database \\| backups | `Neon` | |', //                        7
    '', //                                                           8
    'After the table.', //                                           9
  ].join('\n')

  it('gives one item per row, the header first, with its cells and the Vendor column as the name', () => {
    const blocks = extractPolicyText('p.md', md)
    expect(shape(blocks)).toEqual([
      ['h2', 'Subprocessors', 1, 1],
      ['li', 'Purpose — Vendor — Location', 3, 3],
      ['li', 'Payments — Stripe, Inc. — United States', 5, 5],
      ['li', 'Email — Resend — EU (AWS)', 6, 6],
      ['li', 'Database | backups — Neon', 7, 7],
      ['p', 'After the table.', 9, 9],
    ])
    expect(blocks.filter((b) => b.row).map((b) => [b.row!.table, b.row!.header, b.row!.nameColumn])).toEqual([
      [1, true, 1], [1, false, 1], [1, false, 1], [1, false, 1],
    ])
    expect(cells(blocks)).toEqual([
      ['Payments — Stripe, Inc. — United States', 'Stripe, Inc.', ['Payments', 'United States']],
      ['Email — Resend — EU (AWS)', 'Resend', ['Email', 'EU (AWS)']],
      ['Database | backups — Neon', 'Neon', ['Database | backups', '']],
    ])
  })

  it('lists the Vendor column and only mentions a vendor in another column', () => {
    expect(parsePolicy({ path: 'p.md', text: md, source: 'discovered' }, catalog).claims.filter((c) => c.kind === 'vendor').map((c) => `${c.line} ${c.subject} ${c.strength}`))
      .toEqual(['5 stripe listed', '6 aws mentioned', '6 resend listed', '7 neon listed'])
  })

  it('takes the row above |---| for the header even when no cell names a vendor column', () => {
    const plain = '| Purpose | Where |\n| --- | --- |\n| Payments | Stripe |\n| Email | Resend |'
    const blocks = extractPolicyText('p.md', plain)
    expect(blocks.map((b) => b.row!.header)).toEqual([true, false, false])
    expect(cells(blocks)).toEqual([
      ['Payments — Stripe', 'Payments', ['Stripe']],
      ['Email — Resend', 'Email', ['Resend']],
    ])
  })

  it('numbers an HTML table inside the Markdown after the Markdown ones', () => {
    const mixed = md + '\n\n<table>\n<tr><th>Vendor</th></tr>\n<tr><td>Sentry</td></tr>\n</table>\n'
    const blocks = extractPolicyText('p.md', mixed)
    expect(shape(blocks).slice(-2)).toEqual([['li', 'Vendor', 12, 12], ['li', 'Sentry', 13, 13]])
    expect(blocks.filter((b) => b.row).map((b) => b.row!.table)).toEqual([1, 1, 1, 1, 2, 2])
  })
})

describe('lists and headings', () => {
  const md = [
    'Privacy Policy', //                 1
    '==============', //                 2
    '', //                               3
    'Who we share with', //              4
    '-----------------', //              5
    '', //                               6
    '### Hosting ###', //                7
    '', //                               8
    '1. Providers:', //                  9
    '   - Vercel', //                   10
    '     - its edge network', //       11
    '   - Fly.io', //                   12
    '2. Databases', //                  13
    '   * [x] Neon', //                 14
    '', //                              15
    '## Rights', //                     16
    '', //                              17
    '#hashtag is no heading', //        18
  ].join('\n')

  it('reads setext and ATX headings with their levels, and every nested item on its line', () => {
    expect(shape(extractPolicyText('p.md', md))).toEqual([
      ['h1', 'Privacy Policy', 1, 1],
      ['h2', 'Who we share with', 4, 4],
      ['h3', 'Hosting', 7, 7],
      ['li', 'Providers:', 9, 9],
      ['li', 'Vercel', 10, 10],
      ['li', 'its edge network', 11, 11],
      ['li', 'Fly.io', 12, 12],
      ['li', 'Databases', 13, 13],
      ['li', 'Neon', 14, 14],
      ['h2', 'Rights', 16, 16],
      ['p', '#hashtag is no heading', 18, 18],
    ])
  })

  it('puts every sentence under its heading path', () => {
    const sections = splitSentences(extractPolicyText('p.md', md)).map((s) => [s.line, s.section.join(' > ')])
    expect(sections).toEqual([
      [1, 'Privacy Policy'],
      [4, 'Privacy Policy > Who we share with'],
      [7, 'Privacy Policy > Who we share with > Hosting'],
      ...[9, 10, 11, 12, 13, 14].map((line) => [line, 'Privacy Policy > Who we share with > Hosting']),
      [16, 'Privacy Policy > Rights'],
      [18, 'Privacy Policy > Rights'],
    ])
  })
})

describe('inline markup reads as its text', () => {
  it('keeps the words of emphasis, links, code and images, not their markup or URLs', () => {
    const md = [
      'We use *Stripe*, __[PostHog](https://posthog.com "analytics")__, ~~Heap~~, `Neon`,', // 1
      'and [Sentry][errors] and <https://vercel.com>; ![the Clerk logo](clerk.png).', //        2
      'The user_id, 2 * 3 and a_b_c stay as written, \\*literally\\*; 2*3*4 is emphasis.', //      3
      '', //                                                                                   4
      '[errors]: https://sentry.io "Sentry"', //                                               5
    ].join('\n')
    expect(shape(extractPolicyText('p.md', md))).toEqual([
      ['p', 'We use Stripe, PostHog, Heap, Neon, and Sentry and https://vercel.com; the Clerk logo. The user_id, 2 * 3 and a_b_c stay as written, *literally*; 234 is emphasis.', 1, 3],
    ])
  })

  it('keeps code spans as written: underscores, braces and angle brackets in them are no markup', () => {
    // the line-based reader took `__` for bold, `{…}` for an MDX expression and `<id>` for a tag
    const md = 'Logs go to `events__v1` at `/status/<id>` with `{ vendor: "Tinybird" }`.'
    for (const path of ['p.md', 'p.mdx']) {
      expect(extractPolicyText(path, md).map((b) => b.text), path).toEqual(['Logs go to events__v1 at /status/<id> with { vendor: "Tinybird" }.'])
    }
  })

  it("reads no text out of a {/* comment */}, not even after an apostrophe in it", () => {
    const mdx = "{/* the image's real size; 'Heap' */}\n\nWe use Stripe {ok ? `Neon` : <b>Fly.io &amp; co</b>}.\n"
    expect(shape(extractPolicyText('p.mdx', mdx))).toEqual([['p', 'We use Stripe Neon Fly.io & co.', 3, 3]])
  })

  it('keeps a hard line break as a line break, so the lines after it stay right', () => {
    const md = 'Stripe, Inc.  \n354 Oyster Point Blvd\\\nSouth San Francisco<br>CA 94080\n\nWe use it.'
    const blocks = extractPolicyText('p.md', md)
    expect(blocks.map((b) => [b.text, b.line, b.endLine])).toEqual([
      ['Stripe, Inc.\n354 Oyster Point Blvd\nSouth San Francisco CA 94080', 1, 3],
      ['We use it.', 5, 5],
    ])
  })
})

describe('front matter', () => {
  it('skips YAML and TOML front matter', () => {
    expect(shape(extractPolicyText('p.md', '---\ntitle: Stripe\n---\n# Privacy\n'))).toEqual([['h1', 'Privacy', 4, 4]])
    expect(shape(extractPolicyText('p.md', '+++\ntitle = "Stripe"\n+++\n# Privacy\n'))).toEqual([['h1', 'Privacy', 4, 4]])
  })
})

// The parser must never throw and must stay linear: policies are untrusted input.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../src/policy/index.js'
import { fixture, testCatalog } from './helpers.js'

const catalog = testCatalog()
const PATHS = ['privacy.md', 'privacy.mdx', 'privacy.html', 'privacy.txt', 'page.tsx', 'PRIVACY', '+page.svelte', 'privacy.vue', 'privacy.astro']

/** Words and markup the parser reacts to, so random documents hit the interesting paths. */
const TOKENS = [
  'Stripe', 'Clerk', 'Clerk.io', 'AWS', 'AWS Bedrock', 'Fly.io', 'AppsFlyer', 'Neon', 'neon', 'Google Analytics', 'not', 'never',
  'no', 'without', 'but', 'we use', 'do not use', 'analytics providers', 'handled by', '(e.g., ', 'e.g.', 'Inc.', '.', '. ', ':',
  ';', ' — ', ', ', '\n', '\n\n', '\r\n', '- ', '• ', '1. ', '# ', '## ', '**', '_', '`', '```', '[', '](', ')', '<p>', '</p>',
  '<h2>', '</h2>', '<li>', '<script>', '<!--', '-->', '{', '}', "{'", "'}", '&amp;', '&#', '</', '/>', '<>', '---', '|', '"',
  '<dl>', '<dt>', '</dt>', '<dd>', '</dd>', '<table>', '<tr>', '<th>', '<td>', '</td>', '<thead>', '|---|', '| Vendor |', "'s",
  'Neither ', ' nor ', 'Render', 'Resend', 'Third parties', 'const a = [', "{ name: 'Stripe' }", '.map((x) => <li>{x}</li>)', '<template>',
  '’', '\u00a0', '\u2028', 'é', '𝒳',
]
const documentArb = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })), { maxLength: 120 }).map((parts) => parts.join(''))

describe('never throws', () => {
  it('on random documents in every format', () => {
    fc.assert(
      fc.property(documentArb, fc.constantFrom(...PATHS), (text, path) => {
        const { sentences, claims } = parsePolicy({ path, text, source: 'discovered' }, catalog)
        const lineCount = text.split(/\r\n|\r|\n/).length
        for (const s of sentences) {
          expect(s.line).toBeGreaterThanOrEqual(1)
          expect(s.endLine).toBeLessThanOrEqual(lineCount)
        }
        for (const c of claims) {
          expect(c.line).toBeGreaterThanOrEqual(1)
          expect(c.endLine).toBeGreaterThanOrEqual(c.line)
          expect(c.endLine).toBeLessThanOrEqual(lineCount)
          expect(c.quote.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 400, seed: 20250118 },
    )
  })

  it('on arbitrary unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom(...PATHS), (text, path) => {
        parsePolicy({ path, text, source: 'discovered' }, catalog)
      }),
      { numRuns: 300, seed: 7 },
    )
  })
})

describe('stays fast on adversarial input', () => {
  const N = 40_000
  const cases: Array<[string, string]> = [
    ['many negations', 'we do not '.repeat(N) + 'use Stripe.'],
    ['many vendors in one sentence', 'Stripe, '.repeat(N) + 'and PostHog.'],
    ['many provider nouns', 'analytics providers and '.repeat(N / 2)],
    ['long word', 'x'.repeat(N * 10)],
    ['spaces then text', ' '.repeat(N * 5) + 'x'],
    ['hash runs', '# ' + '# '.repeat(N * 2) + 'x'],
    ['brackets', '[('.repeat(N * 2)],
    ['angle brackets', '<a '.repeat(N)],
    ['quotes in tags', '<a title="'.repeat(N)],
    ['abbreviations', 'e.g. Inc. etc. U.S. '.repeat(N / 2)],
    ['dots', 'a.'.repeat(N * 3)],
    ['colons', 'following: '.repeat(N)],
    ['lines', 'Clerk\n'.repeat(N)],
    ['bullets', '- No Mixpanel\n'.repeat(N / 2)],
    ['emphasis', '*_'.repeat(N * 2)],
    ['jsx braces', '<p>{'.repeat(N / 2)],
    ['wide table row', '| Stripe '.repeat(N) + '|'],
    ['table row of sentences', '| Vendor | Notes |\n|---|---|\n' + '| A. Stripe. '.repeat(N) + '|'],
    ['html cells', '<table><tr>' + '<td>Stripe. AWS'.repeat(N / 2)],
    ['html header cells', '<table><thead><tr>' + '<th>Vendor'.repeat(N / 2)],
    ['definition list', '<dl>' + '<dt>Stripe<dd>'.repeat(N / 2)],
    ['definitions awaiting text', '<dl><dt>Stripe<dd>' + '<p><div>'.repeat(N / 2)],
    ['neither nor', 'Neither Stripe nor '.repeat(N / 4) + 'Neon will use it.'],
    ['possessives', "We do not use Stripe's ".repeat(N / 4)],
    ['const array', 'const a = [' + "{ name: 'Stripe', role: 'Payments' }, ".repeat(N / 8) + ']\nexport default () => <ul>{a.map((x) => <li>{x}</li>)}</ul>'],
    ['front matter', '---\n' + 'x: 1\n'.repeat(N) + '<p>Stripe</p>'],
    ['expression tails', '<p>)}'.repeat(N / 2)],
    // shapes micromark takes superlinear time on, inside the budget past which a file goes to the plain-text reader
    ['nested lists', Array.from({ length: 600 }, (_, i) => '  '.repeat(i % 3) + '- Stripe').join('\n')],
    ['emphasis runs', ('*_'.repeat(495) + '\n\n').repeat(2)],
    ['link labels', ('[a]('.repeat(245) + '\n\n').repeat(8)],
    ['block quotes', Array.from({ length: 250 }, () => '> '.repeat(20) + 'Stripe').join('\n')],
    ['mdx braces', ('{'.repeat(100) + '}'.repeat(100) + '\n\n').repeat(2)],
    ['jsx nesting', '<A>'.repeat(2900) + 'Stripe'],
    // and past it
    ['many nested lists', Array.from({ length: 5000 }, (_, i) => '  '.repeat(i % 3) + '- Stripe').join('\n')],
    ['many emphasis runs', ('*_'.repeat(495) + '\n\n').repeat(90)],
    ['many mdx braces', ('{'.repeat(100) + '}'.repeat(100) + '\n\n').repeat(400)],
  ]

  it.each(cases)('%s', (_name, text) => {
    for (const path of ['p.txt', 'p.md', 'p.mdx', 'p.html', 'p.tsx', 'p.vue', 'p.astro']) {
      const started = performance.now()
      parsePolicy({ path, text, source: 'discovered' }, catalog)
      expect(performance.now() - started, path).toBeLessThan(3000)
    }
  })

  it('parses a 1 MB policy in well under a few seconds', () => {
    const text = Array.from({ length: 60 }, () => fixture('isol8-privacy-policy.txt') + '\n' + fixture('codecloud-privacy-policy.txt')).join('\n')
    const started = performance.now()
    const { claims } = parsePolicy({ path: 'big.txt', text, source: 'discovered' }, catalog)
    expect(performance.now() - started).toBeLessThan(5000)
    expect(claims.length).toBeGreaterThan(60 * 40)
  })
})

// Cookie claims: the promises a policy makes about cookies and trackers, with negation and scope.
import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../src/policy/index.js'
import type { Claim } from '../../src/types/index.js'
import { fixture, seedCatalog, testCatalog } from './helpers.js'

const catalog = testCatalog()

/** The cookie claims of one sentence (after a heading, so it is read as body text). */
function cookieClaims(sentence: string): Claim[] {
  return parsePolicy({ path: 'privacy.md', text: `# Cookies\n\n${sentence}\n`, source: 'discovered' }, catalog).claims.filter((c) => c.kind === 'cookie')
}

/** A compact view: `subject[:vendor] {data without the phrase}`. */
function view(sentence: string): string[] {
  return cookieClaims(sentence).map((c) => {
    const { phrase: _phrase, ...data }: Record<string, unknown> = { ...c.data }
    return `${c.subject}${c.vendor ? `:${c.vendor}` : ''} ${c.polarity} ${JSON.stringify(data)}`
  }).sort()
}

describe('cookie claims: must read', () => {
  it.each<[string, string[]]>([
    ['One session cookie, to keep you signed in.', ['cookie-limit affirm {"max":1,"scope":"session"}']],
    ['We use only two cookies.', ['cookie-limit affirm {"max":2,"scope":"all"}']],
    ['We set a single cookie.', ['cookie-limit affirm {"max":1,"scope":"all"}']],
    ['We only use strictly necessary cookies.', ['cookie-purposes affirm {"purposes":["strictly-necessary"]}']],
    ['We only use cookies that are strictly necessary for the service to work.', ['cookie-purposes affirm {"purposes":["strictly-necessary"]}']],
    ['We use only essential cookies.', ['cookie-purposes affirm {"purposes":["strictly-necessary"]}']],
    ['We do not use cookies.', ['cookie-denial deny {"purposes":[],"what":"cookies"}']],
    ["We don't use any cookies except the one that keeps you logged in.", ['cookie-purposes affirm {"purposes":["strictly-necessary"]}']],
    ['We use no cookies other than a session cookie.', ['cookie-purposes affirm {"purposes":["strictly-necessary"]}']],
    ['We do not use third-party analytics cookies.', ['cookie-denial deny {"purposes":["analytics"],"what":"cookies","party":"third"}']],
    ['No advertising trackers, no third-party analytics cookies, no banner asking you about either.', [
      'cookie-denial deny {"purposes":["advertising"],"what":"trackers"}',
      'cookie-denial deny {"purposes":["analytics"],"what":"cookies","party":"third"}',
    ]],
    ['We do not use third-party advertising trackers, social media tracking pixels, or cross-site analytics cookies.', [
      'cookie-denial deny {"purposes":["advertising"],"what":"pixels"}',
      'cookie-denial deny {"purposes":["advertising"],"what":"trackers","party":"third"}',
      'cookie-denial deny {"purposes":["analytics"],"what":"cookies","crossSite":true}',
    ]],
    ['We never use tracking cookies or web beacons.', [
      'cookie-denial deny {"purposes":["advertising","analytics"],"what":"cookies"}',
      'cookie-denial deny {"purposes":[],"what":"pixels"}',
    ]],
    ['Third-party cookies are not used.', ['cookie-denial deny {"purposes":[],"what":"cookies","party":"third"}']],
    ['Our site uses no advertising or analytics cookies.', ['cookie-denial deny {"purposes":["advertising","analytics"],"what":"cookies"}']],
    ['We set a theme cookie that remembers dark mode.', ['cookie-names affirm {"names":["theme"]}']],
    ['We set a "theme" cookie and a cookie named sid.', ['cookie-names affirm {"names":["sid","theme"]}'.replace('["sid","theme"]', '["theme","sid"]')]],
    ['The wos-session cookie keeps you signed in.', ['cookie-names affirm {"names":["wos-session"]}']],
    ['One session cookie (wos-session) keeps you signed in.', ['cookie-limit affirm {"max":1,"scope":"session"}', 'cookie-names affirm {"names":["wos-session"]}']],
    ['Clerk uses cookies to manage your login session.', ['vendor-cookies:clerk affirm {"purposes":[]}']],
    ['Session cookies managed by Clerk to keep you signed in.', ['vendor-cookies:clerk affirm {"purposes":[]}']],
    ['PostHog may set analytics cookies on your device.', ['vendor-cookies:posthog affirm {"purposes":["analytics"]}']],
  ])('%s', (sentence, expected) => {
    expect(view(sentence)).toEqual([...expected].sort())
  })
})

describe('cookie claims: must not read', () => {
  it.each([
    'If you do not accept cookies, some features may not work.',
    'You can disable cookies in your browser settings.',
    'We do not sell data collected through cookies.',
    'One or more cookies may be set by our payment provider.',
    'Each of the cookies below expires after a year.',
    'We use a small cookie to remember your preferences.',
    'We use essential cookies.',
    'We use cookies and similar technologies for:',
    // a vendor's cookies denied are a denial of the vendor, read by the vendor extractor
    'We do not use Google Analytics cookies.',
    'You can block third-party cookies in your browser.',
    // a sentence about a vendor's own practice is not the product's promise
    'Plausible Analytics — counts page views without cookies and without collecting personal data.',
  ])('%s', (sentence) => {
    expect(view(sentence)).toEqual([])
  })
})

describe('cookie claims of the seed policies', () => {
  const parse = (name: string) => parsePolicy({ path: name, text: fixture(name), source: 'discovered' }, seedCatalog()).claims.filter((c) => c.kind === 'cookie')
  it('jeanclaude: one session cookie, no advertising trackers, no third-party analytics cookies', () => {
    const claims = parse('jeanclaude-privacy-policy.md')
    expect(claims.map((c) => `${c.line} ${c.subject}`)).toEqual(['61 cookie-denial', '61 cookie-denial', '61 cookie-limit'])
    expect(claims.find((c) => c.subject === 'cookie-limit')!.quote).toBe('One session cookie, to keep you signed in.')
  })
  it('isol8: Clerk session cookies; no advertising trackers, tracking pixels or cross-site analytics cookies', () => {
    const claims = parse('isol8-privacy-policy.txt')
    expect(claims.map((c) => `${c.line} ${c.subject}${c.vendor ? `:${c.vendor}` : ''}`)).toEqual(['56 vendor-cookies:clerk', '58 cookie-denial', '58 cookie-denial', '58 cookie-denial'])
  })
  it('codecloud: Clerk and PostHog set cookies; nothing denied', () => {
    const claims = parse('codecloud-privacy-policy.txt')
    expect(claims.every((c) => c.subject === 'vendor-cookies' && c.polarity === 'affirm')).toBe(true)
    expect([...new Set(claims.map((c) => c.vendor))].sort()).toEqual(['clerk', 'posthog'])
  })
})

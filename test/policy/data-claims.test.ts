// Personal-data claims (kind `data`): what the seed policies say about the data they collect, which vendor receives
// what, what they deny, anonymous data, logs and Do Not Track; and the look-alikes that must not make a claim.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDataClaims } from '../../src/policy/data.js'
import { parsePolicy } from '../../src/policy/index.js'
import type { Claim } from '../../src/types/index.js'
import { seedCatalog, testCatalog } from './helpers.js'

const catalog = testCatalog()
const claimsOf = (path: string, text: string, from = catalog) =>
  parsePolicy({ path, text, source: 'discovered' }, from, [parseDataClaims]).claims
/** A claim as a row: lines, subject, polarity, vendor, then its data's values. */
function row(c: Claim): string {
  if (c.kind !== 'data') return `${c.kind}?`
  const vendor = c.vendor ?? ('vendor' in c.data ? c.data.vendor : undefined)
  const values = Object.entries(c.data).filter(([k]) => k !== 'vendor' && k !== 'phrases').map(([, v]) => (Array.isArray(v) ? v.join(',') : String(v)))
  return [`${c.line}-${c.endLine}`, c.subject, c.polarity, vendor ?? '-', ...values].join(' ')
}
const rows = (text: string, path = 'policy.md') => claimsOf(path, text).map(row)
const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8')

describe('the seed policies', () => {
  it('codecloud (TSX page): the collection list, what PostHog collects, the card denial, what the LLM providers receive', () => {
    const claims = claimsOf('app/privacy/page.tsx', fixture('codecloud/app/privacy/page.tsx'), seedCatalog())
    expect(claims.map(row)).toEqual([
      '26-26 collection affirm - user.contact.email',
      '27-27 collection affirm - user.name',
      '33-33 collection affirm - user.account.username',
      '35-35 collection affirm - user.authorization.credentials.oauth_token',
      '49-49 collection affirm - user.content',
      '56-61 vendor-data affirm posthog user.behavior,user.device,user.device.ip_address',
      '58-58 collection affirm - user.behavior',
      '59-59 collection affirm - user.behavior',
      '60-60 collection affirm - user.device',
      '61-61 collection affirm - user.device.ip_address',
      '63-63 collection affirm - user.behavior',
      '65-65 data-denial deny - user.financial.credit_card store',
      '81-81 vendor-data affirm clerk user.payment',
      '91-91 vendor-data affirm anthropic user.content',
      '91-91 vendor-data affirm google user.content',
      '91-91 vendor-data affirm openai user.content',
    ])
    const posthog = claims.find((c) => c.kind === 'data' && c.subject === 'vendor-data' && c.vendor === 'posthog')
    // the lead's words open the quote, the last item's close it; the location derived from the IP is not received
    expect(posthog?.quote).toMatch(/^PostHog collects: Page views .* IP address \(which may be used to derive approximate location\)$/)
    expect(posthog?.data).toMatchObject({ phrases: ['Page views', 'navigation patterns', 'Feature usage', 'interaction events', 'Device and browser information', 'IP address'] })
  })

  it('jeanclaude (Markdown): WorkOS gets email and name, private keys never seen, claude.ai credentials not stored, minimal logs', () => {
    const claims = claimsOf('PRIVACY.md', fixture('jeanclaude/PRIVACY.md'), seedCatalog())
    expect(claims.map(row)).toEqual([
      '3-3 collection affirm - user.contact.email,user.name',
      '3-3 vendor-data affirm workos user.contact.email,user.name',
      '4-4 data-denial deny - user.authorization.credentials.private_key receive',
      '6-6 collection affirm - user.payment',
      '6-6 data-denial deny - user.financial.credit_card receive',
      '6-6 vendor-data affirm stripe user.payment',
      '7-7 logs affirm - minimal',
      '12-12 data-denial deny - user.authorization.credentials store',
    ])
    const claude = claims.find((c) => c.line === 12)
    expect(claude?.quote).toBe('Your claude.ai credentials. They are stored on your VM, not in our database.')
  })

  it('isol8 (plain text): the Information We Collect items, anonymized analytics, Stripe and Clerk data, no stored card numbers', () => {
    const claims = claimsOf('privacy-policy.txt', fixture('isol8/privacy-policy.txt'), seedCatalog())
    expect(claims.map(row)).toEqual([
      '7-7 collection affirm - user.authorization.credentials,user.contact.email,user.name',
      '7-7 collection affirm - user.unique_id',
      '7-7 vendor-data affirm clerk user.authorization.credentials,user.contact.email,user.name',
      '8-8 collection affirm - user.behavior',
      '9-9 collection affirm - user.content',
      '10-10 collection affirm - user.payment',
      '10-10 collection affirm - user.unique_id',
      '10-10 data-denial deny - user.financial.credit_card store',
      '10-10 vendor-data affirm stripe user.payment',
      '11-11 collection affirm - user.device,user.device.ip_address',
      '16-16 anonymous-data affirm - anonymized analytics',
      '25-25 vendor-data affirm aws-secrets-manager user.authorization.credentials',
      '44-44 anonymous-data affirm - anonymized analytics',
    ])
  })
})

describe('vendor-data', () => {
  it.each([
    ['Stripe handles billing, including your email.', ['1-1 vendor-data affirm stripe user.contact.email']],
    ['Account data: your email and name, via our authentication provider (WorkOS).', ['1-1 vendor-data affirm workos user.contact.email,user.name']],
    ['Payment details are collected and processed by Stripe.', ['1-1 vendor-data affirm stripe user.payment']],
    ['Your prompts are sent to the model provider you pick (e.g., Anthropic or OpenAI).', ['1-1 vendor-data affirm anthropic user.content', '1-1 vendor-data affirm openai user.content']],
    ['Mixpanel records page views and your IP address.', ['1-1 vendor-data affirm mixpanel user.behavior,user.device.ip_address']],
    // "name" alone may be a thing's; beside a person's email address it is the person's
    ['Postmark receives your email address and name.', ['1-1 vendor-data affirm postmark user.contact.email,user.name']],
    // the vendor is the subject of a second verb; the text of a request is content the person wrote
    ['Intercom provides our support chat and receives your email address.', ['1-1 vendor-data affirm intercom user.contact.email']],
    ['Route suggestions are generated by Anthropic. Anthropic receives the text of your request.', ['1-1 vendor-data affirm anthropic user.content']],
  ])('%s', (text, want) => {
    expect(rows(text).filter((r) => r.includes('vendor-data'))).toEqual(want)
  })

  it('a subprocessor table row: the vendor of the name column receives the data of the data column', () => {
    const table = ['| Subprocessor | Purpose | Data |', '|---|---|---|', '| PostHog | Analytics | IP address, device information |', '| Stripe | Payments | Email address, billing address |', '| Neon | Database | Everything we store |'].join('\n')
    expect(rows(table)).toEqual([
      '3-3 vendor-data affirm posthog user.device,user.device.ip_address',
      '4-4 vendor-data affirm stripe user.contact.address,user.contact.email',
    ])
    const coordinated = ['| Provider | Purpose | Data |', '|---|---|---|', '| Postmark | Transactional email | Email address and name |', '| Resend | Email | Name, email and phone number |'].join('\n')
    expect(rows(coordinated)).toEqual([
      '3-3 vendor-data affirm postmark user.contact.email,user.name',
      '4-4 vendor-data affirm resend user.contact.email,user.contact.phone_number,user.name',
    ])
  })

  it('a list led by "<vendor> collects:" is one claim from the lead to the last item', () => {
    const text = 'Our analytics.\n\nHotjar collects:\n\n- Page views\n- Your IP address\n- Device information\n\nThat is all.\n'
    expect(rows(text).filter((r) => r.includes('vendor-data'))).toEqual(['3-7 vendor-data affirm hotjar user.behavior,user.device,user.device.ip_address'])
  })

  it.each([
    ["Please refer to Stripe's Privacy Policy for details on how payment data is handled."],
    ['We do not share your email address with Mixpanel.'],
    ['We use PostHog for product analytics.'],
    ['Mixpanel is not used, and your email stays with us.'],
    // "and" joins the company's own verb, not the vendor's
    ['We use Intercom for support, and we receive your email address.'],
    // a dash ends the clause "to connect" governs: Intercom's IDs are not sent to Intercom
    ['Identifiers that you choose to connect — for example, Intercom user IDs.'],
  ])('no vendor-data: %s', (text) => {
    expect(rows(text).filter((r) => r.includes('vendor-data'))).toEqual([])
  })
})

describe('collection', () => {
  it('one claim per item of a collection list, or sentence under a collection heading', () => {
    const text = '## What we collect\n\nWhen you sign up, we collect:\n\n- Your full name\n- Phone number\n- Names of your projects and their regions\n\nWe also keep your date of birth.\n\n## How we use it\n\nWe use your email address to send receipts.\n'
    expect(rows(text)).toEqual([
      '5-5 collection affirm - user.name',
      '6-6 collection affirm - user.contact.phone_number',
      '9-9 collection affirm - user.demographic.date_of_birth',
    ])
  })

  it('"we collect" makes a sentence a collection claim outside such a heading', () => {
    expect(rows('We collect your phone number and date of birth.')).toEqual(['1-1 collection affirm - user.contact.phone_number,user.demographic.date_of_birth'])
  })

  it('what a person submits, whole: the data and form submissions they send', () => {
    expect(rows('## What we collect\n\n- Configuration data you submit to run monitors\n- Form submissions, such as support requests\n')).toEqual([
      '3-3 collection affirm - user.content.submitted',
      '4-4 collection affirm - user.content.submitted',
    ])
  })

  it.each([
    ['# Contact Us\n\n- Email: privacy@isol8.co\n'],
    ['# What we collect\n\n- VM metadata: names, regions, sizes, status and lifecycle events.\n'],
    // coordinated with a thing's data, a name stays the thing's; the channel stays a channel
    ['# Servers\n\nEach server has names and regions.\n'],
    ['We will tell you by email and phone number changes are logged.'],
    ['# What we collect\n\nEmail us at privacy@x.com with questions.\n'],
    ['# What we collect\n\nIf this policy changes, we will tell you by email.\n'],
    ['# What we collect\n\n## 2.5 Analytics Data\n\n## Email address\n'],
    ['# What we deliberately do not collect\n\n- Your phone number.\n'],
    ['We use the information we collect to improve the service and understand usage patterns.'],
    ['The Service is not intended for children under the age of 13.'],
  ])('no collection: %s', (text) => {
    expect(rows(text).filter((r) => r.includes('collection'))).toEqual([])
  })
})

describe('data-denial', () => {
  it.each([
    ['We never see private keys.', '1-1 data-denial deny - user.authorization.credentials.private_key receive'],
    ['Card numbers never touch our servers.', '1-1 data-denial deny - user.financial.credit_card receive'],
    ['We do not directly store credit card numbers.', '1-1 data-denial deny - user.financial.credit_card store'],
    ['We do not share your email with third parties.', '1-1 data-denial deny - user.contact.email share'],
    ['We do not share your email address with Mixpanel.', '1-1 data-denial deny mixpanel user.contact.email share'],
    ['IP addresses are not logged.', '1-1 data-denial deny - user.device.ip_address log'],
    ['We do not log IP addresses.', '1-1 data-denial deny - user.device.ip_address log'],
    ['Your email, name and phone number are never shared.', '1-1 data-denial deny - user.contact.email,user.contact.phone_number,user.name share'],
    ['Your password is stored on your device, not on our servers.', '1-1 data-denial deny - user.authorization.password store'],
  ])('%s', (text, want) => {
    expect(rows(text).filter((r) => r.includes('data-denial'))).toEqual([want])
  })

  it('"They" in a list item refers to what the item began with', () => {
    const text = '## What we do not collect\n\n- Your claude.ai credentials. They are stored on your VM, not in our database.\n- Your sessions. They are yours.\n'
    expect(rows(text)).toEqual(['3-3 data-denial deny - user.authorization.credentials store'])
    // across list items "They" is not resolved: each item is its own block
    expect(rows('- Your claude.ai credentials.\n- They are stored on your VM, not in our database.\n')).toEqual([])
  })

  it.each([
    ['If you do not provide your email, we cannot reach you.'],
    ['We only store your email address.'],
    ['We do not sell personal data.'],
    ['SSH public keys: the public halves only.'],
  ])('no denial: %s', (text) => {
    expect(rows(text).filter((r) => r.includes('data-denial'))).toEqual([])
  })
})

describe('anonymous-data', () => {
  it.each([
    ['- Improve the platform: Analyze aggregate usage patterns to improve performance. We use anonymized and aggregated data for this purpose.', '1-1 anonymous-data affirm - anonymized analytics'],
    ['PostHog receives only anonymous usage data.', '1-1 anonymous-data affirm posthog anonymous'],
    ['Anonymous usage statistics may be kept indefinitely.', '1-1 anonymous-data affirm - anonymous analytics'],
    ['We share aggregated data with partners.', '1-1 anonymous-data affirm - aggregated'],
    ['Support tickets are kept in pseudonymized and aggregated form.', '1-1 anonymous-data affirm - pseudonymous'],
    ['Mixpanel — Product analytics — Anonymized usage events', '1-1 anonymous-data affirm mixpanel anonymized analytics'],
    ['Amplitude receives anonymous telemetry.', '1-1 anonymous-data affirm amplitude anonymous'],
  ])('%s', (text, want) => {
    expect(rows(text).filter((r) => r.includes('anonymous-data'))).toEqual([want])
  })

  it.each([
    ['We cannot make anonymous what you publish.'],
    ['Analyze aggregate usage patterns to improve performance.'],
    ['Your posts are not anonymous data.'],
  ])('none: %s', (text) => {
    expect(rows(text).filter((r) => r.includes('anonymous-data'))).toEqual([])
  })
})

describe('logs', () => {
  it.each([
    ['- Operational logs: minimal request and error logs to keep the service healthy.', '1-1 logs affirm - minimal'],
    ['We do not log personal data.', '1-1 logs deny - none'],
    ['We keep no logs of your activity.', '1-1 logs deny - none'],
    ["We don't keep access logs.", '1-1 logs deny - none'],
    ['Our application logs do not contain personal information.', '1-1 logs deny - none'],
    ['Logs contain no PII.', '1-1 logs deny - none'],
    ['Personal data is never written to our application logs.', '1-1 logs deny - none'],
    ['We never include personal information in logs.', '1-1 logs deny - none'],
  ])('%s', (text, want) => {
    expect(rows(text).filter((r) => r.includes(' logs '))).toEqual([want])
  })

  it.each([
    ['Operational logs: kept for roughly 30 days.'],
    ['API keys are never logged or exposed in plaintext.'],
    ['If you do not log in for a year, we close your account.'],
    ['Logs do not contain passwords in plain text.'],
    ['Our logs contain request metadata.'],
  ])('none: %s', (text) => {
    expect(rows(text).filter((r) => r.includes(' logs '))).toEqual([])
  })
})

describe('do-not-track', () => {
  it.each([
    ['We honor Do Not Track signals.', '1-1 do-not-track affirm - dnt'],
    ['We respect Global Privacy Control (GPC) and Do Not Track browser settings.', '1-1 do-not-track affirm - dnt,gpc'],
    ['We do not currently respond to Do Not Track signals.', '1-1 do-not-track deny - dnt'],
    ["Our site doesn't honor DNT requests.", '1-1 do-not-track deny - dnt'],
    ['Do Not Track signals are ignored.', '1-1 do-not-track deny - dnt'],
  ])('%s', (text, want) => {
    expect(rows(text)).toEqual([want])
  })

  it.each([
    ['## Do Not Track'],
    ['We do not track you across other websites.'],
    ['Learn more about Do Not Track at allaboutdnt.com.'],
  ])('none: %s', (text) => {
    expect(rows(text)).toEqual([])
  })
})

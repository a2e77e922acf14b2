import { describe, expect, it } from 'vitest'
import { findVendorMentions, parsePolicy } from '../../src/policy/index.js'
import type { Claim } from '../../src/types/index.js'
import { testCatalog } from './helpers.js'

const catalog = testCatalog()

function claims(text: string, path = 'privacy.txt'): Claim[] {
  return parsePolicy({ path, text, source: 'discovered' }, catalog).claims
}
const vendorIds = (text: string) => [...new Set(claims(text).filter((c) => c.kind === 'vendor').map((c) => c.subject))].sort()
/** `id:polarity` for every vendor claim of the text. */
const polarities = (text: string) => claims(text).filter((c) => c.kind === 'vendor').map((c) => `${c.subject}:${c.polarity}`).sort()
const strengths = (text: string) => claims(text).filter((c) => c.kind === 'vendor').map((c) => `${c.subject}:${c.strength}`).sort()
const strengthsOf = (text: string, path: string) => claims(text, path).filter((c) => c.kind === 'vendor').map((c) => `${c.subject}:${c.strength}`).sort()
const categories = (text: string) => claims(text).filter((c) => c.kind === 'vendor-category').map((c) => `${c.subject}:${c.polarity}`).sort()

describe('vendor names: must match', () => {
  it.each<[string, string[]]>([
    ['We use Clerk for authentication.', ['clerk']],
    ["Please refer to Clerk's Privacy Policy.", ['clerk']],
    ['Operating under AWS’s enterprise terms.', ['aws']],
    ['Inference runs on AWS Bedrock.', ['aws-bedrock']],
    ['We use Amazon Bedrock on Amazon Web Services.', ['aws', 'aws-bedrock']],
    ['Keys are encrypted with AWS KMS-managed keys.', ['aws-kms']],
    ['Containers run on AWS ECS Fargate.', ['aws-ecs']],
    ['We host our VMs on Fly.io.', ['fly-io']],
    ['Fly.io, Inc. hosts our VMs.', ['fly-io']],
    ['Neon (database) stores our rows.', ['neon']],
    ['Render hosts our API.', ['render']],
    ['Events are sent to Segment.', ['segment']],
    ['Issues are tracked in Linear.', ['linear']],
    ['We use Google Analytics.', ['google-analytics']],
    ['We use Google Gemini and OpenAI.', ['google-gemini', 'openai']],
    ['Sandboxes by E2B.', ['e2b']],
    ['Data is stored on EFS volumes.', ['aws-efs']],
    ['Provided by (Clerk), [Stripe] and "PostHog".', ['clerk', 'posthog', 'stripe']],
    ['We use AppsFlyer and Fly.io.', ['appsflyer', 'fly-io']],
  ])('%s', (text, expected) => {
    expect(vendorIds(text)).toEqual(expected)
  })
})

describe('vendor names: must not match', () => {
  it.each<[string, string[]]>([
    ['Clerk.io sends invoice reminders.', []],
    ['We use Clerk.io for reminders and Clerk for login.', ['clerk']],
    ['We use AppsFlyer for attribution.', ['appsflyer']],
    ['The page uses neon colours.', []],
    ['We render the page on the server.', []],
    ['A linear model helps us segment users.', []],
    ['Ask the clerk at the desk.', []],
    ['Visit posthog.com or stripe.com for details.', []],
    ['Visit PostHog.com, Stripe.com or Neon.tech for details.', []],
    ['The API lives at api.fly.io and app.posthog.com.', []],
    ['Install @clerk/nextjs and stripe-js.', []],
    ['The jeanclaude product is ours.', []],
    ['Your claude.ai credentials stay on your VM.', []],
    ['We use the google-analytics package name.', []],
    ['An E2Business partner.', []],
  ])('%s', (text, expected) => {
    expect(vendorIds(text)).toEqual(expected)
  })

  it.each<[string, string, string[]]>([
    ['Turn off cookies in your browser settings.', 'p.txt', []],
    ['- Monitor your account activity.', 'p.md', []],
    ['## Monitor Your Account Activity\n\nText.', 'p.md', []],
    ['- Run status and timing information', 'p.txt', []],
    ['Authentication: Signal strength is measured.', 'p.txt', []],
    ['We advertise with Turn and Meta.', 'p.txt', ['meta', 'tpw-turn']],
    ['Turn (advertising) receives cookie IDs.', 'p.txt', ['tpw-turn']],
    ['Turn, Meta and Google Analytics are our ad partners.', 'p.txt', ['google-analytics', 'meta', 'tpw-turn']],
    ['RUN serves our ads.', 'p.txt', ['tpw-run']],
    ['Segment collects page events.', 'p.txt', ['segment']],
    ["Stripe's fees apply.", 'p.txt', ['stripe']],
    ['We never share data with:\n- Signal\n- Meta', 'p.md', ['meta', 'tpw-signal']],
  ])('a vendor name that is also an English word needs support where capitals mean nothing: %j', (text, path, expected) => {
    expect([...new Set(claims(text, path).filter((c) => c.kind === 'vendor').map((c) => c.subject))].sort()).toEqual(expected)
  })

  it('resolves overlaps to the longest name', () => {
    expect(findVendorMentions('AWS Bedrock and AWS', catalog).map((m) => [m.vendor.id, m.alias])).toEqual([
      ['aws-bedrock', 'AWS Bedrock'],
      ['aws', 'AWS'],
    ])
  })
})

describe('polarity', () => {
  it.each<[string, string[]]>([
    ['We do not use Google Analytics.', ['google-analytics:deny']],
    ["We don't use Google Analytics.", ['google-analytics:deny']],
    ['We don’t use Google Analytics.', ['google-analytics:deny']],
    ['We never share data with Meta.', ['meta:deny']],
    ['No Mixpanel.', ['mixpanel:deny']],
    ['No Mixpanel, no Hotjar, no cookies.', ['hotjar:deny', 'mixpanel:deny']],
    ['Our app is built without Intercom.', ['intercom:deny']],
    ['We do not use Google Analytics, Hotjar, or Mixpanel.', ['google-analytics:deny', 'hotjar:deny', 'mixpanel:deny']],
    ['We do not use any third-party analytics tools such as Google Analytics.', ['google-analytics:deny']],
    ['Google Analytics and Mixpanel are not used on this site.', ['google-analytics:deny', 'mixpanel:deny']],
    ['Neither Mixpanel nor Hotjar is used.', ['hotjar:deny', 'mixpanel:deny']],
    ['Your data is never sent to OpenAI.', ['openai:deny']],
    ['We do not sell your personal information to any third party. We use Stripe.', ['stripe:affirm']],
    ['Billing data: handled by Stripe. Card numbers never touch our servers.', ['stripe:affirm']],
    ['Payments are handled by Stripe, so card numbers never touch our servers.', ['stripe:affirm']],
    ['Card numbers never touch our servers; Stripe processes them.', ['stripe:affirm']],
    ['Card numbers never touch our servers because Stripe handles them.', ['stripe:affirm']],
    ['Card numbers never touch our servers, they go to Stripe.', ['stripe:affirm']],
    ['Stripe does not store your card number on our servers.', ['stripe:affirm']],
    ['PostHog may set cookies on your device.', ['posthog:affirm']],
    ['We do not use Google Analytics but we use PostHog.', ['google-analytics:deny', 'posthog:affirm']],
    ['We do not share data with anyone except Stripe.', ['stripe:affirm']],
    ['If you do not want PostHog to track you, use an ad blocker.', ['posthog:affirm']],
    ['We use tools including, but not limited to, Sentry and PostHog.', ['posthog:affirm', 'sentry:affirm']],
    ['We do not sell data to Google.', ['google:affirm']],
    ['We have no control over how Google uses your data.', ['google:affirm']],
    ['Conversations travel between your VM and Anthropic; we are not in that loop.', ['anthropic:affirm']],
    ['We use Stripe and do not use PayPal or Mixpanel.', ['mixpanel:deny', 'stripe:affirm']],
    ['We use Stripe; we never use Mixpanel.', ['mixpanel:deny', 'stripe:affirm']],
    // a possessive: the negation denies a feature of the vendor, not the vendor
    ["We do not use Stripe's Radar fraud scoring.", ['stripe:affirm']],
    ['We don’t use PostHog’s session recording.', ['posthog:affirm']],
    // neither…nor as the subject of an active verb limits what they do; it does not deny them
    ['Neither Dropspot nor Stripe will use your number for marketing.', ['stripe:affirm']],
    ['Neither Stripe nor PostHog sells your data.', ['posthog:affirm', 'stripe:affirm']],
    ['We do not sell your number, nor does Stripe use it for marketing.', ['stripe:affirm']],
    // …but true denials stay denials
    ['Neither Mixpanel nor Hotjar will be used.', ['hotjar:deny', 'mixpanel:deny']],
    ['Neither Google nor Meta receives your data.', ['google:deny', 'meta:deny']],
    ['We use neither Mixpanel nor Hotjar.', ['hotjar:deny', 'mixpanel:deny']],
    ['We do not use Mixpanel, nor do we use Hotjar.', ['hotjar:deny', 'mixpanel:deny']],
    ['We do not use Google Analytics or any advertising pixels.', ['google-analytics:deny']],
    ["We don't work with Intercom.", ['intercom:deny']],
    ['The app is built without Mixpanel.', ['mixpanel:deny']],
    ['There is no Hotjar on this site.', ['hotjar:deny']],
  ])('%s', (text, expected) => {
    expect(polarities(text)).toEqual(expected)
  })

  it('a possessive under a negation only mentions the vendor, even in a listing section', () => {
    expect(strengthsOf("## Third parties\n\nWe do not use Stripe's Radar fraud scoring.", 'p.md')).toEqual(['stripe:mentioned'])
  })

  it('applies a denying list lead-in to its items', () => {
    expect(polarities('We never share your data with:\n- Meta\n- Google Analytics\n\nWe use Stripe.')).toEqual([
      'google-analytics:deny',
      'meta:deny',
      'stripe:affirm',
    ])
  })

  it('keeps the polarity of a claim to its own sentence', () => {
    const [deny, affirm] = claims('We do not use Mixpanel. We use Mixpanel alternatives like PostHog.').filter((c) => c.kind === 'vendor')
    expect(deny).toMatchObject({ subject: 'mixpanel', polarity: 'deny', quote: 'We do not use Mixpanel.' })
    expect(affirm).toMatchObject({ subject: 'mixpanel', polarity: 'affirm' })
  })
})

describe('strength', () => {
  it.each<[string, string[]]>([
    ['Account data: your email and name, via our authentication provider (WorkOS).', ['workos:listed']],
    ['Sessions are kept by our identity provider, Clerk.', ['clerk:listed']],
    ['We use a small set of subprocessors: WorkOS (authentication), Stripe (payments) and Neon (database).', ['neon:listed', 'stripe:listed', 'workos:listed']],
    ['Payment details are collected and processed by Stripe.', ['stripe:listed']],
    ['Our platform runs on Amazon Web Services (AWS) infrastructure.', ['aws:listed']],
    ['Your account data is stored in Convex.', ['convex:listed']],
    ['We use PostHog for product analytics.', ['posthog:listed']],
    ['Clerk uses cookies to manage your login session.', ['clerk:listed']],
    ['Stripe is our payment processor.', ['stripe:listed']],
    ['Prompts go to the LLM provider you configure (e.g., Anthropic, OpenAI, Google).', ['anthropic:listed', 'google:listed', 'openai:listed']],
    ['Vercel (web hosting) serves the site.', ['vercel:listed']],
    ['Stripe — payment processing.', ['stripe:listed']],
    ["Please refer to Clerk's Privacy Policy.", ['clerk:mentioned']],
    ['Conversations travel between your VM and Anthropic; we are not in that loop.', ['anthropic:mentioned']],
    ['We store your Stripe customer ID.', ['stripe:mentioned']],
    ['GitHub access tokens are short-lived.', ['github:mentioned']],
    ['When you install our GitHub App, we collect your username.', ['github:mentioned']],
    ['Analytics data is retained according to PostHog’s retention policies.', ['posthog:mentioned']],
  ])('%s', (text, expected) => {
    expect(strengths(text)).toEqual(expected)
  })

  it.each([
    '## 6. Third-Party Services\n\nStripe keeps records.',
    '## Sub-processors\n\nStripe keeps records.',
    '## Sharing your information\n\nStripe keeps records.',
    '## Who processes data for us\n\nStripe keeps records.',
    '## Service providers\n\n### Payments\n\nStripe keeps records.',
  ])('a vendor in a listing section is listed: %j', (md) => {
    expect(strengths(md.replace(/\n/g, '\n'))).toEqual(['stripe:listed'])
    expect(claims(md, 'p.md')[0].section.length).toBeGreaterThan(0)
  })

  it('a vendor-name heading is listed even outside a listing section', () => {
    const out = claims('## Payments\n\n### Stripe\n\nHandles card payments.\n', 'p.md').filter((c) => c.kind === 'vendor')
    expect(out).toMatchObject([{ subject: 'stripe', strength: 'listed', line: 3, quote: 'Stripe', section: ['Payments', 'Stripe'] }])
  })

  it('a list introduced as services is listed', () => {
    expect(strengths('We use the following services:\n- Stripe\n- PostHog\n')).toEqual(['posthog:listed', 'stripe:listed'])
  })
})

describe('table rows: only the name column lists', () => {
  const subprocessors = [
    '## Subprocessors', //                                                    1
    '', //                                                                   2
    '| Vendor | Purpose | Location |', //                                   3
    '| --- | --- | --- |', //                                                4
    '| Stripe | Payments | United States (AWS us-west-2) |', //              5
    '| PostHog | Product analytics | Hosted on Google Cloud |', //           6
  ].join('\n')

  it('lists the vendor column and only mentions names in other cells', () => {
    expect(claims(subprocessors, 'p.md').filter((c) => c.kind === 'vendor').map((c) => `${c.line} ${c.subject}:${c.polarity}:${c.strength}`)).toEqual([
      '5 aws:affirm:mentioned',
      '5 stripe:affirm:listed',
      '6 google:affirm:mentioned',
      '6 posthog:affirm:listed',
    ])
  })

  it.each<[string, string, string[]]>([
    ['| Purpose | Provider |\n|---|---|\n| Payments | Stripe |\n| Hosting (on AWS) | Vercel |', 'p.md', ['aws:mentioned', 'stripe:listed', 'vercel:listed']],
    ['| Stripe | Payments |\n|---|---|\n| Vercel | Hosting |', 'p.md', ['stripe:listed', 'vercel:listed']],
    ['<h2>Processors</h2><table><tr><th>Service</th><th>Notes</th></tr><tr><td>Vercel</td><td>Runs on AWS</td></tr></table>', 'p.html', ['aws:mentioned', 'vercel:listed']],
    ['<h2>Processors</h2><table><thead><tr><td>Region</td><td>Company</td></tr></thead><tr><td>EU (Google)</td><td><a href="#">Stripe</a></td></tr></table>', 'p.html', ['google:mentioned', 'stripe:listed']],
    // a name alone in another cell is still a name; a plain word opening a sentence-like cell is not
    ['| Purpose | Notes |\n|---|---|\n| Payments | Stripe |\n| Segments | Segment your users by plan |', 'p.md', ['stripe:mentioned']],
    ['| Data | Shared with |\n|---|---|\n| Card data | Stripe |\n| Segment your users by plan | Nobody |', 'p.md', ['stripe:listed']],
  ])('%j', (text, path, expected) => {
    expect(strengthsOf(text, path)).toEqual(expected)
  })
})

describe('definition lists', () => {
  it.each<[string, string, string[]]>([
    ['<h2>Companies that help us</h2><dl><dt>Stripe</dt><dd>Takes card payments.</dd><dt>Neon</dt><dd>Our database.</dd></dl>', 'p.html', ['neon:listed', 'stripe:listed']],
    ['<h2>Help</h2><dl><dt>Render</dt><dd>Hosts the API.</dd></dl>', 'p.html', ['render:listed']],
    ['export default () => <dl><dt>Stripe</dt><dd>Payments</dd></dl>', 'p.tsx', ['stripe:listed']],
  ])('a vendor in a <dt> is listed: %j', (text, path, expected) => {
    expect(strengthsOf(text, path)).toEqual(expected)
  })
})

describe('plain-word names need a cue next to them, not just a listing section', () => {
  it.each<[string, string[]]>([
    ['## Third parties\n\nRender times are measured in your browser and never leave it.', []],
    ['## Sharing receipts\n\nSharing receipts: Resend any receipt to a customer by email.', []],
    ['## Third parties\n\nSegment your customers by region in the Reports page.', []],
    ['## Third parties\n\nHeap allocations are measured locally.', []],
    ['## Vendors\n\nFront pages show a summary of your sales.', []],
    ['## Sharing your information\n\nLinear regressions are computed on our server.', []],
    ['## Service providers\n\nStaff with the Clerk role can record sales.', []],
  ])('must not match: %j', (md, expected) => {
    expect(strengthsOf(md, 'p.md')).toEqual(expected)
  })

  it.each<[string, string[]]>([
    ['## Third parties\n\nRender hosts our API.', ['render:listed']],
    ['## Third parties\n\nRender keeps our servers running.', ['render:listed']],
    ['## Third parties\n\nRender (application hosting) runs our API.', ['render:listed']],
    ['## Third parties\n\nRender — application hosting.', ['render:listed']],
    ['## Third parties\n\nEmail: Resend — transactional email.', ['resend:listed']],
    ['## Third parties\n\nResend sends our receipts.', ['resend:listed']],
    ["## Third parties\n\nRender's servers are in Frankfurt.", ['render:listed']],
    ['## Third parties\n\nRender, Segment and Stripe process data for us.', ['render:listed', 'segment:listed', 'stripe:listed']],
    ['## Third parties\n\n- Render\n- Heap', ['heap:listed', 'render:listed']],
    ['## Third parties\n\n| Service | Purpose |\n|---|---|\n| Front | Support inbox |', ['front:listed']],
    ['We send receipts through Resend.', ['resend:listed']],
    ['## Third parties\n\n- Hosting: Render.\n- Email: Resend (EU region)\n- Analytics: Heap and Segment', ['heap:listed', 'render:listed', 'resend:listed', 'segment:listed']],
  ])('must match: %j', (md, expected) => {
    expect(strengthsOf(md, 'p.md')).toEqual(expected)
  })
})

describe('sections that list vendors', () => {
  it.each<[string, string]>([
    ['## Sharing receipts', 'posthog:mentioned'],
    ['## Share links', 'posthog:mentioned'],
    ['## Sharing your information', 'posthog:listed'],
    ['## How we share your data', 'posthog:listed'],
    ['## Who we share it with', 'posthog:listed'],
    ['## Data sharing', 'posthog:listed'],
    ['## Sharing with third parties', 'posthog:listed'],
    ['## Sharing and disclosure', 'posthog:listed'],
    ['## Recipients of personal data', 'posthog:listed'],
  ])('%s', (heading, expected) => {
    expect(strengthsOf(`${heading}\n\nWe mention PostHog here.`, 'p.md')).toEqual([expected])
  })
})

describe('claim shape', () => {
  it('quotes the sentence with collapsed whitespace and its lines', () => {
    const text = 'Intro line.\n\nWe  use\n   Stripe for\tpayments.'
    expect(claims(text, 'p.md')).toEqual([
      {
        kind: 'vendor',
        subject: 'stripe',
        vendor: 'stripe',
        polarity: 'affirm',
        strength: 'listed',
        section: [],
        quote: 'We use Stripe for payments.',
        line: 3,
        endLine: 4,
        data: { alias: 'Stripe' },
      },
    ])
  })

  it('emits one claim per vendor and sentence', () => {
    const out = claims('Amazon Web Services (AWS) hosts us, and AWS stores backups.')
    expect(out.filter((c) => c.subject === 'aws')).toHaveLength(1)
  })
})

describe('vendor categories', () => {
  it.each<[string, string[]]>([
    ['We use analytics providers to understand usage.', ['analytics:affirm']],
    ['Backups are kept by our cloud hosting provider.', ['cloud:affirm', 'hosting:affirm']],
    ['Payments go through payment processors.', ['payments:affirm']],
    ['Receipts are sent by an email delivery service.', ['email:affirm']],
    ['We use error monitoring tools.', ['monitoring:affirm']],
    ['Prompts are sent to AI/LLM providers.', ['llm:affirm']],
    ['We rely on customer support tools.', ['support:affirm']],
    ['We share data with advertising partners.', ['ads:affirm']],
    ['We do not work with advertising partners.', ['ads:deny']],
    ['No advertising trackers, no third-party analytics cookies.', ['ads:deny']],
    ['We do not use Google Analytics or any advertising pixels, and we never sell your data.', ['ads:deny']],
    ['We never load advertising or retargeting pixels.', ['ads:deny']],
    ['Files live with cloud storage providers.', ['storage:affirm']],
    ['Prompts are sent to the inference provider (e.g., AWS Bedrock).', ['llm:affirm']],
    ['Credentials go through our identity provider, Clerk.', ['auth:affirm']],
    ['We use analytics and error tracking services.', ['analytics:affirm', 'monitoring:affirm']],
    ['We collect analytics data.', []],
    ['Browser extensions can block analytics scripts.', []],
    ['isol8 operates an AI agent hosting platform.', []],
    ['Our third-party service providers may store data.', []],
    ['Respond to support requests through our support portal.', []],
    ['We do not run ads.', []],
  ])('%s', (text, expected) => {
    expect(categories(text)).toEqual(expected)
  })

  it('reads a heading that names a kind', () => {
    expect(claims('### LLM Providers (via your API keys)\n', 'p.md')).toMatchObject([{ kind: 'vendor-category', subject: 'llm', line: 1 }])
  })
})

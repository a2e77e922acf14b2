// The six policies QA wrote for repos the tool had never seen: each regression is pinned on the
// real file, with the claims a correct parser must produce and the ones it must not.
import { describe, expect, it } from 'vitest'
import { Catalog, normalizeVendor, type VendorInput } from '../../src/catalog/index.js'
import { parsePolicy } from '../../src/policy/index.js'
import type { Claim } from '../../src/types/index.js'
import { EXTRA_VENDORS, fixture, SEED_VENDORS, v } from './helpers.js'

const QA_VENDORS: VendorInput[] = [
  v('supabase', ['Supabase', 'Supabase, Inc.'], 'database'),
  v('lemon-squeezy', ['Lemon Squeezy', 'LemonSqueezy'], 'payments'),
  v('resend', ['Resend', 'Resend, Inc.'], 'email'),
  v('auth0', ['Auth0', 'Auth0, Inc.'], 'auth', { parent: 'okta' }),
  v('okta', ['Okta', 'Okta, Inc.'], 'auth'),
  v('google-cloud', ['Google Cloud', 'GCP'], 'cloud', { parent: 'google' }),
  v('algolia', ['Algolia', 'Algolia SAS'], 'search'),
  v('cloudinary', ['Cloudinary', 'Cloudinary Ltd.'], 'storage'),
  v('netlify', ['Netlify'], 'hosting'),
  v('cloudflare-r2', ['Cloudflare R2'], 'storage'),
  v('hubspot', ['HubSpot'], 'support'),
  v('twilio', ['Twilio', 'Twilio Inc.'], 'messaging'),
  v('sendgrid', ['SendGrid', 'Twilio SendGrid'], 'email', { parent: 'twilio' }),
  v('aws-s3', ['Amazon S3', 'AWS S3'], 'storage', { parent: 'aws' }),
  v('mailchimp', ['Mailchimp'], 'email'),
  v('google-maps', ['Google Maps'], 'maps', { parent: 'google' }),
  v('render', ['Render', 'Render Services, Inc.'], 'hosting'),
]
const replaced = new Set(QA_VENDORS.map((x) => x.id))
const catalog = new Catalog([...SEED_VENDORS, ...EXTRA_VENDORS.filter((x) => !replaced.has(x.id)), ...QA_VENDORS].map(normalizeVendor))

function parse(name: string) {
  return parsePolicy({ path: name, text: fixture(name), source: 'discovered' }, catalog)
}
const row = (c: Claim) => `${c.line} ${c.subject} ${c.polarity}${c.strength ? ` ${c.strength}` : ''}`
/** Vendor and vendor-category claims as "line subject polarity strength". */
const vendorRows = (name: string) => parse(name).claims.filter((c) => c.kind === 'vendor' || c.kind === 'vendor-category').map(row)

describe('sveltekit-potluck: a .svelte page with a <dl> of providers', () => {
  it('reads the markup, not the <script>, <svelte:head>, <style> or {expressions}', () => {
    const texts = parse('qa-potluck-page.svelte').sentences.map((s) => s.text).join('\n')
    expect(texts).not.toMatch(/lastUpdated|const |<|svelte:head|font-weight|\{/)
    expect(texts).toContain('Last updated')
  })

  it('joins each <dt> with its <dd> so the provider is listed', () => {
    expect(vendorRows('qa-potluck-page.svelte')).toEqual([
      '37 supabase affirm listed',
      '38 supabase affirm mentioned',
      '39 vercel affirm listed',
      '41 lemon-squeezy affirm listed',
      '43 lemon-squeezy affirm listed',
      '46 plausible affirm listed',
      '52 supabase affirm mentioned',
      '58 lemon-squeezy affirm mentioned',
    ])
    expect(parse('qa-potluck-page.svelte').sentences.find((s) => s.line === 39)?.text).toBe('Vercel — Hosts the website and runs our server code, also in Frankfurt.')
  })
})

describe('nuxt-tandem: a .vue page that names no vendor', () => {
  it('reads the <template>, not <script setup>', () => {
    const { sentences } = parse('qa-tandem-privacy.vue')
    expect(sentences[0]).toMatchObject({ text: 'Privacy policy', line: 8, heading: true })
    expect(sentences.map((s) => s.text).join('\n')).not.toMatch(/definePageMeta|useHead|<h2>/)
  })

  it('discloses by kind and denies Google Analytics and advertising pixels', () => {
    expect(vendorRows('qa-tandem-privacy.vue')).toEqual([
      '22 cloud affirm',
      '22 hosting affirm',
      '23 email affirm',
      '24 payments affirm',
      '30 google-analytics deny listed',
      '30 ads deny',
    ])
    const ads = parse('qa-tandem-privacy.vue').claims.find((c) => c.subject === 'ads')!
    expect(ads).toMatchObject({ kind: 'vendor-category', section: ['Privacy policy', 'Analytics and advertising'], data: { phrase: 'advertising pixels' } })
  })
})

describe('pnpm-quarry: an MDX subprocessor table with a Location column', () => {
  it('lists the Vendor column and only mentions the hosts named in the Location column', () => {
    expect(vendorRows('qa-quarry-privacy.mdx')).toEqual([
      '47 auth0 affirm listed',
      '47 aws affirm mentioned',
      '47 okta affirm listed',
      '48 vercel affirm listed',
      '49 google-cloud affirm mentioned',
      '49 sentry affirm listed',
      '50 algolia affirm listed',
      '51 cloudinary affirm listed',
      '52 openai affirm listed',
      '53 mixpanel affirm listed',
      '55 openai affirm listed',
    ])
  })

  it('keeps front matter, ESM and the <Callout> tags out of the text', () => {
    const texts = parse('qa-quarry-privacy.mdx').sentences.map((s) => s.text).join('\n')
    expect(texts).not.toMatch(/import \{|export const|metadata|lastReviewed|Callout|robots/)
  })
})

describe('remix-kiln: processors in a const array rendered with .map', () => {
  it('reads one item per array element, on the element’s line', () => {
    const items = parse('qa-kiln-privacy.tsx').sentences.filter((s) => s.line >= 8 && s.line <= 12)
    expect(items.map((s) => [s.line, s.text, s.item])).toEqual([
      [8, 'Clerk — sign-in and account management — USA', true],
      [9, 'Stripe — card payments through Stripe Checkout — USA and Ireland', true],
      [10, 'Netlify — hosting this website — USA', true],
      [11, 'Cloudflare R2 — storing the class photos you upload — EU jurisdiction', true],
      [12, 'HubSpot — the chat bubble and our support inbox — EU (Frankfurt)', true],
    ])
  })

  it('lists every processor of the array', () => {
    expect(vendorRows('qa-kiln-privacy.tsx')).toEqual([
      '8 clerk affirm listed',
      '9 stripe affirm listed',
      '10 netlify affirm listed',
      '11 cloudflare-r2 affirm listed',
      '12 hubspot affirm listed',
      '36 stripe affirm listed',
    ])
  })
})

describe('lookalikes-ledger: English words that are vendor names', () => {
  it('claims only the true denial of Sentry', () => {
    // not "Render times…" (section "Third parties"), "Sharing receipts: Resend any receipt…",
    // "Customer Segment Reports" or "the Clerk role"
    expect(vendorRows('qa-ledger-privacy-notice.md')).toEqual(['25 sentry deny listed', '25 analytics deny'])
  })
})

describe('express-dropspot: an HTML processors table and two sentences that deny less than they seem', () => {
  it('lists the Provider column; a possessive and a neither…nor subject are not denials', () => {
    expect(vendorRows('qa-dropspot-privacy.html')).toEqual([
      '40 twilio affirm listed',
      '41 sendgrid affirm listed',
      '42 aws-s3 affirm listed',
      '43 render affirm listed',
      '44 mailchimp affirm listed',
      // "We do not use SendGrid's open or click tracking."
      '47 sendgrid affirm mentioned',
      // "Neither Dropspot nor Twilio will use your number for marketing."
      '47 twilio affirm listed',
      '52 google affirm mentioned',
      '52 google-maps affirm mentioned',
      '53 google affirm mentioned',
    ])
  })
})

describe.each([
  'qa-potluck-page.svelte',
  'qa-tandem-privacy.vue',
  'qa-quarry-privacy.mdx',
  'qa-kiln-privacy.tsx',
  'qa-ledger-privacy-notice.md',
  'qa-dropspot-privacy.html',
])('%s', (name) => {
  it('points every claim at the source lines of its quote', () => {
    const lines = fixture(name).split('\n')
    const words = (s: string) => s.replace(/&apos;|&quot;|&#39;/g, "'").match(/[\p{L}\p{N}]+/gu) ?? []
    const { claims } = parse(name)
    expect(claims.length).toBeGreaterThan(0)
    for (const c of claims) {
      const quote = words(c.quote)
      expect(words(lines[c.line - 1]), `line ${c.line}: ${c.quote}`).toContain(quote[0])
      expect(words(lines[c.endLine - 1]), `endLine ${c.endLine}: ${c.quote}`).toContain(quote[quote.length - 1])
    }
  })
})

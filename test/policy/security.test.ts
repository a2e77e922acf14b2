// Security, region and data-practice claims: the sentences that make one, and the look-alikes that must not.
import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../src/policy/index.js'
import { parseRegionClaims } from '../../src/policy/regions.js'
import { parseDataPracticeClaims, parseSecurityClaims } from '../../src/policy/security.js'
import type { Claim } from '../../src/types/index.js'
import { seedCatalog } from './helpers.js'

const catalog = seedCatalog()
const parse = (text: string, extractor: (s: never, c: never) => Claim[]) =>
  parsePolicy({ path: 'policy.txt', text, source: 'discovered' }, catalog, [extractor as never]).claims
const security = (text: string) => parse(text, parseSecurityClaims as never)
const regions = (text: string) => parse(text, parseRegionClaims as never)
const practices = (text: string) => parse(text, parseDataPracticeClaims as never)
/** A claim's data, whatever its kind: what a row shows of it. */
const fields = (c: Claim): Record<string, unknown> => ({ ...c.data })
const short = (c: Claim) => `${c.subject} ${c.polarity}${fields(c).algorithm ? ` ${fields(c).algorithm}` : ''}${fields(c).vendor ? ` ${fields(c).vendor}` : ''}`

describe('security claims', () => {
  it.each([
    ['API keys are encrypted at rest using AES-256-GCM.', ['encryption-at-rest affirm AES-256-GCM']],
    ['Backups are encrypted with 256-bit AES.', ['encryption-at-rest affirm AES-256']],
    ['Stored tokens are encrypted using AES 128 GCM.', ['encryption-at-rest affirm AES-128-GCM']],
    ['Messages are encrypted with XChaCha20-Poly1305 before storage.', ['encryption-at-rest affirm XChaCha20-Poly1305']],
    ['GitHub access tokens are short-lived and encrypted.', ['encryption-at-rest affirm']],
    ['All stored data is encrypted at rest using AWS KMS-managed encryption keys.', ['encryption-at-rest affirm aws-kms']],
    ['Encryption keys are managed in AWS KMS.', ['key-management affirm aws-kms']],
    ['Sensitive credentials and API keys are stored using AWS Secrets Manager with envelope encryption.', ['secrets-store affirm aws-secrets-manager']],
    ['All data is transmitted over HTTPS.', ['transport affirm']],
    ['Traffic is encrypted in transit.', ['transport affirm']],
    ['Data between your browser and our servers is encrypted using TLS 1.2 or later.', ['transport affirm']],
    ['Data is encrypted in transit (TLS) and at rest (AES-256).', ['encryption-at-rest affirm AES-256', 'transport affirm']],
    ['Webhook payloads can be verified using HMAC-SHA256 signatures.', ['signature affirm HMAC-SHA256']],
    ['Every webhook request is signed so you can verify it came from us.', ['signature affirm']],
    ['Release artifacts are signed with Ed25519.', ['signature affirm Ed25519']],
    ['We do not encrypt public profile data.', ['encryption-at-rest deny']],
  ])('%s', (text, want) => {
    expect(security(text).map(short).sort()).toEqual(want)
  })

  it.each([
    'Never logged or exposed in plaintext.',
    'Only decrypted when executing agent runs.',
    'Sign up with your email address to create an account.',
    'You can sign in with GitHub.',
    'Visit https://status.example.com for uptime.',
    'We use AWS for hosting.',
    'Amazon Web Services (AWS) — Cloud infrastructure, container orchestration, file storage, and secrets management.',
  ])('no security claim: %s', (text) => {
    expect(security(text)).toEqual([])
  })

  it('records what is encrypted, from the sentence or the list it sits in', () => {
    expect(security('API keys are encrypted at rest using AES-256-GCM.')[0].data).toMatchObject({ subject: 'API keys' })
    expect(security('Temporary access tokens (encrypted, short-lived) to interact with your repositories')[0].data).toMatchObject({ subject: 'Temporary access tokens' })
    expect(security('Encryption at rest: All stored data, including database contents, is encrypted at rest.')[0].data).toMatchObject({ subject: 'All stored data' })
  })

  it('keeps the source line and quote', () => {
    const [c] = security('# Security\n\nWe care.\nAll data is transmitted over HTTPS.\n')
    expect(c).toMatchObject({ kind: 'security', subject: 'transport', line: 4, quote: 'All data is transmitted over HTTPS.', data: { protocol: 'https' } })
  })
})

describe('region claims', () => {
  const row = (c: Claim) => `${c.subject} ${c.polarity} ${fields(c).limiting ? 'limiting' : 'open'}`
  it.each([
    ['Data may be processed in the EU and the United States with appropriate safeguards in place.', ['eu,us affirm limiting']],
    ['All customer data is stored in Frankfurt.', ['frankfurt affirm limiting']],
    ['We host our services only in the European Economic Area.', ['eea affirm limiting']],
    ['Your data never leaves the European Union.', ['eu affirm limiting']],
    ['We do not transfer personal data outside the EU.', ['eu affirm limiting']],
    ['Our servers are located in Germany and Ireland.', ['de,ie affirm limiting']],
    ['Data is hosted in the U.S. by our cloud provider.', ['us affirm limiting']],
    ['We do not store data in the United States.', ['us deny limiting']],
    // not limiting: an example, not a bound
    ['Your data may be processed in countries other than your own, including the United States.', ['us affirm open']],
    ['We may transfer your data to the United States.', ['us affirm open']],
    ['Data may be stored in various locations, such as the US and Japan.', ['us,jp affirm open']],
  ])('%s', (text, want) => {
    expect(regions(text).map(row)).toEqual(want)
  })

  it.each([
    'Under the GDPR (and similar laws elsewhere) you can request access to your data.',
    'Contact us if you have questions about how we process your data.',
    'VM metadata: names, regions, sizes, status and lifecycle events.',
    'CONTACT US',
    'Our team is based in Europe.',
    // people and the company are located somewhere too
    'If you are located in the European Economic Area, you have additional rights.',
    'Users who reside in the EU may contact our representative.',
    'We are located in the United States.',
  ])('no region claim: %s', (text) => {
    expect(regions(text)).toEqual([])
  })

  it('keeps the data place when the sentence also places the reader', () => {
    expect(regions('If you reside in the EU, your data is processed in Ireland.').map(row)).toEqual(['ie affirm limiting'])
  })

  it('names the places for people reading the report', () => {
    expect(regions('Data may be processed in the EU and the United States.')[0].data).toMatchObject({ regions: ['eu', 'us'], places: ['the EU', 'the United States'] })
  })
})

describe('data-practice claims', () => {
  const row = (c: Claim) => `${c.subject} ${c.polarity}${fields(c).period ? ` ${fields(c).period}` : ''}`
  it.each([
    ['Account deletion: personal data removed within 30 days, except records we must keep for tax and accounting law.', ['retention affirm 30 days']],
    ['Operational logs: kept for roughly 30 days.', ['retention affirm 30 days']],
    ['Billing records may be retained for up to 7 years as required for tax compliance.', ['retention affirm 7 years']],
    ['Account data: Retained until you delete your account', ['retention affirm until you delete your account']],
    ['Your conversations are not used to train, fine-tune, or improve any AI or machine learning models.', ['model-training deny']],
    ['These providers process requests under their enterprise terms, which prohibit using your data for model training.', ['model-training deny']],
    ['We may use your prompts to train our models.', ['model-training affirm']],
    ['We do not sell your personal information to any third party.', ['sale-of-data deny']],
    ['We do not participate in ad networks or sell tracking data.', ['sale-of-data deny']],
  ])('%s', (text, want) => {
    expect(practices(text).map(row)).toEqual(want)
  })

  it.each([
    'We will respond to your request within 30 days.',
    'Deletion: Request deletion of your personal data and account, subject to legal retention requirements.',
    'We train our support staff on privacy.',
  ])('no data-practice claim: %s', (text) => {
    expect(practices(text)).toEqual([])
  })
})

describe('robustness', () => {
  it('stays fast on a huge sentence full of place names and cue words', () => {
    const text = `${'Data is stored in the EU, processed in Frankfurt, encrypted with AES-256 and sent over HTTPS; '.repeat(20_000)}done.`
    const start = performance.now()
    const claims = parsePolicy({ path: 'p.txt', text, source: 'discovered' }, catalog).claims
    expect(performance.now() - start).toBeLessThan(5000)
    expect(claims.length).toBeGreaterThan(0)
  })
})

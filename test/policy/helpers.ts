// A small, fixed catalog for the policy tests: they must not move when data/vendors changes.
import { readFileSync } from 'node:fs'
import { Catalog, normalizeVendor, type VendorInput } from '../../src/catalog/index.js'
import type { PolicyBlock } from '../../src/policy/extract.js'
import type { VendorCategory } from '../../src/types/index.js'

export function v(id: string, aliases: string[], category: VendorCategory, extra: Partial<VendorInput> = {}): VendorInput {
  return { id, name: aliases[0] ?? id, aliases, category, purpose: category, privacyUrl: '', ...extra }
}

/** The vendors the three seed policies need (the golden tests use exactly these). */
export const SEED_VENDORS: VendorInput[] = [
  v('clerk', ['Clerk', 'Clerk Inc.'], 'auth', { lookalikes: ['Clerk.io'] }),
  v('convex', ['Convex'], 'database'),
  v('github', ['GitHub'], 'source-control'),
  v('e2b', ['E2B'], 'sandbox'),
  v('posthog', ['PostHog'], 'analytics'),
  v('stripe', ['Stripe'], 'payments'),
  v('anthropic', ['Anthropic'], 'llm'),
  v('openai', ['OpenAI'], 'llm'),
  v('google', ['Google', 'Google LLC'], 'cloud'),
  v('google-gemini', ['Gemini', 'Google Gemini'], 'llm', { parent: 'google' }),
  v('workos', ['WorkOS'], 'auth'),
  v('fly-io', ['Fly.io', 'Fly.io Inc.', 'Fly Machines'], 'hosting', { lookalikes: ['AppsFlyer', 'Flywheel'] }),
  v('vercel', ['Vercel'], 'hosting'),
  v('neon', ['Neon'], 'database'),
  v('aws', ['Amazon Web Services', 'AWS'], 'cloud'),
  v('aws-bedrock', ['AWS Bedrock', 'Amazon Bedrock'], 'llm', { parent: 'aws', lookalikes: ['Bedrock Learning'] }),
  v('aws-ecs', ['AWS ECS', 'ECS Fargate', 'AWS Fargate'], 'hosting', { parent: 'aws' }),
  v('aws-efs', ['EFS', 'Amazon EFS', 'AWS EFS'], 'storage', { parent: 'aws' }),
  v('aws-kms', ['AWS KMS'], 'other', { parent: 'aws' }),
  v('aws-secrets-manager', ['AWS Secrets Manager'], 'other', { parent: 'aws' }),
]

/** Extra vendors for the must-match / must-not-match tables. */
export const EXTRA_VENDORS: VendorInput[] = [
  v('render', ['Render'], 'hosting'),
  v('segment', ['Segment', 'Twilio Segment'], 'analytics'),
  v('linear', ['Linear'], 'other'),
  v('appsflyer', ['AppsFlyer'], 'analytics'),
  v('google-analytics', ['Google Analytics', 'GA4'], 'analytics', { parent: 'google' }),
  v('mixpanel', ['Mixpanel'], 'analytics'),
  v('intercom', ['Intercom'], 'support'),
  v('meta', ['Meta', 'Facebook', 'Meta Pixel'], 'ads'),
  v('hotjar', ['Hotjar'], 'analytics'),
  v('sentry', ['Sentry'], 'monitoring'),
  v('plausible', ['Plausible', 'Plausible Analytics'], 'analytics'),
  v('resend', ['Resend'], 'email'),
  v('heap', ['Heap'], 'analytics'),
  v('front', ['Front'], 'support'),
  v('postmark', ['Postmark'], 'email'),
  v('amplitude', ['Amplitude'], 'analytics'),
  // third-party-web names that are also English words
  v('tpw-turn', ['Turn'], 'ads'),
  v('tpw-monitor', ['Monitor'], 'analytics'),
  v('tpw-run', ['RUN'], 'ads'),
  v('tpw-signal', ['Signal'], 'analytics'),
]

export const seedCatalog = (): Catalog => new Catalog(SEED_VENDORS.map(normalizeVendor))
export const testCatalog = (): Catalog => new Catalog([...SEED_VENDORS, ...EXTRA_VENDORS].map(normalizeVendor))

export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
}

/** Blocks as compact tuples: [kind, text (whitespace collapsed), line, endLine]. */
export function shape(blocks: PolicyBlock[]): Array<[string, string, number, number]> {
  return blocks.map((b) => [b.heading ? `h${b.level}` : b.item ? 'li' : 'p', b.text.replace(/\s+/g, ' '), b.line, b.endLine])
}

/** Table rows as [text, name cell text, other cells' texts]. */
export function cells(blocks: PolicyBlock[]): Array<[string, string, string[]]> {
  return blocks.filter((b) => b.row && !b.row.header).map((b) => {
    const row = b.row!
    const text = (i: number) => b.text.slice(row.cells[i][0], row.cells[i][1]).replace(/\s+/g, ' ').trim()
    const name = row.nameColumn ?? 0
    return [b.text.replace(/\s+/g, ' '), text(name), row.cells.map((_, i) => i).filter((i) => i !== name).map(text)]
  })
}

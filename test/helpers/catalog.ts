// A small catalog for unit tests, so detector and check tests do not move when the real catalog grows.
import { Catalog, normalizeVendor, type VendorInput } from '../../src/catalog/index.js'

const base = { privacyUrl: 'https://example.com/privacy' }

export const TEST_VENDORS: VendorInput[] = [
  { ...base, id: 'posthog', name: 'PostHog', aliases: ['PostHog'], category: 'analytics', purpose: 'product analytics', packages: ['posthog-js', 'posthog-node', '@posthog/*'], excludePackages: ['@posthog/cli'], browserPackages: ['posthog-js'], hosts: ['posthog.com'], env: ['POSTHOG_*'] },
  { ...base, id: 'stripe', name: 'Stripe', legalName: 'Stripe, Inc.', aliases: ['Stripe'], category: 'payments', purpose: 'payment processing', packages: ['stripe', '@stripe/*'], hosts: ['api.stripe.com', 'js.stripe.com'], env: ['STRIPE_*'] },
  { ...base, id: 'sentry', name: 'Sentry', aliases: ['Sentry'], category: 'monitoring', purpose: 'error monitoring', packages: ['@sentry/*'], excludePackages: ['@sentry/cli', '@sentry/webpack-plugin'], hosts: ['sentry.io', 'ingest.sentry.io'], env: ['SENTRY_*'] },
  { ...base, id: 'segment', name: 'Segment', aliases: ['Segment', 'Twilio Segment'], category: 'analytics', purpose: 'customer data platform', packages: ['@segment/*'], hosts: ['api.segment.io', 'cdn.segment.com'], env: ['SEGMENT_*'] },
  { ...base, id: 'intercom', name: 'Intercom', aliases: ['Intercom'], category: 'support', purpose: 'customer support chat', packages: ['@intercom/messenger-js-sdk'], hosts: ['widget.intercom.io', 'api-iam.intercom.io'], env: ['INTERCOM_*'] },
  { ...base, id: 'aws', name: 'Amazon Web Services', aliases: ['Amazon Web Services', 'AWS'], category: 'cloud', purpose: 'cloud infrastructure', packages: ['@aws-sdk/*', 'aws-sdk'], hosts: ['amazonaws.com'], env: ['AWS_*'], configPatterns: ['aws-actions/configure-aws-credentials'] },
  { ...base, id: 'aws-bedrock', parent: 'aws', name: 'Amazon Bedrock', aliases: ['AWS Bedrock', 'Amazon Bedrock'], category: 'llm', purpose: 'LLM inference', packages: ['@aws-sdk/client-bedrock-runtime'], hosts: ['bedrock-runtime.*.amazonaws.com'], env: ['BEDROCK_*'] },
  { ...base, id: 'aws-s3', parent: 'aws', name: 'Amazon S3', aliases: ['Amazon S3', 'AWS S3'], category: 'storage', purpose: 'object storage', packages: ['@aws-sdk/client-s3'], hosts: ['s3.amazonaws.com', 's3.*.amazonaws.com'] },
  { ...base, id: 'fly-io', name: 'Fly.io', aliases: ['Fly.io'], category: 'hosting', purpose: 'application hosting', hosts: ['machines.dev', 'fly.dev'], env: ['FLY_API_TOKEN'], configFiles: ['fly.toml'], configPatterns: ['superfly/flyctl-actions'] },
  { ...base, id: 'vercel', name: 'Vercel', aliases: ['Vercel'], category: 'hosting', purpose: 'web hosting', packages: ['@vercel/analytics'], configFiles: ['vercel.json'], env: ['VERCEL_*'] },
  { ...base, id: 'upstash', name: 'Upstash', aliases: ['Upstash'], category: 'database', purpose: 'serverless Redis', packages: ['@upstash/*'], hosts: ['upstash.io'], env: ['UPSTASH_*'] },
  { ...base, id: 'neon', name: 'Neon', aliases: ['Neon'], category: 'database', purpose: 'serverless Postgres', packages: ['@neondatabase/*'], hosts: ['neon.tech'], env: ['NEON_*'] },
  { ...base, id: 'datadog', name: 'Datadog', aliases: ['Datadog'], category: 'monitoring', purpose: 'monitoring', packages: ['dd-trace'], hosts: ['datadoghq.com'], env: ['DD_API_KEY', 'DATADOG_*'] },
]

export function testCatalog(extra: VendorInput[] = []): Catalog {
  return new Catalog([...TEST_VENDORS, ...extra].map(normalizeVendor))
}

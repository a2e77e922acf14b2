// A small catalog for unit tests, so detector and check tests do not move when the real catalog grows.
import { Catalog, normalizeVendor, parseVendorSources, readVendorSources, type VendorInput } from '../../src/catalog/index.js'

const base = { privacyUrl: 'https://example.com/privacy' }

export const TEST_VENDORS: VendorInput[] = [
  { ...base, id: 'posthog', name: 'PostHog', aliases: ['PostHog'], category: 'analytics', purpose: 'product analytics', packages: ['posthog-js', 'posthog-node', '@posthog/*'], excludePackages: ['@posthog/cli'], browserPackages: ['posthog-js'], hosts: ['posthog.com'], env: ['POSTHOG_*'], cookies: [{ name: 'ph_', prefix: true, party: 'first', purpose: 'analytics', retention: '1 year' }], cookieless: [{ option: 'persistence', values: ['memory', 'localStorage', 'sessionStorage'] }],
    sends: [{ packages: ['posthog-js', 'posthog-node'], calls: ['identify', 'capture', 'setPersonProperties', 'register', 'group'], globals: ['posthog'] }] },
  { ...base, id: 'stripe', name: 'Stripe', legalName: 'Stripe, Inc.', aliases: ['Stripe'], category: 'payments', purpose: 'payment processing', packages: ['stripe', '@stripe/*'], browserPackages: ['@stripe/stripe-js'], hosts: ['api.stripe.com', 'js.stripe.com'], env: ['STRIPE_*'], cookies: [{ name: '__stripe_mid', party: 'first', purpose: 'strictly-necessary', retention: '1 year' }, { name: '__stripe_sid', party: 'first', purpose: 'strictly-necessary', retention: '30 minutes' }] },
  { ...base, id: 'sentry', name: 'Sentry', aliases: ['Sentry'], category: 'monitoring', purpose: 'error monitoring', packages: ['@sentry/*'], excludePackages: ['@sentry/cli', '@sentry/webpack-plugin'], hosts: ['sentry.io', 'ingest.sentry.io'], env: ['SENTRY_*'],
    sinks: [{ kind: 'error-reporter', packages: ['@sentry/*'], methods: ['captureMessage', 'captureException', 'captureEvent', 'setExtra', 'setExtras', 'setContext', 'addBreadcrumb', 'setTag', 'setTags', 'setUser'], globals: ['Sentry', 'scope'], scopes: ['getCurrentScope', 'getIsolationScope', 'getGlobalScope'] }] },
  { ...base, id: 'segment', name: 'Segment', aliases: ['Segment', 'Twilio Segment'], category: 'analytics', purpose: 'customer data platform', packages: ['@segment/*'], browserPackages: ['@segment/analytics-next'], hosts: ['api.segment.io', 'cdn.segment.com'], env: ['SEGMENT_*'], cookies: [{ name: 'ajs_anonymous_id', party: 'first', purpose: 'analytics', retention: '1 year' }, { name: 'ajs_user_id', party: 'first', purpose: 'analytics', retention: '1 year' }] },
  { ...base, id: 'intercom', name: 'Intercom', aliases: ['Intercom'], category: 'support', purpose: 'customer support chat', packages: ['@intercom/messenger-js-sdk'], hosts: ['widget.intercom.io', 'api-iam.intercom.io'], env: ['INTERCOM_*'],
    sends: [{ packages: ['@intercom/*'], calls: ['Intercom', 'boot', 'update'], globals: ['Intercom'] }] },
  // vendors whose calls carry a data category by nature: an email's recipient, an LLM call's messages
  { ...base, id: 'resend', name: 'Resend', aliases: ['Resend'], category: 'email', purpose: 'transactional email', packages: ['resend'], hosts: ['api.resend.com'],
    sends: [{ packages: ['resend'], calls: ['emails.send'], natures: [{ call: 'emails.send', argument: 0, property: 'to', category: 'user.contact.email' }] }] },
  { ...base, id: 'openai', name: 'OpenAI', aliases: ['OpenAI'], category: 'llm', purpose: 'LLM inference', packages: ['openai'], hosts: ['api.openai.com'],
    sends: [{ packages: ['openai'], calls: ['chat.completions.create'], natures: [{ call: 'chat.completions.create', argument: 0, property: 'messages', category: 'user.content' }] }] },
  { ...base, id: 'aws', name: 'Amazon Web Services', aliases: ['Amazon Web Services', 'AWS'], category: 'cloud', purpose: 'cloud infrastructure', packages: ['@aws-sdk/*', 'aws-sdk'], hosts: ['amazonaws.com'], env: ['AWS_*'], configPatterns: ['aws-actions/configure-aws-credentials'] },
  { ...base, id: 'aws-bedrock', parent: 'aws', name: 'Amazon Bedrock', aliases: ['AWS Bedrock', 'Amazon Bedrock'], category: 'llm', purpose: 'LLM inference', packages: ['@aws-sdk/client-bedrock-runtime'], hosts: ['bedrock-runtime.*.amazonaws.com'], env: ['BEDROCK_*'] },
  { ...base, id: 'aws-s3', parent: 'aws', name: 'Amazon S3', aliases: ['Amazon S3', 'AWS S3'], category: 'storage', purpose: 'object storage', packages: ['@aws-sdk/client-s3'], hosts: ['s3.amazonaws.com', 's3.*.amazonaws.com'] },
  { ...base, id: 'fly-io', name: 'Fly.io', aliases: ['Fly.io'], category: 'hosting', purpose: 'application hosting', hosts: ['machines.dev', 'fly.dev'], env: ['FLY_API_TOKEN'], configFiles: ['fly.toml'], configPatterns: ['superfly/flyctl-actions'] },
  { ...base, id: 'vercel', name: 'Vercel', aliases: ['Vercel'], category: 'hosting', purpose: 'web hosting', packages: ['@vercel/analytics'], configFiles: ['vercel.json'], env: ['VERCEL_*'] },
  { ...base, id: 'upstash', name: 'Upstash', aliases: ['Upstash'], category: 'database', purpose: 'serverless Redis', packages: ['@upstash/*'], hosts: ['upstash.io'], env: ['UPSTASH_*'] },
  { ...base, id: 'neon', name: 'Neon', aliases: ['Neon'], category: 'database', purpose: 'serverless Postgres', packages: ['@neondatabase/*'], hosts: ['neon.tech'], env: ['NEON_*'] },
  // key management and secrets storage, for the security-claim checks
  { ...base, id: 'aws-kms', parent: 'aws', name: 'AWS KMS', aliases: ['AWS KMS'], category: 'cloud', purpose: 'encryption key management', packages: ['@aws-sdk/client-kms', '@aws-crypto/client-node'], hosts: ['kms.*.amazonaws.com'] },
  { ...base, id: 'aws-secrets-manager', parent: 'aws', name: 'AWS Secrets Manager', aliases: ['AWS Secrets Manager'], category: 'cloud', purpose: 'secrets storage', packages: ['@aws-sdk/client-secrets-manager'], hosts: ['secretsmanager.*.amazonaws.com'] },
  { ...base, id: 'cloudflare-r2', name: 'Cloudflare R2', aliases: ['Cloudflare R2'], category: 'storage', purpose: 'object storage', hosts: ['r2.cloudflarestorage.com'], s3Compatible: true },
  { ...base, id: 'meta-pixel', name: 'Meta Pixel', aliases: ['Meta Pixel', 'Facebook Pixel'], category: 'ads', purpose: 'advertising measurement', hosts: ['connect.facebook.net'] },
  { ...base, id: 'datadog', name: 'Datadog', aliases: ['Datadog'], category: 'monitoring', purpose: 'monitoring', packages: ['dd-trace'], hosts: ['datadoghq.com'], env: ['DD_API_KEY', 'DATADOG_*'] },
  // cookie-setting vendors, with the cookie rows the catalog gives them
  { ...base, id: 'clerk', name: 'Clerk', aliases: ['Clerk'], category: 'auth', purpose: 'user authentication', packages: ['@clerk/*'], browserPackages: ['@clerk/nextjs', '@clerk/clerk-js'], hosts: ['clerk.accounts.dev'], env: ['CLERK_*'],
    cookies: [
      { name: '__session', party: 'first', purpose: 'strictly-necessary', retention: '1 minute', packages: ['@clerk/nextjs', '@clerk/clerk-js', '@clerk/express'] },
      { name: '__client_uat', party: 'first', purpose: 'strictly-necessary', retention: '1 year', packages: ['@clerk/nextjs', '@clerk/clerk-js', '@clerk/express'] },
      { name: '__client', party: 'third', purpose: 'strictly-necessary', retention: '1 year' },
    ] },
  { ...base, id: 'workos', name: 'WorkOS', aliases: ['WorkOS'], category: 'auth', purpose: 'authentication', packages: ['@workos-inc/*'], browserPackages: ['@workos-inc/authkit-nextjs'], hosts: ['api.workos.com'], env: ['WORKOS_*'],
    cookies: [{ name: 'wos-session', party: 'first', purpose: 'strictly-necessary', retention: '400 days', packages: ['@workos-inc/authkit-nextjs'] }] },
  { ...base, id: 'meta-pixel', name: 'Meta Pixel', aliases: ['Meta Pixel', 'Facebook Pixel'], category: 'ads', purpose: 'advertising and conversion tracking', packages: ['react-facebook-pixel'], browserPackages: ['react-facebook-pixel'], hosts: ['connect.facebook.net'], globals: [{ name: 'fbq', initArgument: 'init' }],
    cookies: [{ name: '_fbp', party: 'first', purpose: 'advertising', retention: '4 months' }, { name: 'fr', party: 'third', purpose: 'advertising', retention: '90 days' }] },
  { ...base, id: 'google-analytics', name: 'Google Analytics', legalName: 'Google LLC', aliases: ['Google Analytics'], category: 'analytics', purpose: 'web analytics', packages: ['react-ga4'], browserPackages: ['react-ga4'], hosts: ['google-analytics.com'], globals: [{ name: 'gtag', initArgument: 'config' }], cookieless: [{ option: 'client_storage', values: ['none'] }],
    cookies: [{ name: '_ga', party: 'first', purpose: 'analytics', retention: '2 years' }, { name: '_ga_', prefix: true, party: 'first', purpose: 'analytics', retention: '2 years' }] },
  { ...base, id: 'google-tag-manager', name: 'Google Tag Manager', legalName: 'Google LLC', aliases: ['Google Tag Manager'], category: 'analytics', purpose: 'tag management', packages: ['react-gtm-module'], browserPackages: ['react-gtm-module'], hosts: ['googletagmanager.com'], globals: [{ name: 'gtag', initArgument: 'config' }], cookieless: [{ option: 'client_storage', values: ['none'] }],
    cookies: [{ name: '_ga', party: 'first', purpose: 'analytics', retention: '2 years' }, { name: '_ga_', prefix: true, party: 'first', purpose: 'analytics', retention: '2 years' }] },
  { ...base, id: 'mixpanel', name: 'Mixpanel', aliases: ['Mixpanel'], category: 'analytics', purpose: 'product analytics', packages: ['mixpanel', 'mixpanel-browser'], browserPackages: ['mixpanel-browser'], hosts: ['mixpanel.com'],
    cookies: [{ name: 'mp_', prefix: true, party: 'first', purpose: 'analytics', retention: '1 year' }] },
  { ...base, id: 'supabase', name: 'Supabase', aliases: ['Supabase'], category: 'database', purpose: 'Postgres database', packages: ['@supabase/*'], browserPackages: ['@supabase/supabase-js', '@supabase/ssr'], hosts: ['supabase.co'],
    cookies: [{ name: 'sb-', prefix: true, party: 'first', purpose: 'strictly-necessary', retention: '1 week', packages: ['@supabase/ssr'] }] },
]

/** The real catalog's vendors that publish secret formats: a test catalog matches every format, whatever vendors it holds. */
const SECRET_VENDORS = parseVendorSources(readVendorSources().filter((s) => /^secrets:/m.test(s.text))).vendors.map(normalizeVendor)

export function testCatalog(extra: VendorInput[] = []): Catalog {
  return new Catalog([...TEST_VENDORS, ...extra].map(normalizeVendor), SECRET_VENDORS)
}

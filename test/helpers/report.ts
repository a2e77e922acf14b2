// A real report with every kind of content the reporters render: an undeclared vendor, a denied one (with the policy
// sentence), a vague disclosure, a declared-but-unused vendor, confirmed claims, a cookie, personal data sent to a
// vendor (the data map), and text that needs escaping.
import { audit } from '../../src/core/audit.js'
import type { FullReport } from '../../src/types/index.js'
import { makeRepo } from './tmp.js'

export const SAMPLE_POLICY = `# Privacy Policy

## Who processes data for us

We use Stripe (payments) to process your personal data.
We also use Neon as a subprocessor for our database.
We share usage data with our analytics providers.
We do not use Intercom <script>alert(1)</script> or any chat widget.

Contact privacy@example.com with questions.
`

export function sampleRepo(): string {
  return makeRepo({
    'PRIVACY.md': SAMPLE_POLICY,
    'package.json': `${JSON.stringify({ name: 'shop', private: true, dependencies: { stripe: '^14.0.0', 'posthog-js': '^1.0.0', '@segment/analytics-node': '^2.0.0', '@sentry/node': '^8.0.0' } }, null, 2)}\n`,
    'src/billing.ts': "import Stripe from 'stripe'\nexport const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)\n",
    'src/analytics.ts': "import posthog from 'posthog-js'\nimport { Analytics } from '@segment/analytics-node'\nposthog.init('phc_x', { api_host: 'https://eu.i.posthog.com' })\nexport const segment = new Analytics({ writeKey: 'x' })\nexport const identify = (user: { id: string; email: string }) => posthog.identify(user.id, { email: user.email })\n",
    'src/layout.tsx': 'export const Chat = () => <script src="https://widget.intercom.io/widget/abc123" />\n',
  })
}

/** The report of sampleRepo(), with a cookie row when the cookie inventory finds none (the table must render). */
export async function sampleReport(): Promise<FullReport> {
  const { report } = await audit({ root: sampleRepo() })
  if (report.cookies.length) return report
  return {
    ...report,
    cookies: [{ name: 'ph_*', party: 'first', vendor: 'posthog', purpose: 'analytics', persistent: true, lifetime: '1 year', locations: [{ file: 'src/analytics.ts', line: 1 }] }],
  }
}

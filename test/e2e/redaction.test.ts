// The built CLI on a repo full of raw secrets: no output format may print one, whatever check or detector saw it.
import { describe, expect, it } from 'vitest'
import { FORMATS } from '../../src/reporters/index.js'
import type { Report } from '../../src/types/index.js'
import { runCli } from '../helpers/cli.js'
import { fakeSecrets } from '../helpers/fake-secrets.js'
import { makeRepo } from '../helpers/tmp.js'

const f = fakeSecrets(97)
const raw = {
  stripe: f.stripe('live'),
  stripeTest: f.stripe('test'),
  jwt: f.generic(44),
  dbPassword: f.alnum(24),
  github: f.github(),
  slack: f.slack(),
  openai: f.openai(),
  anthropic: f.anthropic(),
  pem: f.pem(),
  npm: f.npm(),
  webhookPath: f.alnum(24),
  httpPassword: f.alnum(18),
}
const pemLines = raw.pem.split('\n').slice(1, -1)

const repo = makeRepo({
  'PRIVACY.md': '# Privacy Policy\n\n## Security\n\nWe use Stripe for payments and Segment for analytics.\nAPI keys and access tokens are never logged.\n',
  'package.json': JSON.stringify({ name: 'leaky', version: '1.0.0', dependencies: { stripe: '^14.0.0', pino: '^9.0.0' } }, null, 2),
  '.env.production': `STRIPE_SECRET_KEY=${raw.stripe}\nJWT_SECRET=${raw.jwt}\nDATABASE_URL=postgres://app:${raw.dbPassword}@db.internal.example:5432/app\n`,
  'config/prod.json': JSON.stringify({ github: { token: raw.github }, slackBotToken: raw.slack, stripeTestKey: raw.stripeTest }, null, 2),
  'keys/deploy.pem': `${raw.pem}\n`,
  '.npmrc': `//registry.npmjs.org/:_authToken=${raw.npm}\n`,
  'docker-compose.yml': `services:\n  api:\n    environment:\n      SLACK_WEBHOOK_URL: https://hooks.slack.com/services/T0ABCDEF1/B0ABCDEF2/${raw.webhookPath}\n`,
  'src/app.ts': [
    "import pino from 'pino'",
    'const logger = pino()',
    `const openai = '${raw.openai}'`,
    `// previous key: ${raw.anthropic}`,
    `const legacy = 'http://svc:${raw.httpPassword}@legacy-crm.example.com/api'`,
    "export function handler(apiKey: string, req: { headers: Record<string, string> }) {",
    '  console.log(apiKey, openai, legacy)',
    '  logger.info({ auth: req.headers.authorization })',
    "  fetch('https://api.segment.io/v1/track', { method: 'POST' })",
    `  throw new Error(\`bad key \${apiKey}\`)`,
    '}',
    '',
  ].join('\n'),
})

describe('no report format prints a secret', () => {
  it('has formats to check', () => {
    expect(FORMATS).toEqual(expect.arrayContaining(['text', 'json']))
  })

  it('the scan finds the secrets (so the test below means something)', () => {
    const { stdout, stderr } = runCli(['scan', repo, '--format', 'json'])
    expect(stderr).toBe('')
    const report = JSON.parse(stdout) as Report
    const rules = report.findings.map((x) => x.ruleId)
    expect(rules.filter((r) => r === 'hardcoded-secret').length).toBeGreaterThanOrEqual(8)
    expect(rules).toContain('secret-logged')
    expect(stdout).toContain(`sk_live_…${raw.stripe.slice(-4)}`)
  })

  for (const format of FORMATS) {
    it(`--format ${format}`, () => {
      const { stdout, stderr } = runCli(['scan', repo, '--format', format])
      expect(stderr).toBe('')
      expect(stdout.length).toBeGreaterThan(0)
      for (const [name, value] of Object.entries(raw)) {
        if (name === 'pem') continue
        expect(stdout, `${format} prints ${name}`).not.toContain(value)
      }
      for (const line of pemLines) expect(stdout, `${format} prints the private key`).not.toContain(line)
    })
  }
})

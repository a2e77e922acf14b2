// The secret vocabulary, the provider formats and the hardcoded-secret detectors: must-flag and must-not-flag cases.
import { describe, expect, it } from 'vitest'
import { detect } from '../../src/detect/index.js'
import { isSecretHeader, secretEnvCategory, secretNameCategory, splitWords } from '../../src/secrets/names.js'
import { isPlaceholder } from '../../src/secrets/patterns.js'
import type { Evidence, Workspace } from '../../src/types/index.js'
import { testCatalog } from '../helpers/catalog.js'
import { fakeSecrets } from '../helpers/fake-secrets.js'
import { findProviderSecrets } from '../helpers/secrets.js'

describe('secret names', () => {
  it('splits every naming style into words', () => {
    expect(splitWords('apiKeyId')).toEqual(['api', 'key', 'id'])
    expect(splitWords('OPENAI_API_KEY')).toEqual(['openai', 'api', 'key'])
    expect(splitWords('x-api-key')).toEqual(['x', 'api', 'key'])
    expect(splitWords('APIKey')).toEqual(['api', 'key'])
    expect(splitWords('last4')).toEqual(['last4'])
  })

  const secrets: Array<[string, string]> = [
    ['apiKey', 'api-key'], ['api_key', 'api-key'], ['APIKEY', 'api-key'], ['OPENAI_API_KEY', 'api-key'], ['decryptedKey', 'api-key'],
    ['secret', 'secret'], ['clientSecret', 'secret'], ['webhookSecret', 'secret'], ['GITHUB_WEBHOOK_SECRET', 'secret'], ['STRIPE_SECRET_KEY', 'secret'],
    ['token', 'token'], ['accessToken', 'token'], ['refreshToken', 'token'], ['sessionToken', 'token'], ['githubToken', 'token'], ['idToken', 'token'],
    ['password', 'password'], ['passwd', 'password'], ['dbPassword', 'password'], ['passwordConfirmation', 'password'],
    ['privateKey', 'private-key'], ['GITHUB_APP_PRIVATE_KEY', 'private-key'], ['ENCRYPTION_KEY', 'secret'], ['signingKey', 'secret'],
    ['credentials', 'credential'], ['creds', 'credential'], ['DATABASE_URL', 'credential'], ['redisUrl', 'credential'], ['connectionString', 'credential'],
    ['authorization', 'header'], ['AWS_SECRET_ACCESS_KEY', 'secret'], ['SUPABASE_SERVICE_ROLE_KEY', 'api-key'], ['jwt', 'token'],
  ]
  for (const [name, category] of secrets) {
    it(`${name} is a secret (${category})`, () => expect(secretNameCategory(name)).toBe(category))
  }

  const notSecrets = [
    'tokenCount', 'maxTokens', 'max_tokens', 'inputTokens', 'outputTokens', 'totalTokens', 'tokenizer', 'tokenize', 'tokenType', 'tokenExpiresAt',
    'passwordPolicy', 'passwordLength', 'passwordHash', 'hashedPassword', 'showPassword', 'forgotPassword', 'isPasswordValid',
    'secretName', 'secretsManagerArn', 'secretsPrefix', 'secretId', 'apiKeyId', 'apiKeyHint', 'apiKeyLast4', 'keyboard', 'key', 'keys',
    'cacheKey', 'storageKey', 'idempotencyKey', 'publicKey', 'publishableKey', 'anonKey', 'tokenKey', 'TOKEN_STORAGE_KEY', 'nextToken',
    'pageToken', 'cancellationToken', 'csrfToken', 'designTokens', 'encryptedApiKey', 'sealed', 'hasToken', 'AWS_ACCESS_KEY_ID',
    'KMS_KEY_ID', 'LOG_LEVEL', 'secretArn', 'credentialsProvider', 'tokenUrl', 'PWD', 'monkey', 'turkey', 'authorName', 'author',
  ]
  for (const name of notSecrets) {
    it(`${name} is not a secret`, () => expect(secretNameCategory(name)).toBeUndefined())
  }

  it('a key named after a vendor is a secret (stripeKey, OPENAI_KEY)', () => {
    const isVendor = (w: string) => ['stripe', 'openai'].includes(w)
    expect(secretNameCategory('stripeKey', isVendor)).toBe('api-key')
    expect(secretNameCategory('OPENAI_KEY', isVendor)).toBe('api-key')
    expect(secretNameCategory('primaryKey', isVendor)).toBeUndefined()
  })

  it('env vars shipped to the browser are public', () => {
    expect(secretEnvCategory('NEXT_PUBLIC_POSTHOG_KEY')).toBeUndefined()
    expect(secretEnvCategory('VITE_API_KEY')).toBeUndefined()
    expect(secretEnvCategory('STRIPE_PUBLISHABLE_KEY')).toBeUndefined()
    expect(secretEnvCategory('CLERK_SECRET_KEY')).toBe('secret')
  })

  it('credential headers', () => {
    for (const h of ['authorization', 'Authorization', 'cookie', 'x-api-key', 'x-auth-token', 'proxy-authorization']) expect(isSecretHeader(h), h).toBe(true)
    for (const h of ['content-type', 'x-github-event', 'x-hub-signature-256', 'user-agent', 'x-request-id']) expect(isSecretHeader(h), h).toBe(false)
  })
})

describe('provider formats', () => {
  const f = fakeSecrets(11)
  const mustFlag: Array<[string, string, string?]> = [
    ['stripe-secret-key', f.stripe('live'), 'live'],
    ['stripe-secret-key', f.stripe('test'), 'test'],
    ['stripe-secret-key', f.stripe('live', 'r'), 'live'],
    ['stripe-webhook-secret', f.stripeWebhook()],
    ['github-token', f.github()],
    ['github-fine-grained-token', f.githubFineGrained()],
    ['openai-api-key', f.openai()],
    ['anthropic-api-key', f.anthropic()],
    ['slack-token', f.slack()],
    ['google-api-key', f.google()],
    ['npm-token', f.npm()],
    ['sendgrid-api-key', f.sendgrid()],
    ['resend-api-key', f.resend()],
    ['posthog-personal-api-key', f.posthogPersonal()],
    ['url-credentials', f.dbUrl()],
  ]
  for (const [rule, value, mode] of mustFlag) {
    it(`flags ${rule}${mode ? ` (${mode})` : ''}`, () => {
      const found = findProviderSecrets(`KEY=${value}\n`)
      expect(found.map((m) => m.rule.id)).toEqual([rule])
      expect(value.startsWith(found[0].value)).toBe(true)
      if (mode) expect(found[0].mode).toBe(mode)
    })
  }

  it('flags an AWS access key id only with a secret access key beside it', () => {
    const id = f.awsKeyId()
    expect(findProviderSecrets(`aws_access_key_id = ${id}\naws_secret_access_key = ${f.awsSecret()}\n`).map((m) => m.rule.id)).toEqual(['aws-access-key'])
    expect(findProviderSecrets(`aws_access_key_id = ${id}\nregion = eu-west-1\n`)).toEqual([])
    expect(findProviderSecrets('aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toEqual([])
  })

  it('flags a PEM private key with a body, and keeps the body as the secret', () => {
    const pem = f.pem()
    const [m] = findProviderSecrets(`const key = \`${pem}\``)
    expect(m.rule.id).toBe('private-key')
    expect(pem).toContain(m.secret)
    expect(m.secret.length).toBeGreaterThanOrEqual(16)
    // escaped newlines, as in an env var
    expect(findProviderSecrets(`KEY="${pem.replace(/\n/g, '\\n')}"`).map((x) => x.rule.id)).toEqual(['private-key'])
  })

  const mustNotFlag: Array<[string, string]> = [
    ['a placeholder of x', 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    ['a "your key" placeholder', 'sk_live_your_stripe_secret_key_here_123'],
    ['zeros', 'sk_test_000000000000000000000000'],
    ['a publishable key', f.stripe('live', 'p')],
    ['a PostHog project key', f.posthogProject()],
    ['a Sentry DSN', `https://${f.hex(32)}@o4506.ingest.us.sentry.io/4507`],
    ['an env reference', '${OPENAI_API_KEY}'],
    ['a PEM header without a body', '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----'],
    ['a PEM block whose body is not key material (no ASN.1 or OpenSSH magic)', `-----BEGIN PRIVATE KEY-----\n${f.b64(64)}\n${f.b64(64)}\n-----END PRIVATE KEY-----`],
    ['a local database URL', 'postgres://postgres:postgres@localhost:5432/app'],
    ['a database URL built from variables', 'postgres://${DB_USER}:${DB_PASSWORD}@db:5432/app'],
    ['a URL with a port, not a password', 'https://localhost:3000/callback'],
    ['a commit sha', f.hex(40)],
    ['an OpenAI-looking string without the OpenAI marker', `sk-${f.alnum(48)}`],
    ['a truncated key', 'sk_live_51H8'],
  ]
  for (const [name, value] of mustNotFlag) {
    it(`does not flag ${name}`, () => expect(findProviderSecrets(`X=${value}\n`)).toEqual([]))
  }

  it('a page of placeholders does not use up the per-rule cap and hide a real key after it', () => {
    const key = f.stripe('live')
    const text = `${'STRIPE_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxx\n'.repeat(250)}STRIPE_KEY=${key}\n`
    expect(findProviderSecrets(text).map((m) => m.value)).toEqual([key])
  })

  it('placeholders', () => {
    for (const v of ['changeme', '<your-key>', 'your_api_key', 'REPLACE_ME', '${SECRET}', '{{ secrets.X }}', 'aaaaaaaa', '12345678901', 'sk_live_...']) expect(isPlaceholder(v), v).toBe(true)
    expect(isPlaceholder(f.alnum(32))).toBe(false)
  })
})

function workspace(files: Record<string, string>, kinds: Record<string, 'source' | 'config' | 'data'>, nonShipped: string[] = []): Workspace {
  const entry = (p: string) => ({ path: p, size: files[p].length, nonShipped: nonShipped.includes(p) })
  const of = (k: string) => Object.keys(files).filter((p) => kinds[p] === k).map(entry)
  return {
    root: '/repo', sourceFiles: of('source'), configFiles: of('config'), dataFiles: of('data'), manifests: [], workspaceGlobs: [], lockfiles: [],
    policy: null, problems: [], skipped: [], read: (p) => files[p],
  }
}

const secretsOf = (evidence: Evidence[]) => evidence.filter((e) => e.kind === 'secret' && e.detector === 'hardcoded-secrets')
const rows = (evidence: Evidence[]) => evidence.flatMap((e) => {
  if (e.kind !== 'secret' || e.detector !== 'hardcoded-secrets' || e.data.role !== undefined) return []
  const { rule, mode, vendor } = e.data
  return [`${e.location.file}:${e.location.line} ${rule}${mode ? ` ${mode}` : ''}${vendor ? ` ${vendor}` : ''}`]
}).sort()

describe('hardcoded-secrets detector', () => {
  const f = fakeSecrets(23)
  const stripeLive = f.stripe('live')
  const clerkTest = f.stripe('test')
  const jwtSecret = f.generic(48)
  const pem = f.pem()
  const files: Record<string, string> = {
    '.env.production': `# committed by mistake\nSTRIPE_SECRET_KEY=${stripeLive}\nCLERK_SECRET_KEY=${clerkTest}\nNEXT_PUBLIC_POSTHOG_KEY=${f.posthogProject()}\nJWT_SECRET="${jwtSecret}"\nSESSION_SECRET=my-session-secret\nDATABASE_URL=\${DATABASE_URL}\nLOG_LEVEL=info\n`,
    '.env.example': 'STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxx\nOPENAI_API_KEY=<your key>\nJWT_SECRET=changeme\nANTHROPIC_API_KEY=\nGITHUB_TOKEN=${GITHUB_TOKEN}\n' + `SENTRY_DSN=https://${f.hex(32)}@o1.ingest.us.sentry.io/2\n`,
    'docker-compose.yml': `services:\n  api:\n    environment:\n      - DD_API_KEY=\${DD_API_KEY}\n      POSTGRES_PASSWORD: postgres\n      SLACK_BOT_TOKEN: ${f.slack()}\n`,
    'config/production.json': `{\n  "stripe": { "secretKey": "${f.stripe('live')}" },\n  "apiToken": "${f.generic(40)}",\n  "tokenUrl": "https://auth.example.com/token",\n  "maxTokens": 4096\n}\n`,
    'config/app.yaml': `auth:\n  client_secret: ${f.generic(36)}\n  client_id: ${f.generic(20)}\n  secret_name: prod/app/secret\n`,
    'keys/deploy.pem': `${pem}\n`,
    '.npmrc': `//registry.npmjs.org/:_authToken=${f.npm()}\n`,
    'src/config.ts': `export const config = {\n  apiKey: '${f.generic(40)}',\n  apiKeyId: '${f.generic(24)}',\n  tokenizer: 'cl100k_base_tokenizer',\n  publishableKey: '${f.stripe('live', 'p')}',\n}\nconst webhookSecret = process.env.WEBHOOK_SECRET ?? '${f.generic(32)}'\nconst openai = '${f.openai()}'\n// old key: ${f.github()}\n`,
    'src/firebase.ts': `export const firebaseConfig = { apiKey: '${f.google()}', authDomain: 'app.firebaseapp.com' }\n`,
    'test/payments.test.ts': `const key = '${f.stripe('test')}'\nconst live = '${f.stripe('live')}'\nconst apiToken = '${f.generic(40)}'\n`,
  }
  const kinds = {
    '.env.production': 'config', '.env.example': 'config', 'docker-compose.yml': 'config', 'config/production.json': 'data', 'config/app.yaml': 'data',
    'keys/deploy.pem': 'data', '.npmrc': 'data', 'src/config.ts': 'source', 'src/firebase.ts': 'source', 'test/payments.test.ts': 'source',
  } as const
  const result = detect(workspace(files, kinds, ['test/payments.test.ts']), testCatalog())

  it('finds exactly the committed credentials', () => {
    expect(rows(result.evidence)).toEqual([
      '.env.production:2 stripe-secret-key live stripe',
      '.env.production:3 stripe-secret-key test clerk',
      '.env.production:5 generic-secret',
      '.npmrc:1 npm-token',
      'config/app.yaml:2 generic-secret',
      'config/production.json:2 stripe-secret-key live stripe',
      'config/production.json:3 generic-secret',
      'docker-compose.yml:6 slack-token slack',
      'keys/deploy.pem:1 private-key',
      'src/config.ts:2 generic-secret',
      'src/config.ts:7 generic-secret',
      'src/config.ts:8 openai-api-key openai',
      'src/config.ts:9 github-token github',
      'test/payments.test.ts:1 stripe-secret-key test stripe',
      'test/payments.test.ts:2 stripe-secret-key live stripe',
      'test/payments.test.ts:3 generic-secret',
    ])
  })

  it('never puts a raw secret in evidence, and hands every raw secret to the redaction pass', () => {
    const serialized = JSON.stringify(result.evidence)
    for (const raw of [stripeLive, clerkTest, jwtSecret]) {
      expect(serialized).not.toContain(raw)
      expect(result.secrets).toContain(raw)
    }
    expect(serialized).not.toContain(pem.split('\n')[1])
    const stripe = secretsOf(result.evidence).find((e) => e.location.file === '.env.production' && e.location.line === 2)!
    expect(stripe.value).toBe(`sk_live_…${stripeLive.slice(-4)}`)
  })

  it('marks evidence from example files and tests', () => {
    const test = secretsOf(result.evidence).filter((e) => e.location.file.startsWith('test/'))
    expect(test.every((e) => e.nonShipped)).toBe(true)
  })
})

describe('hostile input stays fast', () => {
  const f = fakeSecrets(5)
  const inputs: Array<[string, string]> = [
    ['repeated prefixes', 'sk_live_'.repeat(120_000) + 'ghp_'.repeat(50_000) + 'AKIA'.repeat(50_000)],
    ['one long key-shaped run', `sk_live_${'a'.repeat(500_000)} sk-${'b'.repeat(300_000)}T3BlbkFJ`],
    ['near-URLs with colons', `postgres://${'a:'.repeat(300_000)}@`],
    ['PEM headers without bodies', '-----BEGIN PRIVATE KEY-----\n'.repeat(30_000)],
    ['many AWS ids and secrets', `${f.awsKeyId()} ${f.awsSecret()}\n`.repeat(20_000)],
  ]
  for (const [name, text] of inputs) {
    it(name, () => {
      const start = performance.now()
      findProviderSecrets(text)
      detect(workspace({ '.env': text.slice(0, 1_000_000), 'config.json': text.slice(0, 1_000_000) }, { '.env': 'config', 'config.json': 'data' }), testCatalog())
      expect(performance.now() - start).toBeLessThan(3000)
    })
  }
})

describe('the secret-flow analysis stays linear', () => {
  const code = (name: string, text: string) => detect(workspace({ [name]: text }, { [name]: 'source' }), testCatalog())
  const timed = (fn: () => unknown) => {
    const start = performance.now()
    fn()
    return performance.now() - start
  }
  it('recursive helpers that call themselves with derived arguments', () => {
    const text = ['function walk(node: any, path: string, apiKey: string): void {', '  if (!node) throw new Error(`bad ${path} ${apiKey}`)',
      ...Array.from({ length: 40 }, (_, i) => `  walk(node.c${i}, \`\${path}.c${i}\`, apiKey + '${i}')`), '}',
      ...Array.from({ length: 200 }, (_, i) => `function h${i}(v: string) { ${i === 0 ? 'console.log(v)' : `h${i - 1}(v); h${i - 1}(v + 'x')`} }`), 'h199(process.env.SECRET_KEY!)'].join('\n')
    expect(timed(() => code('a.ts', text))).toBeLessThan(3000)
  })
  it('long chains of assignments and deeply nested objects', () => {
    const chain = ['let v0 = process.env.API_TOKEN', ...Array.from({ length: 3000 }, (_, i) => `let v${i + 1} = v${i} + v${Math.floor(i / 2)}`), 'console.log(v3000)'].join('\n')
    expect(timed(() => code('b.ts', chain))).toBeLessThan(3000)
    const nested = `console.log(${'{ a: '.repeat(400)}process.env.API_TOKEN${' }'.repeat(400)})`
    expect(timed(() => code('c.ts', nested))).toBeLessThan(3000)
  })
  it('thousands of sinks', () => {
    const text = ['const apiKey = process.env.API_KEY', ...Array.from({ length: 5000 }, (_, i) => `console.log({ n${i}: apiKey, i: ${i} })`)].join('\n')
    expect(timed(() => code('d.ts', text))).toBeLessThan(5000)
  })
})

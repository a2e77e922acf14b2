import { hardcodedSecret } from '../../src/checks/hardcoded-secret/index.js'
import type { Evidence, HardcodedSecretData, SecretEvidence } from '../../src/types/index.js'
import { ev, testCheck } from '../helpers/check-tester.js'

/** Evidence as the hardcoded-secrets detector emits it: redacted value, rule, fingerprint. */
function secret(file: string, line: number, { value = 'sk_live_…9f2c', ...data }: Partial<HardcodedSecretData> & { rule: string; value?: string }, extra: Partial<SecretEvidence> = {}): Evidence {
  return ev('secret', value, undefined, file, line, {
    detector: 'hardcoded-secrets',
    reason: data.rule === 'generic-secret' ? 'secret-name-entropy' : 'provider-format',
    data: { fingerprint: `fp-${file}-${line}`, label: 'a Stripe secret key', ...data },
    ...extra,
  })
}

const stripeLive = { rule: 'stripe-secret-key', vendor: 'stripe', mode: 'live', name: 'STRIPE_SECRET_KEY' } as const

testCheck(hardcodedSecret, {
  valid: [
    { name: 'a test-mode key in a test file', evidence: [secret('test/pay.test.ts', 3, { ...stripeLive, mode: 'test' }, { nonShipped: true })] },
    { name: 'a guessed secret (secret-named, random-looking) in a test file', evidence: [secret('test/x.test.ts', 1, { rule: 'generic-secret', label: 'a token', name: 'apiToken' }, { nonShipped: true })] },
    { name: 'a guessed secret in an example file', evidence: [secret('.env.example', 4, { rule: 'generic-secret', label: 'a secret', name: 'JWT_SECRET', example: true })] },
    { name: 'a test-mode key in an example file', evidence: [secret('.env.sample', 2, { ...stripeLive, mode: 'test', example: true })] },
    { name: 'decrypt sites of the secret-flow detector are not committed secrets', evidence: [ev('secret', 'decryptSecret(…)', undefined, 'src/a.ts', 3, { detector: 'secret-flow', data: { role: 'decrypt-site' } })] },
    { name: 'other evidence kinds', evidence: [ev('env', 'STRIPE_SECRET_KEY', 'stripe', '.env', 1)] },
  ],
  invalid: [
    { name: 'a live Stripe key in a committed env file', evidence: [secret('.env.production', 3, stripeLive)], findings: ['error stripe'], locations: [['.env.production:3']], message: /^A live Stripe secret key \(`sk_live_…9f2c`, STRIPE_SECRET_KEY\) is committed in \.env\.production:3; revoke and rotate it/ },
    { name: 'a live key in a test file is still a leak', evidence: [secret('test/pay.test.ts', 3, stripeLive, { nonShipped: true })], findings: ['error stripe'], locations: [['test/pay.test.ts:3']] },
    { name: 'a real-looking live key in an example file is still a leak', evidence: [secret('.env.example', 3, { ...stripeLive, example: true })], findings: ['error stripe'], locations: [['.env.example:3']] },
    { name: 'a test-mode key in shipped config is a warning', evidence: [secret('config/app.json', 2, { ...stripeLive, mode: 'test' })], findings: ['warning stripe'], locations: [['config/app.json:2']], message: /test-mode Stripe secret key .* move it to an untracked env file/ },
    { name: 'a secret-named random value is a warning', evidence: [secret('.env.production', 5, { rule: 'generic-secret', label: 'a secret', name: 'JWT_SECRET', value: '…a1b2' })], findings: ['warning'], locations: [['.env.production:5']], message: /^A secret \(`…a1b2`, JWT_SECRET\) is committed in \.env\.production:5/ },
    { name: 'a PEM private key', evidence: [secret('keys/deploy.pem', 1, { rule: 'private-key', label: 'a private key (PEM)', value: '-----BEGIN RSA PRIVATE KEY-----****' })], findings: ['error'], locations: [['keys/deploy.pem:1']] },
    {
      name: 'the same key twice in one file is one finding with both places; another file is another finding',
      evidence: [secret('.env', 2, { ...stripeLive, fingerprint: 'same' }), secret('.env', 9, { ...stripeLive, fingerprint: 'same' }), secret('compose.yml', 4, { ...stripeLive, fingerprint: 'same' })],
      findings: ['error stripe', 'error stripe'], locations: [['.env:2', '.env:9'], ['compose.yml:4']],
    },
    { name: 'a provider the catalog lacks reports no vendor', evidence: [secret('.npmrc', 1, { rule: 'npm-token', label: 'an npm access token', value: 'npm_…ab12' })], findings: ['error'], locations: [['.npmrc:1']], message: /^An npm access token/ },
    { name: 'runs without a policy', policy: null, evidence: [secret('.env.production', 3, stripeLive)], findings: ['error stripe'], locations: [['.env.production:3']] },
  ],
})

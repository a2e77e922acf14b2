import { describe, expect, it } from 'vitest'
import { secretLogged } from '../../src/checks/secret-logged/index.js'
import { defaultConfig } from '../../src/collect/config.js'
import { diff } from '../../src/core/diff.js'
import type { Claim, ClaimAbout, Evidence, LogCallData, LogCallEvidence, SecretEvidence } from '../../src/types/index.js'
import { ev, testCheck } from '../helpers/check-tester.js'
import { testCatalog } from '../helpers/catalog.js'

/** A flow as the secret-flow detector reports it. */
function flow(data: Partial<LogCallData>, file = 'app/api/runs/route.ts', line = 62, extra: Partial<LogCallEvidence> = {}): Evidence {
  const d: LogCallData = { secret: 'apiKey', source: 'name', category: 'api-key', sourceLine: 58, sink: 'log.debug', sinkKind: 'logger', ...data }
  return ev('log-call', `${d.secret} → ${d.sink}`, undefined, file, line, { detector: 'secret-flow', reason: 'secret-reaches-sink', data: d, ...extra })
}
const decryptSite = (file = 'app/api/runs/route.ts', line = 58, extra: Partial<SecretEvidence> = {}) =>
  ev('secret', 'decryptSecret(…)', undefined, file, line, { detector: 'secret-flow', reason: 'decrypt-call', data: { role: 'decrypt-site' }, ...extra })

function promise(covers: ClaimAbout<'security', 'secrets-not-logged'>['data']['covers'], secrets = 'API Keys', line = 39): Claim {
  return { kind: 'security', subject: 'secrets-not-logged', polarity: 'affirm', section: ['2.3 API Keys'], quote: 'Never logged or exposed in plaintext', line, endLine: line, data: { secrets, covers } }
}

testCheck(secretLogged, {
  valid: [
    { name: 'evidence from tests and build config does not ship', evidence: [flow({}, 'lib/crypto.test.ts', 3, { nonShipped: true })] },
    { name: 'log-call evidence of another detector', evidence: [flow({}, 'a.ts', 1, { detector: 'pii-flow' })] },
    { name: 'a decrypt site alone is not a finding', evidence: [decryptSite()], claims: [promise(['api-key', 'secret'])] },
    { name: 'committed secrets are another check', evidence: [ev('secret', 'sk_live_…9f2c', undefined, '.env', 1, { detector: 'hardcoded-secrets', data: { rule: 'stripe-secret-key', label: 'a Stripe secret key', fingerprint: 'fp' } })] },
  ],
  invalid: [
    {
      name: 'a decrypted API key logged, against a promise that API keys are never logged',
      evidence: [flow({ source: 'decrypt', category: 'secret', origin: 'decryptSecret(…)', secret: 'key' })],
      claims: [promise(['api-key', 'secret'])],
      findings: ['error'], locations: [['app/api/runs/route.ts:62']],
      message: /^`key` \(decrypted by `decryptSecret\(…\)` on line 58\) reaches the logger call `log\.debug` at app\/api\/runs\/route\.ts:62, though PRIVACY\.md promises API keys are never logged; log a hint/,
      policyLine: 39,
    },
    { name: 'a secret logged with no promise in the policy is a warning', evidence: [flow({ sinkKind: 'console', sink: 'console.log' })], findings: ['warning'], locations: [['app/api/runs/route.ts:62']], message: /`apiKey` \(an API key\) reaches `console\.log` at/ },
    { name: 'runs without a policy', policy: null, evidence: [flow({})], findings: ['warning'], locations: [['app/api/runs/route.ts:62']] },
    {
      name: 'a promise about API keys does not cover a password',
      evidence: [flow({ secret: 'password', category: 'password', sink: 'logger.info' })], claims: [promise(['api-key', 'secret'])], findings: ['warning'], locations: [['app/api/runs/route.ts:62']],
    },
    { name: 'a promise about credentials covers every secret', evidence: [flow({ secret: 'req.headers', source: 'headers', category: 'header' })], claims: [promise(['*'], 'Credentials')], findings: ['error'], locations: [['app/api/runs/route.ts:62']], message: /request headers carrying credentials/ },
    { name: 'an env secret in an error report', evidence: [flow({ secret: 'process.env.OPENAI_API_KEY', source: 'env', sink: 'Sentry.setExtra', sinkKind: 'error-reporter' })], findings: ['warning'], locations: [['app/api/runs/route.ts:62']], message: /from the environment\) reaches the error report `Sentry\.setExtra`, which ships it/ },
    { name: 'a thrown error message', evidence: [flow({ sink: 'throw new Error', sinkKind: 'thrown-error' })], findings: ['warning'], locations: [['app/api/runs/route.ts:62']], message: /the message of `throw new Error`, which ends up in logs/ },
    { name: 'through a local helper', evidence: [flow({ sink: 'console.log', sinkKind: 'console', via: 'show()' })], findings: ['warning'], locations: [['app/api/runs/route.ts:62']], message: /`console\.log` through `show\(\)`/ },
    { name: 'a secret constant of another module', evidence: [flow({ secret: 'settings.llm', source: 'constant', origin: 'process.env.OPENAI_API_KEY in lib/settings.ts' })], findings: ['warning'], locations: [['app/api/runs/route.ts:62']], message: /`settings\.llm` \(holds `process\.env\.OPENAI_API_KEY in lib\/settings\.ts`\)/ },
    { name: 'logged under another name', evidence: [flow({ secret: 'key', from: 'apiKey', source: 'decrypt', category: 'secret', origin: 'decryptSecret(…)' })], findings: ['warning'], locations: [['app/api/runs/route.ts:62']], message: /^`key` \(`apiKey`, decrypted by `decryptSecret\(…\)` on line 58\)/ },
    {
      name: 'a secret decrypted in another module says where',
      evidence: [flow({ secret: 'account.grant', source: 'decrypt', category: 'secret', from: 'decipher.update(…)', sourceFile: 'src/lib/crypto.ts', sourceLine: 7 })],
      findings: ['warning'], locations: [['app/api/runs/route.ts:62']],
      message: /^`account\.grant` \(decrypted by `decipher\.update\(…\)` at src\/lib\/crypto\.ts:7\) reaches the logger call/,
    },
    { name: 'two secrets in one call are two findings', evidence: [flow({ secret: 'apiKey' }), flow({ secret: 'githubToken', category: 'token' })], findings: ['warning', 'warning'], locations: [['app/api/runs/route.ts:62'], ['app/api/runs/route.ts:62']] },
  ],
})

describe('secret-logged claims coverage', () => {
  const run = (evidence: Evidence[], claims: Claim[]) =>
    diff({ evidence, claims, catalog: testCatalog(), config: defaultConfig(), policy: { path: 'PRIVACY.md' }, checks: [secretLogged] })

  it('confirms the promise where decrypted secrets exist and none reaches a sink, with the decrypt sites as evidence', () => {
    const result = run([decryptSite('app/api/runs/route.ts', 58), decryptSite('lib/crypto.ts', 27)], [promise(['api-key', 'secret'])])
    expect(result.findings).toEqual([])
    expect(result.claims[0]).toMatchObject({ status: 'confirmed', evidence: [{ file: 'app/api/runs/route.ts', line: 58 }, { file: 'lib/crypto.ts', line: 27 }] })
  })

  it('contradicts it when a covered secret is logged', () => {
    const result = run([decryptSite(), flow({ source: 'decrypt', category: 'secret' })], [promise(['api-key', 'secret'])])
    expect(result.claims[0].status).toBe('contradicted')
  })

  it('leaves it unverifiable without decrypt sites, or when only test code decrypts', () => {
    expect(run([], [promise(['api-key', 'secret'])]).claims[0].status).toBe('unverifiable')
    expect(run([decryptSite('lib/crypto.test.ts', 3, { nonShipped: true })], [promise(['api-key', 'secret'])]).claims[0].status).toBe('unverifiable')
  })

  it('leaves a promise about passwords unverifiable: decrypt sites say nothing about passwords', () => {
    expect(run([decryptSite()], [promise(['password'], 'Passwords')]).claims[0].status).toBe('unverifiable')
  })
})

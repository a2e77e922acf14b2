import { describe, expect, it } from 'vitest'
import { insecureTransport } from '../../src/checks/insecure-transport/index.js'
import { defaultConfig } from '../../src/collect/config.js'
import { diff } from '../../src/core/diff.js'
import type { Claim, Evidence, TransportEvidence } from '../../src/types/index.js'
import { testCatalog } from '../helpers/catalog.js'
import { claim, ev, policyClaim, testCheck } from '../helpers/check-tester.js'

const https = (): Claim => policyClaim({ kind: 'security', subject: 'transport', line: 95, quote: 'All data is transmitted over HTTPS', data: { protocol: 'https' } })

function url(raw: string, file = 'lib/webhooks.ts', line = 24, extra: Partial<TransportEvidence> = {}): Evidence {
  const m = /^(\w+):\/\/([^/:]+)/.exec(raw)!
  const secure = m[1] === 'https' || m[1] === 'wss'
  return ev('transport', m[2], undefined, file, line, { reason: secure ? 'tls-url' : 'plaintext-url', data: { scheme: m[1], url: raw, secure }, ...extra })
}

testCheck(insecureTransport, {
  valid: [
    { name: 'only https and wss endpoints', evidence: [url('https://api.segment.io/v1/track'), url('wss://gateway.isol8.co/ws', 'src/gateway.ts', 3)], claims: [https()] },
    { name: 'no transport claim: a plain-http call contradicts nothing the policy says', evidence: [url('http://hooks.partner-api.com/x')], claims: [claim('stripe')] },
    { name: 'plain http in a test file does not ship', evidence: [url('http://hooks.partner-api.com/x', 'test/webhooks.test.ts', 3, { nonShipped: true })], claims: [https()] },
    { name: 'a denied transport claim is no promise', evidence: [url('http://hooks.partner-api.com/x')], claims: [{ ...https(), polarity: 'deny' }] },
  ],
  invalid: [
    { name: 'a webhook mirror over plain http', evidence: [url('http://hooks.partner-api.com/codecloud/run-status')], claims: [https()], findings: ['error'], locations: [['lib/webhooks.ts:24']], message: /`http:\/\/hooks\.partner-api\.com\/codecloud\/run-status` at lib\/webhooks\.ts:24 reaches hooks\.partner-api\.com over plain HTTP, but PRIVACY\.md:95 says “All data is transmitted over HTTPS”/, policyLine: 95 },
    { name: 'a plain ws:// socket', evidence: [url('ws://realtime.example-partner.io/feed', 'src/feed.ts', 9)], claims: [https()], findings: ['error'], locations: [['src/feed.ts:9']], message: /over plain WS/ },
    { name: 'one finding per host, however many places', evidence: [url('http://api.legacy-crm.com/a', 'src/a.ts', 1), url('http://api.legacy-crm.com/b', '.env.example', 4), url('http://other-partner.net/x', 'src/b.ts', 2)], claims: [https()], findings: ['error', 'error'], locations: [['.env.example:4', 'src/a.ts:1'], ['src/b.ts:2']] },
    { name: 'plain http in deploy config', evidence: [url('http://metrics.vendor-x.com/push', 'docker-compose.yml', 12)], claims: [https()], findings: ['error'], locations: [['docker-compose.yml:12']], message: /docker-compose\.yml:12/ },
  ],
})

describe('insecure-transport claims coverage', () => {
  const run = (evidence: Evidence[]) => diff({ evidence, claims: [https()], catalog: testCatalog(), config: defaultConfig(), policy: { path: 'PRIVACY.md' }, checks: [insecureTransport] }).claims[0]

  it('confirms the promise with TLS enforcement and TLS endpoints', () => {
    const forced = ev('transport', 'force_https', undefined, 'fly.toml', 16, { reason: 'tls-enforced', data: { secure: true, enforcement: 'fly force_https' } })
    expect(run([url('https://api.machines.dev/v1', 'src/machines.ts', 4), forced])).toMatchObject({ status: 'confirmed', evidence: [{ file: 'fly.toml', line: 16 }, { file: 'src/machines.ts', line: 4 }] })
  })

  it('leaves it unverifiable with no remote endpoint at all', () => {
    expect(run([]).status).toBe('unverifiable')
  })

  it('marks it contradicted by one plain-http endpoint among many https ones', () => {
    expect(run([url('https://api.stripe.com/v1'), url('http://hooks.partner-api.com/x')]).status).toBe('contradicted')
  })
})

// Promises that secrets are not logged: which sentences make one, and which secrets each covers.
import { describe, expect, it } from 'vitest'
import { parseSecretLoggingClaims } from '../../src/policy/security-secrets.js'
import type { PolicySentence } from '../../src/policy/sentences.js'

function sentence(text: string, extra: Partial<PolicySentence> = {}): PolicySentence {
  return { text, line: 7, endLine: 7, section: [], heading: false, item: false, ...extra }
}
const claimOf = (s: PolicySentence) => parseSecretLoggingClaims([s])

describe('secrets-not-logged claims', () => {
  it('a list item borrows its subject from the lead-in and the heading (codecloud)', () => {
    const claims = claimOf(sentence('Never logged or exposed in plaintext', { item: true, lead: 'These keys are:', section: ['2. Information We Collect', '2.3 API Keys'], line: 39, endLine: 39 }))
    expect(claims).toEqual([{
      kind: 'security', subject: 'secrets-not-logged', polarity: 'affirm', section: ['2. Information We Collect', '2.3 API Keys'],
      quote: 'Never logged or exposed in plaintext', line: 39, endLine: 39, data: { secrets: 'API Keys', covers: ['api-key', 'secret'] },
    }])
  })

  const makes: Array<[string, string[], Partial<PolicySentence>?]> = [
    ['We never log your API keys or access tokens.', ['api-key', 'header', 'secret', 'token']],
    ['Passwords are not logged.', ['password']],
    ['Credentials are redacted from our logs.', ['*']],
    ['Secrets never appear in our logs.', ['*']],
    ['We don’t write access tokens to logs.', ['header', 'token']],
    ['They are never written to logs.', ['token', 'header'].sort(), { section: ['Access tokens'] }],
    ['Private keys are never logged or displayed.', ['private-key']],
  ]
  for (const [text, covers, extra] of makes) {
    it(`claims: ${text}`, () => {
      const claims = claimOf(sentence(text, extra))
      expect(claims.map((c) => c.data?.covers)).toEqual([covers])
    })
  }

  const none: Array<[string, Partial<PolicySentence>?]> = [
    ['We log API requests to keep the service healthy.'],
    ['Request bodies are never logged.', { section: ['API Keys'] }],
    ['We keep operational logs for 30 days.'],
    ['You can’t log in without your password.'],
    ['We do not log in to your account on your behalf, and never see your password.'],
    ['Your API keys are encrypted at rest.'],
    ['Never shared with third parties', { item: true, lead: 'These keys are:', section: ['API Keys'] }],
    ['Logged-in users can rotate their API keys.'],
  ]
  for (const [text, extra] of none) {
    it(`no claim: ${text}`, () => expect(claimOf(sentence(text, extra))).toEqual([]))
  }

  it('stays linear on a huge sentence', () => {
    const start = performance.now()
    parseSecretLoggingClaims([sentence('never '.repeat(300) + 'log '.repeat(300)), sentence('x'.repeat(100_000))])
    expect(performance.now() - start).toBeLessThan(1000)
  })
})

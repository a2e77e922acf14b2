// The redaction every report goes through before a reporter sees it.
import { describe, expect, it } from 'vitest'
import { redactSecret, redactUrlPassword } from '../../src/secrets/redact.js'
import { fakeSecrets } from '../helpers/fake-secrets.js'
import { redactReport, redactText } from '../helpers/secrets.js'

describe('redaction', () => {
  const f = fakeSecrets(31)

  it('shows a known prefix and at most the last four characters', () => {
    const key = f.stripe('live')
    expect(redactSecret(key, 'sk_live_')).toBe(`sk_live_…${key.slice(-4)}`)
    expect(redactSecret(key)).toBe(`…${key.slice(-4)}`)
    expect(redactSecret('hunter2hunter2')).toBe('****')
    expect(redactSecret('short', 'sk_')).toBe('****')
  })

  it('hides the password of a URL and keeps the rest', () => {
    expect(redactUrlPassword('postgres://app:s3cr3t-pass@db.internal:5432/app')).toBe('postgres://app:****@db.internal:5432/app')
    expect(redactUrlPassword('see https://example.com/a:b@c')).toBe('see https://example.com/a:b@c')
  })

  it('scrubs known secrets and anything credential-shaped from free text', () => {
    const generic = f.generic(40)
    const stripe = f.stripe('live')
    const github = f.github()
    const text = `JWT_SECRET=${generic} and ${stripe} and ${github} in https://u:${f.alnum(16)}@api.example.com`
    const out = redactText(text, [generic])
    for (const raw of [generic, stripe, github]) expect(out).not.toContain(raw)
    expect(out).toContain(`…${generic.slice(-4)}`)
    expect(out).toContain('sk_live_…')
    expect(out).toContain('https://u:****@api.example.com')
  })

  it('removes a private key body', () => {
    const pem = f.pem()
    const out = redactText(`key: ${pem}`)
    expect(out).toContain('PRIVATE KEY----- ****')
    for (const line of pem.split('\n').slice(1, -1)) expect(out).not.toContain(line)
  })

  it('walks every string of a report, keys and nesting kept', () => {
    const raw = f.generic(32)
    const report = { findings: [{ message: `value ${raw}`, locations: [{ file: 'a.ts', line: 1 }] }], vendors: [{ evidence: [{ value: raw }] }], n: 3, ok: true, none: null }
    const out = redactReport(report, [raw])
    expect(JSON.stringify(out)).not.toContain(raw)
    expect(out.n).toBe(3)
    expect(out.ok).toBe(true)
    expect(out.none).toBeNull()
    expect(out.findings[0].locations).toEqual([{ file: 'a.ts', line: 1 }])
  })

  it('is idempotent', () => {
    const text = `a ${f.stripe('live')} b postgres://x:${f.alnum(20)}@h`
    expect(redactText(redactText(text))).toBe(redactText(text))
  })
})

// The text report's claims coverage block: counts, then contradicted and confirmed claims with their lines.
import { Chalk } from 'chalk'
import { describe, expect, it } from 'vitest'
import { claimsBlock } from '../../src/reporters/text.js'
import type { FullReport } from '../../src/reporters/index.js'
import type { Claim } from '../../src/types/index.js'

const base = { section: [], endLine: 0 }
const claims: Claim[] = [
  { ...base, kind: 'security', subject: 'transport', polarity: 'affirm', quote: 'All data is transmitted over HTTPS', line: 95, endLine: 95, data: { protocol: 'https' }, status: 'contradicted' },
  { ...base, kind: 'security', subject: 'encryption-at-rest', polarity: 'affirm', quote: 'API keys are encrypted at rest using AES-256-GCM', line: 96, endLine: 96, data: { algorithm: 'AES-256-GCM' }, status: 'confirmed', evidence: [{ file: 'lib/crypto.ts', line: 16 }] },
  { ...base, kind: 'security', subject: 'encryption-at-rest', polarity: 'affirm', quote: 'Encrypted at rest using AES-256-GCM encryption', line: 41, endLine: 41, data: { algorithm: 'AES-256-GCM' }, status: 'confirmed', evidence: [{ file: 'lib/crypto.ts', line: 16 }] },
  { ...base, kind: 'vendor', subject: 'stripe', vendor: 'stripe', polarity: 'affirm', strength: 'listed', quote: 'We use Stripe.', line: 10, endLine: 10, data: { alias: 'Stripe' }, status: 'confirmed', evidence: [{ file: 'package.json', line: 14 }] },
  { ...base, kind: 'data-practice', subject: 'retention', polarity: 'affirm', quote: 'Logs are kept for 30 days.', line: 120, endLine: 120, data: { period: '30 days' }, status: 'unverifiable' },
]

const render = (list: Claim[]) => claimsBlock({ policy: { path: 'PRIVACY.md', source: 'discovered', claims: list } } as unknown as FullReport, new Chalk({ level: 0 })).join('\n')

describe('claims block', () => {
  it('counts every status and lists the contradicted first, then the confirmed by line', () => {
    const text = render(claims)
    expect(text).toMatch(/^Policy claims: 3 confirmed, 1 contradicted, 1 unverifiable$/m)
    const rows = text.split('\n').slice(1).filter((l) => l.trim())
    expect(rows[0]).toMatch(/✖ contradicted\s+line 95\s+security transport\s+“All data is transmitted over HTTPS”/)
    expect(rows[1]).toMatch(/✔ confirmed\s+line 10\s+vendor stripe\s+package\.json:14/)
    // two sentences with the same promise are one row with both lines
    expect(rows[2]).toMatch(/✔ confirmed\s+lines 41, 96\s+security encryption-at-rest \(AES-256-GCM\)\s+lib\/crypto\.ts:16/)
    expect(text).not.toMatch(/retention/)
  })

  it('prints nothing without claims', () => {
    expect(render([])).toBe('')
  })
})

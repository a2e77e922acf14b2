// Golden claims for the three seed policies (and a TSX and a Markdown rendering of two of them).
// The .claims.json files were reviewed line by line against the policy text; the assertions
// below restate what the brief requires so a regenerated golden file cannot quietly drop them.
import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../src/policy/index.js'
import type { Claim } from '../../src/types/index.js'
import { fixture, seedCatalog } from './helpers.js'

const catalog = seedCatalog()
const FIXTURES = [
  'codecloud-privacy-policy.txt',
  'codecloud-privacy-page.tsx',
  'isol8-privacy-policy.txt',
  'jeanclaude-privacy-policy.txt',
  'jeanclaude-privacy-policy.md',
]

function parse(name: string): Claim[] {
  return parsePolicy({ path: name, text: fixture(name), source: 'discovered' }, catalog).claims
}
const row = (c: Claim) => `${c.line} ${c.kind} ${c.subject} ${c.polarity}${c.strength ? ` ${c.strength}` : ''}`
const rows = (claims: Claim[]) => [...new Set(claims.map(row))].sort()
const noLine = (claims: Claim[]) => claims.map((c) => row(c).replace(/^\d+ /, '')).sort()
const has = (claims: Claim[], subject: string, polarity: string, strength?: string) =>
  claims.some((c) => c.subject === subject && c.polarity === polarity && (strength === undefined || c.strength === strength))

describe.each(FIXTURES)('%s', (name) => {
  const claims = parse(name)

  it('matches the golden claims', () => {
    const golden = JSON.parse(fixture(`${name}.claims.json`)) as string[]
    expect(rows(claims)).toEqual([...golden].sort())
  })

  it('points every claim at the source lines of its quote', () => {
    const lines = fixture(name).replace(/^\uFEFF/, '').split(/\r?\n/)
    const words = (s: string) => s.replace(/&apos;|&quot;/g, "'").match(/[\p{L}\p{N}]+/gu) ?? []
    for (const c of claims) {
      const quote = words(c.quote)
      expect(words(lines[c.line - 1]), `line ${c.line}: ${c.quote}`).toContain(quote[0])
      expect(words(lines[c.endLine - 1]), `endLine ${c.endLine}: ${c.quote}`).toContain(quote[quote.length - 1])
    }
  })

  it('is deterministic and sorted', () => {
    expect(parse(name)).toEqual(claims)
    const keys = claims.map((c) => [c.line, c.kind, c.subject])
    // within a line, kinds go in the declare stage's order (vendor claims first), then subjects alphabetically
    const kindOrder = ['vendor', 'vendor-category', 'cookie', 'security', 'region', 'data-practice', 'data']
    const sorted = [...keys].sort((a, b) => (a[0] as number) - (b[0] as number) || kindOrder.indexOf(String(a[1])) - kindOrder.indexOf(String(b[1])) || String(a[2]).localeCompare(String(b[2])))
    expect(keys).toEqual(sorted)
  })
})

describe('what the seeds must yield', () => {
  it('codecloud lists its services and the LLM providers used through your API keys', () => {
    const claims = parse('codecloud-privacy-policy.txt')
    for (const id of ['clerk', 'convex', 'github', 'e2b', 'posthog', 'stripe', 'anthropic', 'openai', 'google']) {
      expect(has(claims, id, 'affirm', 'listed'), id).toBe(true)
    }
    // its one denial is about data, not a vendor: "We do not directly store your credit card information"
    expect(claims.filter((c) => c.polarity === 'deny').map((c) => `${c.line} ${c.kind} ${c.subject}`)).toEqual(['65 data data-denial'])
    expect(claims.find((c) => c.subject === 'e2b')).toMatchObject({ line: 96, section: ['4. Third-Party Services', 'E2B'], quote: 'E2B' })
    expect(has(claims, 'llm', 'affirm')).toBe(true)
    expect(has(claims, 'auth', 'affirm')).toBe(true)
  })

  it('jeanclaude lists its subprocessors and only mentions Anthropic', () => {
    const claims = parse('jeanclaude-privacy-policy.txt')
    for (const id of ['workos', 'stripe', 'fly-io', 'vercel', 'neon']) expect(has(claims, id, 'affirm', 'listed'), id).toBe(true)
    const anthropic = claims.filter((c) => c.subject === 'anthropic')
    expect(anthropic).toMatchObject([{ polarity: 'affirm', strength: 'mentioned', line: 10 }])
    // "Billing data: handled by Stripe. Card numbers never touch our servers." affirms Stripe
    expect(claims.filter((c) => c.subject === 'stripe' && c.line === 5)).toMatchObject([{ polarity: 'affirm', strength: 'listed' }])
    expect(claims.filter((c) => c.kind === 'vendor' && c.polarity === 'deny')).toEqual([])
    expect(claims.find((c) => c.kind === 'vendor-category' && c.subject === 'ads')).toMatchObject({ polarity: 'deny', line: 23 })
  })

  it('isol8 lists Clerk, Stripe, AWS and AWS Bedrock, and the AWS services it names', () => {
    const claims = parse('isol8-privacy-policy.txt')
    for (const id of ['clerk', 'stripe', 'aws', 'aws-bedrock', 'aws-kms', 'aws-ecs', 'aws-efs', 'aws-secrets-manager']) {
      expect(has(claims, id, 'affirm', 'listed'), id).toBe(true)
    }
    // "the inference provider (e.g., AWS Bedrock)": the vague kind and the named vendor
    expect(claims.filter((c) => c.line === 31 && c.kind.startsWith('vendor')).map((c) => `${c.kind}:${c.subject}`)).toEqual(['vendor:aws-bedrock', 'vendor-category:llm'])
    // "AWS Bedrock" is Bedrock, not a second mention of AWS; "AWS ECS Fargate" is one ECS mention
    expect(claims.filter((c) => c.line === 31 || c.line === 24).map((c) => c.subject)).not.toContain('aws')
    expect(claims.filter((c) => c.kind === 'vendor' && c.polarity === 'deny')).toEqual([])
    expect(claims.filter((c) => c.subject === 'ads').every((c) => c.polarity === 'deny' && c.line === 58)).toBe(true)
  })

  it('reads the same claims from the TSX page and the Markdown rendering as from the text', () => {
    expect(noLine(parse('codecloud-privacy-page.tsx'))).toEqual(noLine(parse('codecloud-privacy-policy.txt')))
    expect(noLine(parse('jeanclaude-privacy-policy.md'))).toEqual(noLine(parse('jeanclaude-privacy-policy.txt')))
  })
})

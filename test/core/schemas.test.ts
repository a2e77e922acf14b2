// The published JSON schemas are what the TypeBox definitions generate, and they describe reports exactly: every report
// and every claim the parser emits validates, and a report changed in any of the ways below does not.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv } from 'ajv'
import { beforeAll, describe, expect, it } from 'vitest'
import { audit } from '../../src/core/audit.js'
import { PUBLISHED_SCHEMAS, renderSchema } from '../../src/core/schemas.js'
import { parsePolicy } from '../../src/policy/index.js'
import type { FullReport } from '../../src/types/index.js'
import { fixture, seedCatalog } from '../policy/helpers.js'

const ROOT = path.join(import.meta.dirname, '../..')
const FIXTURES = path.join(ROOT, 'fixtures')
const POLICIES = path.join(ROOT, 'test/policy/fixtures')

const published = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>
const ajv = new Ajv({ allErrors: true, strict: true })
const validateReport = ajv.compile(published('schema/report.schema.json'))
const errors = (report: unknown) => (validateReport(report) ? [] : (validateReport.errors ?? []).map((e) => `${e.instancePath} ${e.message}`))

describe('published schemas', () => {
  for (const schema of PUBLISHED_SCHEMAS) {
    it(`${schema.file} is what the definitions generate (npm run schemas)`, () => {
      const committed = readFileSync(path.join(ROOT, schema.file), 'utf8')
      expect(committed, `${schema.file} is stale: run \`npm run schemas\` and commit it`).toBe(renderSchema(schema))
    })
  }

  it('are valid draft-07 schemas, strictly', () => {
    // a union of types (a cookieless value is a string or a boolean) is draft-07; Ajv's strict mode only prefers anyOf
    for (const { file } of PUBLISHED_SCHEMAS) expect(() => new Ajv({ strict: true, allowUnionTypes: true }).compile(published(file)), file).not.toThrow()
  })

  it('define each repeated part once and refer to it', () => {
    const text = JSON.stringify(published('schema/report.schema.json'))
    expect(Object.keys(published('schema/report.schema.json').definitions as object)).toEqual(['severity', 'file', 'location', 'quote', 'fileReason', 'claim', 'finding'])
    // a location is spelled out once, in definitions; everywhere else it is a reference
    expect(text.split('"required":["file","line"]').length - 1).toBe(1)
    expect(text).toContain('"$ref":"#/definitions/location"')
  })
})

describe('the report schema', () => {
  const reports: Array<[string, FullReport]> = []
  beforeAll(async () => {
    for (const name of readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
      reports.push([name, (await audit({ root: path.join(FIXTURES, name) })).report])
    }
  }, 120_000)

  it('accepts every fixture report', () => {
    for (const [name, report] of reports) expect(errors(report), name).toEqual([])
  })

  it('accepts every claim the parser reads from the policy fixtures', () => {
    const validateClaim = ajv.getSchema(`${published('schema/report.schema.json').$id}#/definitions/claim`)!
    const catalog = seedCatalog()
    const files = readdirSync(POLICIES).filter((f) => !f.endsWith('.json'))
    const claims = files.flatMap((file) => parsePolicy({ path: file, text: fixture(file), source: 'discovered' }, catalog).claims)
    expect(new Set(claims.map((c) => c.kind)).size).toBe(7)
    for (const claim of claims) expect(validateClaim(claim) ? [] : validateClaim.errors, JSON.stringify(claim)).toEqual([])
  })

  type Change = [string, (report: FullReport) => void]
  const claim = (report: FullReport, kind: string, subject?: string) => report.policy!.claims.find((c) => c.kind === kind && (subject === undefined || c.subject === subject))! as unknown as Record<string, unknown> & { data: Record<string, unknown> }
  const changes: Change[] = [
    ['a claim with no status', (r) => delete claim(r, 'vendor').status],
    ['a claim of an unknown kind', (r) => Object.assign(claim(r, 'vendor'), { kind: 'promise' })],
    ['a cookie limit with no max', (r) => delete claim(r, 'cookie', 'cookie-limit').data.max],
    ['a cookie limit of a fraction', (r) => Object.assign(claim(r, 'cookie', 'cookie-limit').data, { max: 1.5 })],
    ['a denial of an unknown purpose', (r) => Object.assign(claim(r, 'cookie', 'cookie-denial').data, { purposes: ['marketing'] })],
    ['a transport promise of another protocol', (r) => Object.assign(claim(r, 'security', 'transport').data, { protocol: 'ftp' })],
    ['a region claim with a key of another kind', (r) => Object.assign(claim(r, 'region').data, { max: 1 })],
    ['a vendor claim without its alias', (r) => delete claim(r, 'vendor').data.alias],
    ['a retention claim without its period', (r) => delete claim(r, 'data-practice', 'retention').data.period],
    ['a data denial of another scope', (r) => Object.assign(claim(r, 'data', 'data-denial').data, { scope: 'sell' })],
    ['a collection of a category that is no fideslang key', (r) => Object.assign(claim(r, 'data', 'collection').data, { categories: ['email'] })],
    ['a collection of no category', (r) => Object.assign(claim(r, 'data', 'collection').data, { categories: [] })],
    ['a vendor of an unknown category', (r) => Object.assign(r.vendors[0], { category: 'crypto' })],
    ['evidence of an unknown kind', (r) => Object.assign(r.vendors.find((v) => v.evidence.length)!.evidence[0], { kind: 'guess' })],
    ['a finding with a short fingerprint', (r) => Object.assign(r.findings[0], { fingerprint: 'abc' })],
    ['a Windows path', (r) => Object.assign(r.findings[0].locations[0], { file: 'src\\\\a.ts' })],
    ['a key no report has', (r) => Object.assign(r, { score: 3 })],
  ]

  it.each(changes)('rejects %s', (_name, change) => {
    const [, original] = reports.find(([name]) => name === 'jeanclaude')!
    const report = structuredClone(original)
    expect(errors(report)).toEqual([])
    change(report)
    expect(errors(report)).not.toEqual([])
  })
})

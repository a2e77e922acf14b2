// The flow models (data/models/*.yaml), reviewed like code: each file matches its schema, every pattern compiles, and
// the vendors' sinks name methods of packages the vendor owns.
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadCatalog, packageMatches } from '../../src/catalog/index.js'
import { MODEL_FILES, MODELS_DIR, readModelSources } from '../../src/catalog/models.js'

const schema = JSON.parse(readFileSync(`${MODELS_DIR}schema.json`, 'utf8'))
const ajv = new Ajv({ allErrors: true, strict: false })

/** Every string of a model file that is a regular expression: those the schema marks `regex`. */
function patterns(value: unknown, definition: Record<string, unknown>, out: string[] = []): string[] {
  if (definition.$ref === '#/definitions/regex' && typeof value === 'string') out.push(value)
  const ref = typeof definition.$ref === 'string' ? schema.definitions[(definition.$ref as string).split('/').pop()!] : undefined
  const props = ((ref ?? definition).properties ?? {}) as Record<string, Record<string, unknown>>
  const items = (ref ?? definition).items as Record<string, unknown> | undefined
  if (Array.isArray(value) && items) for (const v of value) patterns(v, items, out)
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (props[k]) patterns(v, props[k], out)
  return out
}

describe('flow models', () => {
  const sources = readModelSources()
  it.each([...MODEL_FILES])('%s.yaml matches its schema and its patterns compile', (name) => {
    const data = parse(sources[name])
    const validate = ajv.compile({ ...schema, $ref: `#/definitions/${name}` })
    expect(validate(data) ? [] : validate.errors).toEqual([])
    const found = patterns(data, schema.definitions[name])
    expect(found.length).toBeGreaterThan(0)
    for (const p of found) expect(() => new RegExp(p), p).not.toThrow()
  })

  it('the schema is not vacuous: an unknown key or a wrong type is refused', () => {
    const validate = ajv.compile({ ...schema, $ref: '#/definitions/logging' })
    const data = parse(sources.logging)
    expect(validate({ ...data, extra: 1 })).toBe(false)
    expect(validate({ ...data, console: { ...data.console, methods: 'log' } })).toBe(false)
  })

  it('every vendor sink names packages of its own vendor', () => {
    const catalog = loadCatalog()
    const withSinks = catalog.vendors.filter((v) => v.sinks?.length)
    expect(withSinks.map((v) => v.id)).toEqual(expect.arrayContaining(['sentry', 'bugsnag', 'honeybadger', 'rollbar']))
    for (const vendor of withSinks) {
      for (const sink of vendor.sinks!) {
        for (const p of sink.packages) expect(vendor.packages.some((own) => own === p || packageMatches(own, p.replace(/\/\*$/, '/x'))), `${vendor.id}: ${p}`).toBe(true)
      }
    }
  })
})

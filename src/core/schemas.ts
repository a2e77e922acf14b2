// The JSON schemas privaudit publishes (schema/, and the vendor catalog's), generated from the TypeBox definitions the
// code's types derive from: `npm run schemas` writes them, and a test fails while a committed file differs from what
// this generates.
import type { TSchema } from 'typebox'
import { CONFIG_SCHEMA } from '../collect/config.js'
import {
  ClaimSchema, FileSchema, FindingSchema, LocationSchema, QuoteSchema, REPORT_SCHEMA, SeveritySchema, SkippedFileSchema,
} from '../types/index.js'
import { VENDOR_SCHEMA } from '../types/vendor.js'

interface Published {
  /** Where it is published, from the repo's root. */
  file: string
  schema: TSchema
  /** Parts the schema repeats, defined once under `definitions` and referred to by name. */
  definitions: Record<string, TSchema>
}

export const PUBLISHED_SCHEMAS: readonly Published[] = [
  {
    file: 'schema/report.schema.json',
    schema: REPORT_SCHEMA,
    definitions: { severity: SeveritySchema, file: FileSchema, location: LocationSchema, quote: QuoteSchema, fileReason: SkippedFileSchema, claim: ClaimSchema, finding: FindingSchema },
  },
  { file: 'schema/config.schema.json', schema: CONFIG_SCHEMA, definitions: {} },
  { file: 'data/vendors/schema.json', schema: VENDOR_SCHEMA, definitions: {} },
]

const HEADER = ['$schema', '$id', 'title', 'description']

/**
 * The schema as published: its identity first, then `definitions`, every other place a definition's schema appears
 * replaced by a `$ref` to it. Two-space JSON with a final newline.
 */
export function renderSchema({ schema, definitions }: Published): string {
  const names = new Map(Object.entries(definitions).map(([name, definition]) => [JSON.stringify(definition), name]))
  const refer = (node: unknown, own?: string): unknown => {
    if (Array.isArray(node)) return node.map((item) => refer(item))
    if (node === null || typeof node !== 'object') return node
    const name = names.get(JSON.stringify(node))
    if (name !== undefined && name !== own) return { $ref: `#/definitions/${name}` }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, refer(value)]))
  }
  const body = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, refer(value)]))
  const header = Object.fromEntries(HEADER.filter((key) => key in body).map((key) => [key, body[key]]))
  const rest = Object.fromEntries(Object.entries(body).filter(([key]) => !HEADER.includes(key)))
  const defined = Object.keys(definitions).length ? { definitions: Object.fromEntries(Object.entries(definitions).map(([name, d]) => [name, refer(d, name)])) } : {}
  return `${JSON.stringify({ ...header, ...defined, ...rest }, null, 2)}\n`
}

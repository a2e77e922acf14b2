// `npm run schemas`: writes schema/report.schema.json, schema/config.schema.json and data/vendors/schema.json from the
// TypeBox definitions the code's types derive from (src/core/schemas.ts, built into dist/). test/core/schemas.test.ts
// fails while they differ.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PUBLISHED_SCHEMAS, renderSchema } from '../dist/core/schemas.js'

const root = fileURLToPath(new URL('..', import.meta.url))
for (const published of PUBLISHED_SCHEMAS) {
  writeFileSync(path.join(root, published.file), renderSchema(published))
  console.log(`wrote ${published.file}`)
}

// Part of `npm run build`: parses and validates every vendor file (data/vendors/*.yaml) once, and writes them with a
// digest of their sources to dist/catalog/vendors.compiled.json, which loading uses while the YAML is unchanged.
// A catalog that does not validate fails the build.
import { writeFileSync } from 'node:fs'
import { COMPILED_CATALOG, sourceDigest } from '../dist/catalog/compiled.js'
import { parseVendorSources, readVendorSources } from '../dist/catalog/index.js'

const sources = readVendorSources()
const { vendors, issues } = parseVendorSources(sources)
if (issues.length > 0) {
  for (const issue of issues) console.error(`data/vendors/${issue.file}: ${issue.message}`)
  process.exit(1)
}
writeFileSync(COMPILED_CATALOG, JSON.stringify({ digest: sourceDigest(sources), vendors }))
console.log(`compiled ${vendors.length} vendors into ${COMPILED_CATALOG}`)

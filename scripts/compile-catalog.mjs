// Part of `npm run build`: parses and validates every vendor file (data/vendors/*.yaml) once, and writes them with a
// digest of their sources to dist/catalog/vendors.compiled.json; parses data/regions.yaml into
// dist/catalog/regions.compiled.json likewise, the data categories (validated) and the flow models too. Loading uses
// each while its YAML is unchanged.
// A catalog that does not validate fails the build.
import { writeFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { categoriesSource, parseCategories } from '../dist/catalog/categories.js'
import { COMPILED_CATALOG, COMPILED_CATEGORIES, COMPILED_MODELS, COMPILED_REGIONS, sourceDigest } from '../dist/catalog/compiled.js'
import { parseVendorSources, readVendorSources } from '../dist/catalog/index.js'
import { modelSources, parseFlowModels } from '../dist/catalog/models.js'
import { readRegionSources } from '../dist/catalog/regions.js'

const sources = readVendorSources()
const { vendors, issues } = parseVendorSources(sources)
if (issues.length > 0) {
  for (const issue of issues) console.error(`data/vendors/${issue.file}: ${issue.message}`)
  process.exit(1)
}
writeFileSync(COMPILED_CATALOG, JSON.stringify({ digest: sourceDigest(sources), data: vendors }))
console.log(`compiled ${vendors.length} vendors into ${COMPILED_CATALOG}`)

const regionSources = readRegionSources()
writeFileSync(COMPILED_REGIONS, JSON.stringify({ digest: sourceDigest(regionSources), data: parseYaml(regionSources[0].text) }))
console.log(`compiled the region table into ${COMPILED_REGIONS}`)

const categorySources = categoriesSource()
writeFileSync(COMPILED_CATEGORIES, JSON.stringify({ digest: sourceDigest(categorySources), data: parseCategories(categorySources[0].text) }))
console.log(`compiled the data categories into ${COMPILED_CATEGORIES}`)

writeFileSync(COMPILED_MODELS, JSON.stringify({ digest: sourceDigest(modelSources()), data: parseFlowModels() }))
console.log(`compiled the flow models into ${COMPILED_MODELS}`)

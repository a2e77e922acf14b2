// Data files compiled at build time: `npm run build` writes every vendor file, parsed and validated, into one JSON
// file beside the built catalog code, and the region table likewise, each stamped with a digest of the YAML it came
// from. Loading reads the YAML texts (cheap), and uses the compiled form only when the digest still matches; otherwise
// (an edited data file, the sources run by vitest, the Action's bundle) it parses the YAML as before. Parsing 400 YAML
// files and compiling their schema is most of privaudit's start-up; the region table alone costs 60 ms to parse, the
// data categories 150 ms to parse and 40 ms to validate, the flow models 20 ms.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const COMPILED_CATALOG = fileURLToPath(new URL('./vendors.compiled.json', import.meta.url))
export const COMPILED_REGIONS = fileURLToPath(new URL('./regions.compiled.json', import.meta.url))
export const COMPILED_CATEGORIES = fileURLToPath(new URL('./categories.compiled.json', import.meta.url))
export const COMPILED_MODELS = fileURLToPath(new URL('./models.compiled.json', import.meta.url))

export interface VendorSource {
  file: string
  text: string
}

/** What a compiled file holds: the parsed data and the digest of the sources it was parsed from. */
export interface Compiled<T> {
  digest: string
  data: T
}

/** A digest of the vendor files: their names and their exact texts, in name order. */
export function sourceDigest(sources: VendorSource[]): string {
  const hash = createHash('sha256')
  for (const { file, text } of sources) hash.update(`${file}\0${text}\0`)
  return hash.digest('hex')
}

/** The compiled data, when the compiled file exists and was made from exactly these sources. */
export function readCompiled<T>(sources: VendorSource[], file = COMPILED_CATALOG): T | undefined {
  let compiled: Compiled<T>
  try {
    compiled = JSON.parse(readFileSync(file, 'utf8')) as Compiled<T>
  } catch {
    return undefined
  }
  if (!compiled || typeof compiled !== 'object' || compiled.data === undefined || compiled.digest !== sourceDigest(sources)) return undefined
  return compiled.data
}

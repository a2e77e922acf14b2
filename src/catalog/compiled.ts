// The vendor catalog compiled at build time: `npm run build` writes every vendor file, parsed and validated, into one
// JSON file beside the built catalog code, stamped with a digest of the YAML it came from. Loading reads the YAML
// texts (cheap), and uses the compiled form only when the digest still matches; otherwise (an edited vendor file, the
// sources run by vitest, the Action's bundle) it parses and validates the YAML as before. Parsing 400 YAML files and
// compiling their schema is most of privaudit's start-up.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const COMPILED_CATALOG = fileURLToPath(new URL('./vendors.compiled.json', import.meta.url))

export interface VendorSource {
  file: string
  text: string
}

export interface CompiledCatalog<T> {
  digest: string
  vendors: T[]
}

/** A digest of the vendor files: their names and their exact texts, in name order. */
export function sourceDigest(sources: VendorSource[]): string {
  const hash = createHash('sha256')
  for (const { file, text } of sources) hash.update(`${file}\0${text}\0`)
  return hash.digest('hex')
}

/** The compiled vendors, when a compiled catalog exists and was made from exactly these sources. */
export function readCompiled<T>(sources: VendorSource[], file = COMPILED_CATALOG): T[] | undefined {
  let compiled: CompiledCatalog<T>
  try {
    compiled = JSON.parse(readFileSync(file, 'utf8')) as CompiledCatalog<T>
  } catch {
    return undefined
  }
  if (!compiled || !Array.isArray(compiled.vendors) || compiled.digest !== sourceDigest(sources)) return undefined
  return compiled.vendors
}

// Finding locations: one per file and line, and evidence strongest first; shared by every check and the vendor summaries.
import type { Evidence, Location } from '../types/index.js'
import { compareText } from '../util/order.js'

/** The first location of each file and line, in the order given. */
export function distinctLocations(locations: Location[]): Location[] {
  const seen = new Set<string>()
  return locations.filter((l) => {
    const key = `${l.file}:${l.line}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Evidence locations, one per file and line, in file order. */
export function locationsOf(evidence: Evidence[]): Location[] {
  return distinctLocations([...evidence].sort((a, b) => compareText(a.location.file, b.location.file) || a.location.line - b.location.line).map((e) => e.location))
}

const KIND_ORDER = ['dependency', 'import', 'script', 'host', 'env', 'config']

/** Evidence ordered strongest kind first (dependency, import, script, host, env, config), then by place. */
export function strongestFirst(evidence: Evidence[]): Evidence[] {
  return [...evidence].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)
    || compareText(a.location.file, b.location.file) || a.location.line - b.location.line)
}

/** Where a vendor is used, strongest evidence first, one location per file and line. */
export function evidenceLocations(evidence: Evidence[]): Location[] {
  return distinctLocations(strongestFirst(evidence).map((e) => e.location))
}

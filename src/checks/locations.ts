// Finding locations: one per file and line, shared by every check.
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

/**
 * A lookup table keyed by words from the scanned input: no prototype, so `constructor`, `toString` or `__proto__` in a
 * policy or in code finds nothing instead of Object.prototype's members.
 */
export function lookupTable<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries)
}

// Detectors' run-wide `shared` state as data a cache can store: each file leaves its own share, shares merge in file
// order, and a share round-trips through JSON (Maps and Sets tagged) so a cached file contributes exactly what a
// fresh walk of it would.

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/**
 * Folds `from` into `into`: arrays append, Maps and plain objects merge key by key (recursively where both sides hold
 * a container), anything else is replaced. Detectors only ever add to their state, so this equals one walk over both.
 */
export function mergeInto(into: unknown, from: unknown): unknown {
  if (Array.isArray(into) && Array.isArray(from)) {
    for (const item of from) into.push(item)
    return into
  }
  if (into instanceof Map && from instanceof Map) {
    for (const [key, value] of from) into.set(key, into.has(key) ? mergeInto(into.get(key), value) : value)
    return into
  }
  if (into instanceof Set && from instanceof Set) {
    for (const value of from) into.add(value)
    return into
  }
  if (isPlainObject(into) && isPlainObject(from)) {
    for (const [key, value] of Object.entries(from)) into[key] = key in into ? mergeInto(into[key], value) : value
    return into
  }
  return from
}

const MAP = '$map'
const SET = '$set'

/**
 * Plain data with Maps and Sets turned into tagged objects JSON can hold (`{ $map: [[k, v]…] }`). Throws on anything
 * else, so state a cache cannot restore exactly is never stored: class instances, AST nodes, functions.
 */
export function encodeTagged(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : encodeTagged(v)))
  if (value instanceof Map) return { [MAP]: [...value].map(([k, v]) => [encodeTagged(k), encodeTagged(v)]) }
  if (value instanceof Set) return { [SET]: [...value].map(encodeTagged) }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeTagged(v)
    return out
  }
  throw new TypeError(`a ${typeof value === 'object' ? (value.constructor?.name ?? 'non-plain object') : typeof value} cannot be cached`)
}

/** The inverse of encodeTagged, on what JSON.parse returned. */
export function decodeTagged(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(decodeTagged)
  const object = value as Record<string, unknown>
  if (Array.isArray(object[MAP])) return new Map((object[MAP] as Array<[unknown, unknown]>).map(([k, v]) => [decodeTagged(k), decodeTagged(v)]))
  if (Array.isArray(object[SET])) return new Set((object[SET] as unknown[]).map(decodeTagged))
  for (const key of Object.keys(object)) object[key] = decodeTagged(object[key])
  return object
}

// Identifiers as words: what the secret and personal-data name rules read (`apiKeyId` → api, key, id).

/** Names repeat across a codebase; caching their words keeps the per-identifier cost to one map lookup. */
const WORDS_CACHE = new Map<string, string[]>()
const CACHE_LIMIT = 50_000

/** Splits camelCase, PascalCase, snake_case, kebab-case, SCREAMING_CASE and dotted names into lowercase words. */
export function splitWords(name: string): string[] {
  const cached = WORDS_CACHE.get(name)
  if (cached) return cached
  const words = computeWords(name)
  if (WORDS_CACHE.size >= CACHE_LIMIT) WORDS_CACHE.clear()
  WORDS_CACHE.set(name, words)
  return words
}

function computeWords(name: string): string[] {
  if (name.length > 200) return []
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

// privaudit reads English policies; a policy in another language is still scanned, with a warning that claims may be missed.

const ENGLISH_WORDS = new Set(['the', 'and', 'we', 'you', 'your', 'our', 'of', 'to', 'data', 'personal', 'information', 'use', 'is', 'are', 'with', 'for', 'or', 'in', 'not', 'by'])

/** True when enough of the text's words are common English words (a cheap, deterministic check). */
export function readsAsEnglish(text: string): boolean {
  const words = text.slice(0, 200_000).toLowerCase().match(/[a-z\u00c0-\u024f\u0400-\u04ff]+/g) ?? []
  if (words.length < 20) return true
  const hits = words.filter((w) => ENGLISH_WORDS.has(w)).length
  return hits / words.length >= 0.08
}

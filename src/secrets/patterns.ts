// Finding credentials by their formats, and the value tests shared by every secret rule. The rules themselves are the
// catalog's vendor formats and a few generic ones (src/secrets/rules.ts): the caller passes them in.
//
// Each pattern is linear: bounded repeats of one character class, anchored by a literal prefix that a
// cheap `includes` prefilter checks first, so a file without `sk_`, `ghp_`, `AKIA`… costs one scan per hint.
// Where a format needs more than a regex (a PEM body, an AWS secret beside its key id), `accept` checks the match.

import type { SecretMode } from '../types/index.js'

export interface ProviderRule {
  id: string
  /** What the credential is, for messages: "a Stripe secret key". */
  label: string
  /** The catalog vendor whose format it is; generic formats (PEM, npm, URL passwords) have none. */
  vendor?: string
  /** Literal substrings, one of which every match contains: the prefilter. */
  hints: string[]
  /** A literal every match also contains, checked before the pattern runs (a hint as common as `://` is not enough). */
  requires?: string
  pattern: RegExp
  /** Extra validation on the whole match (and the text around it), given the pattern's named groups. */
  accept?(value: string, text: string, index: number, groups?: Record<string, string>): boolean
  mode?(value: string): SecretMode | undefined
  /** The value never leaves privaudit; this prefix (e.g. `sk_live_`) may be shown in front of the last four characters. */
  prefix(value: string): string
  /** The secret itself when the match is only its marker (a PEM header) or part of it (a URL's password): what redaction must hide. */
  secretOf?(value: string, text: string, index: number): string
  /** The printable form, when prefix + last four does not fit (a URL keeps its host and loses its password). */
  display?(value: string): string
}

export interface ProviderMatch {
  rule: ProviderRule
  /** Offsets of the credential in the text. */
  start: number
  end: number
  value: string
  /** The raw secret: the value, or for a PEM key the start of its body. */
  secret: string
  mode?: SecretMode
}

/** `postgres://app:s3cret@db:5432/x` → `postgres://app:****@db:5432/x`. */
export function maskUrlPassword(url: string): string {
  return url.replace(/(\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/'"`<>]{1,128}:)[^\s@/'"`<>]{1,256}@/gi, '$1****@')
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>()
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  let bits = 0
  for (const n of counts.values()) {
    const p = n / value.length
    bits -= p * Math.log2(p)
  }
  return bits
}

const PLACEHOLDER_MARKERS = [
  'xxxx', 'your', 'example', 'placeholder', 'dummy', 'changeme', 'change_me', 'change-me', 'replace', 'redacted', 'insert',
  'todo', 'fixme', 'sample', '<', '>', '${', '{{', '%(', '...', '…', '***', 'secret_here', 'key_here', 'token_here', 'here_',
]

/** `sk_live_xxx`, `<your key>`, `changeme`, `${VAR}`, `0000…`, `abcdef123456`: a value written to be replaced. */
export function isPlaceholder(value: string): boolean {
  const lower = value.toLowerCase()
  if (PLACEHOLDER_MARKERS.some((m) => lower.includes(m))) return true
  if (/(.)\1{5}/.test(value)) return true
  if (/0123456|1234567|abcdefg|qwerty/i.test(value)) return true
  return false
}

/** The random-looking part of a credential: long enough, varied enough, not a placeholder. */
export function looksRandom(body: string, minLength = 16, minEntropy = 3): boolean {
  if (body.length < minLength || isPlaceholder(body)) return false
  return entropy(body) >= minEntropy
}

const MAX_MATCHES_PER_RULE = 200

const HINT_PATTERNS = new WeakMap<readonly ProviderRule[], RegExp>()

/** Which rules' literal hints occur in the text: one pass over it instead of one `includes` per hint. */
function hintsIn(text: string, rules: readonly ProviderRule[]): Set<string> {
  let pattern = HINT_PATTERNS.get(rules)
  if (!pattern) {
    const hints = [...new Set(rules.flatMap((r) => r.hints))].sort((a, b) => b.length - a.length)
    pattern = new RegExp(hints.map((h) => h.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'g')
    HINT_PATTERNS.set(rules, pattern)
  }
  const present = new Set<string>()
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) present.add(m[0])
  return present
}

/** Every provider-format credential in a text, first match wins where two rules overlap. */
export function findProviderSecrets(text: string, rules: readonly ProviderRule[]): ProviderMatch[] {
  const out: ProviderMatch[] = []
  // no rules, no hints: an empty alternation would match the empty string at every offset and never advance
  if (rules.length === 0) return out
  const present = hintsIn(text, rules)
  for (const rule of rules) {
    if (!rule.hints.some((h) => present.has(h)) || (rule.requires && !text.includes(rule.requires))) continue
    rule.pattern.lastIndex = 0
    let found = 0
    for (const m of text.matchAll(rule.pattern)) {
      const value = m[0]
      const start = m.index ?? 0
      // a match without a hint would be found or missed depending on what else the text holds
      if (!rule.hints.some((h) => value.includes(h))) continue
      if (rule.accept && !rule.accept(value, text, start, m.groups)) continue
      if (out.some((o) => start < o.end && o.start < start + value.length)) continue
      // a file with hundreds of one kind of key is generated data; the first ones make the point (placeholders
      // rejected above do not count, or a page of `sk_test_xxx` would hide the real key after it)
      if (++found > MAX_MATCHES_PER_RULE) break
      const secret = rule.secretOf?.(value, text, start) || value
      out.push({ rule, start, end: start + value.length, value, secret, ...(rule.mode ? { mode: rule.mode(value) } : {}) })
    }
  }
  return out.sort((a, b) => a.start - b.start)
}

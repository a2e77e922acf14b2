// Never print a secret. Detectors report a secret only in redacted form; this pass then scrubs the whole
// report (messages, quotes, evidence values, URLs, reasons) of every raw value the detectors saw and of
// anything shaped like a credential, before any reporter runs, so a new output format is safe by construction.
import type { ProviderRule } from '../secrets/patterns.js'
import { redactText } from '../secrets/redact.js'

/**
 * A deep copy of `report` with every string redacted: of the known secrets, and of anything the catalog's rules
 * take for a credential. Known secrets are matched longest first, so a secret that contains another is masked whole.
 */
export function redactReport<T>(report: T, secrets: readonly string[], rules: readonly ProviderRule[]): T {
  const known = [...new Set(secrets)].sort((a, b) => b.length - a.length)
  // a report repeats its strings (paths, vendor ids, kinds) thousands of times: scrub each once
  const done = new Map<string, string>()
  const visit = (value: unknown): unknown => {
    if (typeof value === 'string') {
      let out = done.get(value)
      if (out === undefined) {
        out = redactText(value, rules, known)
        done.set(value, out)
      }
      return out
    }
    if (Array.isArray(value)) return value.map(visit)
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(value)) out[k] = visit(v)
      return out
    }
    return value
  }
  return visit(report) as T
}

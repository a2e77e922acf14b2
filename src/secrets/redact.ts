// Never print a secret. Detectors report a secret only in redacted form; this pass then scrubs the whole
// report (messages, quotes, evidence values, URLs, reasons) of every raw value the detectors saw and of
// anything shaped like a credential, before any reporter runs, so a new output format is safe by construction.
import { findProviderSecrets, maskUrlPassword, type ProviderRule } from '../secrets/patterns.js'

/** Values shorter than this show no characters at all. */
const MIN_LENGTH_FOR_SUFFIX = 20

/**
 * The printable form of a secret: a known, non-secret prefix (`sk_live_`) and at most the last four
 * characters (`sk_live_…9f2c`); short values show nothing (`****`).
 */
export function redactSecret(value: string, prefix = ''): string {
  const shown = value.startsWith(prefix) ? prefix : ''
  if (value.length - shown.length < MIN_LENGTH_FOR_SUFFIX) return `${shown}****`
  return `${shown}…${value.slice(-4)}`
}

/** `postgres://app:s3cret@db:5432/x` → `postgres://app:****@db:5432/x`. */
export const redactUrlPassword = maskUrlPassword

/** Replaces every known raw secret and every string shaped like one of the rules' credentials in `text`. */
export function redactText(text: string, rules: readonly ProviderRule[], known: readonly string[] = []): string {
  let out = text
  for (const secret of known) {
    if (secret.length >= 6 && out.includes(secret)) out = out.split(secret).join(redactSecret(secret))
  }
  if (out.includes('://')) out = redactUrlPassword(out)
  // a private key in full: everything from the header to the footer goes
  if (out.includes('PRIVATE KEY-----')) out = out.replace(/(-----BEGIN [A-Z ]{0,30}PRIVATE KEY(?: BLOCK)?-----)[^-]{0,20000}(?:-----END [A-Z ]{0,30}PRIVATE KEY(?: BLOCK)?-----)?/g, '$1 ****')
  for (const m of findProviderSecrets(out, rules).reverse()) {
    out = out.slice(0, m.start) + redactSecret(m.value, m.rule.prefix(m.value)) + out.slice(m.end)
  }
  return out
}

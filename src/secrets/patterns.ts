// Credentials by their published formats, and the value tests shared by every secret rule.
//
// Each pattern is linear: bounded repeats of one character class, anchored by a literal prefix that a
// cheap `includes` prefilter checks first, so a file without `sk_`, `ghp_`, `AKIA`… costs one scan per hint.
// Where a format needs more than a regex (OpenAI's `T3BlbkFJ` marker, a PEM body), `accept` checks the match.
import type { SecretMode } from '../types/index.js'

export interface ProviderRule {
  id: string
  /** What the credential is, for messages: "a Stripe secret key". */
  label: string
  /** Catalog id of the provider, when the catalog has it. */
  vendor?: string
  /** Literal substrings, one of which every match contains: the prefilter. */
  hints: string[]
  /** A literal every match also contains, checked before the pattern runs (a hint as common as `://` is not enough). */
  requires?: string
  pattern: RegExp
  /** Extra validation on the whole match (and the text around it). */
  accept?(value: string, text: string, index: number): boolean
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

/** Passwords of local databases in compose files and READMEs: committed on purpose, open nothing real. */
const DEV_PASSWORDS = new Set(['postgres', 'password', 'secret', 'admin', 'root', 'mysql', 'redis', 'guest', 'example', 'localdev', 'development', 'rabbitmq', 'mongodb', 'mariadb', 'supersecret'])

const fixedPrefix = (length: number) => (value: string) => value.slice(0, length)

/** A PEM private key header followed by a real base64 body (not `...` or an empty block). */
function pemBody(text: string, index: number): string {
  return text.slice(index, index + 400).replace(/-----BEGIN[^-]{0,60}-----/, '').replace(/\\n|\\r|[\s"'`+]/g, '')
}

/**
 * A real key body starts with its format's magic bytes in base64: ASN.1 `MI…` (PKCS#1, PKCS#8, SEC1) or
 * `b3BlbnNzaC1rZXktdjE` (OpenSSH); PGP armour has a header line first. Borrowed from secretlint's privatekey rule.
 */
function hasPemBody(value: string, text: string, index: number): boolean {
  const body = pemBody(text, index)
  if (!/^[A-Za-z0-9+/=]{40}/.test(body) || !looksRandom(body.slice(0, 64), 40, 4)) return false
  return value.includes('PGP') || /^(?:MI|b3BlbnNzaC1rZXktdjE)/.test(body)
}

export const PROVIDER_RULES: ProviderRule[] = [
  {
    // Clerk uses the same sk_live_/sk_test_ shape; the variable name (CLERK_SECRET_KEY) tells them apart
    id: 'stripe-secret-key', label: 'a Stripe secret key', vendor: 'stripe', hints: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_'],
    pattern: /(?<![A-Za-z0-9_])[sr]k_(?:live|test)_[A-Za-z0-9]{24,247}(?![A-Za-z0-9])/g,
    accept: (v) => looksRandom(v.slice(8), 24, 3.5),
    mode: (v) => (v.slice(3, 7) === 'test' ? 'test' : 'live'),
    prefix: fixedPrefix(8),
  },
  {
    id: 'stripe-webhook-secret', label: 'a Stripe webhook signing secret', vendor: 'stripe', hints: ['whsec_'],
    pattern: /(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+/=]{24,128}(?![A-Za-z0-9+/=])/g,
    accept: (v) => looksRandom(v.slice(6), 24, 3.5),
    prefix: fixedPrefix(6),
  },
  {
    id: 'github-token', label: 'a GitHub token', vendor: 'github', hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    pattern: /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9])/g,
    accept: (v) => looksRandom(v.slice(4), 30, 3.5),
    prefix: fixedPrefix(4),
  },
  {
    id: 'github-fine-grained-token', label: 'a GitHub fine-grained token', vendor: 'github', hints: ['github_pat_'],
    pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{60,255}(?![A-Za-z0-9_])/g,
    accept: (v) => looksRandom(v.slice(11), 60, 4),
    prefix: fixedPrefix(11),
  },
  {
    id: 'anthropic-api-key', label: 'an Anthropic API key', vendor: 'anthropic', hints: ['sk-ant-'],
    pattern: /(?<![A-Za-z0-9_-])sk-ant-(?:api|admin|oat)\d\d-[A-Za-z0-9_-]{80,120}(?![A-Za-z0-9_-])/g,
    // the random body follows the second dash: `sk-ant-api03-…` and `sk-ant-admin01-…` alike
    accept: (v) => looksRandom(v.slice(v.indexOf('-', 7) + 1), 80, 4),
    prefix: fixedPrefix(7),
  },
  {
    // every current OpenAI key (sk-proj-, sk-svcacct-, sk-admin-, legacy sk-) carries the base64 of "OpenAI" in its body
    id: 'openai-api-key', label: 'an OpenAI API key', vendor: 'openai', hints: ['T3BlbkFJ'],
    pattern: /(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{40,400}(?![A-Za-z0-9_-])/g,
    accept: (v) => v.includes('T3BlbkFJ') && !v.startsWith('sk-ant-') && looksRandom(v, 40, 4),
    prefix: (v) => (/^sk-(?:proj|svcacct|admin|None)-/.exec(v)?.[0] ?? 'sk-'),
  },
  {
    id: 'slack-token', label: 'a Slack token', vendor: 'slack', hints: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe-', 'xoxo-', 'xapp-'],
    pattern: /(?<![A-Za-z0-9_-])(?:xox[bpareso]|xapp)-(?:\d+-)?[A-Za-z0-9-]{10,250}(?![A-Za-z0-9-])/g,
    accept: (v) => looksRandom(v.slice(5).replace(/-/g, ''), 20, 3.3),
    prefix: fixedPrefix(5),
  },
  {
    id: 'slack-webhook', label: 'a Slack incoming-webhook URL', vendor: 'slack', hints: ['hooks.slack.com/services/'],
    pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,14}\/B[A-Z0-9]{6,14}\/[A-Za-z0-9]{20,40}(?![A-Za-z0-9])/g,
    accept: (v) => looksRandom(v.slice(v.lastIndexOf('/') + 1), 20, 3.5),
    prefix: (v) => v.slice(0, v.lastIndexOf('/') + 1),
  },
  {
    id: 'discord-webhook', label: 'a Discord webhook URL', hints: ['/api/webhooks/'],
    pattern: /https:\/\/(?:canary\.|ptb\.)?discord(?:app)?\.com\/api\/webhooks\/\d{5,30}\/[A-Za-z0-9_-]{60,80}(?![A-Za-z0-9_-])/g,
    accept: (v) => looksRandom(v.slice(v.lastIndexOf('/') + 1), 60, 4),
    prefix: (v) => v.slice(0, v.lastIndexOf('/') + 1),
  },
  {
    // Firebase web config and Maps browser keys are AIza… too; those bound to a public name are dropped by the caller
    id: 'google-api-key', label: 'a Google API key', vendor: 'google-cloud', hints: ['AIza'],
    pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g,
    accept: (v) => looksRandom(v.slice(4), 30, 3.5),
    prefix: fixedPrefix(4),
  },
  {
    // an access key id alone opens nothing; with a 40-character secret beside it, it is a working credential
    id: 'aws-access-key', label: 'an AWS access key pair', vendor: 'aws', hints: ['AKIA', 'ASIA'],
    pattern: /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/g,
    accept: (v, text, index) => {
      if (v.endsWith('EXAMPLE')) return false
      const window = text.slice(Math.max(0, index - 400), index + 420)
      for (const m of window.matchAll(/(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g)) {
        if (looksRandom(m[0], 40, 4) && /[a-z]/.test(m[0]) && /[A-Z]/.test(m[0]) && !m[0].includes('EXAMPLE')) return true
      }
      return false
    },
    prefix: fixedPrefix(4),
  },
  {
    id: 'private-key', label: 'a private key (PEM)', hints: ['PRIVATE KEY-----', 'PRIVATE KEY BLOCK-----'],
    pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/g,
    accept: hasPemBody,
    prefix: (v) => v,
    // the first run of the body as it stands in the text, so the redaction pass finds it verbatim
    secretOf: (_v, text, index) => (/^-----BEGIN[^-]{0,60}-----(?:\\[nr]|[\s"'`+]){0,20}([A-Za-z0-9+/=]{16,64})/.exec(text.slice(index, index + 400))?.[1] ?? ''),
  },
  {
    id: 'npm-token', label: 'an npm access token', hints: ['npm_'],
    pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g,
    accept: (v) => looksRandom(v.slice(4), 30, 3.5),
    prefix: fixedPrefix(4),
  },
  {
    id: 'sendgrid-api-key', label: 'a SendGrid API key', vendor: 'sendgrid', hints: ['SG.'],
    pattern: /(?<![A-Za-z0-9_])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g,
    accept: (v) => looksRandom(v.slice(3), 40, 4),
    prefix: fixedPrefix(3),
  },
  {
    id: 'resend-api-key', label: 'a Resend API key', vendor: 'resend', hints: ['re_'],
    pattern: /(?<![A-Za-z0-9_])re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}(?![A-Za-z0-9])/g,
    accept: (v) => looksRandom(v.slice(3), 30, 3.5),
    prefix: fixedPrefix(3),
  },
  {
    id: 'huggingface-token', label: 'a Hugging Face token', vendor: 'hugging-face', hints: ['hf_'],
    pattern: /(?<![A-Za-z0-9_])hf_[A-Za-z]{34,40}(?![A-Za-z0-9])/g,
    accept: (v) => looksRandom(v.slice(3), 30, 3.5) && /[A-Z]/.test(v) && /[a-z]/.test(v.slice(3)),
    prefix: fixedPrefix(3),
  },
  {
    id: 'groq-api-key', label: 'a Groq API key', vendor: 'groq', hints: ['gsk_'],
    pattern: /(?<![A-Za-z0-9_])gsk_[A-Za-z0-9]{52}(?![A-Za-z0-9])/g,
    accept: (v) => looksRandom(v.slice(4), 40, 4),
    prefix: fixedPrefix(4),
  },
  {
    // PostHog personal API keys (phx_) are secrets; project keys (phc_) are public by design
    id: 'posthog-personal-api-key', label: 'a PostHog personal API key', vendor: 'posthog', hints: ['phx_'],
    pattern: /(?<![A-Za-z0-9_])phx_[A-Za-z0-9]{40,60}(?![A-Za-z0-9])/g,
    accept: (v) => looksRandom(v.slice(4), 40, 4),
    prefix: fixedPrefix(4),
  },
  {
    id: 'e2b-api-key', label: 'an E2B API key', vendor: 'e2b', hints: ['e2b_'],
    pattern: /(?<![A-Za-z0-9_])e2b_[a-f0-9]{40}(?![A-Za-z0-9])/g,
    accept: (v) => looksRandom(v.slice(4), 40, 3.3),
    prefix: fixedPrefix(4),
  },
  {
    // a password inside a URL: postgres://app:s3cr3t@db…, https://user:pass@host. Sentry DSNs carry a public key only.
    id: 'url-credentials', label: 'a password in a connection URL', hints: ['://'], requires: '@',
    pattern: /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|https?|ftps?):\/\/[^\s:@/'"`<>]{1,128}:[^\s@/'"`<>]{1,256}@[A-Za-z0-9][^\s/'"`<>:]{0,255}/g,
    accept: (v) => {
      const userStart = v.indexOf('://') + 3
      const colon = v.indexOf(':', userStart)
      const user = v.slice(userStart, colon)
      const password = v.slice(colon + 1, v.lastIndexOf('@'))
      if (/sentry\.io|ingest\.(?:us|de)\.sentry/.test(v)) return false
      if (password.length < 8 || password === user || DEV_PASSWORDS.has(password.toLowerCase())) return false
      if (isPlaceholder(password) || /^[$%]|\$\{|\$[A-Z_]/.test(password)) return false
      return entropy(password) >= 3
    },
    prefix: (v) => v.slice(0, v.indexOf('://') + 3),
    secretOf: (v) => v.slice(v.indexOf(':', v.indexOf('://') + 3) + 1, v.lastIndexOf('@')),
    display: maskUrlPassword,
  },
]

const MAX_MATCHES_PER_RULE = 200

const HINT_PATTERNS = new WeakMap<ProviderRule[], RegExp>()

/** Which rules' literal hints occur in the text: one pass over it instead of one `includes` per hint. */
function hintsIn(text: string, rules: ProviderRule[]): Set<string> {
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
export function findProviderSecrets(text: string, rules: ProviderRule[] = PROVIDER_RULES): ProviderMatch[] {
  const out: ProviderMatch[] = []
  const present = hintsIn(text, rules)
  for (const rule of rules) {
    if (!rule.hints.some((h) => present.has(h)) || (rule.requires && !text.includes(rule.requires))) continue
    rule.pattern.lastIndex = 0
    let found = 0
    for (const m of text.matchAll(rule.pattern)) {
      const value = m[0]
      const start = m.index ?? 0
      if (rule.accept && !rule.accept(value, text, start)) continue
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

// The rules findProviderSecrets runs: every catalog vendor's published formats (data/vendors/<id>.yaml, `secrets:`),
// then the formats no vendor owns (PEM private keys, npm tokens, passwords in URLs). A vendor format is data; what a
// format means (its random body, its shown prefix, its mode, its named validator) is interpreted here once per catalog.
import type { Catalog } from '../catalog/index.js'
import type { SecretFormat } from '../catalog/secret-formats.js'
import { entropy, isPlaceholder, looksRandom, maskUrlPassword, type ProviderRule } from './patterns.js'
import type { SecretMode } from '../types/index.js'
import { isPrivateKeyBody, keyBodyLine } from './private-keys.js'
import { SECRET_VALIDATORS } from './validators.js'

/** Passwords of local databases in compose files and READMEs: committed on purpose, open nothing real. */
const DEV_PASSWORDS = new Set(['postgres', 'password', 'secret', 'admin', 'root', 'mysql', 'redis', 'guest', 'example', 'localdev', 'development', 'rabbitmq', 'mongodb', 'mariadb', 'supersecret'])

const fixedPrefix = (length: number) => (value: string) => value.slice(0, length)

/** PGP armour: a random base64 body after the header (its packets are not read). */
function hasPgpBody(text: string, index: number): boolean {
  const body = text.slice(index, index + 400).replace(/-----BEGIN[^-]{0,60}-----/, '').replace(/\\n|\\r|[\s"'`+]/g, '')
  return /^[A-Za-z0-9+/=]{40}/.test(body) && looksRandom(body.slice(0, 64), 40, 4)
}

/** The formats that belong to no catalog vendor; they run after the vendors' formats. */
const GENERIC_RULES: ProviderRule[] = [
  {
    id: 'private-key', label: 'a private key (PEM)', hints: ['PRIVATE KEY-----', 'PRIVATE KEY BLOCK-----'],
    pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/g,
    accept: (v, text, index) => (v.includes('PGP') ? hasPgpBody(text, index) : isPrivateKeyBody(text, index + v.length)),
    prefix: (v) => v,
    secretOf: (v, text, index) => keyBodyLine(text, index + v.length),
  },
  {
    id: 'npm-token', label: 'an npm access token', hints: ['npm_'],
    pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g,
    accept: (v) => looksRandom(v.slice(4), 30, 3.5),
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

/** Longest first, so `sk-proj-` is shown rather than `sk-`. */
const longestFirst = (prefixes: string[]) => [...prefixes].sort((a, b) => b.length - a.length)

/** The random part of a credential (its `body` group, else the whole match) passes the format's `random` test. */
function looksRandomEnough(body: string, random: NonNullable<SecretFormat['random']>): boolean {
  const { ignore, mixedCase } = random
  const kept = ignore ? [...body].filter((c) => !ignore.includes(c)).join('') : body
  if (mixedCase && !(/[A-Z]/.test(kept) && /[a-z]/.test(kept))) return false
  return looksRandom(kept, random.length, random.entropy)
}

/** A vendor's format as a rule. */
function formatRule(format: SecretFormat): ProviderRule {
  const { random, validate } = format
  const validator = validate ? SECRET_VALIDATORS[validate] : undefined
  const modes = format.modes ? longestFirst(Object.keys(format.modes)).map((p) => [p, format.modes![p]] as const) : undefined
  const prefixes = format.prefix ? longestFirst(format.prefix) : undefined
  // the shown prefix is what precedes the body: the value matched again on its own gives the body's offset
  const whole = new RegExp(`^(?:${format.pattern})$`, 'd')
  return {
    id: format.id,
    label: format.label,
    vendor: format.vendor,
    hints: format.hints,
    ...(format.requires ? { requires: format.requires } : {}),
    pattern: format.regex,
    accept: (value, text, index, groups) => (!random || looksRandomEnough(groups?.body ?? value, random)) && (!validator || validator(value, text, index)),
    ...(modes ? { mode: (value: string): SecretMode | undefined => modes.find(([p]) => value.startsWith(p))?.[1] } : {}),
    prefix: prefixes
      ? (value) => prefixes.find((p) => value.startsWith(p)) ?? ''
      : (value) => value.slice(0, whole.exec(value)?.indices?.groups?.body?.[0] ?? 0),
  }
}

const RULES = new WeakMap<Catalog, readonly ProviderRule[]>()

/** The rules of a catalog, built on first use: the detector asks for them on every file, the report stage once. */
export function providerRules(catalog: Catalog): readonly ProviderRule[] {
  let rules = RULES.get(catalog)
  if (!rules) {
    rules = [...catalog.secretFormats.map(formatRule), ...GENERIC_RULES]
    RULES.set(catalog, rules)
  }
  return rules
}

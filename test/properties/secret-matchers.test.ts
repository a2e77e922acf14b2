// Property-based tests for the secret matchers: the provider-format rules (src/detect/secrets/patterns.ts) and the
// secret-name heuristics (src/detect/secrets/names.ts). They run on every string literal, env file and data file
// of a repository: they must never throw, must stay linear on hostile text, and must keep their documented promises.
//
// Credential-shaped values are built at run time from random characters: this file holds no string a secret scanner
// would take for a live key (see test/helpers/fake-secrets.ts for the same rule).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { GETTER_PREPOSITIONS, getterCategory, isDecryptName, isMetadataName, isPublicEnvName, isSecretHeader, METADATA_WORDS, secretEnvCategory, secretNameCategory, splitWords } from '../../src/secrets/names.js'
import { entropy, isPlaceholder, looksRandom, maskUrlPassword, type ProviderMatch } from '../../src/secrets/patterns.js'
import { opensshAround } from '../helpers/private-keys.js'
import { findProviderSecrets, PROVIDER_RULES } from '../helpers/secrets.js'
import { CALL_BOUND_MS, expectLinear, fastest, fill } from '../helpers/timing.js'

const join = (...parts: string[]) => parts.join('')

// ---------------------------------------------------------------------------------------------------------------
// alphabets and adversarial fragments

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const LOWER = 'abcdefghijklmnopqrstuvwxyz'
const DIGITS = '0123456789'
const ALNUM = UPPER + LOWER + DIGITS
const B64 = `${ALNUM}+/`
const HEX = '0123456789abcdef'

/** Every rule's literal hints, and the characters its bounded repeats and lookarounds react to. */
const SECRET_FRAGMENTS = [
  ...new Set(PROVIDER_RULES.flatMap((r) => r.hints)),
  join('sk', '_live_'), join('rk', '_test_'), 'sk-', join('sk-', 'ant-', 'api03-'), join('sk-', 'proj-'), 'xoxb-1-', 'https://', 'postgres://', 'http://u:',
  '-----BEGIN ', '-----BEGIN RSA ', 'PRIVATE KEY-----', join('-----BEGIN PRIV', 'ATE KEY-----\n'), '-----END ', 'MII', 'b3BlbnNzaC1rZXktdjE', 'EXAMPLE',
  'a', 'A', 'Z', '0', '1', '7', 'f', 'x', '_', '-', '.', ':', '/', '@', '=', '+', '$', '{', '}', '%(', '"', "'", '`', ' ', '\t', '\n', '\r\n', '\\', '\\n',
  'Ab3+/', 'deadbeef', 'aB3dE6gH9jK2mN5p', 'xxxx', '<', '>', 'é', '😀',
]

/** Long strings built by repeating a short combination of fragments (up to ~60k chars), plus a random tail. */
const adversarialText = fc
  .tuple(fc.array(fc.constantFrom(...SECRET_FRAGMENTS), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1_000, max: 60_000 }), fc.string({ maxLength: 20 }))
  .map(([parts, length, tail]) => fill(parts.join(''), length) + tail)

/** Short random code-like text: fragments mixed with arbitrary (also non-BMP, lone-surrogate) strings. */
const messyText = fc
  .array(fc.oneof(fc.constantFrom(...SECRET_FRAGMENTS), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 40 })
  .map((parts) => parts.join(''))

// ---------------------------------------------------------------------------------------------------------------
// credential generators, one per provider rule, read off the rules' patterns and `accept` checks

/** Characters for the random part of a credential. */
type Chars = (alphabet: string, min: number, max?: number) => fc.Arbitrary<string>
/** Uniformly random characters (no bias towards short or repeated values): what a real key looks like. */
const random: Chars = (alphabet, min, max = min) => fc.noBias(fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max }))
/** One character repeated: the right shape, but a placeholder (`isPlaceholder`: six of one character in a row). */
const repeated: Chars = (alphabet, min, max = min) => fc.tuple(fc.constantFrom(...alphabet), fc.integer({ min: Math.max(min, 6), max })).map(([c, n]) => c.repeat(n))

interface Credential {
  rule: string
  /** What is written in the file (for an AWS key, the id and its secret on two lines). */
  snippet: string
  /** The match the rule must report: exactly, or (for a URL, whose host part runs to the next delimiter) as a prefix. */
  value: string
  exact: boolean
  /** The raw secret redaction must hide. */
  secret: string
  mode?: 'live' | 'test'
  /** The part `accept` requires to be random: a real key is not a placeholder, and has the entropy its rule asks for. */
  random: string
  minEntropy: number
}

const pick = <T,>(...values: T[]) => fc.constantFrom(...values)
const simple = (rule: string, value: string, random: string, minEntropy: number, extra: Partial<Credential> = {}): Credential => ({ rule, snippet: value, value, exact: true, secret: value, random, minEntropy, ...extra })

/**
 * A PEM private key: header, body, footer. The body is a key's container (a DER SEQUENCE, or openssh-key-v1) around
 * bytes decoded from `body`'s characters, so `repeated` gives a container of filler; PGP armour is random base64.
 */
function pemKey(body: Chars, kinds: string[]): fc.Arbitrary<Credential> {
  return fc.tuple(fc.constantFrom(...kinds), body(B64, 128, 256), pick('\n', '\\n', '\r\n'))
    .map(([kind, chars, nl]) => {
      const material = Buffer.from(chars, 'base64')
      const der = () => Buffer.concat([Buffer.from([0x30, 0x81, material.length + 6, 0x02, 0x01, 0x00, 0x04, 0x81, material.length]), material])
      const block = kind === 'PGP ' ? ' BLOCK' : ''
      const header = join('-----BEGIN ', kind, 'PRIV', 'ATE KEY', block, '-----')
      const lines = kind === 'PGP '
        ? (`lQ${chars}`.match(/.{1,64}/g) ?? [])
        : kind === 'OPENSSH ' ? opensshAround(material).split('\n').slice(1, -2) : (der().toString('base64').match(/.{1,64}/g) ?? [])
      const snippet = [header, ...lines, join('-----END ', kind, 'PRIV', 'ATE KEY', block, '-----')].join(nl)
      // the secret is a line from the middle of the body; PGP's body wants its first 64 characters random, the others the key bytes
      const runs = lines.filter((l) => l.length >= 16)
      const random = kind === 'PGP ' ? `lQ${chars}`.replace(/\+/g, '').slice(0, 64) : material.toString('base64')
      return { rule: 'private-key', snippet, value: header, exact: true, secret: runs[runs.length >> 1], random, minEntropy: 4 }
    })
}

/** Each rule's credential; `body` supplies the characters its `accept` check wants random. */
function credentials(body: Chars): Record<string, fc.Arbitrary<Credential>> {
  return {
    'stripe-secret-key': fc.tuple(pick('s', 'r'), pick('live', 'test'), body(ALNUM, 24, 99)).map(([k, mode, b]) => simple('stripe-secret-key', join(k, 'k_', mode, '_', b), b, 3.5, { mode: mode as 'live' | 'test' })),
    'stripe-webhook-secret': body(`${ALNUM}+/`, 24, 64).map((b) => simple('stripe-webhook-secret', join('wh', 'sec_', b), b, 3.5)),
    'github-token': fc.tuple(pick('p', 'o', 'u', 's', 'r'), body(ALNUM, 36, 80)).map(([k, b]) => simple('github-token', join('gh', k, '_', b), b, 3.5)),
    'github-fine-grained-token': fc.tuple(body(ALNUM, 22), body(ALNUM, 59)).map(([a, b]) => simple('github-fine-grained-token', join('github', '_pat_', a, '_', b), `${a}_${b}`, 4)),
    'anthropic-api-key': fc.tuple(pick('api', 'admin', 'oat'), random(DIGITS, 2), body(`${ALNUM}_-`, 80, 120)).map(([k, d, b]) => simple('anthropic-api-key', join('sk-', 'ant-', k, d, '-', b), b, 4)),
    'openai-api-key': fc.tuple(pick('', 'proj-', 'svcacct-', 'admin-', 'None-'), body(`${ALNUM}_-`, 16, 100), body(`${ALNUM}_-`, 16, 100))
      .filter(([k, a]) => k !== '' || !a.startsWith('ant-'))
      .map(([k, a, b]) => join('sk-', k, a, 'T3Blbk', 'FJ', b))
      .map((v) => simple('openai-api-key', v, v, 4)),
    'slack-token': fc.tuple(pick('xoxb', 'xoxp', 'xoxa', 'xoxr', 'xoxs', 'xoxe', 'xoxo', 'xapp'), random(DIGITS, 10, 13), random(DIGITS, 10, 13), body(ALNUM, 24, 32))
      .map(([k, d1, d2, b]) => simple('slack-token', join(k, '-', d1, '-', d2, '-', b), `${d1}${d2}${b}`, 3.3)),
    'slack-webhook': fc.tuple(random(UPPER + DIGITS, 6, 14), random(UPPER + DIGITS, 6, 14), body(ALNUM, 20, 40))
      .map(([t, b, s]) => simple('slack-webhook', join('https://hooks.', 'slack.com/services/T', t, '/B', b, '/', s), s, 3.5)),
    'discord-webhook': fc.tuple(pick('', 'canary.', 'ptb.'), pick('discord', 'discordapp'), random(DIGITS, 5, 30), body(`${ALNUM}_-`, 60, 80))
      .map(([sub, host, id, s]) => simple('discord-webhook', join('https://', sub, host, '.com/api/webhooks/', id, '/', s), s, 4)),
    'google-api-key': body(`${ALNUM}_-`, 35).map((b) => simple('google-api-key', join('AI', 'za', b), b, 3.5)),
    'aws-access-key': fc.tuple(pick('AKIA', 'ASIA'), random(`${UPPER}234567`, 16), body(`${ALNUM}/+`, 40))
      .filter(([, id, s]) => !id.endsWith('EXAMPLE') && (body === repeated || (/[a-z]/.test(s) && /[A-Z]/.test(s))))
      .map(([k, id, s]) => ({ rule: 'aws-access-key', snippet: `aws_access_key_id = ${k}${id}\naws_secret_access_key = ${s}`, value: k + id, exact: true, secret: k + id, random: s, minEntropy: 4 })),
    'private-key': pemKey(body, ['', 'RSA ', 'EC ', 'DSA ', 'OPENSSH ', 'ENCRYPTED ', 'PGP ']),
    'npm-token': body(ALNUM, 36).map((b) => simple('npm-token', join('np', 'm_', b), b, 3.5)),
    'sendgrid-api-key': fc.tuple(body(`${ALNUM}_-`, 22), body(`${ALNUM}_-`, 43)).map(([a, b]) => simple('sendgrid-api-key', join('S', 'G.', a, '.', b), `${a}.${b}`, 4)),
    'resend-api-key': fc.tuple(body(ALNUM, 8), body(ALNUM, 24)).map(([a, b]) => simple('resend-api-key', join('r', 'e_', a, '_', b), `${a}_${b}`, 3.5)),
    'huggingface-token': body(UPPER + LOWER, 34, 40)
      .filter((b) => body === repeated || (/[A-Z]/.test(b) && /[a-z]/.test(b)))
      .map((b) => simple('huggingface-token', join('h', 'f_', b), b, 3.5)),
    'groq-api-key': body(ALNUM, 52).map((b) => simple('groq-api-key', join('gs', 'k_', b), b, 4)),
    'posthog-personal-api-key': body(ALNUM, 40, 60).map((b) => simple('posthog-personal-api-key', join('ph', 'x_', b), b, 4)),
    'e2b-api-key': body(HEX, 40).map((b) => simple('e2b-api-key', join('e2', 'b_', b), b, 3.3)),
    'url-credentials': fc.tuple(
      pick('postgres', 'postgresql', 'mysql', 'mariadb', 'mongodb', 'mongodb+srv', 'redis', 'rediss', 'amqp', 'amqps', 'http', 'https', 'ftp', 'ftps'),
      fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/),
      body(ALNUM, 12, 40),
      fc.stringMatching(/^[a-z0-9]{1,10}(\.[a-z0-9]{1,10}){0,3}$/).filter((h) => !h.includes('sentry')),
      pick('', ':5432', ':6379/0', '/app', ':27017/db?ssl=true'),
    ).map(([scheme, user, password, host, tail]) => {
      const value = `${scheme}://${user}:${password}@${host}`
      return { rule: 'url-credentials', snippet: value + tail, value, exact: false, secret: password, random: password, minEntropy: 3 }
    }),
  }
}

const REAL = credentials(random)
const PLACEHOLDERS = credentials(repeated)
const RULE_IDS = PROVIDER_RULES.map((r) => r.id)
/**
 * A real-looking credential: random where its rule wants randomness. Uniform random characters nearly always pass;
 * the filter drops the rare draw that spells a placeholder marker (`your`, `1234567`…) and keeps shrunk counterexamples real.
 */
const looksReal = (c: Credential) => !isPlaceholder(c.random) && entropy(c.random) >= c.minEntropy
const realCredential = fc.noBias(fc.constantFrom(...RULE_IDS)).chain((id) => REAL[id].filter(looksReal))

/** How code, config and data files hold a credential: the text before and after it on its line. */
const CONTEXTS: Array<[string, string]> = [
  ['const key = "', '";'], ["  apiKey: '", "',"], ['KEY=', ''], ['export TOKEN=', ' # prod'], ['{"token": "', '"}'], ['Authorization: Bearer ', ''],
  ['const k = `', '`'], ["headers: { 'x-api-key': ", ' }'], ['<meta content="', '">'], ['', ''], ['password = "', '"  # do not commit'], ['  - ', ''],
]

/** Text around the credential's line: random code and adversarial fragments on lines of their own. */
const surroundings = fc.tuple(messyText, fc.noBias(fc.constantFrom(...CONTEXTS)), messyText)

function expectMatchesWellFormed(text: string, found: ProviderMatch[]): void {
  let lastEnd = 0
  for (const m of found) {
    // sorted and non-overlapping: where two rules overlap, the first wins
    expect(m.start).toBeGreaterThanOrEqual(lastEnd)
    lastEnd = m.end
    // the value is the text at the reported offsets, and the raw secret is in the text too
    expect(text.slice(m.start, m.end)).toBe(m.value)
    expect(m.secret.length).toBeGreaterThan(0)
    expect(text).toContain(m.secret)
    // the printable prefix is a prefix of the value, and the value holds one of the rule's hints (the prefilter)
    expect(m.value.startsWith(m.rule.prefix(m.value))).toBe(true)
    expect(m.rule.hints.some((h) => m.value.includes(h))).toBe(true)
  }
}

// ---------------------------------------------------------------------------------------------------------------

describe('findProviderSecrets', () => {
  it('never throws, and every match is a well-formed, non-overlapping piece of the input', () => {
    fc.assert(fc.property(fc.oneof(messyText, fc.string({ unit: 'binary', maxLength: 200 }), adversarialText.map((t) => t.slice(0, 5_000))), (text) => {
      expectMatchesWellFormed(text, findProviderSecrets(text))
    }), { numRuns: 300 })
  })

  it('matches are well-formed also in text dense with real-looking credentials of every kind', () => {
    const dense = fc.array(fc.oneof(realCredential.map((c) => c.snippet), fc.constantFrom(...SECRET_FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 30 }).map((p) => p.join(''))
    fc.assert(fc.property(dense, (text) => {
      expectMatchesWellFormed(text, findProviderSecrets(text))
    }), { numRuns: 200 })
  })

  it('finds a real-looking credential of every provider rule on a line of arbitrary code, and reports it exactly', () => {
    fc.assert(fc.property(realCredential, surroundings, (c, [before, [open, close], after]) => {
      const line = open + c.snippet + close
      const text = `${before}\n${line}\n${after}`
      const at = before.length + 1 + open.length + c.snippet.indexOf(c.value)
      const found = findProviderSecrets(text)
      expectMatchesWellFormed(text, found)
      const hit = found.find((m) => m.start === at)
      expect(hit, `${c.rule} not found in ${JSON.stringify(line)}`).toBeDefined()
      expect(hit!.rule.id).toBe(c.rule)
      if (c.exact) expect(hit!.value).toBe(c.value)
      else expect(hit!.value.startsWith(c.value)).toBe(true)
      expect(hit!.secret).toBe(c.secret)
      expect(hit!.mode).toBe(c.mode)
    }), { numRuns: 400 })
  })

  it('every rule is exercised by the generators', () => {
    expect(Object.keys(REAL).sort()).toEqual([...RULE_IDS].sort())
  })

  it('does not report a credential of the right shape whose random part is one repeated character (a placeholder)', () => {
    // lower-case code words only around it: they cannot form an AWS secret (which needs upper and lower case)
    const words = fc.array(fc.constantFrom('const', 'x', ' ', '=', ';', '\n', '(', ')', '{', '}', '"', 'return', 'key', '42', '.', ','), { maxLength: 30 }).map((w) => w.join(''))
    const placeholder = fc.noBias(fc.constantFrom(...RULE_IDS)).chain((id) => PLACEHOLDERS[id])
    fc.assert(fc.property(placeholder, words, fc.noBias(fc.constantFrom(...CONTEXTS)), words, (c, before, [open, close], after) => {
      const text = `${before}\n${open}${c.snippet}${close}\n${after}`
      const start = before.length + 1 + open.length
      const end = start + c.snippet.length
      const hits = findProviderSecrets(text).filter((m) => m.start < end && start < m.end)
      expect(hits.map((m) => `${m.rule.id}: ${m.value}`)).toEqual([])
    }), { numRuns: 300 })
  })

  // a regression: the rule's hint once was only 'PRIVATE KEY-----', which PGP armour ('…PRIVATE KEY BLOCK-----') lacks
  it('finds a PGP private key block', () => {
    fc.assert(fc.property(pemKey(random, ['PGP ']).filter(looksReal), (c) => {
      expect(findProviderSecrets(`const key = \`${c.snippet}\``).map((m) => m.rule.id)).toEqual(['private-key'])
    }), { numRuns: 10 })
  })

  // a regression: accept once checked v.slice(14), one past the end of 'sk-ant-api03-', so an 80-character body was missed
  it('finds an Anthropic key with an 80-character body (the pattern minimum)', () => {
    fc.assert(fc.property(pick('api', 'oat'), random(`${ALNUM}_-`, 80).filter((b) => !isPlaceholder(b) && entropy(b.slice(1)) >= 4), (kind, b) => {
      expect(findProviderSecrets(`KEY=${join('sk-', 'ant-', kind, '03-', b)}\n`).map((m) => m.rule.id)).toEqual(['anthropic-api-key'])
    }), { numRuns: 10 })
  })

  it('does not report public keys: Stripe publishable keys (pk_) and PostHog project keys (phc_)', () => {
    fc.assert(fc.property(pick('live', 'test'), random(ALNUM, 24, 99), random(ALNUM, 40, 60), surroundings, (mode, a, b, [before, [open, close], after]) => {
      for (const key of [join('p', 'k_', mode, '_', a), join('ph', 'c_', b)]) {
        const text = `${before}\n${open}${key}${close}\n${after}`
        const start = before.length + 1 + open.length
        expect(findProviderSecrets(text).filter((m) => m.start < start + key.length && start < m.end)).toEqual([])
      }
    }), { numRuns: 200 })
  })

  it('a connection URL is displayed with its password masked, host kept', () => {
    const rule = PROVIDER_RULES.find((r) => r.id === 'url-credentials')!
    fc.assert(fc.property(REAL['url-credentials'].filter(looksReal), (c) => {
      const [m] = findProviderSecrets(`DATABASE_URL=${c.snippet}\n`)
      expect(m.rule).toBe(rule)
      const at = m.value.lastIndexOf('@')
      const colon = m.value.indexOf(':', m.value.indexOf('://') + 3)
      expect(rule.display!(m.value)).toBe(`${m.value.slice(0, colon + 1)}****${m.value.slice(at)}`)
    }), { numRuns: 100 })
  })
})

describe('maskUrlPassword, isPlaceholder, entropy, looksRandom', () => {
  it('never throw on arbitrary input', () => {
    fc.assert(fc.property(fc.oneof(messyText, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
      expect(typeof maskUrlPassword(text)).toBe('string')
      expect(typeof isPlaceholder(text)).toBe('boolean')
      const bits = entropy(text)
      if (text.length > 0) expect(bits).toBeGreaterThanOrEqual(0)
      expect(typeof looksRandom(text)).toBe('boolean')
    }), { numRuns: 300 })
  })

  it('maskUrlPassword hides the password of any scheme://user:password@host in arbitrary text, and changes nothing else', () => {
    const password = fc.stringMatching(/^[A-Za-z0-9!$%*.,;~-]{1,40}$/).map((p) => `Q${p}`) // upper-case marker: the rest of the URL is lower case
    fc.assert(fc.property(messyText, fc.stringMatching(/^[a-z][a-z0-9+.-]{1,20}$/), fc.stringMatching(/^[a-z0-9._-]{1,20}$/), password, fc.stringMatching(/^[a-z0-9.-]{1,30}(:\d{1,5})?(\/[a-z0-9]{0,10})?$/), messyText, (before, scheme, user, pw, host, after) => {
      fc.pre(!before.includes('Q') && !after.includes('Q'))
      const url = `${scheme}://${user}:${pw}@${host}`
      const masked = maskUrlPassword(`${before} ${url} ${after}`)
      expect(masked).not.toContain(pw)
      expect(masked).toContain(`${scheme}://${user}:****@${host}`)
    }), { numRuns: 300 })
  })

  it('entropy is 0 for one repeated character and log2(n) for n distinct characters; looksRandom rejects placeholders', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 1 }), fc.integer({ min: 1, max: 200 }), (c, n) => {
      expect(entropy(c.repeat(n))).toBe(0)
    }), { numRuns: 100 })
    fc.assert(fc.property(fc.shuffledSubarray([...ALNUM], { minLength: 1 }), (chars) => {
      expect(entropy(chars.join(''))).toBeCloseTo(Math.log2(chars.length), 10)
    }), { numRuns: 100 })
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (text) => {
      if (isPlaceholder(text)) expect(looksRandom(text, 0, 0)).toBe(false)
    }), { numRuns: 200 })
  })
})

// ---------------------------------------------------------------------------------------------------------------
// names

type Style = (words: string[]) => string
const cap = (w: string) => w[0].toUpperCase() + w.slice(1)
const STYLES: Record<string, Style> = {
  camel: (w) => w[0] + w.slice(1).map(cap).join(''),
  pascal: (w) => w.map(cap).join(''),
  snake: (w) => w.join('_'),
  screaming: (w) => w.join('_').toUpperCase(),
  kebab: (w) => w.join('-'),
  dotted: (w) => w.join('.'),
}
const style = fc.constantFrom(...Object.keys(STYLES))
const write = (words: string[], s: string) => STYLES[s](words)

/** Secret words and pairs with the category the module documents for them (names.ts comments, secrets.test.ts). */
const SECRET_WORDS: Array<[string[], string]> = [
  [['password'], 'password'], [['passwd'], 'password'], [['passphrase'], 'password'], [['token'], 'token'], [['jwt'], 'token'], [['access', 'token'], 'token'],
  [['refresh', 'token'], 'token'], [['secret'], 'secret'], [['client', 'secret'], 'secret'], [['webhook', 'secret'], 'secret'], [['secret', 'key'], 'secret'],
  [['api', 'key'], 'api-key'], [['apikey'], 'api-key'], [['private', 'key'], 'private-key'], [['signing', 'key'], 'secret'], [['encryption', 'key'], 'secret'],
  [['credentials'], 'credential'], [['creds'], 'credential'], [['database', 'url'], 'credential'], [['redis', 'url'], 'credential'], [['connection', 'string'], 'credential'],
]
/** Words that are none of: secret words, key qualifiers, metadata, neutralizers, predicate verbs, token look-alike qualifiers. */
const NEUTRAL = ['user', 'my', 'remote', 'local', 'global', 'team', 'org', 'github', 'openai', 'upstream', 'backup', 'primary', 'stage', 'prod', 'legacy']
/** Before `token`: not a credential (`maxTokens`, `inputTokens`, `nextToken`, `csrfToken`, `designTokens`), per names.ts. */
const TOKEN_LOOKALIKE = ['max', 'min', 'input', 'output', 'prompt', 'completion', 'total', 'cached', 'next', 'page', 'cancellation', 'design', 'lexer', 'parser', 'csrf', 'push', 'device']
/** Before a secret word: not the secret in clear (`hashedPassword`, `encryptedApiKey`), per names.ts. */
const NEUTRALIZERS = ['encrypted', 'hashed', 'hash', 'masked', 'redacted', 'public', 'publishable', 'decoded', 'fake', 'mock', 'example', 'placeholder']
/** A first word that makes the name a flag, a function or a UI state (`hasToken`, `isSecret`, `showPassword`), per names.ts. */
const PREDICATES = ['is', 'has', 'should', 'can', 'show', 'hide', 'toggle', 'get', 'fetch', 'set', 'validate', 'verify', 'rotate', 'on', 'handle']

const neutralWords = fc.array(fc.constantFrom(...NEUTRAL), { maxLength: 2 })
const secretWords = fc.constantFrom(...SECRET_WORDS)
const anyWord = fc.oneof(
  fc.constantFrom(...NEUTRAL, ...TOKEN_LOOKALIKE, ...NEUTRALIZERS, ...PREDICATES, ...[...METADATA_WORDS].filter((w) => /^[a-z]{2,}$/.test(w)), 'key', 'keys', 'tokens'),
  secretWords.map(([w]) => w.join('')),
  fc.stringMatching(/^[a-z]{2,8}$/),
)

describe('secret names', () => {
  it('never throw on arbitrary input; words are lower-case alphanumeric', () => {
    fc.assert(fc.property(fc.oneof(messyText, fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ maxLength: 300 })), (name) => {
      const words = splitWords(name)
      for (const w of words) expect(w).toMatch(/^[a-z0-9]+$/)
      if (name.length > 200) expect(words).toEqual([])
      for (const fn of [secretNameCategory, secretEnvCategory, getterCategory]) {
        const category = fn(name)
        expect(category === undefined || ['api-key', 'token', 'password', 'private-key', 'credential', 'secret', 'header'].includes(category)).toBe(true)
        expect(fn(name)).toBe(category) // cached answers agree with fresh ones
      }
      expect(typeof isMetadataName(name)).toBe('boolean')
      expect(typeof isSecretHeader(name)).toBe('boolean')
      expect(typeof isDecryptName(name)).toBe('boolean')
      expect(typeof isPublicEnvName(name)).toBe('boolean')
    }), { numRuns: 300 })
  })

  it('splitWords reads every naming style back into the same words', () => {
    fc.assert(fc.property(fc.array(anyWord, { minLength: 1, maxLength: 6 }), style, (words, s) => {
      expect(splitWords(write(words, s))).toEqual(words)
    }), { numRuns: 300 })
  })

  it('the category does not depend on the naming style', () => {
    fc.assert(fc.property(fc.array(anyWord, { minLength: 1, maxLength: 6 }), (words) => {
      const categories = Object.keys(STYLES).map((s) => secretNameCategory(write(words, s)))
      expect(new Set(categories).size).toBe(1)
    }), { numRuns: 300 })
  })

  it('a secret word, after neutral words, names a secret of its documented category', () => {
    fc.assert(fc.property(neutralWords, secretWords, style, (prefix, [words, category], s) => {
      expect(secretNameCategory(write([...prefix, ...words], s))).toBe(category)
    }), { numRuns: 300 })
  })

  it('a metadata word after the secret word makes it metadata, not a secret (tokenCount, apiKeyId, secretName, passwordPolicy)', () => {
    fc.assert(fc.property(neutralWords, secretWords, fc.constantFrom(...METADATA_WORDS), neutralWords, style, (prefix, [words], meta, suffix, s) => {
      const name = write([...prefix, ...words, meta, ...suffix], s)
      expect(secretNameCategory(name), name).toBeUndefined()
      if (suffix.length === 0) expect(isMetadataName(name), name).toBe(true)
    }), { numRuns: 300 })
  })

  it('token look-alikes are not secrets (maxTokens, inputTokens, nextToken, csrfToken, designTokens)', () => {
    fc.assert(fc.property(neutralWords, fc.constantFrom(...TOKEN_LOOKALIKE), fc.constantFrom('token', 'tokens'), style, (prefix, qualifier, token, s) => {
      const name = write([...prefix, qualifier, token], s)
      expect(secretNameCategory(name), name).toBeUndefined()
      expect(isMetadataName(name), name).toBe(true)
    }), { numRuns: 200 })
  })

  it('a neutralizer right before the secret word means it is not in clear (hashedPassword, encryptedApiKey)', () => {
    // `encryptedClientSecret` is not covered: the neutralizer must stand right before the secret word itself (`secret`), not before `client`
    const spanFirst = SECRET_WORDS.filter(([w]) => w.length === 1 || w[1] !== 'secret' && w[1] !== 'token')
    fc.assert(fc.property(neutralWords, fc.constantFrom(...NEUTRALIZERS), fc.constantFrom(...spanFirst), style, (prefix, neutralizer, [words], s) => {
      const name = write([...prefix, neutralizer, ...words], s)
      expect(secretNameCategory(name), name).toBeUndefined()
    }), { numRuns: 200 })
  })

  it('a predicate or verb first makes the name a flag or a function (hasToken, isSecret, showPassword)', () => {
    fc.assert(fc.property(fc.constantFrom(...PREDICATES), neutralWords, secretWords, style, (verb, middle, [words], s) => {
      const name = write([verb, ...middle, ...words], s)
      expect(secretNameCategory(name), name).toBeUndefined()
    }), { numRuns: 200 })
  })

  it('getters: getX / fetchX returns what X names (getApiKey → api-key); other verbs name no secret (countTokens)', () => {
    const getters = fc.constantFrom('get', 'fetch', 'load', 'read', 'create', 'generate', 'refresh', 'decrypt', 'resolve')
    // a getter never names a secret its noun does not: at most the noun's own category
    fc.assert(fc.property(getters, fc.array(anyWord, { minLength: 1, maxLength: 4 }), (verb, words) => {
      const category = getterCategory(write([verb, ...words], 'camel'))
      // the noun runs up to the first preposition after its first word (`getPasswordAt` returns a password)
      const end = words.findIndex((w, i) => i > 0 && GETTER_PREPOSITIONS.has(w))
      const noun = end < 0 ? words : words.slice(0, end)
      if (category !== undefined) expect(category).toBe(secretNameCategory(noun.join('_')))
    }), { numRuns: 200 })
    // a noun that ends with a secret is that secret, whatever comes before it and after a preposition (`getApiKeyForUser`)
    fc.assert(fc.property(getters, neutralWords, secretWords, fc.constantFrom([], ['for', 'user'], ['from', 'vault'], ['by', 'id']), (verb, before, [secret, category], tail) => {
      expect(getterCategory(write([verb, ...before, ...secret, ...tail], 'camel'))).toBe(category)
    }), { numRuns: 200 })
    // a noun that goes on after the secret names something else (`resolvePasswordAction` returns an action)
    fc.assert(fc.property(getters, secretWords, fc.constantFrom('action', 'usage', 'form', 'dialog', 'status', 'rules'), (verb, [secret], after) => {
      expect(getterCategory(write([verb, ...secret, after], 'camel'))).toBeUndefined()
    }), { numRuns: 100 })
    fc.assert(fc.property(fc.constantFrom('count', 'estimate', 'log', 'print', 'send', 'render', 'parse'), fc.array(anyWord, { minLength: 1, maxLength: 4 }), (verb, words) => {
      expect(getterCategory(write([verb, ...words], 'camel'))).toBeUndefined()
    }), { numRuns: 100 })
  })

  it('env vars shipped to the browser are never secret (NEXT_PUBLIC_, VITE_, …), whatever follows the prefix', () => {
    const prefixes = ['NEXT_PUBLIC_', 'VITE_', 'EXPO_PUBLIC_', 'NUXT_PUBLIC_', 'PUBLIC_', 'GATSBY_', 'REACT_APP_', 'STORYBOOK_']
    fc.assert(fc.property(fc.constantFrom(...prefixes), fc.oneof(fc.array(anyWord, { minLength: 1, maxLength: 4 }).map((w) => write(w, 'screaming')), secretWords.map(([w]) => write(w, 'screaming')), fc.string()), (prefix, rest) => {
      expect(isPublicEnvName(prefix + rest)).toBe(true)
      expect(secretEnvCategory(prefix + rest)).toBeUndefined()
    }), { numRuns: 200 })
  })

  it('header names are case-insensitive', () => {
    fc.assert(fc.property(fc.oneof(fc.array(anyWord, { minLength: 1, maxLength: 3 }).map((w) => write(w, 'kebab')), fc.constantFrom('authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'x-auth-token')), fc.array(fc.boolean(), { maxLength: 40 }), (name, ups) => {
      const written = [...name].map((c, i) => (ups[i] ? c.toUpperCase() : c)).join('')
      expect(isSecretHeader(written)).toBe(isSecretHeader(name))
    }), { numRuns: 200 })
  })
})

// ---------------------------------------------------------------------------------------------------------------

describe('stays fast on adversarial input', () => {
  const NAME_FUNCTIONS: Array<[string, (s: string) => unknown]> = [
    ['splitWords', splitWords], ['secretNameCategory', (s) => secretNameCategory(s)], ['secretEnvCategory', (s) => secretEnvCategory(s)], ['isMetadataName', isMetadataName],
    ['isSecretHeader', isSecretHeader], ['getterCategory', (s) => getterCategory(s)], ['isDecryptName', isDecryptName], ['isPublicEnvName', isPublicEnvName],
  ]
  const FUNCTIONS: Array<[string, (s: string) => unknown]> = [
    ['findProviderSecrets', (s) => findProviderSecrets(s)], ['maskUrlPassword', maskUrlPassword], ['isPlaceholder', isPlaceholder], ['entropy', entropy],
    ['looksRandom', (s) => looksRandom(s)], ...NAME_FUNCTIONS,
  ]

  it('every secret matcher finishes each call on ~60k chars of repeated fragments within the bound', () => {
    findProviderSecrets(fill(SECRET_FRAGMENTS.join(' '), 20_000)) // warm-up: every rule's regex compiled
    fc.assert(fc.property(adversarialText, (text) => {
      for (const [name, fn] of FUNCTIONS) {
        expect(fastest(() => fn(text)), `${name} on ${JSON.stringify(text.slice(0, 40))}… (${text.length} chars)`).toBeLessThan(CALL_BOUND_MS)
      }
    }), { numRuns: 30 })
  })

  it('names up to the 200-char limit of splitWords finish fast', () => {
    let n = 0
    fc.assert(fc.property(adversarialText.map((t) => t.slice(0, 199)), (name) => {
      for (const [label, fn] of NAME_FUNCTIONS) {
        // the name functions cache by name: a fresh name per call
        expect(fastest(() => fn(`${name.slice(0, 195)}${n++}`)), label).toBeLessThan(CALL_BOUND_MS)
      }
    }), { numRuns: 50 })
  })

  const cases: Array<[string, string]> = [
    ['stripe prefixes', join('sk', '_live_')], ['stripe prefix then body', join(' sk', '_live_', 'a1'.repeat(150))], ['github prefixes', join(' gh', 'p_', 'A'.repeat(300))],
    ['slack digits', join(' xo', 'xb-', '1'.repeat(300))], ['slack digit groups', join(' xo', 'xb-', '1-'.repeat(150))], ['openai bodies', join(' sk-', 'a'.repeat(500), 'T3Blbk', 'FJ')],
    ['anthropic bodies', join(' sk-', 'ant-', 'api03-', 'a'.repeat(130))], ['AWS ids', join('AK', 'IA', 'A'.repeat(16), ' ')], ['AWS ids with secret-like runs', join('AK', 'IA', 'B'.repeat(16), ' ', 'aB3+'.repeat(10), ' ')],
    ['PEM headers', join('-----BEGIN PRIV', 'ATE KEY-----\n')], ['PEM headers with bodies', join('-----BEGIN RSA PRIV', 'ATE KEY-----\\nMII', 'Ab3+/'.repeat(20), '\\n')],
    ['URL userinfo colons', join('postgres://', 'a:'.repeat(200), ' ')], ['URL passwords without @', join('http://u:', 'p'.repeat(300), ' ')], ['URL at signs', 'http://a:b@'],
    ['scheme soup', 'a.b+c-d://'], ['schemes', 'https://'], ['base64 runs', B64], ['hex runs', HEX], ['repeated char', 'a'], ['spaces', ' '], ['backslashes', '\\'],
    ['quotes', `"'\``], ['equals', '='], ['hyphens', '-'], ['mixed hints', `${join('gh', 'p_')}${join('n', 'pm_')}${join('S', 'G.')}${join('r', 'e_')}${join('h', 'f_')}whsec_`],
    ['placeholder markers', 'your_xxxx_${{%(...'], ['camel humps', 'aB'], ['acronym humps', 'ABCd'], ['snake words', 'api_key_'],
  ]
  it.each(cases)('linear scaling (10k vs 100k chars): %s', (_name, unit) => {
    for (const [, fn] of FUNCTIONS) expectLinear((n) => fill(unit, n), fn)
  })
})

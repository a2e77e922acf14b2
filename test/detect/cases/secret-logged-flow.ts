// How a secret travels to a sink, and the derivations that make it clean.
import { createHash } from 'node:crypto'
import pino from 'pino'

declare function hash(value: string): string
declare function mask(value: string): string
declare function redact(value: string): string
declare function keyHint(value: string): string
declare function deleteSecrets(userId: string): Promise<number>
declare const usage: { inputTokens: number; outputTokens: number }

const OPENAI = process.env.OPENAI_API_KEY
const SERVICE_NAME = 'api'
const safe = pino({ 'redact': { "paths": ['apiKey', '*.token', 'req.headers.authorization'], censor: '[redacted]' } })

export function flows(apiKey: string, body: { apiKey: string; region: string }, userId: string) {
  let current = ''
  current = apiKey
  // privaudit:expect log-call:name-console
  console.log(current)
  const { apiKey: fromBody, region } = body
  // privaudit:expect log-call:name-console
  console.log(fromBody)
  console.log(region)
  const message = `calling with ${apiKey}`
  // privaudit:expect log-call:name-console
  console.log(message)
  // privaudit:expect log-call:name-console
  console.log('key=' + apiKey)
  const context = { apiKey, userId }
  // privaudit:expect log-call:name-console
  console.log(context)
  console.log(context.userId)
  // privaudit:expect log-call:name-console
  console.log({ ...context, at: Date.now() })
  // privaudit:expect log-call:name-console
  console.log([userId, apiKey])
  // privaudit:expect log-call:name-console
  console.log(userId ? apiKey : 'none')
  // privaudit:expect log-call:env-console
  console.log(OPENAI, SERVICE_NAME)
  // revealing derivations: encodings and copies still hold the key
  // privaudit:expect log-call:name-console
  console.log(apiKey.slice(7))
  // privaudit:expect log-call:name-console
  console.log(apiKey.trim().toLowerCase())
  // privaudit:expect log-call:name-console
  console.log(JSON.stringify({ apiKey }))
  // privaudit:expect log-call:name-console
  console.log(Buffer.from(apiKey).toString('base64'))
  // privaudit:expect log-call:name-console
  console.log(encodeURIComponent(apiKey))
  // clean derivations
  const last4 = apiKey.slice(-4)
  console.log(apiKey.length, hash(apiKey), mask(apiKey), apiKey.slice(-4), redact(apiKey), !!apiKey, typeof apiKey, last4)
  console.log(apiKey === userId, Boolean(apiKey), apiKey ? 'set' : 'unset', keyHint(apiKey), apiKey.slice(0, 6))
  console.log(createHash('sha256').update(apiKey).digest('hex'))
}

/** Look-alikes from parsers and config loaders: a lexer token, a dynamic env read. */
export function lexer(raw: Array<{ type: string; flag: string }>, name: string) {
  for (const token of raw.filter((t) => t.type === 'flag')) {
    if (!token.flag) throw new Error(`Unexpected flag ${token.flag}`)
    console.log(token)
  }
  const value = process.env[name]
  if (!value) throw new Error(`${name} is required, got ${value}`)
}

/** A parser's token is a structure with syntax fields; an OAuth token object has secret fields. */
export function next(token: { type: string; offset: number }, regexRootToken: { kind: string }) {
  console.dir(token, { depth: null })
  console.log(regexRootToken)
  return token.type === 'directive' ? token.offset : 0
}
export function saveOAuth(token: { access_token: string; expires_at: number }) {
  // privaudit:expect log-call:name-console
  console.log('oauth token', token)
  return token.access_token.length + token.expires_at
}

export async function namedLikeSecrets(userId: string, tokens: number) {
  const secrets = await deleteSecrets(userId)
  const tokenTotal = usage.inputTokens + usage.outputTokens
  const total = usage.inputTokens + usage.outputTokens
  console.log({ userId, secrets, tokens, tokenTotal, total })
}

function show(value: string) {
  console.log('value:', value)
}
const shout = (text: string) => console.error(text.toUpperCase())
function audit(entry: string) {
  show(entry)
}
function logRegion(opts: { region: string; apiKey: string }) {
  console.log(opts.region)
}
function logOptions(opts: { region: string; apiKey: string }) {
  console.log(opts)
}

export function helpers(apiKey: string, userId: string) {
  // privaudit:expect log-call:name-console
  show(apiKey)
  show(userId)
  // privaudit:expect log-call:name-console
  shout(apiKey)
  // privaudit:expect log-call:name-console
  audit(`key ${apiKey}`)
  audit(userId)
  logRegion({ region: 'eu', apiKey })
  // privaudit:expect log-call:name-console
  logOptions({ region: 'eu', apiKey })
}

export function redaction(apiKey: string, token: string, runId: string) {
  safe.info({ apiKey }, 'pino censors the apiKey path')
  safe.info({ user: { token } }, 'and *.token')
  safe.child({ runId }).info({ apiKey }, 'a child keeps the redaction')
  // privaudit:expect log-call:name-logger
  safe.info({ key: apiKey }, 'a path the redaction does not cover')
  // privaudit:expect log-call:name-logger
  safe.info(`key ${apiKey}`)
  // privaudit:expect log-call:name-logger
  safe.info({ token }, 'top-level token is not *.token')
}

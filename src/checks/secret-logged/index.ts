// A secret that reaches a log, an error report or a thrown error's message: anyone who reads the logs (the
// log vendor, every engineer with log access, a leaked log bucket) holds the secret.
import { SECRETS_NOT_LOGGED, type ClaimAbout, type Location, type LogCallData } from '../../types/index.js'
import { defineCheck } from '../types.js'
import { lookupTable } from '../../util/table.js'

/** The detector whose evidence this check reads: `log-call` flows and `secret` decrypt sites. */
const DETECTOR = 'secret-flow'

type NotLoggedPromise = ClaimAbout<'security', typeof SECRETS_NOT_LOGGED>

const CATEGORY: Record<string, string> = lookupTable({
  'api-key': 'an API key', token: 'a token', password: 'a password', 'private-key': 'a private key', credential: 'a credential',
  secret: 'a secret', header: 'a credential header',
})

/** Kinds of secret a decrypt site yields: what a "keys are never logged" promise is about. */
const DECRYPTED_KINDS = ['api-key', 'secret', '*']

function covers(claim: NotLoggedPromise, flow: LogCallData): boolean {
  const kinds: readonly string[] = claim.data.covers
  // a decrypted value is the stored secret the promise is about, whatever its variable is called
  if (flow.source === 'decrypt') return kinds.some((k) => DECRYPTED_KINDS.includes(k))
  return kinds.includes('*') || kinds.includes(flow.category)
}

function describeSecret(flow: LogCallData): string {
  const what = CATEGORY[flow.category] ?? 'a secret'
  // logged under another name: `{ key: apiKey }` logs `apiKey` as `key`
  // a decrypt call or a getter with no other name is shown as the origin already
  const named = flow.origin !== undefined || (flow.source !== 'decrypt' && flow.source !== 'getter')
  const alias = flow.from && flow.from !== flow.secret && named && flow.source !== 'constant' ? `\`${flow.from}\`, ` : ''
  const where = flow.sourceFile ? `at ${flow.sourceFile}:${flow.sourceLine}` : `on line ${flow.sourceLine}`
  switch (flow.source) {
    case 'decrypt': return `\`${flow.secret}\` (${alias}decrypted by \`${flow.origin ?? flow.from ?? flow.secret}\` ${where})`
    case 'getter': return `\`${flow.secret}\` (${alias}${what}, returned by \`${flow.origin ?? flow.from ?? flow.secret}\`)`
    case 'env': return `\`${flow.secret}\` (${alias}${what} from the environment)`
    case 'headers': return `\`${flow.secret}\` (${alias}request headers carrying credentials)`
    case 'constant': return `\`${flow.secret}\` (holds \`${flow.origin ?? flow.from}\`)`
    default: return `\`${flow.secret}\` (${alias}${what})`
  }
}

function describeSink(flow: LogCallData): string {
  const via = flow.via ? ` through \`${flow.via}\`` : ''
  switch (flow.sinkKind) {
    case 'console': return `\`${flow.sink}\`${via}`
    case 'logger': return `the logger call \`${flow.sink}\`${via}`
    case 'stdout': return `\`${flow.sink}\`${via}`
    case 'error-reporter': return `the error report \`${flow.sink}\`${via}, which ships it to the reporting service`
    case 'thrown-error': return `the message of \`${flow.sink}\`${via}, which ends up in logs and error reports`
    case 'vendor': return `the vendor call \`${flow.sink}\`${via}`
    case 'storage': return `the database write \`${flow.sink}\`${via}`
  }
}

/** "API Keys" (a heading) → "API keys": acronyms kept, other words lower-cased. */
function nounOf(claim: NotLoggedPromise): string {
  return claim.data.secrets.split(/\s+/).map((w) => (/^[A-Z]{2,}$/.test(w) ? w : w.toLowerCase())).join(' ')
}

export const secretLogged = defineCheck({
  meta: {
    id: 'secret-logged',
    description: 'A secret (API key, token, password, decrypted value, credential header) reaches a log, an error report or a thrown error message.',
    defaultSeverity: 'warning',
    evidence: ['log-call', 'secret'],
    claims: ['security'],
    needsPolicy: false,
  },
  run({ evidence, claims, policy, report, confirm }) {
    const promises = claims.filter((c) => c.subject === SECRETS_NOT_LOGGED).filter((c) => c.polarity === 'affirm')
    const cited = new Set<NotLoggedPromise>()
    const policyName = policy?.path ?? 'the policy'
    for (const e of evidence) {
      if (e.kind !== 'log-call' || e.detector !== DETECTOR || e.nonShipped) continue
      const flow = e.data
      const claim = promises.find((c) => covers(c, flow))
      if (claim) cited.add(claim)
      const where = `${e.location.file}:${e.location.line}`
      const promise = claim ? `, though ${policyName} promises ${nounOf(claim)} are never logged` : ''
      report({
        severity: claim ? 'error' : 'warning',
        message: `${describeSecret(flow)} reaches ${describeSink(flow)} at ${where}${promise}; log a hint (the last four characters) or an id instead, or redact it.`,
        locations: [e.location],
        ...(claim ? { claim } : {}),
        key: `${flow.secret}\0${flow.sink}\0${flow.via ?? ''}`,
      })
    }
    // a promise backed by the code: decrypted secrets exist, the analysis followed them, none reached a sink
    const decryptSites: Location[] = evidence
      .filter((e) => e.kind === 'secret' && e.detector === DETECTOR && !e.nonShipped && e.data.role === 'decrypt-site')
      .map((e) => e.location)
    if (decryptSites.length === 0) return
    for (const claim of promises) {
      if (!cited.has(claim) && claim.data.covers.some((k) => DECRYPTED_KINDS.includes(k))) confirm(claim, decryptSites)
    }
  },
})

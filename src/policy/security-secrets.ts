// "Never logged or exposed in plaintext": promises that secrets stay out of logs. One `security` claim with subject
// `secrets-not-logged` per sentence, saying which secrets it covers (`data.covers`), so the secret-logged check can
// tell which findings break it.
import { SECRETS_NOT_LOGGED, type ClaimAbout } from '../types/index.js'
import { normalizeApostrophes, scopeStart } from './scope.js'
import type { PolicySentence } from './sentences.js'


/** Logging verbs, and the phrases that put something in (or keep it out of) a log. */
const LOG_PHRASE = /\b(?:log(?:s|ged|ging)?(?!-in\b|\s+(?:in|on|out)(?:\s+(?:to|with|without|using|via|your|again|as|if|and|or|at|from|before|after|when)\b|\s*[.,;:!?)]|\s*$)|\s+into\b)|print(?:s|ed|ing)?|(?:writ(?:e|es|ten|ing)|record(?:s|ed)?|stor(?:e|es|ed)|includ(?:e|es|ed)|appear(?:s|ed)?|kept|keep)\s+(?:to|in|into)\s+(?:our\s+|any\s+|the\s+|application\s+|server\s+)?(?:logs?|log\s+files?))\b/gi
/** Keeping out of logs is a promise too: "redacted from logs", "stripped from our logs". */
const KEPT_OUT = /\b(?:redact(?:s|ed)?|exclud(?:e|es|ed)|strip(?:s|ped)?|mask(?:s|ed)?|scrub(?:s|bed)?|filter(?:s|ed)?\s+out|omit(?:s|ted)?|remov(?:e|es|ed))\s+(?:from|in|out\s+of)\s+(?:our\s+|all\s+|any\s+|the\s+)?(?:logs?|log\s+(?:files?|output))\b/i
const NEGATION = /\b(?:never|not|no|without|nor|none)\b|n't\b/i
/** The kinds of secret a promise covers (`*`: all of them). */
type SecretKinds = ClaimAbout<'security', typeof SECRETS_NOT_LOGGED>['data']['covers']

/** Noun phrases naming secrets, with the kinds of secret each covers. */
const SECRET_NOUNS: Array<[RegExp, SecretKinds]> = [
  [/\bprivate\s+keys?\b/i, ['private-key']],
  [/\b(?:api|access|secret|llm|provider)[\s-]?keys?\b/i, ['api-key', 'secret']],
  [/\b(?:access|auth(?:entication)?|session|bearer|refresh|api)?\s*tokens?\b/i, ['token', 'header']],
  [/\bpasswords?\b|\bpassphrases?\b/i, ['password']],
  [/\bcredentials?\b|\bsecrets?\b|\bauthentication\s+(?:data|details|information)\b/i, ['*']],
  [/\bkeys\b/i, ['api-key', 'secret']],
]
/** A sentence that names its own subject before the verb is about that subject, not about its section. */
const PRONOUN_SUBJECT = /^(?:[-•*]\s*)?(?:(?:they|these|those|it|this|such\s+\w+|all\s+of\s+them|we)\b|(?:are|is|and|or|but|will|be|been|never|not|only)\b)/i

function coveredBy(text: string): { covers: SecretKinds; noun: string } | undefined {
  const covers = new Set<SecretKinds[number]>()
  let noun: string | undefined
  let rest = text
  for (const [re, kinds] of SECRET_NOUNS) {
    const m = re.exec(rest)
    if (!m) continue
    noun ??= m[0].trim()
    for (const k of kinds) covers.add(k)
    // "private keys" is not also "keys"
    rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length)
  }
  if (!noun) return undefined
  return { covers: covers.has('*') ? ['*'] : [...covers].sort(), noun }
}

/** The offset of a negated logging phrase, or of a keep-out-of-logs phrase; -1 when the sentence promises nothing about logs. */
function notLoggedAt(text: string): number {
  const out = KEPT_OUT.exec(text)
  if (out) return out.index
  LOG_PHRASE.lastIndex = 0
  for (let m = LOG_PHRASE.exec(text); m !== null; m = LOG_PHRASE.exec(text)) {
    // "login", "logo", "catalog" never match (word boundaries); "we log requests" is not a denial
    const before = text.slice(scopeStart(text, m.index), m.index)
    if (NEGATION.test(before)) return m.index
  }
  return -1
}

/** What a subject-less sentence is about: its list's lead-in ("These keys are:") or its heading ("2.3 API Keys"), the more specific. */
function fromContext(sentence: PolicySentence): { covers: SecretKinds; noun: string } | undefined {
  const lead = sentence.item && sentence.lead ? coveredBy(normalizeApostrophes(sentence.lead)) : undefined
  const heading = coveredBy(sentence.section[sentence.section.length - 1] ?? '')
  if (lead && /^keys?$/i.test(lead.noun) && heading) return heading
  return lead ?? heading
}

/** Claims that secrets are not logged: the secrets named by the sentence, else by its list lead-in or section heading. */
export function parseSecretLoggingClaims(sentences: PolicySentence[]): Array<ClaimAbout<'security', typeof SECRETS_NOT_LOGGED>> {
  const claims: Array<ClaimAbout<'security', typeof SECRETS_NOT_LOGGED>> = []
  for (const sentence of sentences) {
    if (sentence.heading || sentence.text.length > 2000) continue
    const text = normalizeApostrophes(sentence.text)
    const at = notLoggedAt(text)
    if (at < 0) continue
    const own = coveredBy(text)
    const subjectBefore = text.slice(0, at).trim()
    // "Never logged or exposed in plaintext" under "These keys are:" in "2.3 API Keys" is about API keys
    const borrowed = own ?? (subjectBefore === '' || PRONOUN_SUBJECT.test(subjectBefore) ? fromContext(sentence) : undefined)
    if (!borrowed) continue
    claims.push({
      kind: 'security',
      subject: SECRETS_NOT_LOGGED,
      polarity: 'affirm',
      section: [...sentence.section],
      quote: sentence.text,
      line: sentence.line,
      endLine: sentence.endLine,
      data: { secrets: borrowed.noun, covers: borrowed.covers },
    })
  }
  return claims
}

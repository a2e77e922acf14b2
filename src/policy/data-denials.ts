// Denials about personal data: "We never see private keys" (receive), "We do not directly store credit card numbers"
// (store), "we do not share your email with third parties" (share), "IP addresses are not logged" (log), and the
// flat "we do not log personal data" that says logs hold none.
import type { DataMention } from './data-phrases.js'
import { normalizeApostrophes, scopeStart } from './scope.js'

export type DenialScope = 'receive' | 'store' | 'log' | 'share'

/** What a denied verb denies: the company never has it, does not keep it, does not log it, does not pass it on. */
const SCOPE_OF_VERB: Record<string, DenialScope> = Object.assign(Object.create(null) as Record<string, DenialScope>, {
  see: 'receive', seen: 'receive', receive: 'receive', received: 'receive', collect: 'receive', collected: 'receive', access: 'receive',
  accessed: 'receive', have: 'receive', get: 'receive', obtain: 'receive', obtained: 'receive', gather: 'receive', gathered: 'receive',
  request: 'receive', requested: 'receive', touch: 'receive', reach: 'receive', hit: 'receive', leave: 'receive', handle: 'receive', handled: 'receive',
  store: 'store', stored: 'store', keep: 'store', kept: 'store', retain: 'store', retained: 'store', save: 'store', saved: 'store',
  persist: 'store', persisted: 'store', hold: 'store', held: 'store',
  log: 'log', logged: 'log', record: 'log', recorded: 'log',
  share: 'share', shared: 'share', sell: 'share', sold: 'share', disclose: 'share', disclosed: 'share', transfer: 'share',
  transferred: 'share', send: 'share', sent: 'share', give: 'share', given: 'share', pass: 'share', passed: 'share', rent: 'share',
  trade: 'share', provide: 'share', provided: 'share', transmit: 'share', transmitted: 'share',
})
/** Words between a negation and its verb: "do not directly store", "will never be shared", "have never seen". */
const ADVERB = '(?:(?:directly|ever|currently|knowingly|intentionally|actually|even|permanently|routinely|otherwise|be|been|have|has)\\s+)'
/** A negated verb ending the text before a datum: "We never see ", "we do not share your ". */
const DENIED_VERB = new RegExp(`(?:\\b(?:not|never)|n't)\\s+${ADVERB}{0,3}([a-z]+)\\b`, 'gi')
/** A datum's own predicate denied: "Card numbers never touch our servers", "IP addresses are not logged". */
const DENIED_PREDICATE = new RegExp(`^\\s*(?:\\([^()]{0,60}\\)\\s*)?(?:(?:is|are|was|were|will|do|does|shall|can)\\s+)?(?:not|never|n't)\\s+${ADVERB}{0,3}([a-z]+)\\b`, 'i')
/** "stored on your VM, not in our database": kept on the person's side only. */
const KEPT_ELSEWHERE = /\b(?:stored|kept|saved|held|live|lives|stays?|remains?)\s+(?:only\s+)?(?:on|in)\s+your\s+[^,;]{1,40},?\s+(?:and\s+)?(?:not|never)\s+(?:in|on|with)\s+(?:our|any)\b/i
const MAX_OBJECT_WORDS = 8
/** The person, not the company, is the subject: "if you do not provide your email". */
const USER_SUBJECT = /\byou(?:\s+[a-z]+)?\s*$/i
/** What joins the data of one list: "Your email, name and phone number". */
const LIST_GLUE = /^(?:[\s,&/]|\b(?:and|or|your|their|the)\b)*$/i
/** "They are stored on your VM…": a sentence about what the block began with. */
export const PRONOUN_SUBJECT = /^(?:they|it|these|those|this)\b/i

/** "We do not log personal data", "no logs": the logs hold no personal data at all. */
/** What a log promise says logs never hold: "personal data", "PII", "your information", "email addresses". */
const PERSONAL = String.raw`(?:any\s+)?(?:personal(?:ly\s+identifiable)?\s+(?:data|information|details)|pii|identifiable\s+information|your\s+(?:personal\s+)?(?:data|information|activity)|user\s+(?:data|activity))`
const NO_PERSONAL_LOGS = new RegExp([
  String.raw`(?:\b(?:not|never)|n't)\s+(?:(?:ever|currently|keep|store|retain|maintain)\s+)?(?:log|record)\s+(?:${PERSONAL}|anything)\b`,
  String.raw`\b(?:personal\s+(?:data|information)|pii)\s+(?:is|are)\s+(?:never|not)\s+(?:logged|(?:written|included|stored|recorded|kept)\s+(?:in|to|into)\s+(?:(?:our|the|any)\s+)?(?:[a-z]+\s+)?logs)\b`,
  // "our application logs do not contain personal information", "logs contain no PII"
  String.raw`\blogs\s+(?:(?:do|does|will)\s+not|don't|never|(?:are|is)\s+not\s+(?:used\s+to\s+)?)\s*(?:contain|include|hold|store|record|capture)s?\s+${PERSONAL}\b`,
  String.raw`\blogs\s+(?:contain|include|hold|store|record|capture)s?\s+no\s+(?:personal(?:ly\s+identifiable)?\s+(?:data|information|details)|pii|identifiable\s+information)\b`,
  String.raw`(?:\b(?:not|never)|n't)\s+(?:include|write|put|store)\s+${PERSONAL}\s+(?:in|to|into)\s+(?:(?:our|the|any)\s+)?(?:[a-z]+\s+)?logs\b`,
  String.raw`\bno[\s-]logs?\b`,
  String.raw`(?:\b(?:not|never)|n't)\s+(?:keep|store|retain|maintain)\s+(?:any\s+)?(?:activity\s+|access\s+|usage\s+)?logs\b`,
].join('|'), 'i')

function wordCount(text: string): number {
  return (text.match(/[A-Za-z§][A-Za-z'-]*/g) ?? []).length
}

/** The scope of a negated verb that governs the datum at `at` from before it, if one does. */
function deniedBefore(text: string, at: number): DenialScope | undefined {
  const from = scopeStart(text, at)
  const window = text.slice(from, at)
  let scope: DenialScope | undefined
  DENIED_VERB.lastIndex = 0
  for (let m = DENIED_VERB.exec(window); m !== null; m = DENIED_VERB.exec(window)) {
    const verbScope = SCOPE_OF_VERB[m[1].toLowerCase()]
    if (USER_SUBJECT.test(window.slice(Math.max(0, m.index - 20), m.index))) continue
    if (verbScope && wordCount(window.slice(m.index + m[0].length)) <= MAX_OBJECT_WORDS) scope = verbScope
  }
  return scope
}

/** The scope of a denied predicate right after the datum (`end`), if any. */
export function deniedAfter(text: string, end: number): DenialScope | undefined {
  const m = DENIED_PREDICATE.exec(text.slice(end, end + 80))
  if (m) return SCOPE_OF_VERB[m[1].toLowerCase()]
  return KEPT_ELSEWHERE.test(text.slice(end, end + 120)) ? 'store' : undefined
}

export interface Denial {
  scope: DenialScope
  mentions: DataMention[]
}

/**
 * The data the sentence denies, by scope. A datum followed by its list ("Your email, name and phone number are never
 * shared") takes the predicate after the last of them.
 */
export function findDenials(sentence: string, mentions: readonly DataMention[]): Denial[] {
  const text = normalizeApostrophes(sentence)
  const byScope = new Map<DenialScope, DataMention[]>()
  const trailing = mentions.length > 0 ? deniedAfter(text, mentions[mentions.length - 1].end) : undefined
  // the run of data before the predicate: only commas, "and", "or" and possessives between them
  let runStart = mentions.length - 1
  while (trailing && runStart > 0 && LIST_GLUE.test(text.slice(mentions[runStart - 1].end, mentions[runStart].start))) runStart--
  mentions.forEach((m, i) => {
    let scope = deniedBefore(text, m.start)
    if (!scope && trailing && i >= runStart) scope = trailing
    if (!scope) scope = deniedAfter(text, m.end)
    if (!scope) return
    const list = byScope.get(scope)
    if (list) list.push(m)
    else byScope.set(scope, [m])
  })
  return [...byScope].map(([scope, list]) => ({ scope, mentions: list }))
}

/** "They are stored on your VM, not in our database": the scope a pronoun subject's sentence denies. */
export function pronounDenial(sentence: string): DenialScope | undefined {
  const text = normalizeApostrophes(sentence)
  const pronoun = PRONOUN_SUBJECT.exec(text)
  return pronoun ? deniedAfter(text, pronoun[0].length) : undefined
}

/** "We do not log personal data": logs that hold none. */
export function deniesPersonalLogs(sentence: string): boolean {
  return NO_PERSONAL_LOGS.test(normalizeApostrophes(sentence))
}

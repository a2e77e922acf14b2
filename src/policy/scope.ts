// Clause scope and negation: which words of a sentence govern a name found at some offset.
// Shared by the claim extractors (vendors today; cookies and security claims later).
//
// Every regex here runs on a window of at most WINDOW chars before the target, so even a
// megabyte-long "sentence" costs a bounded amount of work per target.

export const WINDOW = 160

/** Punctuation that ends a clause inside a sentence (sentences are already split at . ! ?). */
const HARD_BREAK = /[;:]|\s[-–—]\s|[–—]/g
/** Words that start a new clause or carve an exception out of a negation. */
const SCOPE_BREAK =
  /[;:]|\s[-–—]\s|[–—]|\b(?:but|however|although|though|whereas|while|instead|except|unless|besides|rather|because|since|which|who|whom|whose|where|yet|only|whereby|other than|apart from|aside from|save for|excluding)\b|,\s*(?:so|as|then|thus|therefore|hence)\b|\b(?:and|or)\s+(?:we|they|it|this|these|you|our|their|instead)\b|,\s*(?:we|they|it|you|this|these)\b/gi
/** A colon that introduces what it governs ("We never share data with:", "the following services:"). */
const GOVERNING_COLON = /\b(?:following|below|these|with|to|by|from|use|using|include|including|includes|namely|follows|such as)(?:\s+[^\s:;]+){0,3}\s*$/i

/** Normalises curly apostrophes so "don’t" and "don't" read alike; same length, offsets hold. */
export function normalizeApostrophes(text: string): string {
  return text.includes('’') ? text.replace(/’/g, "'") : text
}

function lastBreak(text: string, at: number, pattern: RegExp): number {
  const from = Math.max(0, at - WINDOW)
  const window = text.slice(from, at)
  let start = from
  pattern.lastIndex = 0
  for (let m = pattern.exec(window); m !== null; m = pattern.exec(window)) {
    if (m[0] === ':' && GOVERNING_COLON.test(window.slice(Math.max(0, m.index - 60), m.index))) continue
    start = from + m.index + m[0].length
    if (m[0].length === 0) pattern.lastIndex++
  }
  return start
}

/** Start of the clause containing `at`, cut at ; : and dashes only (for listing cues). */
export function clauseStart(text: string, at: number): number {
  return lastBreak(text, at, HARD_BREAK)
}

/** Start of the stretch a negation before `at` may govern: also cut at "but", "which", "except"… */
export function scopeStart(text: string, at: number): number {
  return lastBreak(text, at, SCOPE_BREAK)
}

const NEGATION = /\b(?:not|never|no|without|neither|nor|none|cannot)\b|n't\b/gi
/** Negations that do not deny: "not only", "not limited to", "no later than"… */
const NOT_A_DENIAL = /^(?:not\s+(?:only|just|limited|necessarily|all|always|merely|simply|less|more)|no\s+(?:later|more|less|longer\s+than|matter|doubt|one\s+(?:else\s+)?(?:but|except)))\b/i
/** The user, not the company, is the subject: "if you do not want…", "you can't…". */
const USER_SUBJECT = /\byou(?:\s+[a-z]+)?\s*$/i
/** Negations that deny a following noun phrase on their own: "no Mixpanel", "without Intercom". */
const DETERMINERS = new Set(['no', 'without', 'neither', 'nor'])
/** After "no", these start a clause of their own: "no control over how Google…" denies nothing. */
const DETERMINER_STOP = /\b(?:how|what|when|whether|why|that|if|over|about|where|whom|who|which)\b/i
/**
 * Verbs by which a policy says a company is (not) involved. Selling is left out on purpose:
 * "we do not sell data to Google" says nothing about whether Google is used.
 */
const RELATION_VERB =
  /\b(?:use[sd]?|using|utili[sz](?:e|es|ed|ing)|employ(?:s|ed|ing)?|shar(?:e|es|ed|ing)|send(?:s|ing)?|sent|transmit(?:s|ted|ting)?|transfer(?:s|red|ring)?|disclos(?:e|es|ed|ing)|provid(?:e|es|ed|ing)|giv(?:e|es|en|ing)|pass(?:es|ed|ing)?|work(?:s|ed|ing)?|partner(?:s|ed|ing)?|rel(?:y|ies|ied|ying)|integrat(?:e|es|ed|ing)|embed(?:s|ded|ding)?|load(?:s|ed|ing)?|install(?:s|ed|ing)?|engag(?:e|es|ed|ing)|involv(?:e|es|ed|ing)|contract(?:s|ed|ing)?|hir(?:e|es|ed|ing)|run(?:s|ning)?|ran|participat(?:e|es|ed|ing)|deploy(?:s|ed|ing)?|host(?:s|ed|ing)?|process(?:es|ed|ing)?|allow(?:s|ed|ing)?|permit(?:s|ted|ting)?|let|add(?:s|ed|ing)?|expos(?:e|es|ed|ing)|depend(?:s|ed|ing)?|includ(?:e|es|ed|ing)|collaborat(?:e|es|ed|ing)|serv(?:e|es|ed|ing)|show(?:s|n|ed|ing)?|display(?:s|ed|ing)?)\b/i
const MAX_VERB_DISTANCE = 6
const MAX_DETERMINER_DISTANCE = 8

function wordsIn(text: string): number {
  let n = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127 || c === 39 || c === 45
    if (word && !inWord) n++
    inWord = word
  }
  return n
}

/** The first `count` words of `text` (and what separates them). */
function leadingWords(text: string, count: number): string {
  let n = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127 || c === 39 || c === 45
    if (word && !inWord && ++n > count) return text.slice(0, i)
    inWord = word
  }
  return text
}

/** "Neither X nor Y …" opening its clause: X and Y are the subject of what follows. */
const SUBJECT_NEITHER = /^[^A-Za-z]*neither\b/i
/** Words inside "neither X nor our Y" that are not yet the predicate. */
const COORDINATION_WORD = /^(?:nor|or|and|our|the|its|their|any|other|your|of|inc|llc|ltd|we|us|neither)$/i
const BE = /^(?:is|are|was|were|be|been|being|isn't|aren't|wasn't|weren't)$/i
const AUXILIARY = /^(?:will|would|can|could|may|might|shall|should|must|does|do|did|has|have|had|won't|wouldn't|can't|cannot|couldn't|doesn't|don't|didn't|hasn't|haven't)$/i
/** Verbs by which a subject is a recipient: "Neither Google nor Meta receives your data" still denies them. */
const RECIPIENT_VERB = /^(?:receives?|received|gets?|got|sees?|saw|seen|access|accesses|accessed|obtains?|obtained|gains?|gained)$/i
/** "nor does Twilio use it": an inverted clause whose subject is the name. */
const INVERTED_AUXILIARY = /^\s*(?:does|do|did|will|would|can|could|may|might|shall|should|has|have)\s*$/i

/**
 * For "Neither X nor Y <predicate>": whether the predicate denies X and Y a role ("… is used",
 * "… receives your data") or only limits what they do ("… will use your number for marketing").
 */
function coordinatedSubjectDenied(sentence: string, from: number): boolean {
  const words = normalizeApostrophes(sentence.slice(from, from + 120)).match(/[A-Za-z][A-Za-z'-]*/g) ?? []
  let k = 0
  // the rest of the coordination: names (capitalised) and the small words between them
  while (k < words.length && k < 10 && (/^[A-Z]/.test(words[k]) || COORDINATION_WORD.test(words[k]))) k++
  if (k >= words.length || k >= 10) return true
  let verb = words[k]
  if (AUXILIARY.test(verb)) {
    let j = k + 1
    while (j < words.length && /^(?:not|never|ever|n't|also|then)$/i.test(words[j])) j++
    verb = words[j] ?? ''
    if (/^have$/i.test(verb) && /^access$/i.test(words[j + 1] ?? '')) return true
  }
  return BE.test(verb) || RECIPIENT_VERB.test(verb)
}

/**
 * True when a negation governs the name at `at`: "we do not use X", "we never share data with X",
 * "no X", "without X". A negation after the name ("Stripe does not store…") or cut off by a clause
 * break ("…never touch our servers; Stripe…") does not. With the name's `end`, a possessive
 * ("We do not use SendGrid's open tracking") denies what the name owns, not the name.
 */
export function isNegated(sentence: string, at: number, end?: number): boolean {
  if (end !== undefined && /^'s\b/.test(normalizeApostrophes(sentence.slice(end, end + 3)))) return false
  // only the window before the name can govern it; normalising just that keeps long sentences linear
  const window = normalizeApostrophes(sentence.slice(Math.max(0, at - WINDOW), at))
  const scope = window.slice(scopeStart(window, window.length))
  const subjectNeither = SUBJECT_NEITHER.test(scope)
  NEGATION.lastIndex = 0
  for (let m = NEGATION.exec(scope); m !== null; m = NEGATION.exec(scope)) {
    const word = m[0].toLowerCase()
    let wordStart = m.index
    if (word === "n't") while (wordStart > 0 && /[A-Za-z]/.test(scope[wordStart - 1])) wordStart--
    if (NOT_A_DENIAL.test(scope.slice(m.index, m.index + 40))) continue
    if (USER_SUBJECT.test(scope.slice(Math.max(0, wordStart - 25), wordStart))) continue
    const after = scope.slice(m.index + m[0].length)
    if (word === 'neither' || word === 'nor') {
      // "Neither Dropspot nor Twilio will use your number for marketing" limits Twilio; it does not deny it
      if (subjectNeither) return coordinatedSubjectDenied(sentence, end ?? at)
      if (word === 'nor' && INVERTED_AUXILIARY.test(after)) continue
    }
    const distance = wordsIn(after)
    if (DETERMINERS.has(word) && distance <= MAX_DETERMINER_DISTANCE && !DETERMINER_STOP.test(after)) return true
    if (word === 'not' && distance <= 1) return true
    if (RELATION_VERB.test(leadingWords(after, MAX_VERB_DISTANCE))) return true
  }
  return false
}

/** "Google Analytics is not used", "X and Y are never loaded": a denial that follows the name. */
const PASSIVE_DENIAL =
  /^(?:'s)?\s*(?:\([^()]{0,60}\)\s*)?(?:is|are|was|were|will|has|have)\s+(?:not|never|n't)\s+(?:be\s+|been\s+)?(?:used|loaded|installed|integrated|embedded|enabled|employed|involved|present|included|shared|sent|given)\b|^(?:'s)?\s*(?:isn't|aren't|wasn't|won't\s+be|hasn't\s+been)\s+(?:used|loaded|installed|integrated|embedded|enabled|employed|involved|present|included)\b/i

export function isDeniedAfter(sentence: string, end: number): boolean {
  return PASSIVE_DENIAL.test(normalizeApostrophes(sentence.slice(end, end + 80)))
}

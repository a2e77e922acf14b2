// Cookie claims: what a policy promises about the cookies and trackers the product sets.
//
// One claim per promise and sentence, kind `cookie`, its subject the rule:
// - `cookie-limit` (affirm): a number ("One session cookie", "only two cookies"); data { max, scope }.
// - `cookie-purposes` (affirm): only some purposes ("only strictly necessary cookies"); data { purposes }.
// - `cookie-denial` (deny): "no third-party analytics cookies", "no advertising trackers", "no tracking pixels",
//   "we do not use cookies"; data { purposes (empty: any), party?, crossSite?, what: cookies|trackers|pixels }.
// - `cookie-names` (affirm): cookies the text names ("a theme cookie that remembers dark mode"); data { names }.
// - `vendor-cookies` (affirm, with `vendor`): a vendor the policy says sets cookies ("Clerk uses cookies to…").
// Negation and scope come from the words around the noun phrase: "we do not use third-party analytics cookies"
// denies analytics cookies of third parties, nothing about a first-party session cookie.
import type { Catalog } from '../catalog/index.js'
import type { Claim, CookiePurpose, CookieDenialData, CookieThing } from '../types/index.js'
import { findVendorMentions, type VendorMention } from './mentions.js'
import { clauseStart, normalizeApostrophes, scopeStart, WINDOW } from './scope.js'
import type { PolicySentence } from './sentences.js'
import { lookupTable } from '../util/table.js'

const HEAD = /\b(?:cookies?|trackers?|tracking\s+technolog(?:y|ies)|pixels?|web\s+beacons?|beacons?)\b/gi

const PURPOSE_WORDS: Record<string, CookiePurpose[]> = lookupTable({
  analytics: ['analytics'], analytic: ['analytics'], analytical: ['analytics'], statistics: ['analytics'], statistical: ['analytics'],
  performance: ['analytics'], measurement: ['analytics'], metrics: ['analytics'],
  advertising: ['advertising'], advertisement: ['advertising'], ad: ['advertising'], ads: ['advertising'], marketing: ['advertising'],
  targeting: ['advertising'], targeted: ['advertising'], retargeting: ['advertising'], remarketing: ['advertising'], behavioral: ['advertising'],
  behavioural: ['advertising'], social: ['advertising'], media: ['advertising'], conversion: ['advertising'],
  tracking: ['analytics', 'advertising'],
  essential: ['strictly-necessary'], necessary: ['strictly-necessary'], required: ['strictly-necessary'], security: ['strictly-necessary'],
  authentication: ['strictly-necessary'], auth: ['strictly-necessary'], login: ['strictly-necessary'], 'sign-in': ['strictly-necessary'],
  functional: ['functional'], functionality: ['functional'], preference: ['functional'], preferences: ['functional'],
  'non-essential': ['functional', 'analytics', 'advertising'], optional: ['functional', 'analytics', 'advertising'],
  unnecessary: ['functional', 'analytics', 'advertising'],
})
/** Words that may sit in the noun phrase without saying anything about purpose. */
const GLUE = new Set(['and', 'or', '&', 'any', 'other', 'such', 'these', 'those', 'the', 'our', 'strictly', 'party', 'site', 'domain',
  'persistent', 'small', 'own', 'third-party', 'first-party', 'cross-site', 'cross-domain', 'third', 'first', 'cross', '3rd-party', '1st-party',
  'session', 'http', 'browser', 'web', 'similar', 'additional', 'extra', 'unnecessary'])
const NUMBERS: Record<string, number> = lookupTable({ one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 })
const DETERMINER_DENIALS = new Set(['no', 'without', 'zero', 'nor', 'neither'])
const NEGATION = /\b(?:not|never|no\s+longer)\b|n't\b/gi
const COOKIE_VERB = /^\s*(?:\S+\s+){0,3}?(?:use[sd]?|using|utili[sz]e[sd]?|set|sets|setting|place[sd]?|placing|store[sd]?|storing|drop(?:s|ped)?|deploy(?:s|ed)?|employ(?:s|ed)?|load(?:s|ed)?|install(?:s|ed)?|embed(?:s|ded)?|include[sd]?|serve[sd]?|rel(?:y|ies)\s+on|have|has|run|runs|add(?:s|ed)?|allow(?:s|ed)?|permit(?:s|ted)?|work\s+with|track\s+you\s+with)\b/i
const USER_SUBJECT = /\byou(?:\s+[a-z]+)?\s*$/i
const PASSIVE_DENIAL = /^\s*(?:\([^()]{0,60}\)\s*)?(?:are|is|will\s+be|were)\s+(?:not|never)\s+(?:be\s+)?(?:used|set|placed|stored|dropped|loaded|served|deployed|installed)\b|^\s*(?:aren't|isn't|won't\s+be)\s+(?:used|set|placed|stored|dropped|loaded|served)\b/i
const EXCEPTION = /^[^.;:]{0,40}?\b(?:except|other\s+than|apart\s+from|aside\s+from|besides|beyond|but\s+for|save\s+for|excluding)\b/i
const NECESSARY_EXCEPTION = /essential|necessary|session|sign(?:ed)?[\s-]?in|log(?:ged)?[\s-]?in|auth|secur|keep\s+you|required/i
const ONLY = /\b(?:only|solely|exclusively|just)\b/i
/** Word-like tokens that are names of cookies, not English: `wos-session`, `__session`, `NEXT_LOCALE`, `connect.sid`. */
const CODE_NAME = /^(?=[A-Za-z0-9_.-]*[_.\d-])(?![\d.]+$)[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/
const NOT_A_NAME = new Set(['third-party', 'first-party', 'cross-site', 'cross-domain', 'non-essential', '3rd-party', '1st-party', 'http-only',
  'sign-in', 'log-in', 'opt-in', 'opt-out', 'e.g', 'i.e', 'etc', 'long-lived', 'short-lived', 'so-called', 'built-in', 'in-house', 'same-site'])
/** English words seen before "cookie" that are not its name ("a small cookie", "the login cookie"). */
const ENGLISH_BEFORE_COOKIE = new Set(['a', 'an', 'the', 'one', 'this', 'that', 'each', 'every', 'any', 'no', 'our', 'your', 'their', 'its', 'single', 'small',
  'tiny', 'simple', 'temporary', 'persistent', 'secure', 'encrypted', 'signed', 'httponly', 'harmless', 'separate', 'new', 'random', 'unique',
  'different', 'similar', 'own', 'other', 'same', 'such', 'second', 'first', 'third', 'session', 'browser', 'web', 'http', 'text', 'data',
  'identifier', 'id', 'cookie', 'short', 'long', 'only', 'necessary', 'essential', 'functional', 'analytics', 'tracking', 'advertising', 'marketing',
  'preference', 'preferences', 'authentication', 'login', 'security', 'performance', 'strictly', 'another', 'some', 'two', 'three', 'sole', 'technical',
  'minimal', 'additional', 'extra', 'dedicated', 'special', 'short-lived', 'long-lived', 'optional', 'required', 'basic', 'standard', 'regular', 'normal'])

interface Phrase {
  start: number
  end: number
  headStart: number
  what: CookieThing
  purposes: Set<CookiePurpose>
  party?: 'first' | 'third'
  crossSite: boolean
  session: boolean
  words: string[]
  /** The number in front ("one session cookie"), if any. */
  count?: number
  text: string
}

interface Word { word: string; start: number; end: number }

function wordsBefore(text: string, end: number, max: number): Word[] {
  const out: Word[] = []
  const re = /[A-Za-z0-9&][A-Za-z0-9'-]*/g
  const from = Math.max(0, end - 120)
  const slice = text.slice(from, end)
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) out.push({ word: m[0].toLowerCase(), start: from + m.index, end: from + m.index + m[0].length })
  return out.slice(-max)
}

function joinable(text: string, from: number, to: number): boolean {
  if (to - from > 4) return false
  for (let i = from; i < to; i++) if (!' \t,/&-'.includes(text[i])) return false
  return true
}

function thingOf(head: string): CookieThing {
  const h = head.toLowerCase()
  if (h.startsWith('cookie')) return 'cookies'
  if (h.startsWith('pixel') || h.includes('beacon')) return 'pixels'
  return 'trackers'
}

/** The cookie noun phrases of a sentence, each with the qualifiers in front of it. */
function findPhrases(text: string): Phrase[] {
  const out: Phrase[] = []
  HEAD.lastIndex = 0
  for (let m = HEAD.exec(text); m !== null; m = HEAD.exec(text)) {
    const headStart = m.index
    const purposes = new Set<CookiePurpose>()
    let party: Phrase['party']
    let crossSite = false
    let session = false
    let tracking = false
    const words: string[] = []
    let start = headStart
    const before = wordsBefore(text, headStart, 8)
    for (let i = before.length - 1; i >= 0; i--) {
      const w = before[i]
      if (!joinable(text, w.end, start)) break
      const prev = before[i - 1]?.word
      if (w.word === 'party' && (prev === 'third' || prev === 'first')) party = prev === 'third' ? 'third' : 'first'
      else if (w.word === 'third-party' || w.word === '3rd-party') party = 'third'
      else if (w.word === 'first-party' || w.word === '1st-party') party = 'first'
      else if (w.word === 'cross-site' || w.word === 'cross-domain' || ((w.word === 'site' || w.word === 'domain') && prev === 'cross')) crossSite = true
      else if (w.word === 'session') session = true
      else if (w.word === 'tracking') tracking = true
      else if (PURPOSE_WORDS[w.word]) PURPOSE_WORDS[w.word].forEach((p) => purposes.add(p))
      else if (!GLUE.has(w.word)) break
      words.unshift(w.word)
      start = w.start
    }
    const head = m[0]
    // "tracking cookies" are analytics and advertising ones, unless the phrase says which ("social media tracking pixels")
    if ((tracking || /tracking/i.test(head)) && purposes.size === 0) ['analytics', 'advertising'].forEach((p) => purposes.add(p as CookiePurpose))
    // a trailing "and" or "or" is not part of the phrase
    while (words.length && ['and', 'or', '&'].includes(words[0])) {
      words.shift()
      const next = /^[A-Za-z0-9&][A-Za-z0-9'-]*\s*/.exec(text.slice(start))
      start += next ? next[0].length : 0
    }
    let count: number | undefined
    const numberWords = wordsBefore(text, start, 3)
    const n = numberWords[numberWords.length - 1]
    if (n && joinable(text, n.end, start)) {
      const value = NUMBERS[n.word] ?? (/^\d{1,2}$/.test(n.word) ? Number(n.word) : undefined)
      const ahead = numberWords[numberWords.length - 2]?.word
      if (value !== undefined && !(ahead && ['than', 'least', 'of', 'most', 'every', 'per', 'in'].includes(ahead))) {
        count = value
        start = n.start
      }
    }
    out.push({ start, end: m.index + head.length, headStart, what: thingOf(head), purposes, party, crossSite, session, words, count, text: text.slice(start, m.index + head.length) })
  }
  return out
}

/** The product speaking of itself: a denial in such a sentence is a promise about the product. */
const FIRST_PERSON = /\b(?:we|our|us|this (?:site|website|service|app|product))\b/i

/** "no X", "without X", "we do not use X", "X are not used"; false for "if you do not accept cookies". */
function denied(text: string, phrase: Phrase): boolean {
  const before = wordsBefore(text, phrase.start, 2)
  const last = before[before.length - 1]
  if (last && joinable(text, last.end, phrase.start)) {
    if (DETERMINER_DENIALS.has(last.word)) return true
  }
  const from = Math.max(0, phrase.start - WINDOW)
  const window = text.slice(from, phrase.start)
  const scope = window.slice(scopeStart(window, window.length))
  NEGATION.lastIndex = 0
  for (let m = NEGATION.exec(scope); m !== null; m = NEGATION.exec(scope)) {
    let wordStart = m.index
    if (m[0].toLowerCase() === "n't") while (wordStart > 0 && /[A-Za-z]/.test(scope[wordStart - 1])) wordStart--
    if (USER_SUBJECT.test(scope.slice(Math.max(0, wordStart - 25), wordStart))) continue
    if (/^not\s+(?:only|just|limited|necessarily|all)\b/i.test(scope.slice(m.index, m.index + 30))) continue
    if (COOKIE_VERB.test(scope.slice(m.index + m[0].length))) return true
  }
  return PASSIVE_DENIAL.test(text.slice(phrase.end, phrase.end + 80))
}

function purposesOf(phrase: Phrase): CookiePurpose[] {
  return [...phrase.purposes].sort()
}

/** Cookie names written in the sentence: "a theme cookie", "the `wos-session` cookie", "a cookie named sid". */
function namesIn(text: string, phrases: Phrase[], mentions: VendorMention[], sentence: PolicySentence): string[] {
  const names = new Set<string>()
  const vendorAt = (start: number, end: number) => mentions.some((m) => m.start < end && start < m.end)
  for (const p of phrases) {
    if (p.what !== 'cookies') continue
    // right before the head: `theme cookie`, `"theme" cookie`, `NEXT_LOCALE cookie`
    const m = /(["“'‘]?)([A-Za-z0-9_][A-Za-z0-9_.-]{0,63})\1["”'’]?\s+$/.exec(text.slice(Math.max(0, p.headStart - 80), p.headStart))
    if (m) {
      const token = m[2]
      const at = p.headStart - m[0].length
      const quoted = m[1] !== '' || /["”'’]\s+$/.test(m[0])
      const determiner = wordsBefore(text, at, 1)[0]?.word
      const codeLike = CODE_NAME.test(token) && !NOT_A_NAME.has(token.toLowerCase())
      const plainName = /^[a-z][a-z0-9]{1,30}$/.test(token) && !ENGLISH_BEFORE_COOKIE.has(token) && !PURPOSE_WORDS[token] && !GLUE.has(token) &&
        ['a', 'an', 'the', 'one', 'our', 'single'].includes(determiner ?? '')
      if ((codeLike || quoted || plainName) && !vendorAt(at, p.headStart) && !/^\d+$/.test(token)) names.add(token)
    }
    // right after: "cookie named sid", "cookie called `theme`", "cookies (wos-session)"
    const after = /^\s*(?:(?:named|called)\s+["“'‘]?([A-Za-z0-9_][A-Za-z0-9_.-]{0,63})|\(\s*["“'‘]?([A-Za-z0-9_][A-Za-z0-9_.-]{0,63})["”'’]?\s*\))/.exec(text.slice(p.end, p.end + 80))
    const token = after?.[1] ?? after?.[2]
    if (token && (after?.[1] || CODE_NAME.test(token))) names.add(token)
  }
  // a row of a cookie table or list: "wos-session — keeps you signed in — 400 days"
  if (sentence.item && sentence.section.some((h) => /cookie/i.test(h))) {
    const first = /^\s*["“'‘]?([A-Za-z0-9_][A-Za-z0-9_.-]{0,63})["”'’]?\s*(?:[:—–|(]|\s-\s)/.exec(text)
    if (first && CODE_NAME.test(first[1]) && !NOT_A_NAME.has(first[1].toLowerCase())) names.add(first[1])
  }
  return [...new Set([...names].map((n) => n.replace(/[.-]+$/, '')))].filter((n) => n.length > 0)
}

function base(sentence: PolicySentence): Pick<Claim, 'section' | 'quote' | 'line' | 'endLine'> {
  return { section: [...sentence.section], quote: sentence.text, line: sentence.line, endLine: sentence.endLine }
}

/** A vendor the sentence says sets cookies: "Clerk uses cookies", "cookies managed by Clerk", "PostHog cookies". */
function vendorSettingCookies(text: string, phrase: Phrase, mentions: VendorMention[]): VendorMention | undefined {
  // mentions are in order: look only at those near the phrase, so a sentence of thousands of names stays linear
  let lo = 0
  let hi = mentions.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (mentions[mid].end < phrase.start - 100) lo = mid + 1
    else hi = mid
  }
  for (let i = lo; i < mentions.length && mentions[i].start <= phrase.end + 80; i++) {
    const m = mentions[i]
    // the name inside the phrase: "Google Analytics cookies"
    if (m.start < phrase.headStart && m.end > phrase.start) return m
    if (m.end <= phrase.start) {
      const gap = text.slice(m.end, phrase.start)
      if (gap.length > 80 || clauseStart(text, phrase.start) > m.start) continue
      if (/^(?:'s)?\s*$/.test(gap)) return m
      if (/^(?:'s)?\s+(?:\S+\s+){0,2}?(?:uses?|sets?|places?|stores?|drops?|manages?|reads?|relies\s+on|may\s+(?:set|use|place|store)|can\s+(?:set|use))\s+(?:\S+\s+){0,4}?$/i.test(gap)) return m
    } else if (m.start >= phrase.end) {
      const gap = text.slice(phrase.end, m.start)
      if (gap.length > 60 || clauseStart(text, m.start) > phrase.start) continue
      if (/^\s+(?:\S+\s+){0,3}?(?:set|placed|managed|used|stored|provided|dropped|served|issued)\s+by\s+$/i.test(gap) || /^\s+(?:from|of)\s+$/i.test(gap)) return m
    }
  }
  return undefined
}

export function parseCookieClaims(sentences: PolicySentence[], catalog: Catalog): Claim[] {
  const claims: Claim[] = []
  for (const sentence of sentences) {
    if (sentence.heading) continue
    const text = normalizeApostrophes(sentence.text)
    if (!/cookie|tracker|pixel|beacon|tracking tech/i.test(text)) continue
    const phrases = findPhrases(text)
    if (phrases.length === 0) continue
    const mentions = findVendorMentions(text, catalog)
    const deny = phrases.map((p) => denied(text, p))
    // a list shares its denial: "no advertising trackers, tracking pixels or analytics cookies"
    for (let i = 1; i < phrases.length; i++) {
      if (!deny[i] && deny[i - 1] && /^\s*(?:,\s*)?(?:(?:or|and|nor)\s+)?$/i.test(text.slice(phrases[i - 1].end, phrases[i].start))) deny[i] = true
    }
    const seen = new Set<string>()
    const push = (claim: Claim) => {
      const key = `${claim.subject}\0${claim.vendor ?? ''}\0${JSON.stringify(claim.data)}`
      if (seen.has(key)) return
      seen.add(key)
      claims.push(claim)
    }
    phrases.forEach((p, i) => {
      const vendor = vendorSettingCookies(text, p, mentions)
      if (vendor) {
        // a vendor's cookies denied ("we do not use Google Analytics cookies") is a vendor denial, read elsewhere
        if (!deny[i]) push({ kind: 'cookie', subject: 'vendor-cookies', vendor: vendor.vendor.id, polarity: 'affirm', ...base(sentence), data: { purposes: purposesOf(p), phrase: p.text } })
        return
      }
      if (deny[i]) {
        const exception = EXCEPTION.exec(text.slice(p.end, p.end + 160))
        if (exception) {
          // "no cookies except those that keep you signed in": only strictly necessary ones
          if (NECESSARY_EXCEPTION.test(text.slice(p.end, p.end + 160)) && p.purposes.size === 0) {
            push({ kind: 'cookie', subject: 'cookie-purposes', polarity: 'affirm', ...base(sentence), data: { purposes: ['strictly-necessary'], phrase: p.text } })
          }
          return
        }
        // "Plausible — counts page views without cookies" describes that vendor, not a promise about the product's cookies
        if (mentions.length > 0 && !FIRST_PERSON.test(text)) return
        const data: CookieDenialData = { purposes: purposesOf(p), what: p.what, phrase: p.text }
        if (p.party) data.party = p.party
        if (p.crossSite) data.crossSite = true
        push({ kind: 'cookie', subject: 'cookie-denial', polarity: 'deny', ...base(sentence), data })
        return
      }
      if (p.what !== 'cookies') return
      if (p.count !== undefined) {
        push({ kind: 'cookie', subject: 'cookie-limit', polarity: 'affirm', ...base(sentence), data: { max: p.count, scope: p.session || p.purposes.has('strictly-necessary') ? 'session' : 'all', phrase: p.text } })
        return
      }
      const clause = text.slice(Math.max(clauseStart(text, p.start), p.start - 80), p.start)
      const trailingPurpose = /^\s+(?:that|which)\s+(?:are|is)\s+(?:strictly\s+)?(?:necessary|essential|required)\b/i.test(text.slice(p.end, p.end + 60))
      if (ONLY.test(clause) && (p.purposes.size > 0 || trailingPurpose)) {
        const purposes = trailingPurpose ? ['strictly-necessary' as const] : purposesOf(p)
        if (!purposes.some((x) => x === 'analytics' || x === 'advertising')) {
          push({ kind: 'cookie', subject: 'cookie-purposes', polarity: 'affirm', ...base(sentence), data: { purposes, phrase: p.text } })
        }
      }
    })
    const names = namesIn(text, phrases, mentions, sentence)
    if (names.length) push({ kind: 'cookie', subject: 'cookie-names', polarity: 'affirm', ...base(sentence), data: { names } })
  }
  return claims
}

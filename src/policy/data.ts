// Personal-data claims (kind `data`): which named vendor receives which categories, what the policy says it collects,
// what it denies receiving, storing, logging or sharing, anonymous or aggregated data, how much it logs, and whether
// it honours Do Not Track and Global Privacy Control. Categories are the fideslang keys of data/categories.yaml.
import type { Catalog } from '../catalog/index.js'
import type { Claim, DataClaim } from '../types/index.js'
import { deniesPersonalLogs, findDenials, pronounDenial, PRONOUN_SUBJECT, type Denial } from './data-denials.js'
import { categoryKeys, findDataMentions, type DataMention } from './data-phrases.js'
import { findVendorMentions, type VendorMention } from './mentions.js'
import { isNegated, normalizeApostrophes } from './scope.js'
import type { PolicySentence } from './sentences.js'

/** A heading over the collection list: "Information We Collect", "What we collect", "Data we process". */
const COLLECTION_HEADING = /\b(?:collect(?:s|ed|ion)?|gather(?:ed)?)\b|\b(?:data|information)\s+we\s+(?:receive|process|store|hold)\b/i
const DENIAL_WORD = /\b(?:not|never|no)\b|n't\b/i
/** A sentence that says the company collects: "We collect your name", "When you sign up, we collect:". */
const COLLECTING = /(?<!\b(?:information|data)\s+)\bwe\s+(?:(?:may|also|only|automatically|will)\s+)?(?:collect|gather|obtain|receive|store)\b/i
/** A pointer elsewhere, not a statement of what is collected: "Please refer to Stripe's policy for how payment data…". */
const REFERRAL = /\brefer\s+to\b|\bprivacy\s+polic(?:y|ies)\s+of\b/i
/**
 * Right after a vendor's name: it receives or holds data ("PostHog collects:", "Stripe handles billing"), or does so
 * as a second verb of the same subject ("Intercom provides our support chat and receives your email").
 */
const ACTOR_AFTER =
  /^\s*(?:\([^()]{0,60}\)\s*)?(?:[^.;:()]{0,60}?,?\s+and\s+)?(?:(?:also|may|will|can|only|then|securely|automatically)\s+)?(?:collects?|receives?|process(?:es)?|handles?|stores?|gets?|sees?|records?|tracks?|captures?|hosts?|keeps?|holds?|has\s+access\s+to)\b/i
/** Before it: the data goes "via our authentication provider (WorkOS)", "through … Clerk", "by Stripe", "to … (e.g., Anthropic". */
const VIA_BEFORE =
  /\b(?:via|through|by|to|with|using|into|in|on)\s+(?:[^\s;:.()—–]+\s+){0,5}(?:\(\s*)?(?:(?:e\.g\.|i\.e\.|such\s+as|including|like|namely)\s*,?\s*)?$/i
/** Between two names of one list: "Anthropic, OpenAI, or Google". */
const NAME_GLUE = /^\s*(?:\([^()]{0,60}\))?\s*(?:,\s*(?:and|or)?|and|or|&|\/)\s*$/i

function span(first: PolicySentence, last: PolicySentence, quote: string): Pick<Claim, 'section' | 'quote' | 'line' | 'endLine'> {
  return { section: [...first.section], quote, line: first.line, endLine: last.endLine }
}

/** Whether the innermost heading about collection says what is collected (not "What we do not collect"). */
function inCollectionSection(sentence: PolicySentence): boolean {
  for (let i = sentence.section.length - 1; i >= 0; i--) {
    const heading = sentence.section[i]
    if (COLLECTION_HEADING.test(heading)) return !DENIAL_WORD.test(normalizeApostrophes(heading))
  }
  return false
}

function collectingLead(lead: string | undefined): boolean {
  return lead !== undefined && (COLLECTING.test(lead) || /\b(?:collects?|receives?|process(?:es)?|stores?)\s*:$/i.test(lead)) && !DENIAL_WORD.test(normalizeApostrophes(lead))
}

/** The vendors the sentence says receive or hold its data: an actor, the end of "via", "by", "to", a table's name cell. */
function receivingVendors(sentence: PolicySentence, catalog: Catalog): VendorMention[] {
  const text = normalizeApostrophes(sentence.text)
  const mentions = findVendorMentions(text, catalog).filter((m) => !text.startsWith("'s", m.end) && !isNegated(text, m.start, m.end))
  const cued = mentions.map((m) => {
    const name = sentence.cells?.name
    return (name !== undefined && m.start >= name[0] && m.start < name[1]) || ACTOR_AFTER.test(text.slice(m.end, m.end + 80)) ||
      VIA_BEFORE.test(text.slice(Math.max(0, m.start - 80), m.start))
  })
  for (let i = 1; i < mentions.length; i++) cued[i] ||= cued[i - 1] && NAME_GLUE.test(text.slice(mentions[i - 1].end, mentions[i].start))
  return mentions.filter((_, i) => cued[i])
}

function vendorData(vendor: string, mentions: readonly DataMention[], where: Pick<Claim, 'section' | 'quote' | 'line' | 'endLine'>): DataClaim {
  const phrases = [...new Set(mentions.map((m) => m.phrase))]
  return { kind: 'data', subject: 'vendor-data', vendor, polarity: 'affirm', ...where, data: { categories: categoryKeys(mentions), phrases } }
}

const QUALIFIER = '(?:anonymous|anonymi[sz]ed|de-identified|pseudonymous|pseudonymi[sz]ed|aggregated?)'
/** "anonymized and aggregated data", "anonymous usage statistics", "aggregate metrics". */
const QUALIFIED_DATA = new RegExp(
  `\\b${QUALIFIER}(?:\\s*(?:,|and|or|&)\\s*${QUALIFIER}){0,3}(?:\\s+[a-z-]+){0,2}?\\s+(?:data|information|statistics|stats|metrics|analytics|form|basis|identifiers?|events?|telemetry|reports?)\\b` +
  `|\\b(?:data|information|statistics|addresses|identifiers?)\\s+(?:is|are)\\s+(?:(?:fully|always|first)\\s+)?${QUALIFIER}\\b`, 'gi')
const QUALIFIER_WORD = new RegExp(`\\b${QUALIFIER}\\b`, 'gi')
const STRENGTH: Record<string, number> = { anonymous: 3, anonymized: 3, pseudonymous: 2, aggregated: 1 }
const ANALYTICS_PURPOSE =
  /\b(?:analytics?|analy[sz](?:e|es|ed|ing|is)|statistic(?:s|al)|usage\s+patterns?|understand\s+how|product\s+improvement|improv(?:e|es|ed|ing|ement)\s+(?:(?:the|our)\s+)?(?:platform|product|service|services|site|app|performance))\b/i

type Qualifier = 'anonymous' | 'anonymized' | 'aggregated' | 'pseudonymous'

function qualifierOf(word: string): Qualifier {
  const w = word.toLowerCase()
  if (w === 'anonymous') return 'anonymous'
  if (w.startsWith('anonymi') || w === 'de-identified') return 'anonymized'
  return w.startsWith('pseudonym') ? 'pseudonymous' : 'aggregated'
}

/** The strongest qualifier the sentence puts on data it affirms using or keeping, if any. */
function dataQualifier(text: string): Qualifier | undefined {
  let best: Qualifier | undefined
  QUALIFIED_DATA.lastIndex = 0
  for (let m = QUALIFIED_DATA.exec(text); m !== null; m = QUALIFIED_DATA.exec(text)) {
    if (isNegated(text, m.index) || /\b(?:not|never)\s+$/i.test(text.slice(Math.max(0, m.index - 7), m.index))) continue
    for (const word of m[0].match(QUALIFIER_WORD) ?? []) {
      const q = qualifierOf(word)
      if (best === undefined || STRENGTH[q] > STRENGTH[best]) best = q
    }
  }
  return best
}

const DNT = /\bDo[\s-]Not[\s-]Track\b|\bdo[\s-]not[\s-]track(?=\s+(?:\(DNT\)\s*)?(?:signals?|settings?|requests?|headers?|preferences?|browser))|\bDNT\b/gi
const GPC = /\bGlobal\s+Privacy\s+Control\b|\bGPC\b/gi
const SIGNAL_VERB = '(?:honou?r(?:s|ed|ing)?|respect(?:s|ed|ing)?|respond(?:s|ed|ing)?|recogni[sz](?:e|es|ed|ing)|support(?:s|ed|ing)?|compl(?:y|ies|ied)|follow(?:s|ed|ing)?|obey(?:s|ed)?|act(?:s|ed)?\\s+on|accept(?:s|ed)?|process(?:es|ed)?)'
const SIGNAL_ACTED_ON = new RegExp(`\\b${SIGNAL_VERB}\\b|\\b(?:ignore[sd]?|disregard(?:s|ed)?)\\b`, 'i')
const SIGNAL_DENIED = new RegExp(`(?:\\b(?:not|never|no)|n't)\\s+(?:[a-z]+\\s+){0,3}?${SIGNAL_VERB}\\b|\\b(?:ignore[sd]?|disregard(?:s|ed)?)\\b`, 'i')

/** "We honor Do Not Track signals" (affirm), "we do not currently respond to Do Not Track signals" (deny). */
function doNotTrack(sentence: PolicySentence): DataClaim | undefined {
  let masked = normalizeApostrophes(sentence.text)
  const signals: Array<'dnt' | 'gpc'> = []
  for (const [pattern, signal] of [[DNT, 'dnt'], [GPC, 'gpc']] as const) {
    // the signal's own "Not" must not read as a denial
    const next = masked.replace(pattern, (m) => 'X'.repeat(m.length))
    if (next !== masked) signals.push(signal)
    masked = next
  }
  if (signals.length === 0 || !SIGNAL_ACTED_ON.test(masked)) return undefined
  const polarity = SIGNAL_DENIED.test(masked) ? 'deny' : 'affirm'
  return { kind: 'data', subject: 'do-not-track', polarity, ...span(sentence, sentence, sentence.text), data: { signals } }
}

const MINIMAL_LOGS = /\bminimal\s+(?:[a-z-]+\s+){0,4}?log(?:s|ging)\b|\blogs?\s+(?:are|is)\s+(?:kept\s+)?(?:to\s+a\s+)?minim(?:al|um)\b/i

function logsClaim(sentence: PolicySentence): DataClaim | undefined {
  const where = span(sentence, sentence, sentence.text)
  if (deniesPersonalLogs(sentence.text)) return { kind: 'data', subject: 'logs', polarity: 'deny', ...where, data: { level: 'none' } }
  if (MINIMAL_LOGS.test(sentence.text)) return { kind: 'data', subject: 'logs', polarity: 'affirm', ...where, data: { level: 'minimal' } }
  return undefined
}

function denialClaims(denials: Denial[], vendors: VendorMention[], where: Pick<Claim, 'section' | 'quote' | 'line' | 'endLine'>): DataClaim[] {
  return denials.map(({ scope, mentions }) => {
    // "we do not share your email with Stripe": the name after the datum
    const vendor = scope === 'share' ? vendors.find((v) => v.start > mentions[0].start) : undefined
    const data = { categories: categoryKeys(mentions), scope, ...(vendor ? { vendor: vendor.vendor.id } : {}) }
    return { kind: 'data', subject: 'data-denial', polarity: 'deny', ...where, data } satisfies DataClaim
  })
}

/** How many sentences back in its block a sentence may refer ("They…", "for this purpose"). */
const BLOCK_REACH = 3

/** A list led by "PostHog collects:": the vendors of the lead, the data of its items. */
interface VendorList {
  lead: PolicySentence
  vendors: string[]
  items: PolicySentence[]
  mentions: DataMention[]
}

function flushList(list: VendorList | undefined, claims: Claim[]): void {
  if (!list || list.mentions.length === 0) return
  const last = list.items[list.items.length - 1]
  const where = span(list.lead, last, [list.lead.text, ...list.items.map((s) => s.text)].join(' '))
  for (const vendor of list.vendors) claims.push(vendorData(vendor, list.mentions, where))
}

/** "They are stored on your VM, not in our database": a denial of what the block's first sentence named. */
function pronounClaims(sentences: PolicySentence[], blockStart: number, at: number): DataClaim[] {
  const sentence = sentences[at]
  if (!sentence.continued || at - blockStart > BLOCK_REACH || !PRONOUN_SUBJECT.test(sentence.text)) return []
  const scope = pronounDenial(sentence.text)
  const first = sentences[blockStart]
  const mentions = scope ? findDataMentions(first.text, first.item) : []
  if (!scope || mentions.length === 0) return []
  const quote = sentences.slice(blockStart, at + 1).map((s) => s.text).join(' ')
  return [{ kind: 'data', subject: 'data-denial', polarity: 'deny', ...span(first, sentence, quote), data: { categories: categoryKeys(mentions), scope } }]
}

/** anonymous-data: the qualifier, an analytics purpose stated in the sentence or before it in its block, the vendor named. */
function anonymousClaim(sentences: PolicySentence[], blockStart: number, at: number, catalog: Catalog): DataClaim | undefined {
  const sentence = sentences[at]
  const text = normalizeApostrophes(sentence.text)
  const qualifier = dataQualifier(text)
  if (!qualifier) return undefined
  const block = sentences.slice(Math.max(blockStart, at - BLOCK_REACH), at + 1).map((s) => s.text).join(' ')
  const vendor = findVendorMentions(text, catalog).find((m) => !isNegated(text, m.start, m.end))
  const data = { qualifier, ...(ANALYTICS_PURPOSE.test(block) ? { purpose: 'analytics' as const } : {}), ...(vendor ? { vendor: vendor.vendor.id } : {}) }
  return { kind: 'data', subject: 'anonymous-data', polarity: 'affirm', ...span(sentence, sentence, sentence.text), data }
}

/** The claims one sentence makes about the data it names: denials, collection, the vendors that receive it. */
function mentionClaims(sentence: PolicySentence, catalog: Catalog): DataClaim[] {
  const collecting = inCollectionSection(sentence) || (sentence.item && collectingLead(sentence.lead))
  const mentions = findDataMentions(sentence.text, sentence.item && !sentence.continued && collecting)
  if (mentions.length === 0) return []
  const where = span(sentence, sentence, sentence.text)
  const denials = findDenials(sentence.text, mentions)
  const denied = new Set(denials.flatMap((d) => d.mentions))
  const kept = mentions.filter((m) => !denied.has(m))
  const claims = denials.length > 0 ? denialClaims(denials, findVendorMentions(normalizeApostrophes(sentence.text), catalog), where) : []
  if (kept.length === 0) return claims
  if ((collecting || COLLECTING.test(sentence.text)) && !REFERRAL.test(sentence.text)) {
    claims.push({ kind: 'data', subject: 'collection', polarity: 'affirm', ...where, data: { categories: categoryKeys(kept) } })
  }
  for (const vendor of new Set(receivingVendors(sentence, catalog).map((m) => m.vendor.id))) claims.push(vendorData(vendor, kept, where))
  return claims
}

/** Data claims, in sentence order; a vendor's list claim spans its lead and items. */
export function parseDataClaims(sentences: PolicySentence[], catalog: Catalog): Claim[] {
  const claims: Claim[] = []
  let list: VendorList | undefined
  let blockStart = 0
  sentences.forEach((sentence, at) => {
    if (!sentence.continued) blockStart = at
    if (list && !(sentence.item && sentence.lead === list.lead.text)) {
      flushList(list, claims)
      list = undefined
    }
    if (sentence.heading) return
    if (!sentence.item && sentence.text.endsWith(':')) {
      const vendors = receivingVendors(sentence, catalog).map((m) => m.vendor.id)
      if (vendors.length > 0) list = { lead: sentence, vendors: [...new Set(vendors)], items: [], mentions: [] }
    }
    const own = mentionClaims(sentence, catalog)
    if (list && sentence.item) {
      list.items.push(sentence)
      const denied = new Set(own.flatMap((c) => (c.subject === 'data-denial' ? c.data.categories : [])))
      list.mentions.push(...findDataMentions(sentence.text, !sentence.continued).filter((m) => !denied.has(m.key)))
    }
    claims.push(...own, ...pronounClaims(sentences, blockStart, at))
    const anonymous = anonymousClaim(sentences, blockStart, at, catalog)
    const logs = logsClaim(sentence)
    const dnt = doNotTrack(sentence)
    for (const claim of [anonymous, logs, dnt]) if (claim) claims.push(claim)
  })
  flushList(list, claims)
  return claims
}

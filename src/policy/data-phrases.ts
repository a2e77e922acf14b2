// Personal data named in policy text: the phrases of data/categories.yaml found in a sentence, kept only where they
// name a person's data ("your name", "Email address" heading a collection list), not a VM's names, an address to
// write to or the channel a notice comes by ("we will tell you by email").
import { loadCategories, type DataCategories } from '../catalog/categories.js'
import { compareText } from '../util/order.js'

export interface DataMention {
  /** The fideslang key. */
  key: string
  /** The words as the policy writes them. */
  phrase: string
  start: number
  end: number
}

/**
 * Phrases that are also everyday words for other things ("names, regions, sizes" of VMs, "the age of 13", "source
 * code", "lifecycle events"): they count only with a person behind them, a possessive or a collecting verb before
 * the list they are in, or at the head of a collection list's item.
 */
const AMBIGUOUS = new Set(['name', 'names', 'email', 'e-mail', 'address', 'age', 'city', 'country', 'code', 'files', 'events', 'messages', 'conversations', 'prompts', 'gps'])
/** Words before such a phrase (and the list it heads) that make it the person's: "your email and name". */
const PERSON_CUE = /^(?:your|their|his|her|my|user|users|user's|users'|customer|customers|customer's|customers'|person's|people's|personal|collect|collects|collected|collecting|gather|gathers|store|stores|receive|receives|request|requests)$/i
/** Words that may stand between the cue and the phrase: "your full legal name", "your email and name". */
const BETWEEN = /^(?:and|or|&|,|\/|the|a|an|any|all|full|first|last|legal|real|display|primary|public|verified|contact|profile|account|own|§)$/i
/** A label naming a thing, not a person: "VM metadata: names, regions", "Repository info: name". */
const THING_LABEL = /\b(?:vms?|virtual\s+machines?|servers?|machines?|containers?|instances?|clusters?|repositor(?:y|ies)|repos?|projects?|infrastructure|metadata|systems?|resources?|workspaces?|apps?|applications?)\b/i
const LABEL = /^([^:]{1,40}):\s+/
/** "by email", "via e-mail": the channel a message comes by. */
const CHANNEL_BEFORE = /\b(?:by|via|per|through|over)\s+$/i
/** "email us", "Email: privacy@x.com", "email notifications": an address to write to or a kind of message. */
const NOT_THE_DATUM_AFTER = /^(?:\s+(?:us|me|them|him|her)\b|\s*:?\s*[\w.+-]+@|\s+(?:notifications?|updates?|newsletters?|alerts?|support|providers?|services?|marketing|campaigns?|communications?|digests?|reminders?|templates?)\b)/i
/** "Names of your projects": what follows owns the phrase, and it is not the person. */
const OF_A_THING = /^\s+of\s+(?!(?:(?:the|each|every|a|an)\s+)?(?:you|users?|customers?|people|persons?|individuals?|members?|account\s+holders?|cardholders?)\b)/i
/** Words inside a relative parenthetical: "IP address (which may be used to derive approximate location)". */
const RELATIVE_PARENTHETICAL = /^\(\s*(?:which|that|who|where|used|to\s+derive|derived)\b/i

interface PhraseIndex {
  pattern: RegExp
  keyOf: Map<string, string>
}

const indexes = new WeakMap<DataCategories, PhraseIndex>()

function phraseIndex(categories: DataCategories): PhraseIndex {
  const hit = indexes.get(categories)
  if (hit) return hit
  const keyOf = new Map<string, string>()
  for (const c of categories.list) for (const p of c.phrases) if (!keyOf.has(p)) keyOf.set(p, c.key)
  // longest first: "ip address" before "address", "device and browser information" before "browser information"
  const phrases = [...keyOf.keys()].sort((a, b) => b.length - a.length || compareText(a, b))
  const alternatives = phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
  // not inside an address, host or path ("privacy@codecloud.dev", "/names")
  const pattern = new RegExp(`(?<![\\w@/.'-])(?:${alternatives.join('|')})(?![\\w@'-])(?!\\.\\w)`, 'gi')
  const index = { pattern, keyOf }
  indexes.set(categories, index)
  return index
}

/** Every phrase found, before any judgement: their spans let a list of phrases read as one noun phrase. */
function rawMentions(text: string, categories: DataCategories): DataMention[] {
  const { pattern, keyOf } = phraseIndex(categories)
  const out: DataMention[] = []
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const key = keyOf.get(m[0].toLowerCase().replace(/\s+/g, ' '))
    if (key) out.push({ key, phrase: m[0], start: m.index, end: m.index + m[0].length })
  }
  return out
}

/** How far before a phrase its cue, label or parenthesis may be: bounded so a huge sentence stays linear. */
const LOOKBACK = 160

/** Inside an open parenthesis that starts a relative clause. */
function inRelativeParenthetical(text: string, at: number): boolean {
  const window = text.slice(Math.max(0, at - LOOKBACK), at)
  const open = window.lastIndexOf('(')
  return open !== -1 && !window.includes(')', open) && RELATIVE_PARENTHETICAL.test(window.slice(open))
}

/**
 * Whether an ambiguous phrase names the person's data: a cue word before the run of phrases and small words it
 * sits in, or (`listHead`) that run opening a collection item, after a label that does not name a thing.
 */
function namesPerson(text: string, at: number, raw: DataMention[], listHead: boolean): boolean {
  const mention = raw[at]
  if (!coordinable(text, mention)) return false
  const from = Math.max(0, mention.start - LOOKBACK)
  // earlier phrases read as one word (§), so "your email and name" is a cue, a phrase, "and", the name
  let prefix = text.slice(from, mention.start)
  for (let i = at - 1; i >= 0 && raw[i].start >= from; i--) {
    const [a, b] = [raw[i].start - from, raw[i].end - from]
    prefix = `${prefix.slice(0, a)}§${' '.repeat(b - a - 1)}${prefix.slice(b)}`
  }
  // a label opens the sentence: one within reach of the phrase
  const label = from === 0 ? LABEL.exec(prefix) : null
  const tokens = prefix.slice(label ? label[0].length : 0).match(/[A-Za-z§][A-Za-z'-]*|[,&/]|[^\sA-Za-z§,&/]/g) ?? []
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (PERSON_CUE.test(tokens[i])) return true
    if (!BETWEEN.test(tokens[i])) return false
  }
  return listHead && !(label && THING_LABEL.test(label[1]))
}

/**
 * The personal data a sentence names, in order: each phrase of the categories file that names a person's data.
 * `listHead`: the sentence is an item of a collection list, so a phrase opening it names what is collected.
 */
export function findDataMentions(text: string, listHead: boolean, categories = loadCategories()): DataMention[] {
  const raw = rawMentions(text, categories)
  const kept = raw.map((m, i) => !inRelativeParenthetical(text, m.start) &&
    (!AMBIGUOUS.has(m.phrase.toLowerCase()) || namesPerson(text, i, raw, listHead)))
  // "Email address and name", "name, email and phone number": a word that alone may be a thing's, coordinated with a
  // person's data, is the person's too; a pass each way reaches along every run of them, linear whatever its length
  const joins = (a: number, b: number) => kept[a] && !kept[b] && !inRelativeParenthetical(text, raw[b].start) && coordinable(text, raw[b]) &&
    COORDINATION.test(text.slice(raw[Math.min(a, b)].end, raw[Math.max(a, b)].start))
  for (let i = 1; i < raw.length; i++) if (joins(i - 1, i)) kept[i] = true
  for (let i = raw.length - 2; i >= 0; i--) if (joins(i + 1, i)) kept[i] = true
  return raw.filter((_, i) => kept[i])
}

/** Only a list's glue between two phrases: "and", "or", a comma, a slash, "and your". */
const COORDINATION = /^\s*(?:,|&|\/)?\s*(?:(?:and|or)\s+)?(?:(?:your|their|the)\s+)?$/i

/** Not a channel, an address to write to, or a thing's ("by email", "names of projects"): the phrase may be the person's data. */
function coordinable(text: string, mention: DataMention): boolean {
  if (OF_A_THING.test(text.slice(mention.end, mention.end + 40))) return false
  if (mention.phrase.toLowerCase().replace('-', '') !== 'email') return true
  return !CHANNEL_BEFORE.test(text.slice(Math.max(0, mention.start - 12), mention.start)) && !NOT_THE_DATUM_AFTER.test(text.slice(mention.end, mention.end + 40))
}

/** The keys of some mentions, sorted and each once. */
export function categoryKeys(mentions: readonly DataMention[]): string[] {
  return [...new Set(mentions.map((m) => m.key))].sort(compareText)
}

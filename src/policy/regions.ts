// Region claims: where the policy says data is processed, stored or hosted. A claim that bounds where data goes
// ("processed in the EU and the United States", "stored only in Frankfurt", "never leaves the EU") is limiting
// and region-claim-mismatch holds the code to it. One that only names an example ("countries other than your own,
// including the United States", "transferred to the US") bounds nothing: it is recorded, not checked.
import { loadRegionTable, type PlaceName, type RegionTable } from '../catalog/regions.js'
import type { Claim } from '../types/index.js'
import { isNegated, normalizeApostrophes, scopeStart } from './scope.js'
import type { PolicySentence } from './sentences.js'

/** A sentence about where data is: without one of these words, a country name is just a name. */
const LOCATION_CUE = /\b(?:process(?:ed|es|ing)?|stor(?:e|ed|es|ing|age)|host(?:ed|s|ing)?|located|locations?|resid(?:e|es|ency)|kept|transfer(?:red|s|ring)?|leaves?|servers?|data\s+cent(?:er|re)s?|regions?)\b/i
/** Words that make a list of places an example, not a bound. */
const NOT_LIMITING = /\bincluding\b|\bsuch as\b|\bfor example\b|\bfor instance\b|\be\.g\.|\bvarious\b|\bother than\b|\bother countries\b|\bany country\b|\baround the world\b|\bworldwide\b|\bglobally\b|\bamong others\b/i
/** Data said to be held somewhere, not just sent there. */
const HELD_IN = /\b(?:process(?:ed|es|ing)?|stor(?:e|ed|es|ing)|host(?:ed|s|ing)?|located|kept|resid(?:e|es)|remains?|stays?|reside)\b(?:\s+\w+){0,4}?\s+(?:in|within|inside)\b/i
const ONLY = /\b(?:only|exclusively|solely)\b/i
/** "never leaves the EU", "does not leave the European Union", "do not transfer … outside the EU": bounded to it. */
const STAYS_IN = /\b(?:never|not|n't)\s+(?:\w+\s+){0,2}(?:leaves?|leave)\b|\b(?:never|not|n't)\b[^.;]{0,60}\boutside\b/i

/** "we do not store data in", "is never hosted in": a storage verb under a negation (scope.ts's verbs leave storage out). */
const NEGATED_STORAGE = /(?:\bnot|\bnever|n't)\b(?:\s+\w+){0,3}?\s+(?:stor(?:e|ed)|process(?:ed)?|host(?:ed)?|kept|keep|transfer(?:red)?|sen[dt]|locat(?:e|ed))\b/i

/** The verb that places the thing before it: "data is processed in", "servers are located in". */
const PLACING_VERB = /\b(?:process(?:ed|es|ing)?|stor(?:e|ed|es|ing)|host(?:ed|s|ing)?|located|resid(?:e|es|ing)|kept|keep|transfer(?:red|s|ring)?|leaves?|remains?|stays?)\b/gi
/** People and the company are located somewhere too: "if you are located in the EEA", "we are located in the US". */
const PERSON_SUBJECT = /\b(?:you|users?|residents?|visitors?|customers?|individuals?|we|our\s+(?:company|headquarters|offices?|team))\s+(?:\w+\s+){0,2}$/i

/** False when the nearest placing verb before the place locates a person or the company, not data or systems. */
function placesData(text: string, at: number): boolean {
  const from = scopeStart(text, at)
  const window = text.slice(from, at)
  let verb: RegExpExecArray | undefined
  PLACING_VERB.lastIndex = 0
  for (let m = PLACING_VERB.exec(window); m !== null; m = PLACING_VERB.exec(window)) verb = m
  if (!verb || !/^(?:located|resid)/i.test(verb[0])) return true
  const verbAt = from + verb.index
  return !PERSON_SUBJECT.test(text.slice(Math.max(0, verbAt - 40), verbAt))
}

function deniedAt(text: string, at: number): boolean {
  return isNegated(text, at) || NEGATED_STORAGE.test(text.slice(scopeStart(text, at), at))
}

interface PlaceMention {
  id: string
  start: number
  end: number
}

const matchers = new WeakMap<RegionTable, { exact: RegExp; folded: RegExp; byName: Map<string, PlaceName> }>()

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function matcherFor(table: RegionTable) {
  let m = matchers.get(table)
  if (!m) {
    const byName = new Map(table.places.map((p) => [p.caseSensitive ? p.name : p.name.toLowerCase(), p]))
    const build = (places: PlaceName[], flags: string) => new RegExp(`(?<![\\p{L}\\p{N}.])(?:${places.map((p) => escape(p.name)).join('|')})(?![\\p{L}\\p{N}])`, flags)
    m = { exact: build(table.places.filter((p) => p.caseSensitive), 'gu'), folded: build(table.places.filter((p) => !p.caseSensitive), 'giu'), byName }
    matchers.set(table, m)
  }
  return m
}

/** Places the text names, in order: areas, countries and cities (a city stands for its country when checked). */
export function findPlaceMentions(text: string, table: RegionTable = loadRegionTable()): PlaceMention[] {
  const { exact, folded, byName } = matcherFor(table)
  const out: PlaceMention[] = []
  for (const re of [exact, folded]) {
    re.lastIndex = 0
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const place = byName.get(m[0]) ?? byName.get(m[0].toLowerCase())
      // "U.S." ends with a dot the lookbehind cannot see past; a name in lower case ("china" the material) is not a place
      if (place && (place.caseSensitive || /^\p{Lu}/u.test(m[0]))) out.push({ id: place.id, start: m.index, end: m.index + m[0].length })
    }
  }
  return out.sort((a, b) => a.start - b.start)
}

function baseClaim(sentence: PolicySentence): Pick<Claim, 'section' | 'quote' | 'line' | 'endLine'> {
  return { section: [...sentence.section], quote: sentence.text, line: sentence.line, endLine: sentence.endLine }
}

export function parseRegionClaims(sentences: PolicySentence[]): Claim[] {
  const table = loadRegionTable()
  const claims: Claim[] = []
  for (const sentence of sentences) {
    if (sentence.heading || sentence.text === sentence.text.toUpperCase()) continue
    const text = normalizeApostrophes(sentence.text)
    if (!LOCATION_CUE.test(text)) continue
    const mentions = findPlaceMentions(text, table).filter((m) => placesData(text, m.start))
    if (mentions.length === 0) continue
    const staysIn = STAYS_IN.test(text)
    const limiting = !NOT_LIMITING.test(text) && (staysIn || HELD_IN.test(text) || ONLY.test(text))
    const byPolarity = new Map<'affirm' | 'deny', string[]>()
    for (const m of mentions) {
      // "never leaves the EU" affirms the EU; "we do not store data in the US" denies the US
      const polarity = !staysIn && deniedAt(text, m.start) ? 'deny' : 'affirm'
      const ids = byPolarity.get(polarity) ?? []
      if (!ids.includes(m.id)) ids.push(m.id)
      byPolarity.set(polarity, ids)
    }
    for (const [polarity, regions] of byPolarity) {
      claims.push({
        kind: 'region',
        subject: regions.join(','),
        polarity,
        ...baseClaim(sentence),
        data: { regions, limiting: polarity === 'deny' ? true : limiting, places: regions.map((id) => table.placeName(id)) },
      })
    }
  }
  return claims
}

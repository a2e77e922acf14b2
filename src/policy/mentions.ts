// Finds catalog vendors named in a sentence by their aliases.
import type { Catalog } from '../catalog/index.js'
import type { Vendor } from '../types/index.js'

export interface VendorMention {
  vendor: Vendor
  /** The text as written ("AWS Bedrock", "Clerk's" → "Clerk"). */
  alias: string
  start: number
  end: number
  /**
   * The alias is one plain capitalised word ("Render", "Segment", "Turn"): also an English word,
   * so where capitals mean nothing (sentence starts, Title Case headings) it needs support.
   */
  plainWord: boolean
}

interface AliasEntry {
  vendor: Vendor
  alias: string
  lower: string
  /** How letter case must match: `exact` for acronyms ("AWS", "RUN"), `initial` for one Capitalised word. */
  caseRule: 'exact' | 'initial' | 'none'
  plainWord: boolean
}

interface AliasIndex {
  /** Aliases keyed by their first word, lowercased: one map lookup per word of the sentence. */
  byFirstWord: Map<string, AliasEntry[]>
  /** Aliases that do not start with a letter or digit. */
  other: AliasEntry[]
  lookalikes: string[]
}

const cache = new WeakMap<Catalog, AliasIndex>()

function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 ||
    (code > 127 && String.fromCharCode(code).toLowerCase() !== String.fromCharCode(code).toUpperCase())
}
function isAlnumCode(code: number): boolean {
  return isWordCode(code) && code !== 95
}

/** Lowercases without changing the length (a few Unicode letters grow when lowercased). */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase()
  return lower.length === text.length ? lower : text.replace(/[A-Z]/g, (c) => c.toLowerCase())
}

function firstWord(lower: string): string {
  let i = 0
  while (i < lower.length && isAlnumCode(lower.charCodeAt(i))) i++
  return lower.slice(0, i)
}

export function aliasIndex(catalog: Catalog): AliasIndex {
  const hit = cache.get(catalog)
  if (hit) return hit
  const byFirstWord = new Map<string, AliasEntry[]>()
  const other: AliasEntry[] = []
  const lookalikes = new Set<string>()
  for (const vendor of catalog.vendors) {
    for (const raw of new Set(vendor.aliases)) {
      const alias = raw.trim()
      if (alias.length < 2) continue
      const lower = lowerSameLength(alias)
      // "Clerk"/"PostHog" keep their capital ("render the page" is no vendor); acronyms keep all of them ("Run" is not RUN)
      const caseRule = /^[A-Z0-9]*[A-Z][A-Z0-9]*$/.test(alias) ? 'exact' : /^[A-Z][A-Za-z0-9]*$/.test(alias) ? 'initial' : 'none'
      const entry: AliasEntry = { vendor, alias, lower, caseRule, plainWord: /^[A-Z][a-z]+$/.test(alias) }
      const key = firstWord(lower)
      if (key.length === 0) other.push(entry)
      else {
        const list = byFirstWord.get(key) ?? []
        list.push(entry)
        byFirstWord.set(key, list)
      }
    }
    for (const l of vendor.lookalikes) if (l.trim().length >= 2) lookalikes.add(lowerSameLength(l.trim()))
  }
  // a lookalike that is another vendor's alias ("AppsFlyer") is found as that vendor; longest match
  // already keeps the shorter name ("Fly") from matching inside it
  for (const entries of [...byFirstWord.values(), other]) for (const e of entries) lookalikes.delete(e.lower)
  const index = { byFirstWord, other, lookalikes: [...lookalikes] }
  cache.set(catalog, index)
  return index
}

/** `.io`, `.com`, `.dev`…: "Clerk.io" and "posthog.com" are a domain, not the bare name. */
function domainSuffixAt(text: string, end: number): boolean {
  if (text[end] !== '.') return false
  let j = end + 1
  while (j < text.length && j - end <= 24 && ((text[j] >= 'a' && text[j] <= 'z') || (text[j] >= '0' && text[j] <= '9') || text[j] === '-')) j++
  const label = j - end - 1
  return label >= 2 && (text[end + 1] >= 'a' && text[end + 1] <= 'z') && (j >= text.length || !isWordCode(text.charCodeAt(j)))
}

function leftBoundaryOk(text: string, start: number): boolean {
  if (start === 0) return true
  const prev = text.charCodeAt(start - 1)
  if (isWordCode(prev)) return false
  const ch = text[start - 1]
  // part of a host, path, handle or compound ("api.fly.io", "/neon", "@clerk", "non-Clerk")
  if (ch === '@' || ch === '/' || ch === '\\') return false
  if ((ch === '.' || ch === '-') && start >= 2 && isAlnumCode(text.charCodeAt(start - 2))) return false
  return true
}

function rightBoundaryOk(text: string, end: number, alias: string): boolean {
  if (end >= text.length) return true
  if (isAlnumCode(alias.charCodeAt(alias.length - 1)) && isWordCode(text.charCodeAt(end))) return false
  return !domainSuffixAt(text, end)
}

function maskLookalikes(lower: string, lookalikes: string[]): Uint8Array | undefined {
  let mask: Uint8Array | undefined
  for (const l of lookalikes) {
    for (let at = lower.indexOf(l); at !== -1; at = lower.indexOf(l, at + 1)) {
      const end = at + l.length
      const leftOk = at === 0 || !isAlnumCode(lower.charCodeAt(at - 1))
      const rightOk = end >= lower.length || !isAlnumCode(lower.charCodeAt(end)) || !isAlnumCode(l.charCodeAt(l.length - 1))
      if (!leftOk || !rightOk) continue
      mask ??= new Uint8Array(lower.length)
      mask.fill(1, at, end)
    }
  }
  return mask
}

/**
 * Vendors named in `text`, in order of appearance. Overlapping candidates resolve to the longest
 * ("AWS Bedrock" is aws-bedrock, not aws); lookalikes ("Clerk.io", "AppsFlyer") are masked first.
 */
export function findVendorMentions(text: string, catalog: Catalog): VendorMention[] {
  const index = aliasIndex(catalog)
  const lower = lowerSameLength(text)
  const mask = maskLookalikes(lower, index.lookalikes)
  const candidates: VendorMention[] = []
  const consider = (entry: AliasEntry, start: number) => {
    const end = start + entry.lower.length
    if (!lower.startsWith(entry.lower, start)) return
    if (entry.caseRule === 'initial' && text[start] !== entry.alias[0]) return
    if (entry.caseRule === 'exact' && !text.startsWith(entry.alias, start)) return
    if (!leftBoundaryOk(text, start) || !rightBoundaryOk(text, end, entry.alias)) return
    if (mask && mask.subarray(start, end).some((v) => v === 1)) return
    candidates.push({ vendor: entry.vendor, alias: text.slice(start, end), start, end, plainWord: entry.plainWord })
  }
  for (let i = 0; i < lower.length; i++) {
    if (!isAlnumCode(lower.charCodeAt(i)) || (i > 0 && isAlnumCode(lower.charCodeAt(i - 1)))) continue
    let j = i
    while (j < lower.length && isAlnumCode(lower.charCodeAt(j))) j++
    const entries = index.byFirstWord.get(lower.slice(i, j))
    if (entries) for (const entry of entries) consider(entry, i)
    i = j - 1
  }
  for (const entry of index.other) {
    for (let at = lower.indexOf(entry.lower); at !== -1; at = lower.indexOf(entry.lower, at + 1)) consider(entry, at)
  }
  if (candidates.length === 0) return []
  // leftmost-longest: a name inside a longer one is dropped ("AWS" in "AWS Bedrock"), and of two
  // overlapping names the earlier wins ("AWS ECS Fargate" is one mention, not "AWS ECS" + "ECS Fargate")
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || (a.vendor.id < b.vendor.id ? -1 : 1))
  const chosen: VendorMention[] = []
  let reached = 0
  for (const c of candidates) {
    if (c.start < reached) continue
    chosen.push(c)
    reached = c.end
  }
  return chosen
}

// Blocks → sentences with their source lines and the heading path they sit under.
import { countNewlines, isSpace, type PolicyBlock, type TableRow } from './blocks.js'

export interface PolicySentence {
  /** The sentence, whitespace collapsed. */
  text: string
  line: number
  endLine: number
  /** Headings above the sentence, outermost first; a heading sentence ends with itself. */
  section: string[]
  heading: boolean
  /** From a list item or table row. */
  item: boolean
  /** For a list item: the sentence that introduced the list ("We use the following services:"). */
  lead?: string
  /** Not the first sentence of its block (paragraph, list item, row): "They" may refer to what the block began with. */
  continued?: true
  /**
   * For a table row: where its cells are in `text`. `name` is the cell of the column that names the
   * entry; a vendor in one of the `other` cells ("United States (AWS us-west-2)") is mentioned, not listed.
   */
  cells?: { name?: [number, number]; other: Array<[number, number]> }
}

/** Never end a sentence: "e.g. Anthropic", "approx. 30 days", "Dr. Smith". */
const ALWAYS_ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'eg', 'ie', 'cf', 'vs', 'viz', 'approx', 'incl', 'esp', 'no', 'nos', 'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr',
  'st', 'fig', 'sec', 'art', 'para', 'ca', 'al', 'pp', 'vol', 'ch', 'ref', 'resp', 'dept', 'est', 'p.s', 'a.k.a', 'aka', 'n.b',
])
/** End a sentence only before a capitalised word: "Fly.io, Inc. (“Fly”)" goes on, "…etc. We" does not. */
const SOFT_ABBREVIATIONS = new Set([
  'inc', 'ltd', 'llc', 'l.l.c', 'corp', 'co', 'etc', 'gmbh', 'plc', 'pty', 'ag', 'sa', 's.a', 'bv', 'b.v', 'nv', 'n.v', 'sarl',
  's.r.l', 'srl', 'u.s', 'u.k', 'e.u', 'u.s.a',
])
const MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'])

const TERMINALS = '.!?…'
const CLOSERS = '"”’\')]»'
const OPENERS = '"“‘\'([¿¡«'

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase()
}
function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase()
}
function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

/** Start of the word (letters, digits, inner dots) ending right before `dot`; looks back 40 chars at most. */
function tokenStart(text: string, dot: number, floor: number): number {
  let i = dot
  const limit = Math.max(floor, dot - 40)
  while (i > limit && (isAlnum(text.charCodeAt(i - 1)) || text[i - 1] === '.' || isUpper(text[i - 1]) || isLower(text[i - 1]))) i--
  return i
}

/**
 * A period glued to a capitalised word ("your VM.Your code"): a missing space, not a domain.
 * "posthog.com", "Fly.io", "3.5" and "U.S.A" keep going because the next char is lowercase or
 * not a letter followed by lowercase.
 */
function isGluedBoundary(text: string, dot: number): boolean {
  const before = text.slice(tokenStart(text, dot, 0), dot)
  if (before.length < 2 || before.includes('.')) return false
  if (!isUpper(text[dot + 1] ?? '') || !isLower(text[dot + 2] ?? '')) return false
  let j = dot + 2
  while (j < text.length && isLower(text[j])) j++
  // "Example.Com.au"-like hosts continue with another dot right away
  return text[j] !== '.'
}

function isAbbreviation(text: string, start: number, dot: number, next: string): boolean {
  const from = tokenStart(text, dot, start)
  const token = text.slice(from, dot)
  if (token.length === 0) return false
  const lower = token.toLowerCase()
  if (ALWAYS_ABBREVIATIONS.has(lower)) return true
  if (SOFT_ABBREVIATIONS.has(lower)) return !isUpper(next)
  if (MONTHS.has(lower)) return /[0-9]/.test(next)
  // an initial ("J. Smith") or an enumerator at the start ("1. We…", "iv. …")
  if (token.length === 1 && isUpper(token)) return true
  let first = start
  while (first < from && isSpace(text.charCodeAt(first))) first++
  return first === from && /^(?:\d{1,3}|[ivxlc]{1,5}|[a-z])$/i.test(token)
}

/** Start/end offsets of the sentences in `text` (trimmed), in order. Linear in the text length. */
export function sentenceRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let start = 0
  const push = (from: number, to: number) => {
    let a = from
    let b = to
    while (a < b && isSpace(text.charCodeAt(a))) a++
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--
    if (b > a) out.push([a, b])
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (!TERMINALS.includes(c)) continue
    let j = i + 1
    while (j < text.length && TERMINALS.includes(text[j])) j++
    let k = j
    while (k < text.length && CLOSERS.includes(text[k])) k++
    if (k >= text.length) break
    if (isSpace(text.charCodeAt(k))) {
      let n = k
      while (n < text.length && isSpace(text.charCodeAt(n))) n++
      if (n >= text.length) break
      const next = text[n]
      const startsNew = isUpper(next) || (next >= '0' && next <= '9') || OPENERS.includes(next)
      if (startsNew && !(c === '.' && j === i + 1 && isAbbreviation(text, start, i, next))) {
        push(start, k)
        start = n
      }
    } else if (c === '.' && j === i + 1 && k === j && isGluedBoundary(text, i)) {
      push(start, i + 1)
      start = i + 1
    }
    i = k - 1
  }
  push(start, text.length)
  return out
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Exactly what `\s` matches, without a regex call per character. */
function isWhitespace(code: number): boolean {
  return isSpace(code) || code === 0x1680 || code === 0x2028 || code === 0x2029
}

/** For each offset of `raw`, the offset it has in `collapseWhitespace(raw)` (clip to its length). */
function collapsedOffsets(raw: string): Int32Array {
  const map = new Int32Array(raw.length + 1)
  let out = 0
  let inSpace = true // leading whitespace is trimmed away
  for (let i = 0; i < raw.length; i++) {
    map[i] = out
    if (isWhitespace(raw.charCodeAt(i))) {
      if (!inSpace) out++
      inSpace = true
    } else {
      out++
      inSpace = false
    }
  }
  map[raw.length] = out
  return map
}

/**
 * The row's cells that fall in the sentence `[a, b)` of the block, in the sentence's own offsets.
 * Sentences come in order, so `cursor` (the first cell that may still overlap) only moves forward.
 */
function sentenceCells(row: TableRow, blockText: string, a: number, b: number, text: string, cursor: { at: number }): PolicySentence['cells'] {
  while (cursor.at < row.cells.length && row.cells[cursor.at][1] <= a) cursor.at++
  let map: Int32Array | undefined
  const cells: NonNullable<PolicySentence['cells']> = { other: [] }
  for (let column = cursor.at; column < row.cells.length && row.cells[column][0] < b; column++) {
    const [start, end] = row.cells[column]
    if (end <= start || end <= a) continue
    map ??= collapsedOffsets(blockText.slice(a, b))
    const clip = (offset: number) => Math.min(text.length, map![Math.max(0, Math.min(b, offset) - a)])
    const span: [number, number] = [clip(Math.max(start, a)), clip(end)]
    if (span[1] <= span[0]) continue
    if (column === (row.nameColumn ?? 0)) cells.name = span
    else cells.other.push(span)
  }
  return cells.name || cells.other.length > 0 ? cells : undefined
}

/** Splits blocks into sentences; headings are one sentence each and set the section path. */
export function splitSentences(blocks: PolicyBlock[]): PolicySentence[] {
  const out: PolicySentence[] = []
  const stack: Array<{ text: string; level: number }> = []
  let section: string[] = []
  let lead: string | undefined

  for (const block of blocks) {
    if (block.heading) {
      const text = collapseWhitespace(block.text)
      if (!text) continue
      const level = block.level ?? 1
      while (stack.length > 0 && stack[stack.length - 1].level >= level) stack.pop()
      stack.push({ text, level })
      section = stack.map((h) => h.text)
      out.push({ text, line: block.line, endLine: block.endLine, section, heading: true, item: false })
      lead = undefined
      continue
    }
    const ranges = sentenceRanges(block.text)
    // newline counts advance with the ranges so a huge block stays linear
    let cursor = 0
    let lineAtCursor = block.line
    const lineAt = (offset: number) => {
      lineAtCursor += countNewlines(block.text, cursor, offset)
      cursor = offset
      return lineAtCursor
    }
    let last: string | undefined
    const row = block.row && !block.row.header && block.row.cells.length > 1 ? block.row : undefined
    const cellCursor = { at: 0 }
    for (const [a, b] of ranges) {
      const text = collapseWhitespace(block.text.slice(a, b))
      if (!/[\p{L}\p{N}]/u.test(text)) continue
      const line = lineAt(a)
      const endLine = lineAt(b - 1)
      const sentence: PolicySentence = { text, line, endLine, section, heading: false, item: block.item === true }
      if (block.item && lead) sentence.lead = lead
      if (last !== undefined) sentence.continued = true
      const cells = row ? sentenceCells(row, block.text, a, b, text, cellCursor) : undefined
      if (cells) sentence.cells = cells
      out.push(sentence)
      last = text
    }
    if (!block.item) lead = last !== undefined && last.endsWith(':') ? last : undefined
  }
  return out
}

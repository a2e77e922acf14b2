// Plain text to blocks: headings, list items and paragraphs guessed from layout (numbering, bullets,
// short title-like lines, hard-wrapped lines).
import { BlockBuilder, PSEUDO_HEADING_LEVEL, type PolicyBlock } from './blocks.js'

type Prev = 'start' | 'blank' | 'heading' | 'para' | 'item'

/** `- `, `•`, `*`, `1.`/`1)` and `a)` list markers. */
const BULLET = /^(?:[-*+–—]\s+|[•◦▪‣·]\s*|\d{1,3}[.)]\s+|[a-z]\)\s+)/
const NUMBERED = /^(\d{1,3}(?:\.\d{1,3}){0,5})([.)])?\s+(\S.*)$/
const MAX_HEADING_CHARS = 100
const MAX_TITLE_CHARS = 70
/** Shorter unpunctuated lines ("Last updated: May 2025") end their paragraph rather than wrap. */
const WRAP_MIN_CHARS = 50

function wordCount(text: string): number {
  let n = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32
    if (!space && !inWord) n++
    inWord = !space
  }
  return n
}

function endsTerminal(text: string): boolean {
  // closing quotes or brackets after the punctuation still end the sentence
  let i = text.length - 1
  while (i >= 0 && '"”’\')]*_'.includes(text[i])) i--
  return i >= 0 && '.!?:;'.includes(text[i])
}

/** Short, unpunctuated text like "Third-Party Services" or "Clerk": reads as a heading. */
function isHeadingText(text: string, maxChars: number, maxWords: number): boolean {
  if (text.length === 0 || text.length > maxChars || wordCount(text) > maxWords) return false
  if (!/\p{L}/u.test(text)) return false
  const last = text[text.length - 1]
  // a question ("What do we collect?") is a common heading; other punctuation ends a sentence or a label
  return !'.,;:!'.includes(last) && !text.includes(': ')
}

/** A short title-like line ("Clerk", "Third-Party Services"): how a layout without markup titles a section or entry. */
export function isTitleText(text: string): boolean {
  return isHeadingText(text, MAX_TITLE_CHARS, 8)
}

/** `## Title ##` → `Title` (a loop: a trailing-run regex would backtrack on long lines). */
function trimClosingHashes(title: string): string {
  let text = title.trimEnd()
  let k = text.length
  while (k > 0 && text[k - 1] === '#') k--
  if (k === 0 || text[k - 1] === ' ' || text[k - 1] === '\t') text = text.slice(0, k).trimEnd()
  return text
}

function indentOf(line: string): number {
  let i = 0
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++
  return i
}

export function extractPlainText(text: string): PolicyBlock[] {
  const lines = text.split('\n')
  const b = new BlockBuilder()
  let prev: Prev = 'start'
  let prevText = ''
  let prevNumberedItem = false
  let itemIndent = 0

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1
    const raw = lines[i]
    const t = raw.trim()
    if (t.length === 0 || (t.length >= 3 && /^[-=_*~#.\s]+$/.test(t))) {
      // blank lines and rules (----, ====) end blocks
      b.close()
      prev = 'blank'
      prevText = ''
      continue
    }
    const next = i + 1 < lines.length ? lines[i + 1].trim() : ''
    const afterColon = (prev === 'para' || prev === 'item') && prevText.endsWith(':')

    const hash = /^(#{1,6})\s+(\S.*)$/.exec(t)
    if (hash) {
      b.open({ heading: true, level: hash[1].length })
      b.append(trimClosingHashes(hash[2]), lineNo)
      b.close()
      prev = 'heading'
      prevText = t
      continue
    }

    const numbered = NUMBERED.exec(t)
    if (numbered && (numbered[2] !== undefined || numbered[1].includes('.'))) {
      const rest = numbered[3]
      const isHeading = isHeadingText(rest, MAX_HEADING_CHARS, 14) && !afterColon && !(prev === 'item' && prevNumberedItem)
      if (isHeading) {
        b.open({ heading: true, level: Math.min(numbered[1].split('.').length, 6) })
        b.append(t, lineNo)
        b.close()
        prev = 'heading'
        prevText = t
        continue
      }
    }

    const bullet = BULLET.exec(t)
    if (bullet) {
      b.open({ item: true })
      b.append(t.slice(bullet[0].length), lineNo)
      prev = 'item'
      prevText = t
      prevNumberedItem = /^\d/.test(t)
      itemIndent = indentOf(raw)
      continue
    }

    // wrapped lines: a bullet's indented continuation, or a paragraph that has not ended yet
    if (prev === 'item' && (indentOf(raw) > itemIndent || /^\p{Ll}/u.test(t))) {
      b.append(t, lineNo)
      prevText = t
      continue
    }
    // hard-wrapped text: the line before stopped mid-sentence near the wrap column, or this one goes on in lowercase
    if (prev === 'para' && !endsTerminal(prevText) && (prevText.length >= WRAP_MIN_CHARS || /^\p{Ll}/u.test(t))) {
      b.append(t, lineNo)
      prevText = t
      continue
    }

    const titleContext = prev === 'start' || prev === 'blank' || prev === 'heading' || (prev === 'para' && endsTerminal(prevText) && !afterColon)
    const wrapsOn = next.length > 0 && /^\p{Ll}/u.test(next)
    if (titleContext && !wrapsOn && isTitleText(t) &&
      (prev === 'start' || prev === 'blank' || /^[\p{Lu}\p{N}"“'(]/u.test(t))) {
      b.open({ heading: true, level: PSEUDO_HEADING_LEVEL })
      b.append(t, lineNo)
      b.close()
      prev = 'heading'
      prevText = t
      continue
    }

    b.open()
    b.append(t, lineNo)
    prev = 'para'
    prevText = t
  }
  return b.finish()
}

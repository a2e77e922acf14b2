// Policy file → text blocks that keep the source's line numbers. Pure: the caller passes the text.
import { BlockBuilder, looksBinary, markNameColumns, normalizeText, PSEUDO_HEADING_LEVEL, type PolicyBlock } from './blocks.js'
import { blankFrontMatter, decodeEntities, extractHtml, stripJsxExpressions } from './html.js'
import { extractJsx } from './jsx.js'

export type { PolicyBlock } from './blocks.js'

/** `svelte`, `vue` and `astro` are HTML with template syntax: read by the HTML extractor. */
export type PolicyFormat = 'markdown' | 'mdx' | 'html' | 'jsx' | 'svelte' | 'vue' | 'astro' | 'text'

export function detectFormat(path: string, text: string): PolicyFormat {
  const name = path.toLowerCase()
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : ''
  if (ext === 'md' || ext === 'markdown' || ext === 'mdown' || ext === 'mkd') return 'markdown'
  if (ext === 'mdx') return 'mdx'
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html'
  if (ext === 'svelte' || ext === 'vue' || ext === 'astro') return ext
  if (['tsx', 'jsx', 'ts', 'js', 'mjs', 'cjs', 'mts', 'cts'].includes(ext)) return 'jsx'
  if (ext === 'txt' || ext === 'text') return 'text'
  // an unknown extension: a saved web page still deserves tag stripping
  const head = text.slice(0, 512).trimStart().slice(0, 15).toLowerCase()
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html'
  return 'text'
}

/**
 * Turns a policy file into text blocks. Never throws: binary or empty input gives `[]`, and a
 * format-specific failure falls back to plain text.
 */
export function extractPolicyText(path: string, raw: string): PolicyBlock[] {
  try {
    if (typeof raw !== 'string' || raw.length === 0 || looksBinary(raw)) return []
    const text = normalizeText(raw)
    const format = detectFormat(typeof path === 'string' ? path : '', text)
    try {
      return markNameColumns(extractAs(format, path, text))
    } catch {
      // e.g. a stack overflow on absurdly nested JSX: the text is still worth reading
      return format === 'jsx' ? extractHtml(text, { jsx: true }) : extractPlainText(text)
    }
  } catch {
    return []
  }
}

function extractAs(format: PolicyFormat, path: string, text: string): PolicyBlock[] {
  switch (format) {
    case 'markdown':
      return extractMarkdown(text, false)
    case 'mdx':
      return extractMarkdown(text, true)
    case 'html':
      return extractHtml(text)
    case 'svelte':
    case 'vue':
      return extractHtml(text, { template: format })
    case 'astro':
      // the front matter is component code; the markup below it takes JSX-like {expressions}
      return extractHtml(blankFrontMatter(text), { template: format })
    case 'jsx':
      return extractJsx(path, text)
    default:
      return extractPlainText(text)
  }
}

// ------------------------------------------------------------------ plain text

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
    if (titleContext && !wrapsOn && isHeadingText(t, MAX_TITLE_CHARS, 8) &&
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

// ------------------------------------------------------------------ markdown and MDX

const MD_LIST = /^(?:[-*+]|\d{1,9}[.)])\s+/

interface TagState {
  inTag: boolean
  braces: number
}

/** Drops HTML/JSX tags (possibly spanning lines) and keeps the text between them. */
function stripTags(line: string, state: TagState): string {
  let out = ''
  let i = 0
  while (i < line.length) {
    if (state.inTag) {
      let end = -1
      for (let j = i; j < line.length; j++) {
        const c = line[j]
        if (c === '{') state.braces++
        else if (c === '}') state.braces = Math.max(0, state.braces - 1)
        else if (c === '>' && state.braces === 0) {
          end = j
          break
        }
      }
      if (end === -1) return out
      state.inTag = false
      i = end + 1
      continue
    }
    const lt = line.indexOf('<', i)
    if (lt === -1) {
      out += line.slice(i)
      break
    }
    out += line.slice(i, lt)
    const c = line.charCodeAt(lt + 1)
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    if (letter || c === 47) {
      const gt = line.indexOf('>', lt)
      const inner = gt === -1 ? '' : line.slice(lt + 1, gt)
      // autolinks (<https://…>, <mailto:…>, <name@example.com>) are text
      if (/^(?:https?:\/\/|mailto:)\S*$/i.test(inner) || /^[^\s<>@"]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}$/.test(inner)) {
        out += inner.replace(/^mailto:/i, '')
        i = gt + 1
        continue
      }
      state.inTag = true
      state.braces = 0
      i = lt + 1
      continue
    }
    out += '<'
    i = lt + 1
  }
  return out
}

/** Links, images, emphasis, code spans and escapes → their text. Bounded quantifiers keep it linear. */
export function stripInlineMarkdown(text: string): string {
  let s = text
  if (s.includes('[')) {
    s = s.replace(/!?\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)/g, '$1')
    s = s.replace(/!?\[([^\]\n]{0,500})\]\[[^\]\n]{0,200}\]/g, '$1')
  }
  if (s.includes('`')) s = s.replace(/`+/g, '')
  if (s.includes('*') || s.includes('_') || s.includes('~')) {
    s = s.replace(/\*\*|__|~~/g, '')
    // single `*`/`_` only at word edges: snake_case and 2*3 stay
    s = s.replace(/(^|[\s(["'“])[*_](?=\S)/g, '$1').replace(/([^\s*_])[*_](?=$|[\s).,;:!?\]"'”’])/g, '$1')
  }
  if (s.includes('\\')) s = s.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
  return decodeEntities(s)
}

function fenceCloses(t: string, fence: string): boolean {
  let k = 0
  while (k < t.length && t[k] === fence[0]) k++
  return k >= fence.length && t.slice(k).trim() === ''
}

/** Net bracket depth of a line of code, ignoring brackets inside quotes. */
function bracketDelta(line: string): number {
  let depth = 0
  let quote = ''
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quote) {
      if (c === '\\') i++
      else if (c === quote) quote = ''
    } else if (c === '"' || c === "'" || c === '`') quote = c
    else if (c === '(' || c === '{' || c === '[') depth++
    else if (c === ')' || c === '}' || c === ']') depth--
  }
  return depth
}

/** `|---|:--:|` (or `--- | ---` without outer pipes). */
function isTableSeparator(t: string): boolean {
  return t.includes('|') && t.includes('-') && /^[|:\-\s]+$/.test(t)
}

/** A pipe-table row's cells, by column; `\|` does not split (as in GFM, even inside code). */
export function splitTableRow(t: string): string[] {
  const cells: string[] = []
  let cell = ''
  for (let i = 0; i < t.length; i++) {
    const c = t[i]
    if (c === '\\' && i + 1 < t.length) {
      cell += c + t[i + 1]
      i++
    } else if (c === '|') {
      cells.push(cell)
      cell = ''
    } else cell += c
  }
  cells.push(cell)
  // outer pipes bound the row; they do not add empty columns
  if (t.startsWith('|')) cells.shift()
  if (cells.length > 1 && cells[cells.length - 1].trim() === '' && /\|\s*$/.test(t)) cells.pop()
  return cells
}

export function extractMarkdown(text: string, mdx: boolean): PolicyBlock[] {
  const lines = text.split('\n')
  const b = new BlockBuilder()
  let i = 0
  // front matter (YAML --- or TOML +++) is metadata, not policy text
  const first = (lines[0] ?? '').trim()
  if (first === '---' || first === '+++') {
    for (let j = 1; j < lines.length; j++) {
      const t = lines[j].trim()
      if (t === first || (first === '---' && t === '...')) {
        i = j + 1
        break
      }
    }
  }

  let fence = ''
  let inComment = false
  let esmDepth = 0
  let inEsm = false
  let prev: Prev = 'start'
  let itemIndent = 0
  let lastItem = false
  const tags: TagState = { inTag: false, braces: 0 }
  const expr = { depth: 0 }
  let lastTableLine = -2
  let tableId = 0

  for (; i < lines.length; i++) {
    const lineNo = i + 1
    let line = lines[i]

    if (fence) {
      if (fenceCloses(line.trim(), fence)) fence = ''
      continue
    }
    if (inEsm) {
      // an MDX import/export statement runs until its brackets close and it stops continuing
      esmDepth += bracketDelta(line)
      if (esmDepth <= 0 && !/[,=({[]\s*$|\bfrom\s*$/.test(line)) inEsm = false
      continue
    }
    if (inComment) {
      const close = line.indexOf('-->')
      if (close === -1) continue
      inComment = false
      line = ' '.repeat(close + 3) + line.slice(close + 3)
    }
    if (line.includes('<!--')) {
      line = line.replace(/<!--[^]*?-->/g, (m) => ' '.repeat(m.length))
      const open = line.indexOf('<!--')
      if (open !== -1) {
        inComment = true
        line = line.slice(0, open)
      }
    }

    const trimmedRaw = line.trim()
    if (!tags.inTag && expr.depth === 0) {
      const fenceOpen = /^(`{3,}|~{3,})/.exec(trimmedRaw)
      if (fenceOpen) {
        b.close()
        fence = fenceOpen[1]
        prev = 'blank'
        continue
      }
      if (mdx && prev !== 'para' && /^(?:import|export)\s/.test(trimmedRaw)) {
        b.close()
        esmDepth = bracketDelta(line)
        inEsm = esmDepth > 0 || /[,=({[]\s*$|\bfrom\s*$/.test(line) || (/^import\s/.test(trimmedRaw) && !/['"`]\s*;?\s*$/.test(trimmedRaw))
        prev = 'blank'
        continue
      }
    }

    if (mdx) line = stripJsxExpressions(line, expr)
    const wasInTag = tags.inTag
    const hadMarkup = wasInTag || line.includes('<')
    line = stripTags(line, tags)
    const indent = indentOf(line)
    let t = line.trim()
    // a line that was only markup (<Callout type="info">) is no paragraph break in MDX
    if (t.length === 0) {
      if (!hadMarkup) {
        b.close()
        prev = 'blank'
      }
      continue
    }
    while (t.startsWith('>')) t = t.slice(1).trimStart()
    if (t.length === 0) continue

    const atx = /^(#{1,6})(?:\s+|$)/.exec(t)
    if (atx) {
      const title = trimClosingHashes(t.slice(atx[0].length))
      b.open({ heading: true, level: atx[1].length })
      b.append(stripInlineMarkdown(title), lineNo)
      b.close()
      prev = 'heading'
      lastItem = false
      continue
    }

    const compact = t.replace(/\s/g, '')
    if (prev === 'para' && b.openLines === 1 && (/^=+$/.test(compact) || /^-+$/.test(compact))) {
      b.retag({ heading: true, level: compact[0] === '=' ? 1 : 2 })
      b.close()
      prev = 'heading'
      continue
    }
    if (/^(?:-{3,}|\*{3,}|_{3,})$/.test(compact)) {
      b.close()
      prev = 'blank'
      continue
    }
    if (/^\[[^\]\n]{1,200}\]:\s/.test(t)) continue // link reference definition

    const next = i + 1 < lines.length ? lines[i + 1].trim() : ''
    const inTable = lastTableLine === i - 1
    if (t.startsWith('|') || (t.includes('|') && (inTable || isTableSeparator(next)))) {
      lastTableLine = i
      if (isTableSeparator(t)) continue // the |---|---| separator row
      if (!inTable) tableId++
      b.open({ item: true })
      // the row above |---| is the header: it says which column names the vendor
      b.markRow(tableId, isTableSeparator(next))
      for (const cell of splitTableRow(t)) {
        b.cell()
        b.append(stripInlineMarkdown(cell.trim()), lineNo)
      }
      b.close()
      prev = 'blank'
      continue
    }

    const list = MD_LIST.exec(t)
    if (list) {
      b.open({ item: true })
      b.append(stripInlineMarkdown(t.slice(list[0].length).replace(/^\[[ xX]\]\s+/, '')), lineNo)
      prev = 'item'
      itemIndent = indent
      lastItem = true
      continue
    }

    if (prev === 'para' || prev === 'item') {
      b.append(stripInlineMarkdown(t), lineNo)
      continue
    }

    const bold = /^(\*\*|__)([^*_\n]{1,80})\1$/.exec(t)
    if (bold && (prev === 'start' || prev === 'blank' || prev === 'heading') && next === '' && isHeadingText(bold[2].trim(), MAX_TITLE_CHARS, 8)) {
      // a bold-only line ("**Clerk**") is how many policies title a vendor entry
      b.open({ heading: true, level: PSEUDO_HEADING_LEVEL })
      b.append(stripInlineMarkdown(bold[2]), lineNo)
      b.close()
      prev = 'heading'
      lastItem = false
      continue
    }

    // a later paragraph of a list item (indented under it) still belongs to the list
    b.open(lastItem && prev === 'blank' && indent > itemIndent ? { item: true } : {})
    b.append(stripInlineMarkdown(t), lineNo)
    prev = 'para'
    if (!(lastItem && indent > itemIndent)) lastItem = false
  }
  return b.finish()
}

// HTML (and, as a fallback, broken JSX) to text blocks with a single forward scan: no DOM, no
// backtracking regexes, so malformed or huge pages cost linear time and never throw.
import { BlockBuilder, countNewlines, type PolicyBlock } from './blocks.js'
import { lookupTable } from '../util/table.js'

export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead',
  'tr', 'ul', 'button', 'label', 'option', 'select',
])
export const ITEM_TAGS = new Set(['li', 'dt', 'dd', 'tr'])
/** Table cells stay in their row's block, joined by a dash, so a vendor table row reads "Stripe — Payments". */
export const CELL_TAGS = new Set(['td', 'th'])
/** Content never shown as text. Raw-text ones are skipped up to their closing tag. */
const RAW_TEXT_TAGS = new Set(['script', 'style', 'textarea', 'title', 'xmp'])
export const HIDDEN_TAGS = new Set(['head', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas'])
const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])
const MAX_STACK = 256

const NAMED_ENTITIES: Record<string, string> = lookupTable({
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', shy: '', zwsp: '',
  zwnj: '', zwj: '', mdash: '—', ndash: '–', hyphen: '-', minus: '-', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“',
  rdquo: '”', bdquo: '„', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', hellip: '…', bull: '•', middot: '·',
  copy: '©', reg: '®', trade: '™', sect: '§', para: '¶', deg: '°', euro: '€', pound: '£', yen: '¥', cent: '¢',
  times: '×', divide: '÷', larr: '←', rarr: '→', harr: '↔', check: '✓', dagger: '†', Dagger: '‡', prime: '′',
  eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', aacute: 'á', agrave: 'à', acirc: 'â', auml: 'ä', aring: 'å',
  iacute: 'í', igrave: 'ì', icirc: 'î', iuml: 'ï', oacute: 'ó', ograve: 'ò', ocirc: 'ô', ouml: 'ö', oslash: 'ø',
  uacute: 'ú', ugrave: 'ù', ucirc: 'û', uuml: 'ü', ccedil: 'ç', ntilde: 'ñ', szlig: 'ß', Eacute: 'É', Auml: 'Ä',
  Ouml: 'Ö', Uuml: 'Ü', Ccedil: 'Ç', aelig: 'æ', AElig: 'Æ', oelig: 'œ',
})

/** Decodes character references; a decoded line break becomes a space so line numbers hold. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref.charCodeAt(0) === 35) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return ' '
      const ch = String.fromCodePoint(code)
      return /[\n\r\u2028\u2029\u0000-\u001f]/.test(ch) ? ' ' : ch
    }
    return NAMED_ENTITIES[ref] ?? NAMED_ENTITIES[ref.toLowerCase()] ?? whole
  })
}

export interface HtmlOptions {
  /**
   * JSX fallback: keep only text inside elements (code around the markup is not text), skip `{…}`
   * expressions but keep their string literals, and let `{…}` inside a tag hide a `>`.
   */
  jsx?: boolean
  /**
   * A Svelte, Vue or Astro component: HTML whose `{…}`/`{{…}}` expressions are code (their string
   * literals stay) and whose `{…}` inside a tag may hide a `>`. Vue's `<template>` wraps the page.
   */
  template?: 'svelte' | 'vue' | 'astro'
}

/** Blanks a leading `---` … `---` block (Astro's component script), keeping line breaks. */
export function blankFrontMatter(text: string): string {
  const open = /^\s*---[ \t]*\n/.exec(text)
  if (!open) return text
  const close = /\n---[ \t]*(?:\n|$)/g
  close.lastIndex = open[0].length - 1
  const m = close.exec(text)
  if (!m) return text
  const end = m.index + m[0].length
  return text.slice(0, end).replace(/[^\n]/g, ' ') + text.slice(end)
}

/** Tags that give a table its shape; other block tags inside a cell stay in the cell. */
const TABLE_STRUCTURE = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr'])

interface Frame {
  tag: string
  kind: { heading?: boolean; level?: number; item?: boolean }
}

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}
function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57) || code === 45 || code === 58 || code === 46 || code === 95
}

/** How far a tag is scanned for quotes and braces before settling for its first `>`. */
const MAX_TAG_SCAN = 4096

/**
 * End of a tag whose name ends at `from`: the index of its `>` (or of the char before a `<` that
 * starts another tag, for `<p class=x <b>`), or -1. `gt` is the first `>` at or after `from`.
 * Quotes (and in JSX, braces) may hide a `>`; the scan is bounded so broken markup stays linear.
 */
function findTagEnd(text: string, from: number, jsx: boolean, gt: number): number {
  if (gt === -1) return -1
  const limit = Math.min(text.length, from + MAX_TAG_SCAN)
  let braces = 0
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i)
    if (c === 34 || c === 39 || (jsx && c === 96)) {
      const close = text.indexOf(text[i], i + 1)
      // an unclosed or huge quoted value: settle for the first `>` like a lenient browser
      if (close === -1 || close >= limit) return gt
      i = close
    } else if (jsx && c === 123) braces++
    else if (jsx && c === 125) braces = Math.max(0, braces - 1)
    else if (c === 62 && braces === 0) return i
    else if (c === 60 && braces === 0 && i > from) return i - 1
  }
  return gt
}

/** Strips `{…}` JSX expressions from a text run, keeping the contents of string literals. */
export function stripJsxExpressions(text: string, state: { depth: number }): string {
  if (state.depth === 0 && !text.includes('{') && !text.includes('}')) return text
  let out = ''
  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (state.depth === 0) {
      if (ch === '{') state.depth = 1
      else if (ch !== '}') out += ch
      i++
      continue
    }
    if (ch === '{') state.depth++
    else if (ch === '}') state.depth--
    else if (ch === '"' || ch === "'" || ch === '`') {
      const close = text.indexOf(ch, i + 1)
      const end = close === -1 ? text.length : close
      out += text.slice(i + 1, end).replace(/\$\{[^}]*\}/g, ' ')
      i = end + 1
      continue
    } else if (ch === '\n') out += '\n' // keeps line numbers of later text right
    i++
  }
  return out
}

/**
 * `)}` after `{items.map((i) => <li>{i}</li>` is the end of an expression that began in an earlier
 * run: what comes before an unmatched `}` is code. Its newlines stay so lines still add up.
 */
function dropExpressionTail(chunk: string): string {
  let depth = 0
  let cut = -1
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk.charCodeAt(i)
    if (c === 123) depth++
    else if (c === 125) {
      if (depth === 0) cut = i
      else depth--
    }
  }
  return cut === -1 ? chunk : chunk.slice(0, cut + 1).replace(/[^\n]/g, '') + chunk.slice(cut + 1)
}

export function extractHtml(text: string, options: HtmlOptions = {}): PolicyBlock[] {
  const jsx = options.jsx ?? false
  const template = options.template
  // both take `{…}` expressions in text and may hide a `>` in braces inside a tag
  const braces = jsx || template !== undefined
  const builder = new BlockBuilder()
  const stack: Frame[] = []
  let hidden = 0
  let elementDepth = 0
  let pos = 0
  let line = 1
  // tables: which one a row belongs to, whether it is a header row, and whether a cell is open
  const tables: Array<{ id: number; head: boolean }> = []
  let tableCount = 0
  let rowAllTh = false
  let inCell = false
  // definition lists: a <dd> after its <dt> continues the dt's block ("Stripe — Payments")
  let entryOpen = false
  let awaitingDefinition = false
  const openBlock = (kind: Frame['kind']) => {
    builder.open(kind)
    entryOpen = false
  }

  const currentKind = (): Frame['kind'] => (stack.length > 0 ? stack[stack.length - 1].kind : {})
  // the next `>` is remembered: "<a <a <a …" without any `>` must not rescan the rest each time
  let gtFrom = -1
  let gtAt = -1
  const nextGt = (from: number): number => {
    if (gtFrom !== -1 && from >= gtFrom && (gtAt === -1 || from <= gtAt)) return gtAt
    gtFrom = from
    gtAt = text.indexOf('>', from)
    return gtAt
  }
  const advance = (to: number) => {
    line += countNewlines(text, pos, to)
    pos = to
  }
  const emitText = (end: number) => {
    if (end <= pos) return
    if (hidden === 0 && (!jsx || elementDepth > 0)) {
      let chunk = text.slice(pos, end)
      // each run between tags is its own expression context: `{ok && <p>x</p>}` splits one
      if (braces) chunk = stripJsxExpressions(dropExpressionTail(chunk), { depth: 0 })
      if (awaitingDefinition && /\S/.test(chunk)) awaitingDefinition = false
      builder.append(decodeEntities(chunk), line)
    }
    advance(end)
  }

  while (pos < text.length) {
    const lt = text.indexOf('<', pos)
    if (lt === -1) {
      emitText(text.length)
      break
    }
    const next = text.charCodeAt(lt + 1)
    // comments, doctype, CDATA and processing instructions
    if (next === 33 || next === 63) {
      emitText(lt)
      let end: number
      if (text.startsWith('<!--', lt)) {
        const close = text.indexOf('-->', lt + 4)
        end = close === -1 ? text.length : close + 3
      } else if (text.startsWith('<![CDATA[', lt)) {
        const close = text.indexOf(']]>', lt + 9)
        end = close === -1 ? text.length : close + 3
      } else {
        const close = text.indexOf('>', lt + 2)
        end = close === -1 ? text.length : close + 1
      }
      advance(end)
      continue
    }
    const closing = next === 47
    const nameStart = closing ? lt + 2 : lt + 1
    // a JSX fragment `<>` / `</>`
    if (jsx && text.charCodeAt(nameStart) === 62) {
      emitText(lt)
      elementDepth = Math.max(0, elementDepth + (closing ? -1 : 1))
      advance(nameStart + 1)
      continue
    }
    const before = lt > 0 ? text.charCodeAt(lt - 1) : 32
    // a bare `<` in text ("a < b") is text; in code, `Array<string>` is a type argument, not a tag
    if (!isNameStart(text.charCodeAt(nameStart)) || (jsx && !closing && (isNameChar(before) || before === 36))) {
      emitText(lt + 1)
      continue
    }
    let nameEnd = nameStart
    while (nameEnd < text.length && isNameChar(text.charCodeAt(nameEnd))) nameEnd++
    const tagEnd = findTagEnd(text, nameEnd, braces, nextGt(nameEnd))
    if (tagEnd === -1) {
      emitText(lt + 1)
      continue
    }
    emitText(lt)
    const rawName = text.slice(nameStart, nameEnd)
    const name = rawName.toLowerCase()
    const selfClosing = text.charCodeAt(tagEnd - 1) === 47 || VOID_TAGS.has(name)
    advance(tagEnd + 1)

    // Vue's <template> wraps the page (and v-if/v-for blocks) instead of hiding its content
    const isHidden = (HIDDEN_TAGS.has(name) && !(template === 'vue' && name === 'template')) || (template === 'svelte' && name === 'svelte:head')
    if (closing) {
      if (!VOID_TAGS.has(name)) elementDepth = Math.max(0, elementDepth - 1)
      if (isHidden) {
        hidden = Math.max(0, hidden - 1)
        continue
      }
      if (name === 'table') tables.pop()
      else if (name === 'thead' && tables.length > 0) tables[tables.length - 1].head = false
      if (CELL_TAGS.has(name) || name === 'tr' || name === 'table') inCell = false
      if (inCell && BLOCK_TAGS.has(name) && !TABLE_STRUCTURE.has(name)) {
        builder.space()
        continue
      }
      if (BLOCK_TAGS.has(name) || /^h[1-6]$/.test(name)) {
        const at = stack.map((f) => f.tag).lastIndexOf(name)
        if (at !== -1) stack.length = at
        if (name === 'dd') awaitingDefinition = false
        // the <dd> that follows joins the entry's block; whatever else comes next closes it
        if ((name === 'dt' || name === 'dd') && entryOpen) continue
        if (!(awaitingDefinition && (name === 'p' || name === 'div'))) openBlock(currentKind())
      }
      continue
    }
    if (!selfClosing) elementDepth++
    if (name === 'body') hidden = 0 // an unclosed <head> must not hide the page
    if (RAW_TEXT_TAGS.has(name) && !selfClosing) {
      const re = new RegExp(`</${name}[\\s/>]`, 'gi')
      re.lastIndex = pos
      const m = re.exec(text)
      const close = m ? text.indexOf('>', m.index) : -1
      advance(close === -1 ? text.length : close + 1)
      elementDepth = Math.max(0, elementDepth - 1)
      continue
    }
    if (isHidden) {
      if (!selfClosing) hidden++
      continue
    }
    const table = tables.length > 0 ? tables[tables.length - 1] : undefined
    if (name === 'thead' && table) table.head = true
    else if ((name === 'tbody' || name === 'tfoot') && table) table.head = false
    if (CELL_TAGS.has(name)) {
      builder.cell()
      inCell = !selfClosing
      if (name === 'td') rowAllTh = false
      if (table) builder.markRow(table.id, table.head || rowAllTh)
      continue
    }
    if (inCell && BLOCK_TAGS.has(name) && !TABLE_STRUCTURE.has(name)) {
      // <td><p>Stripe</p></td>: the cell stays in its row
      builder.space()
      continue
    }
    if (BLOCK_TAGS.has(name)) {
      const heading = /^h[1-6]$/.test(name)
      const kind: Frame['kind'] = heading
        ? { heading: true, level: Number(name[1]) }
        : ITEM_TAGS.has(name) ? { item: true } : currentKind()
      if (!selfClosing && stack.length < MAX_STACK) stack.push({ tag: name, kind })
      if (name === 'dd' && entryOpen && !selfClosing) {
        // <dt>Stripe</dt><dd>Payments</dd> is one entry, like a table row
        builder.separate(' — ')
        awaitingDefinition = true
        continue
      }
      // <dd><p>Payments…</p>: the paragraph is the definition's text, not a new block
      if (awaitingDefinition && (name === 'p' || name === 'div')) continue
      awaitingDefinition = false
      openBlock(selfClosing ? currentKind() : kind)
      if (name === 'dt' && !selfClosing) entryOpen = true
      else if (name === 'table') {
        inCell = false
        if (tables.length < MAX_STACK) tables.push({ id: ++tableCount, head: false })
      } else if (name === 'tr') {
        inCell = false
        rowAllTh = true
        if (table) builder.markRow(table.id, table.head)
      }
    }
  }
  return builder.finish()
}

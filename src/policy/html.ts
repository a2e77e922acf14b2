// HTML (and, as a fallback, broken JSX) to text blocks with a single forward scan: no DOM, no
// backtracking regexes, so malformed or huge pages cost linear time and never throw.
import { decodeHTML, decodeHTMLStrict } from 'entities/decode'
import { BlockBuilder, countNewlines, type PolicyBlock } from './blocks.js'

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

/** A character reference as the tokenizer sees it: the name runs on (the decoder takes the longest entity it knows). */
const REFERENCE = /&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)/g

/**
 * Decodes character references as a browser does in text: legacy ones without `;` too (`&copy 2024`).
 * `strict` takes only those ending in `;`, as JSX text does. A decoded line break or control
 * character becomes a space, so the lines of the text still match the source's.
 */
export function decodeEntities(text: string, strict = false): string {
  if (!text.includes('&')) return text
  const decode = strict ? decodeHTMLStrict : decodeHTML
  return text.replace(REFERENCE, (ref) => decode(ref).replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' '))
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
  return new HtmlReader(text, options).read()
}

/** One forward scan over the markup: text between tags goes to the builder, tags open and close blocks. */
class HtmlReader {
  private readonly jsx: boolean
  private readonly template: HtmlOptions['template']
  /** Both JSX and templates take `{…}` expressions in text and may hide a `>` in braces inside a tag. */
  private readonly braces: boolean
  private readonly builder = new BlockBuilder()
  private readonly stack: Frame[] = []
  private hidden = 0
  private elementDepth = 0
  private pos = 0
  private line = 1
  // tables: which one a row belongs to, whether it is a header row, and whether a cell is open
  private readonly tables: Array<{ id: number; head: boolean }> = []
  private tableCount = 0
  private rowAllTh = false
  private inCell = false
  // definition lists: a <dd> after its <dt> continues the dt's block ("Stripe — Payments")
  private entryOpen = false
  private awaitingDefinition = false
  // the next `>` is remembered: "<a <a <a …" without any `>` must not rescan the rest each time
  private gtFrom = -1
  private gtAt = -1

  constructor(private readonly text: string, options: HtmlOptions) {
    this.jsx = options.jsx ?? false
    this.template = options.template
    this.braces = this.jsx || this.template !== undefined
  }

  read(): PolicyBlock[] {
    const text = this.text
    while (this.pos < text.length) {
      const lt = text.indexOf('<', this.pos)
      if (lt === -1) {
        this.emitText(text.length)
        break
      }
      const next = text.charCodeAt(lt + 1)
      // comments, doctype, CDATA and processing instructions
      if (next === 33 || next === 63) {
        this.emitText(lt)
        this.advance(markupEnd(text, lt))
        continue
      }
      const closing = next === 47
      const nameStart = closing ? lt + 2 : lt + 1
      // a JSX fragment `<>` / `</>`
      if (this.jsx && text.charCodeAt(nameStart) === 62) {
        this.emitText(lt)
        this.elementDepth = Math.max(0, this.elementDepth + (closing ? -1 : 1))
        this.advance(nameStart + 1)
        continue
      }
      const before = lt > 0 ? text.charCodeAt(lt - 1) : 32
      // a bare `<` in text ("a < b") is text; in code, `Array<string>` is a type argument, not a tag
      if (!isNameStart(text.charCodeAt(nameStart)) || (this.jsx && !closing && (isNameChar(before) || before === 36))) {
        this.emitText(lt + 1)
        continue
      }
      let nameEnd = nameStart
      while (nameEnd < text.length && isNameChar(text.charCodeAt(nameEnd))) nameEnd++
      const tagEnd = findTagEnd(text, nameEnd, this.braces, this.nextGt(nameEnd))
      if (tagEnd === -1) {
        this.emitText(lt + 1)
        continue
      }
      this.emitText(lt)
      const name = text.slice(nameStart, nameEnd).toLowerCase()
      const selfClosing = text.charCodeAt(tagEnd - 1) === 47 || VOID_TAGS.has(name)
      this.advance(tagEnd + 1)
      // Vue's <template> wraps the page (and v-if/v-for blocks) instead of hiding its content
      const isHidden = (HIDDEN_TAGS.has(name) && !(this.template === 'vue' && name === 'template')) ||
        (this.template === 'svelte' && name === 'svelte:head')
      if (closing) this.closeTag(name, isHidden)
      else this.openTag(name, selfClosing, isHidden)
    }
    return this.builder.finish()
  }

  private openBlock(kind: Frame['kind']): void {
    this.builder.open(kind)
    this.entryOpen = false
  }

  private currentKind(): Frame['kind'] {
    return this.stack.length > 0 ? this.stack[this.stack.length - 1].kind : {}
  }

  private nextGt(from: number): number {
    if (this.gtFrom !== -1 && from >= this.gtFrom && (this.gtAt === -1 || from <= this.gtAt)) return this.gtAt
    this.gtFrom = from
    this.gtAt = this.text.indexOf('>', from)
    return this.gtAt
  }

  private advance(to: number): void {
    this.line += countNewlines(this.text, this.pos, to)
    this.pos = to
  }

  private emitText(end: number): void {
    if (end <= this.pos) return
    if (this.hidden === 0 && (!this.jsx || this.elementDepth > 0)) {
      let chunk = this.text.slice(this.pos, end)
      // each run between tags is its own expression context: `{ok && <p>x</p>}` splits one
      if (this.braces) chunk = stripJsxExpressions(dropExpressionTail(chunk), { depth: 0 })
      if (this.awaitingDefinition && /\S/.test(chunk)) this.awaitingDefinition = false
      this.builder.append(decodeEntities(chunk, this.jsx), this.line)
    }
    this.advance(end)
  }

  private closeTag(name: string, isHidden: boolean): void {
    if (!VOID_TAGS.has(name)) this.elementDepth = Math.max(0, this.elementDepth - 1)
    if (isHidden) {
      this.hidden = Math.max(0, this.hidden - 1)
      return
    }
    const tables = this.tables
    if (name === 'table') tables.pop()
    else if (name === 'thead' && tables.length > 0) tables[tables.length - 1].head = false
    if (CELL_TAGS.has(name) || name === 'tr' || name === 'table') this.inCell = false
    if (this.inCell && BLOCK_TAGS.has(name) && !TABLE_STRUCTURE.has(name)) {
      this.builder.space()
      return
    }
    if (BLOCK_TAGS.has(name) || /^h[1-6]$/.test(name)) {
      const at = this.stack.map((f) => f.tag).lastIndexOf(name)
      if (at !== -1) this.stack.length = at
      if (name === 'dd') this.awaitingDefinition = false
      // the <dd> that follows joins the entry's block; whatever else comes next closes it
      if ((name === 'dt' || name === 'dd') && this.entryOpen) return
      if (!(this.awaitingDefinition && (name === 'p' || name === 'div'))) this.openBlock(this.currentKind())
    }
  }

  private openTag(name: string, selfClosing: boolean, isHidden: boolean): void {
    if (!selfClosing) this.elementDepth++
    if (name === 'body') this.hidden = 0 // an unclosed <head> must not hide the page
    if (RAW_TEXT_TAGS.has(name) && !selfClosing) {
      const re = new RegExp(`</${name}[\\s/>]`, 'gi')
      re.lastIndex = this.pos
      const m = re.exec(this.text)
      const close = m ? this.text.indexOf('>', m.index) : -1
      this.advance(close === -1 ? this.text.length : close + 1)
      this.elementDepth = Math.max(0, this.elementDepth - 1)
      return
    }
    if (isHidden) {
      if (!selfClosing) this.hidden++
      return
    }
    const builder = this.builder
    const table = this.tables.length > 0 ? this.tables[this.tables.length - 1] : undefined
    if (name === 'thead' && table) table.head = true
    else if ((name === 'tbody' || name === 'tfoot') && table) table.head = false
    if (CELL_TAGS.has(name)) {
      builder.cell()
      this.inCell = !selfClosing
      if (name === 'td') this.rowAllTh = false
      if (table) builder.markRow(table.id, table.head || this.rowAllTh)
      return
    }
    if (this.inCell && BLOCK_TAGS.has(name) && !TABLE_STRUCTURE.has(name)) {
      // <td><p>Stripe</p></td>: the cell stays in its row
      builder.space()
      return
    }
    if (!BLOCK_TAGS.has(name)) return
    const heading = /^h[1-6]$/.test(name)
    const kind: Frame['kind'] = heading
      ? { heading: true, level: Number(name[1]) }
      : ITEM_TAGS.has(name) ? { item: true } : this.currentKind()
    if (!selfClosing && this.stack.length < MAX_STACK) this.stack.push({ tag: name, kind })
    if (name === 'dd' && this.entryOpen && !selfClosing) {
      // <dt>Stripe</dt><dd>Payments</dd> is one entry, like a table row
      builder.separate(' — ')
      this.awaitingDefinition = true
      return
    }
    // <dd><p>Payments…</p>: the paragraph is the definition's text, not a new block
    if (this.awaitingDefinition && (name === 'p' || name === 'div')) return
    this.awaitingDefinition = false
    this.openBlock(selfClosing ? this.currentKind() : kind)
    if (name === 'dt' && !selfClosing) this.entryOpen = true
    else if (name === 'table') {
      this.inCell = false
      if (this.tables.length < MAX_STACK) this.tables.push({ id: ++this.tableCount, head: false })
    } else if (name === 'tr') {
      this.inCell = false
      this.rowAllTh = true
      if (table) builder.markRow(table.id, table.head)
    }
  }
}

/** End of a comment, doctype, CDATA section or processing instruction starting at `lt` (the text's end if unclosed). */
function markupEnd(text: string, lt: number): number {
  if (text.startsWith('<!--', lt)) {
    const close = text.indexOf('-->', lt + 4)
    return close === -1 ? text.length : close + 3
  }
  if (text.startsWith('<![CDATA[', lt)) {
    const close = text.indexOf(']]>', lt + 9)
    return close === -1 ? text.length : close + 3
  }
  const close = text.indexOf('>', lt + 2)
  return close === -1 ? text.length : close + 1
}

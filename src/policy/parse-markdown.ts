// Markdown and MDX to blocks on micromark (CommonMark, the GFM extensions, front matter and, for .mdx, MDX):
// a parser that knows where a code block, a comment or an import ends, so none of them reads as prose.
// Every text node carries its source line, so blocks keep the lines the reader sees in an editor.
import type { Nodes, Paragraph, PhrasingContent, RootContent, Strong } from 'mdast'
import { fromMarkdown, type Extension, type Options } from 'mdast-util-from-markdown'
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { mdxFromMarkdown } from 'mdast-util-mdx'
import { frontmatter } from 'micromark-extension-frontmatter'
import { gfm } from 'micromark-extension-gfm'
import { mdxjs } from 'micromark-extension-mdxjs'
import { BlockBuilder, PSEUDO_HEADING_LEVEL, type PolicyBlock } from './blocks.js'
import { decodeEntities, extractHtml, HIDDEN_TAGS } from './html.js'
import { extractPlainText, isTitleText } from './parse-text.js'

/**
 * A decoded `&#10;` (or `&#13;`, `&#12;`) is no line of the source: as a space, every text after it
 * stays on its source line. Otherwise the default: the reference's text node ends where it does.
 */
const REFERENCES_KEEP_LINES: Extension = {
  exit: {
    characterReference(token) {
      const tail = this.stack.pop()
      if (tail?.type !== 'text' || !tail.position) return
      tail.value = tail.value.replace(/[\n\r\f\u2028\u2029]$/, ' ')
      tail.position.end = { line: token.end.line, column: token.end.column, offset: token.end.offset }
    },
  },
}

const MARKDOWN: Options = {
  extensions: [frontmatter(['yaml', 'toml']), gfm()],
  mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmFromMarkdown(), REFERENCES_KEEP_LINES],
}
const MDX: Options = {
  extensions: [...MARKDOWN.extensions!, mdxjs()],
  mdastExtensions: [...MARKDOWN.mdastExtensions!, mdxFromMarkdown()],
}

/** What MDX takes for an import/export statement: one at the start of a top-level line. */
const ESM_START = /^(?:import|export)\s/

type Kind = { heading?: boolean; level?: number; item?: boolean }

interface Span {
  start: { line: number }
  end: { line: number }
}

/**
 * micromark's time grows faster than the text on some shapes: emphasis and bracket runs or MDX braces
 * (quadratic in their count within a paragraph), container lines (each one that closes a list item or
 * quote copies the document's events so far), deep quotes, MDX tags. Within these budgets none of them
 * costs more than an ordinary 100 KB document; a file past them is no policy a person wrote.
 */
const BUDGET = {
  chars: 100_000,
  markersSquared: 2_000_000,
  bracesSquared: 100_000,
  containerLinesTimesLines: 1_000_000,
  quoteMarkers: 20_000,
  mdxTags: 3_000,
}

/** Whether micromark parses `text` in about linear time: one pass that counts what it would take longer on. */
function withinParserBudget(text: string, mdx: boolean): boolean {
  if (text.length > BUDGET.chars) return false
  let markers = 0
  let braces = 0
  let markersSquared = 0
  let bracesSquared = 0
  let lines = 1
  let containerLines = 0
  let quoteMarkers = 0
  let tags = 0
  let lineStart = true
  let prefix = true
  let blank = true
  const endParagraph = () => {
    markersSquared += markers * markers
    bracesSquared += braces * braces
    markers = braces = 0
    return markersSquared <= BUDGET.markersSquared && bracesSquared <= BUDGET.bracesSquared
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) {
      if (blank && !endParagraph()) return false
      lines++
      lineStart = prefix = blank = true
      continue
    }
    if (c === 32 || c === 9) continue
    if (lineStart) {
      lineStart = false
      // `>`, `-`, `*`, `+` and `1.` may open a container: a rule or a number counted too only errs on the safe side
      if (c === 62 || c === 45 || c === 42 || c === 43 || (c >= 48 && c <= 57)) containerLines++
    }
    if (prefix && c === 62) {
      quoteMarkers++
      continue
    }
    prefix = blank = false
    if (c === 42 || c === 95 || c === 126 || c === 91 || c === 93) markers++
    else if (mdx && c === 123) braces++
    else if (mdx && c === 60) tags++
  }
  return endParagraph() && containerLines * lines <= BUDGET.containerLinesTimesLines && quoteMarkers <= BUDGET.quoteMarkers &&
    tags <= BUDGET.mdxTags
}

export function extractMarkdown(text: string, mdx: boolean): PolicyBlock[] {
  // past the budget, the plain-text reader: linear, and right about headings, items and paragraphs
  if (!withinParserBudget(text, mdx)) return extractPlainText(text)
  const lines = text.split('\n')
  let nodes: RootContent[]
  if (!mdx) nodes = fromMarkdown(text, MARKDOWN).children
  else {
    try {
      nodes = fromMarkdown(text, MDX).children
    } catch {
      // MDX that would not compile (an HTML comment, `<3`, an unclosed `{`) still renders for whoever wrote it
      // with a laxer pipeline: read it as Markdown, where JSX is HTML, and leave out the import/export paragraphs
      nodes = fromMarkdown(text, MARKDOWN).children.filter((node) => !(node.type === 'paragraph' && ESM_START.test(lineOf(lines, node))))
    }
  }
  const reader = new MarkdownReader(lines)
  reader.flow(nodes, false)
  return reader.finish()
}

function lineOf(lines: string[], node: Nodes): string {
  return node.position ? lines[node.position.start.line - 1] ?? '' : ''
}

/** HTML elements never rendered as text, written as JSX in MDX. */
function isHiddenElement(name: string | null): boolean {
  if (name === null) return false
  const lower = name.toLowerCase()
  return HIDDEN_TAGS.has(lower) || lower === 'script' || lower === 'style'
}

/**
 * The text an MDX expression shows, read from the tree MDX's own parser (acorn) built: its string
 * literals, template text and JSX text in source order, one space apart. Comments and code render nothing.
 */
function renderedStrings(program: unknown): string {
  const parts: string[] = []
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item)
      return
    }
    if (typeof value !== 'object' || value === null) return
    const node = value as { type?: unknown; value?: unknown; [key: string]: unknown }
    if (node.type === 'Literal' && typeof node.value === 'string') parts.push(node.value)
    else if (node.type === 'TemplateElement') parts.push((node.value as { cooked?: string | null; raw: string }).cooked ?? (node.value as { raw: string }).raw)
    else if (node.type === 'JSXText' && typeof node.value === 'string') parts.push(decodeEntities(node.value, true))
    else for (const key in node) if (key !== 'loc' && key !== 'range') visit(node[key])
  }
  visit(program)
  return parts.join(' ')
}

function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value
  return 'children' in node ? (node.children as Nodes[]).map(plainText).join('') : ''
}

/**
 * A paragraph that is one bold line before a blank ("**Clerk**") is how many policies title a
 * vendor entry: the bold node, or undefined.
 */
function boldTitle(paragraph: Paragraph, lines: string[]): Strong | undefined {
  const [only] = paragraph.children
  const span = paragraph.position
  if (paragraph.children.length !== 1 || only.type !== 'strong' || !span) return undefined
  if (span.start.line !== span.end.line || (lines[span.end.line] ?? '').trim() !== '') return undefined
  if (only.children.some((child) => child.type === 'emphasis' || child.type === 'strong')) return undefined
  const title = plainText(only).trim()
  return title.length <= 80 && isTitleText(title) ? only : undefined
}

class MarkdownReader {
  private readonly builder = new BlockBuilder()
  private tables = 0

  constructor(private readonly lines: string[]) {}

  finish(): PolicyBlock[] {
    return this.builder.finish()
  }

  /** Block content; inside a list item every paragraph is an item of its own. */
  flow(nodes: readonly Nodes[], inItem: boolean): void {
    nodes.forEach((node, index) => {
      switch (node.type) {
        case 'heading':
          this.block({ heading: true, level: node.depth }, node.children)
          return
        case 'paragraph': {
          const title = inItem && index === 0 ? undefined : boldTitle(node, this.lines)
          if (title) this.block({ heading: true, level: PSEUDO_HEADING_LEVEL }, title.children)
          else this.block(inItem ? { item: true } : {}, node.children)
          return
        }
        case 'list':
          for (const item of node.children) this.flow(item.children, true)
          return
        case 'blockquote':
        case 'footnoteDefinition':
          this.flow(node.children, inItem)
          return
        case 'table':
          this.table(node.children)
          return
        case 'html':
          this.html(node.value, node.position)
          return
        case 'mdxJsxFlowElement':
          this.builder.close()
          if (!isHiddenElement(node.name)) this.flow(node.children, inItem)
          this.builder.close()
          return
        case 'mdxFlowExpression':
          this.block(inItem ? { item: true } : {}, [node])
          return
        default:
          // code (fenced or indented), front matter, link definitions, rules, MDX import/export: no prose
          this.builder.close()
      }
    })
  }

  private block(kind: Kind, children: readonly Nodes[]): void {
    this.builder.open(kind)
    this.phrasing(children)
    this.builder.close()
  }

  private phrasing(nodes: readonly Nodes[]): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          this.text(node.value, node.position)
          break
        case 'image':
        case 'imageReference':
          if (node.alt) this.text(node.alt, node.position)
          break
        case 'html':
          // inline tags are markup around text that is its own node; a line break still parts words
          if (/^<br\b/i.test(node.value)) this.builder.space()
          break
        case 'mdxTextExpression':
        case 'mdxFlowExpression':
          // `{'Stripe'}` renders its string; `{props.date}` and `{/* notes */}` render nothing readable
          if (node.data?.estree) this.text(renderedStrings(node.data.estree), node.position)
          break
        case 'mdxJsxTextElement':
          if (!isHiddenElement(node.name)) this.phrasing(node.children)
          break
        default:
          // emphasis, strong, delete, links: their text; footnote references and breaks add none
          if ('children' in node) this.phrasing(node.children as PhrasingContent[])
      }
    }
  }

  private text(value: string, span: Span | undefined): void {
    if (span) this.builder.append(value, span.start.line)
  }

  /** GFM table: one item per row, the first row the header that says which column names the vendor. */
  private table(rows: ReadonlyArray<{ children: ReadonlyArray<{ children: PhrasingContent[] }> }>): void {
    const table = ++this.tables
    rows.forEach((row, index) => {
      this.builder.open({ item: true })
      this.builder.markRow(table, index === 0)
      for (const cell of row.children) {
        this.builder.cell()
        this.phrasing(cell.children)
      }
      this.builder.close()
    })
  }

  /** An HTML block reads as HTML does: its tables, lists and headings, without comments or scripts. */
  private html(value: string, span: Span | undefined): void {
    this.builder.close()
    if (!span) return
    this.tables = this.builder.adopt(extractHtml(value), span.start.line - 1, this.tables)
  }
}

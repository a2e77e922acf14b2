// A policy written as a React page component: the visible text is the JSX text and the string
// literals rendered as children; imports, attributes and the code around the markup are not.
import { ts } from 'ts-morph'
import { BlockBuilder, type PolicyBlock } from './blocks.js'
import { BLOCK_TAGS, CELL_TAGS, decodeEntities, extractHtml, HIDDEN_TAGS, ITEM_TAGS } from './html.js'
import { lookupTable } from '../util/table.js'
import { unwrap as unwrapExpression } from '../syntax/ast.js'

type Kind = { heading?: boolean; level?: number; item?: boolean }

/** Components that render inline text (a link inside a sentence must not split it). */
const INLINE_COMPONENTS = new Set([
  'Link', 'A', 'Anchor', 'ExternalLink', 'Strong', 'Em', 'B', 'I', 'U', 'Code', 'Span', 'Trans', 'FormattedMessage',
  'Tooltip', 'Badge', 'Highlight', 'Mark', 'Abbr', 'Kbd', 'Fragment', 'Emphasis', 'Bold', 'Italic', 'InlineCode',
])
const HEADING_DEFAULT_LEVEL: Record<string, number> = lookupTable({
  Title: 1, PageTitle: 1, Heading: 2, SectionTitle: 2, SectionHeading: 2, Subheading: 3, SubHeading: 3, Subtitle: 3, CardTitle: 3,
})

type Role = {
  type: 'heading' | 'item' | 'block' | 'cell' | 'break' | 'hidden' | 'inline' | 'term' | 'definition'
  level?: number
  /** Table structure: `table`, `thead` (header rows), `tbody`, `tr`; `th` for a header cell. */
  table?: 'table' | 'thead' | 'tbody' | 'tr' | 'th'
}

/** Keys of the property that names the entry in `[{ name: 'Clerk', purpose: '…' }]`. */
const NAME_KEY = /^(?:name|vendor|provider|processor|sub-?processor|company|service|title|label)$/i

function attributeLevel(attributes: ts.JsxAttributes): number | undefined {
  for (const prop of attributes.properties) {
    if (!ts.isJsxAttribute(prop) || !prop.initializer) continue
    const name = prop.name.getText(attributes.getSourceFile())
    if (!['level', 'as', 'variant', 'order', 'size', 'component'].includes(name)) continue
    let value: string | undefined
    if (ts.isStringLiteral(prop.initializer)) value = prop.initializer.text
    else if (ts.isJsxExpression(prop.initializer) && prop.initializer.expression) {
      const e = prop.initializer.expression
      if (ts.isNumericLiteral(e) || ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) value = e.text
    }
    const m = value ? /^h?([1-6])$/i.exec(value) : null
    if (m) return Number(m[1])
  }
  return undefined
}

function roleOf(tagName: string, attributes: ts.JsxAttributes): Role {
  const last = tagName.slice(tagName.lastIndexOf('.') + 1)
  const lower = last.toLowerCase()
  if (/^h[1-6]$/.test(lower)) return { type: 'heading', level: Number(lower[1]) }
  const isComponent = /^[A-Z]/.test(last)
  if (!isComponent) {
    if (lower === 'br' || lower === 'hr') return { type: 'break' }
    if (HIDDEN_TAGS.has(lower) || lower === 'script' || lower === 'style') return { type: 'hidden' }
    if (lower === 'dt') return { type: 'term' }
    if (lower === 'dd') return { type: 'definition' }
    if (lower === 'tr') return { type: 'item', table: 'tr' }
    if (ITEM_TAGS.has(lower)) return { type: 'item' }
    if (CELL_TAGS.has(lower)) return lower === 'th' ? { type: 'cell', table: 'th' } : { type: 'cell' }
    if (lower === 'table' || lower === 'thead' || lower === 'tbody' || lower === 'tfoot') {
      return { type: 'block', table: lower === 'tfoot' ? 'tbody' : lower }
    }
    return BLOCK_TAGS.has(lower) ? { type: 'block' } : { type: 'inline' }
  }
  if (/(?:Heading|Title)$/.test(last) || /^H[1-6]$/.test(last)) {
    const level = attributeLevel(attributes) ?? (/^H[1-6]$/.test(last) ? Number(last[1]) : HEADING_DEFAULT_LEVEL[last] ?? 2)
    return { type: 'heading', level }
  }
  if (last === 'TableRow' || last === 'Tr') return { type: 'item', table: 'tr' }
  if (/(?:ListItem|^Li)$/.test(last)) return { type: 'item' }
  if (last === 'TableCell' || last === 'Td') return { type: 'cell' }
  if (last === 'Th') return { type: 'cell', table: 'th' }
  if (last === 'Table') return { type: 'block', table: 'table' }
  if (last === 'Thead' || last === 'TableHeader') return { type: 'block', table: 'thead' }
  if (last === 'Tbody' || last === 'TableBody') return { type: 'block', table: 'tbody' }
  if (last === 'Head' || last === 'Script' || last === 'Meta' || last === 'Style') return { type: 'hidden' }
  if (INLINE_COMPONENTS.has(last) || last.endsWith('Link')) return { type: 'inline' }
  return { type: 'block' }
}

/** A string literal is shown as text unless it is an argument, a key or a comparison operand. */
function isRenderedLiteral(node: ts.Node): boolean {
  const parent = node.parent
  if (!parent) return false
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) return false
  if (ts.isElementAccessExpression(parent) || ts.isPropertyAssignment(parent) && parent.name === node) return false
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind
    return op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.AmpersandAmpersandToken ||
      op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken
  }
  if (ts.isCaseClause(parent) || ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) return false
  return true
}

const unwrap = (node: ts.Expression): ts.Expression => unwrapExpression(node, false)

/** `const NAME = [ … ]` anywhere in the file; a name declared twice is ambiguous and left out. */
function constArrays(sf: ts.SourceFile): Map<string, ts.ArrayLiteralExpression> {
  const found = new Map<string, ts.ArrayLiteralExpression>()
  const ambiguous = new Set<string>()
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
      const name = node.name.text
      const init = node.initializer ? unwrap(node.initializer) : undefined
      const isConst = ts.isVariableDeclarationList(node.parent) && (node.parent.flags & ts.NodeFlags.Const) !== 0
      if (found.has(name) || ambiguous.has(name)) {
        found.delete(name)
        ambiguous.add(name)
      } else if (isConst && init && ts.isArrayLiteralExpression(init)) found.set(name, init)
      else ambiguous.add(name)
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return found
}

interface ArrayEntry {
  values: Array<{ text: string; node: ts.Node }>
  nameColumn: number
}

/** An element's text: a string, or an object's string properties in order (the name one says which column names it). */
function arrayEntry(element: ts.Expression): ArrayEntry {
  const e = unwrap(element)
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return { values: e.text.trim() ? [{ text: e.text, node: e }] : [], nameColumn: 0 }
  if (!ts.isObjectLiteralExpression(e)) return { values: [], nameColumn: 0 }
  const values: ArrayEntry['values'] = []
  let nameColumn = -1
  for (const prop of e.properties) {
    if (!ts.isPropertyAssignment(prop)) continue
    const value = unwrap(prop.initializer)
    if (!(ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) || !value.text.trim()) continue
    const key = ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name) ? prop.name.text : ''
    // ids, hrefs and logos are not text a reader sees
    if (/^(?:id|key|href|url|link|src|logo|icon|image|slug)$/i.test(key)) continue
    if (nameColumn === -1 && NAME_KEY.test(key)) nameColumn = values.length
    values.push({ text: value.text, node: value })
  }
  return { values, nameColumn: Math.max(0, nameColumn) }
}

export function extractJsx(path: string, text: string): PolicyBlock[] {
  let sf: ts.SourceFile
  try {
    sf = ts.createSourceFile(path || 'policy.tsx', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  } catch {
    return extractHtml(text, { jsx: true })
  }
  // the parser recovers from errors by guessing; a guessed tree loses text, the tag scan does not
  const diagnostics = (sf as unknown as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics
  if (diagnostics && diagnostics.length > 0) return extractHtml(text, { jsx: true })
  return new JsxReader(sf).read()
}

class JsxReader {
  private readonly builder = new BlockBuilder()
  private readonly kinds: Kind[] = [{}]
  private readonly arrays: Map<string, ts.ArrayLiteralExpression>
  // tables, as in the HTML extractor: rows know their table, header rows and open cells
  private readonly tables: Array<{ id: number; head: boolean }> = []
  private tableCount = 0
  private rowAllTh = false
  private cellDepth = 0
  // definition lists: the <dd> after a <dt> continues the dt's block ("Stripe — Payments")
  private entryOpen = false
  // literals of one expression ({ok ? 'Vercel' : 'Render'}) are separate words
  private literalsInExpression = 0

  constructor(private readonly sf: ts.SourceFile) {
    this.arrays = constArrays(sf)
  }

  read(): PolicyBlock[] {
    this.visitCode(this.sf)
    return this.builder.finish()
  }

  private lineOf(pos: number): number {
    return this.sf.getLineAndCharacterOfPosition(pos).line + 1
  }

  private current(): Kind {
    return this.kinds[this.kinds.length - 1]
  }

  private openBlock(kind: Kind): void {
    this.builder.open(kind)
    this.entryOpen = false
  }

  private appendLiteral(text: string, line: number): void {
    if (this.literalsInExpression++ > 0) this.builder.space()
    this.builder.append(text, line)
  }

  private readonly visitLiterals = (node: ts.Node): void => {
    const sf = this.sf
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return this.visitJsx(node)
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (isRenderedLiteral(node)) this.appendLiteral(node.text, this.lineOf(node.getStart(sf)))
      return
    }
    if (ts.isTemplateExpression(node)) {
      if (!isRenderedLiteral(node)) return
      this.appendLiteral(node.head.text, this.lineOf(node.head.getStart(sf)))
      for (const span of node.templateSpans) {
        this.builder.append(' ', this.lineOf(span.getStart(sf)))
        this.builder.append(span.literal.text, this.lineOf(span.literal.getStart(sf)))
      }
      return
    }
    // `processors.map((p) => <li>{p.name}</li>)` over a const array: the array holds the text
    if (ts.isCallExpression(node) && this.emitMappedArray(node)) return
    // functions inside an expression ({items.map(i => <li>…</li>)}) only contribute their JSX
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return this.visitCode(node.body)
    ts.forEachChild(node, this.visitLiterals)
  }

  private visitChildren(children: ts.NodeArray<ts.JsxChild>): void {
    for (const child of children) {
      // JSX text takes HTML character references ending in `;` (&apos;); string literals take none
      if (ts.isJsxText(child)) this.builder.append(decodeEntities(child.text, true), this.lineOf(child.pos))
      else if (ts.isJsxExpression(child)) {
        this.literalsInExpression = 0
        if (child.expression) this.visitLiterals(child.expression)
      } else this.visitJsx(child)
    }
  }

  /** One item per element of a const array rendered with `.map`; false when there is nothing to emit. */
  private emitMappedArray(call: ts.CallExpression): boolean {
    const callee = call.expression
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'map' || !ts.isIdentifier(callee.expression)) return false
    const array = this.arrays.get(callee.expression.text)
    if (!array) return false
    const rows = array.elements.map(arrayEntry).filter((e) => e.values.length > 0)
    if (rows.length === 0) return false
    const table = ++this.tableCount
    for (const row of rows) {
      this.openBlock({ item: true })
      if (row.values.length > 1) this.builder.markRow(table, false, row.nameColumn)
      for (const value of row.values) {
        this.builder.cell()
        this.builder.append(value.text, this.lineOf(value.node.getStart(this.sf)))
      }
    }
    this.openBlock(this.current())
    return true
  }

  /** Cells, inline elements and definitions stay in the open block; true when `body` ran there. */
  private withinBlock(role: Role, body: () => void): boolean {
    const builder = this.builder
    const table = this.tables.length > 0 ? this.tables[this.tables.length - 1] : undefined
    switch (role.type) {
      case 'hidden':
        return true
      case 'break':
        if (this.cellDepth > 0) builder.space()
        else this.openBlock(this.current())
        return true
      case 'cell':
        builder.cell()
        if (role.table !== 'th') this.rowAllTh = false
        if (table) builder.markRow(table.id, table.head || this.rowAllTh)
        this.cellDepth++
        body()
        this.cellDepth--
        return true
      case 'inline':
        body()
        return true
      case 'definition':
        if (!this.entryOpen) break
        // nested paragraphs of the definition stay in the entry, like a cell's
        builder.separate(' — ')
        this.cellDepth++
        body()
        this.cellDepth--
        this.entryOpen = true
        return true
      default:
        break
    }
    if (this.cellDepth > 0 && role.table !== 'table' && role.table !== 'tr') {
      // <td><p>Stripe</p></td>: the cell stays in its row
      builder.space()
      body()
      builder.space()
      return true
    }
    return false
  }

  private withRole(role: Role, body: () => void): void {
    if (this.withinBlock(role, body)) return
    const builder = this.builder
    const tables = this.tables
    const table = tables.length > 0 ? tables[tables.length - 1] : undefined
    const kind: Kind = role.type === 'heading' ? { heading: true, level: role.level } : role.type === 'item' || role.type === 'term' || role.type === 'definition' ? { item: true } : this.current()
    this.kinds.push(kind)
    this.openBlock(kind)
    const outerCells = this.cellDepth
    this.cellDepth = 0
    if (role.table === 'table') tables.push({ id: ++this.tableCount, head: false })
    const headBefore = table?.head ?? false
    if (table && (role.table === 'thead' || role.table === 'tbody')) table.head = role.table === 'thead'
    if (role.table === 'tr') {
      this.rowAllTh = true
      if (table) builder.markRow(table.id, table.head)
    }
    body()
    if (role.table === 'table') tables.pop()
    if (table && (role.table === 'thead' || role.table === 'tbody')) table.head = headBefore
    this.cellDepth = outerCells
    this.kinds.pop()
    if (role.type === 'term' || role.type === 'definition') {
      // the <dd> that follows joins this entry; anything else opens a new block
      this.entryOpen = true
      return
    }
    this.openBlock(this.current())
  }

  private visitJsx(node: ts.Node): void {
    const sf = this.sf
    if (ts.isJsxElement(node)) {
      const opening = node.openingElement
      this.withRole(roleOf(opening.tagName.getText(sf), opening.attributes), () => this.visitChildren(node.children))
    } else if (ts.isJsxSelfClosingElement(node)) {
      const role = roleOf(node.tagName.getText(sf), node.attributes)
      if (role.type === 'break') this.withRole(role, () => undefined)
    } else if (ts.isJsxFragment(node)) {
      this.visitChildren(node.children)
    }
  }

  private readonly visitCode = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportEqualsDeclaration(node)) return
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) {
      this.openBlock(this.current())
      this.visitJsx(node)
      this.openBlock(this.current())
      return
    }
    ts.forEachChild(node, this.visitCode)
  }
}

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

  const builder = new BlockBuilder()
  const kinds: Kind[] = [{}]
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1
  const current = () => kinds[kinds.length - 1]
  const arrays = constArrays(sf)

  // tables, as in the HTML extractor: rows know their table, header rows and open cells
  const tables: Array<{ id: number; head: boolean }> = []
  let tableCount = 0
  let rowAllTh = false
  let cellDepth = 0
  // definition lists: the <dd> after a <dt> continues the dt's block ("Stripe — Payments")
  let entryOpen = false
  const openBlock = (kind: Kind) => {
    builder.open(kind)
    entryOpen = false
  }

  // literals of one expression ({ok ? 'Vercel' : 'Render'}) are separate words
  let literalsInExpression = 0
  const appendLiteral = (text: string, line: number) => {
    if (literalsInExpression++ > 0) builder.space()
    builder.append(text, line)
  }

  const visitLiterals = (node: ts.Node): void => {
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return visitJsx(node)
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (isRenderedLiteral(node)) appendLiteral(node.text, lineOf(node.getStart(sf)))
      return
    }
    if (ts.isTemplateExpression(node)) {
      if (!isRenderedLiteral(node)) return
      appendLiteral(node.head.text, lineOf(node.head.getStart(sf)))
      for (const span of node.templateSpans) {
        builder.append(' ', lineOf(span.getStart(sf)))
        builder.append(span.literal.text, lineOf(span.literal.getStart(sf)))
      }
      return
    }
    // `processors.map((p) => <li>{p.name}</li>)` over a const array: the array holds the text
    if (ts.isCallExpression(node) && emitMappedArray(node)) return
    // functions inside an expression ({items.map(i => <li>…</li>)}) only contribute their JSX
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return visitCode(node.body)
    ts.forEachChild(node, visitLiterals)
  }

  const visitChildren = (children: ts.NodeArray<ts.JsxChild>) => {
    for (const child of children) {
      // JSX text takes HTML character references (&apos;); string literals do not
      if (ts.isJsxText(child)) builder.append(decodeEntities(child.text), lineOf(child.pos))
      else if (ts.isJsxExpression(child)) {
        literalsInExpression = 0
        if (child.expression) visitLiterals(child.expression)
      } else visitJsx(child)
    }
  }

  /** One item per element of a const array rendered with `.map`; false when there is nothing to emit. */
  const emitMappedArray = (call: ts.CallExpression): boolean => {
    const callee = call.expression
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'map' || !ts.isIdentifier(callee.expression)) return false
    const array = arrays.get(callee.expression.text)
    if (!array) return false
    const rows = array.elements.map(arrayEntry).filter((e) => e.values.length > 0)
    if (rows.length === 0) return false
    const table = ++tableCount
    for (const row of rows) {
      openBlock({ item: true })
      if (row.values.length > 1) builder.markRow(table, false, row.nameColumn)
      for (const value of row.values) {
        builder.cell()
        builder.append(value.text, lineOf(value.node.getStart(sf)))
      }
    }
    openBlock(current())
    return true
  }

  const withRole = (role: Role, body: () => void) => {
    const table = tables.length > 0 ? tables[tables.length - 1] : undefined
    switch (role.type) {
      case 'hidden':
        return
      case 'break':
        if (cellDepth > 0) builder.space()
        else openBlock(current())
        return
      case 'cell':
        builder.cell()
        if (role.table !== 'th') rowAllTh = false
        if (table) builder.markRow(table.id, table.head || rowAllTh)
        cellDepth++
        body()
        cellDepth--
        return
      case 'inline':
        body()
        return
      case 'definition':
        if (entryOpen) {
          // nested paragraphs of the definition stay in the entry, like a cell's
          builder.separate(' — ')
          cellDepth++
          body()
          cellDepth--
          entryOpen = true
          return
        }
        break
      default:
        break
    }
    if (cellDepth > 0 && role.table !== 'table' && role.table !== 'tr') {
      // <td><p>Stripe</p></td>: the cell stays in its row
      builder.space()
      body()
      builder.space()
      return
    }
    const kind: Kind = role.type === 'heading' ? { heading: true, level: role.level } : role.type === 'item' || role.type === 'term' || role.type === 'definition' ? { item: true } : current()
    kinds.push(kind)
    openBlock(kind)
    const outerCells = cellDepth
    cellDepth = 0
    if (role.table === 'table') tables.push({ id: ++tableCount, head: false })
    const headBefore = table?.head ?? false
    if (table && (role.table === 'thead' || role.table === 'tbody')) table.head = role.table === 'thead'
    if (role.table === 'tr') {
      rowAllTh = true
      if (table) builder.markRow(table.id, table.head)
    }
    body()
    if (role.table === 'table') tables.pop()
    if (table && (role.table === 'thead' || role.table === 'tbody')) table.head = headBefore
    cellDepth = outerCells
    kinds.pop()
    if (role.type === 'term' || role.type === 'definition') {
      // the <dd> that follows joins this entry; anything else opens a new block
      entryOpen = true
      return
    }
    openBlock(current())
  }

  const visitJsx = (node: ts.Node): void => {
    if (ts.isJsxElement(node)) {
      const opening = node.openingElement
      withRole(roleOf(opening.tagName.getText(sf), opening.attributes), () => visitChildren(node.children))
    } else if (ts.isJsxSelfClosingElement(node)) {
      const role = roleOf(node.tagName.getText(sf), node.attributes)
      if (role.type === 'break') withRole(role, () => undefined)
    } else if (ts.isJsxFragment(node)) {
      visitChildren(node.children)
    }
  }

  const visitCode = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportEqualsDeclaration(node)) return
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) {
      openBlock(current())
      visitJsx(node)
      openBlock(current())
      return
    }
    ts.forEachChild(node, visitCode)
  }

  visitCode(sf)
  return builder.finish()
}

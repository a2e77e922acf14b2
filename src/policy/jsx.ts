// A policy written as a React page component: the visible text is the JSX text and the string
// literals rendered as children; imports, attributes and the code around the markup are not.
import { ts } from 'ts-morph'
import { BlockBuilder, type PolicyBlock } from './blocks.js'
import { BLOCK_TAGS, CELL_TAGS, decodeEntities, extractHtml, HIDDEN_TAGS, ITEM_TAGS } from './html.js'

type Kind = { heading?: boolean; level?: number; item?: boolean }

/** Components that render inline text (a link inside a sentence must not split it). */
const INLINE_COMPONENTS = new Set([
  'Link', 'A', 'Anchor', 'ExternalLink', 'Strong', 'Em', 'B', 'I', 'U', 'Code', 'Span', 'Trans', 'FormattedMessage',
  'Tooltip', 'Badge', 'Highlight', 'Mark', 'Abbr', 'Kbd', 'Fragment', 'Emphasis', 'Bold', 'Italic', 'InlineCode',
])
const HEADING_DEFAULT_LEVEL: Record<string, number> = {
  Title: 1, PageTitle: 1, Heading: 2, SectionTitle: 2, SectionHeading: 2, Subheading: 3, SubHeading: 3, Subtitle: 3, CardTitle: 3,
}

type Role = { type: 'heading' | 'item' | 'block' | 'cell' | 'break' | 'hidden' | 'inline'; level?: number }

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
    if (ITEM_TAGS.has(lower)) return { type: 'item' }
    if (CELL_TAGS.has(lower)) return { type: 'cell' }
    return BLOCK_TAGS.has(lower) ? { type: 'block' } : { type: 'inline' }
  }
  if (/(?:Heading|Title)$/.test(last) || /^H[1-6]$/.test(last)) {
    const level = attributeLevel(attributes) ?? (/^H[1-6]$/.test(last) ? Number(last[1]) : HEADING_DEFAULT_LEVEL[last] ?? 2)
    return { type: 'heading', level }
  }
  if (/(?:ListItem|^Li)$/.test(last) || last === 'TableRow' || last === 'Tr') return { type: 'item' }
  if (last === 'TableCell' || last === 'Td' || last === 'Th') return { type: 'cell' }
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

  const withRole = (role: Role, body: () => void) => {
    switch (role.type) {
      case 'hidden':
        return
      case 'break':
        builder.open(current())
        return
      case 'cell':
        // line 0: a separator on the current line, not a jump to another one
        if (!builder.isEmpty) builder.append(' — ', 0)
        body()
        return
      case 'inline':
        body()
        return
      default: {
        const kind: Kind = role.type === 'heading' ? { heading: true, level: role.level } : role.type === 'item' ? { item: true } : current()
        kinds.push(kind)
        builder.open(kind)
        body()
        kinds.pop()
        builder.open(current())
      }
    }
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
      builder.open(current())
      visitJsx(node)
      builder.open(current())
      return
    }
    ts.forEachChild(node, visitCode)
  }

  visitCode(sf)
  return builder.finish()
}

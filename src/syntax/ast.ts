// Small AST helpers shared by the detectors and the policy's TSX reader.
import { ts } from 'ts-morph'

/**
 * What `test` says of a node of each kind, as a table by kind. For a predicate that reads nothing but the kind, a
 * lookup is cheaper than its chain of checks, on paths that run for most nodes of a repo.
 */
export function kindTable(test: (node: ts.Node) => boolean): Uint8Array {
  const table = new Uint8Array(ts.SyntaxKind.Count)
  for (let kind = 0; kind < table.length; kind++) table[kind] = test({ kind } as ts.Node) ? 1 : 0
  return table
}

const TYPE_WRAPPERS = kindTable((n) => ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isTypeAssertionExpression(n) || ts.isNonNullExpression(n))
const VALUE_WRAPPERS = kindTable((n) => TYPE_WRAPPERS[n.kind] === 1 || ts.isAwaitExpression(n))

/** Whether unwrap looks through a node of this kind (with `await` unless `awaits` is false). */
export function isWrapper(node: ts.Node, awaits = true): boolean {
  return (awaits ? VALUE_WRAPPERS : TYPE_WRAPPERS)[node.kind] === 1
}

/** The expression inside parentheses, type assertions (`as`, `satisfies`, `<T>`), `!` and, unless `awaits` is false, `await`. */
export function unwrap(node: ts.Expression, awaits = true): ts.Expression {
  const wrappers = awaits ? VALUE_WRAPPERS : TYPE_WRAPPERS
  let cur = node
  while (wrappers[cur.kind] === 1) cur = (cur as ts.ParenthesizedExpression).expression
  return cur
}

/** `process.env`, `Bun.env`, `Deno.env`, `import.meta.env`. */
export function isEnvObject(node: ts.Node): boolean {
  if (!ts.isPropertyAccessExpression(node) || node.name.text !== 'env') return false
  const obj = node.expression
  if (ts.isIdentifier(obj)) return obj.text === 'process' || obj.text === 'Bun' || obj.text === 'Deno'
  return ts.isMetaProperty(obj) && obj.keywordToken === ts.SyntaxKind.ImportKeyword
}

/** The name a call's callee ends in: `f` of `f()`, `m` of `a.b.m()`. */
export function calleeName(callee: ts.Expression): string | undefined {
  const c = unwrap(callee)
  if (ts.isIdentifier(c)) return c.text
  if (ts.isPropertyAccessExpression(c)) return c.name.text
  return undefined
}

// What an algorithm argument says, read through the file's bindings: a literal, a template of constants, a local
// constant or object member, or an imported constant whose value only `finish` can know.
import { ts } from 'ts-morph'
import { unwrap as unwrapExpression } from '../../../syntax/ast.js'
import type { CryptoFile } from './context.js'

/** How an algorithm argument resolved: a value, an import to look up across files, or nothing static. */
export type Resolved = { value: string } | { import: { importer: string; module: string; name: string } } | undefined

/** How deep a name is followed to its value (`ALGO = BASE`, templates of constants). */
const MAX_DEPTH = 4
const SECRET_NAME = /secret|key|token|password|passphrase/i

/** `await` is not looked through: an awaited call returns something else than the call. */
export const unwrap = (node: ts.Expression): ts.Expression => unwrapExpression(node, false)

/** Unlike the shared bindings' propertyName, a numeric key is no name here: no algorithm option has one. */
export function propName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) ? name.text : undefined
}

export function resolve(f: CryptoFile, expr: ts.Expression | undefined, depth = 0): Resolved {
  if (!expr || depth > MAX_DEPTH) return undefined
  const { bindings, file } = f.context
  const e = unwrap(expr)
  if (ts.isStringLiteralLike(e)) return { value: e.text }
  if (ts.isTemplateExpression(e)) {
    let out = e.head.text
    for (const span of e.templateSpans) {
      const part = resolve(f, span.expression, depth + 1)
      if (!part || !('value' in part)) return undefined
      out += part.value + span.literal.text
    }
    return { value: out }
  }
  if (ts.isNumericLiteral(e)) return { value: e.text }
  if (ts.isIdentifier(e)) {
    const local = bindings.constant(e)
    if (local) return resolve(f, local, depth + 1)
    const binding = bindings.importOf(e)
    if (binding && binding.imported !== '*' && binding.imported !== 'default') return { import: { importer: file.path, module: binding.module, name: binding.imported } }
    return undefined
  }
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) {
    const member = bindings.member(e)
    if (member) return resolve(f, member, depth + 1)
    // `C.ALGO` of `import * as C from './constants'` or `const C = require('./constants')`
    const binding = bindings.importOf(e.expression)
    if (binding && (binding.imported === '*' || binding.via === 'require')) return { import: { importer: file.path, module: binding.module, name: e.name.text } }
  }
  return undefined
}

/** The value an expression folds to in this file alone. */
export function valueOf(f: CryptoFile, expr: ts.Expression | undefined): string | undefined {
  const r = resolve(f, expr)
  return r && 'value' in r ? r.value : undefined
}

/** `secret + body`, `${key}${msg}`: a secret concatenated into what is hashed, which makes the hash a keyed one. */
export function mixesSecret(arg: ts.Expression): boolean {
  const e = unwrap(arg)
  if (!(ts.isTemplateExpression(e) || (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken))) return false
  let secret = false
  let salt = false
  const visit = (n: ts.Node) => {
    if (ts.isIdentifier(n)) {
      // a salt makes it password hashing, not signing
      if (/salt/i.test(n.text)) salt = true
      else if (SECRET_NAME.test(n.text)) secret = true
    }
    ts.forEachChild(n, visit)
  }
  visit(e)
  return secret && !salt
}

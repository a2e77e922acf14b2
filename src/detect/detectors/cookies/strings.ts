// Cookie strings, `"name=value; Max-Age=60"`, as document.cookie and Set-Cookie headers take them: built from
// literals, templates, concatenations and constants.
import { ts } from 'ts-morph'
import { unwrap } from '../../../syntax/ast.js'
import { FOLD_DEPTH, type Bindings } from '../../bindings.js'
import type { NameResult, StringAttributes } from './context.js'
import { plausibleName, resolveName } from './names.js'

type Piece = { text: string } | { expr: ts.Expression }

function piecesOf(b: Bindings, expr: ts.Expression, depth = 0): Piece[] {
  const e = unwrap(expr)
  if (depth > FOLD_DEPTH) return [{ expr: e }]
  if (ts.isStringLiteralLike(e)) return [{ text: e.text }]
  if (ts.isTemplateExpression(e)) {
    const out: Piece[] = [{ text: e.head.text }]
    for (const span of e.templateSpans) out.push({ expr: span.expression }, { text: span.literal.text })
    return out
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return [...piecesOf(b, e.left, depth + 1), ...piecesOf(b, e.right, depth + 1)]
  if (ts.isIdentifier(e)) {
    const init = b.constant(e)
    if (init) {
      const inner = unwrap(init)
      if (ts.isStringLiteralLike(inner) || ts.isTemplateExpression(inner) || ts.isBinaryExpression(inner)) return piecesOf(b, inner, depth + 1)
    }
  }
  return [{ expr: e }]
}

function nameOf(b: Bindings, pieces: Piece[]): NameResult {
  let nameText = ''
  for (const p of pieces) {
    if ('text' in p) {
      const eq = p.text.indexOf('=')
      if (eq >= 0) {
        nameText += p.text.slice(0, eq)
        break
      }
      nameText += p.text
    } else {
      // an expression before the `=`: the name is it (when alone) or starts with the text so far
      return nameText.trim() ? { kind: 'prefix', name: nameText.trim() } : resolveName(b, p.expr)
    }
  }
  return plausibleName(nameText.trim()) ? { kind: 'name', name: nameText.trim() } : { kind: 'dynamic' }
}

/** Splits a cookie string into its name and attributes; expressions stand in as a marker. */
export function parseCookieString(b: Bindings, expr: ts.Expression): { name: NameResult; attrs: StringAttributes } {
  const pieces = piecesOf(b, expr)
  const name = nameOf(b, pieces)
  // attributes: everything after the first `;`, expressions as `\u0000`
  const rest = pieces.map((p) => ('text' in p ? p.text : b.number(p.expr)?.toString() ?? '\u0000')).join('')
  const attrs: StringAttributes = {}
  for (const part of rest.split(';').slice(1)) {
    const [rawKey, ...rawValue] = part.split('=')
    const key = rawKey.trim().toLowerCase()
    const value = rawValue.join('=').trim()
    if (key === 'max-age') {
      const n = Number(value)
      attrs.maxAge = value.includes('\u0000') || !Number.isFinite(n) ? 'unknown' : n
    } else if (key === 'expires') {
      attrs.expires = /1970|\b0?1 jan 1970/i.test(value) ? 'past' : value.includes('\u0000') ? 'unknown' : 'future'
    } else if (key === 'httponly') attrs.httpOnly = true
    else if (key === 'secure') attrs.secure = true
    else if (key === 'samesite') attrs.sameSite = value.replace(/\u0000/g, '').trim() || undefined
  }
  return { name, attrs }
}

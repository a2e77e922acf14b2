// A cookie's name from the expression that gives it: a literal, a constant, a template's literal prefix, Lucia's
// session cookie, or a parameter of the enclosing function (its callers name the cookie).
import { ts } from 'ts-morph'
import { unwrap } from '../../../syntax/ast.js'
import { FOLD_DEPTH, propertyName, type Bindings } from '../../bindings.js'
import type { NameResult } from './context.js'

/** A cookie name a policy or a header can carry: RFC 6265 token characters. */
export function plausibleName(name: string): boolean {
  return name.length > 0 && name.length <= 200 && /^[!#$%&'*+\-.^_`|~0-9A-Za-z:]+$/.test(name)
}

/** The name a function is called by in this file: its declaration name or the const it is assigned to. */
export function functionName(fn: ts.SignatureDeclaration): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name) return propertyName(fn.name as ts.PropertyName)
  const parent = fn.parent
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text
  if (parent && ts.isPropertyAssignment(parent)) return propertyName(parent.name)
  return undefined
}

/** A parameter of an enclosing function, or a name nothing here resolves. */
export function paramOrDynamic(b: Bindings, e: ts.Expression): NameResult {
  const binding = ts.isIdentifier(e) ? b.resolve(e) : undefined
  return binding?.kind === 'param' && binding.path.length === 0 ? { kind: 'param', fn: binding.fn, index: binding.index } : { kind: 'dynamic' }
}

/** `lucia.createSessionCookie(id).name`, `sessionCookie.name`, `lucia.sessionCookieName`. */
export function isLuciaCookie(b: Bindings, expr: ts.Expression, depth = 0): boolean {
  if (depth > FOLD_DEPTH) return false
  const e = unwrap(expr)
  if (ts.isCallExpression(e)) {
    const callee = e.expression
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'createSessionCookie') return true
    return ts.isPropertyAccessExpression(callee) && isLuciaCookie(b, callee.expression, depth + 1)
  }
  if (ts.isPropertyAccessExpression(e)) {
    if (e.name.text === 'sessionCookieName') return true
    return isLuciaCookie(b, e.expression, depth + 1)
  }
  if (ts.isIdentifier(e)) {
    const init = b.constant(e)
    return !!init && isLuciaCookie(b, init, depth + 1)
  }
  return false
}

export function resolveName(b: Bindings, expr: ts.Expression | undefined, depth = 0): NameResult {
  if (!expr || depth > FOLD_DEPTH) return { kind: 'dynamic' }
  const e = unwrap(expr)
  if (ts.isStringLiteralLike(e)) return plausibleName(e.text) ? { kind: 'name', name: e.text } : { kind: 'dynamic' }
  if (ts.isTemplateExpression(e)) return e.head.text && plausibleName(e.head.text) ? { kind: 'prefix', name: e.head.text } : { kind: 'dynamic' }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = resolveName(b, e.left, depth + 1)
    return left.kind === 'name' || left.kind === 'prefix' ? { kind: 'prefix', name: left.name } : { kind: 'dynamic' }
  }
  if (ts.isIdentifier(e)) {
    const init = b.constant(e)
    if (init) return resolveName(b, init, depth + 1)
    if (isLuciaCookie(b, e)) return { kind: 'lucia' }
    return paramOrDynamic(b, e)
  }
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    if (isLuciaCookie(b, e)) return { kind: 'lucia' }
    const member = b.member(e)
    return member ? resolveName(b, member, depth + 1) : { kind: 'dynamic' }
  }
  return { kind: 'dynamic' }
}

// A cookie's options (`{ maxAge, expires, httpOnly, … }`, or a cookie string's attributes) as session or persistent,
// its lifetime in words, and its attributes.
import { ts } from 'ts-morph'
import type { CookieApi, CookieSetData } from '../../../types/index.js'
import { unwrap } from '../../../syntax/ast.js'
import { property } from '../../bindings.js'
import type { CookieFile, StringAttributes } from './context.js'

/** APIs whose `maxAge` is in milliseconds; the rest use seconds, js-cookie's `expires` is in days. */
const MILLISECOND_APIS = new Set<CookieApi>(['express', 'koa', 'express-session', 'cookie-session', 'koa-session'])

export interface Lifetime { persistent: boolean | null; lifetime?: string; deleted?: boolean; attributes?: CookieSetData['attributes'] }

export function humanize(seconds: number): string {
  const units: Array<[number, string]> = [[31536000, 'year'], [86400, 'day'], [3600, 'hour'], [60, 'minute'], [1, 'second']]
  for (const [size, unit] of units) {
    if (seconds >= size && Math.abs(seconds / size - Math.round(seconds / size)) < 0.01) {
      const n = Math.round(seconds / size)
      return `${n} ${unit}${n === 1 ? '' : 's'}`
    }
  }
  for (const [size, unit] of units) if (seconds >= size) return `${(seconds / size).toFixed(1)} ${unit}s`
  return `${seconds} seconds`
}

/** `expires: new Date(0)`, `expires: 0`, `maxAge: -1`: the cookie is being deleted, not set. */
function expiresInPast(f: CookieFile, expr: ts.Expression): boolean {
  const e = unwrap(expr)
  const n = f.bindings.number(e)
  if (n !== undefined) return n <= 0
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'Date' && e.arguments?.length === 1) {
    const arg = f.bindings.number(e.arguments[0])
    if (arg !== undefined) return arg <= 1000
    const s = f.bindings.string(e.arguments[0])
    return s !== undefined && /1970/.test(s)
  }
  return false
}

/** Lifetime in seconds of `new Date(Date.now() + X)`. */
function expiresSeconds(f: CookieFile, expr: ts.Expression): number | undefined {
  const e = unwrap(expr)
  if (ts.isNewExpression(e) && e.arguments?.length === 1) {
    const arg = unwrap(e.arguments[0])
    if (ts.isBinaryExpression(arg) && arg.operatorToken.kind === ts.SyntaxKind.PlusToken && /Date\.now\(\)|getTime\(\)/.test(arg.left.getText(f.context.sourceFile))) {
      const ms = f.bindings.number(arg.right)
      return ms === undefined ? undefined : ms / 1000
    }
  }
  return undefined
}

/** An option that is absent, or given as `null`/`undefined` (and, for `expires`, `false`). */
function unset(expr: ts.Expression | undefined, falseToo = false): boolean {
  if (!expr) return true
  const kind = unwrap(expr).kind
  return kind === ts.SyntaxKind.NullKeyword || kind === ts.SyntaxKind.UndefinedKeyword || (falseToo && kind === ts.SyntaxKind.FalseKeyword)
}

export function lifetimeFromOptions(f: CookieFile, api: CookieApi, options: ts.Expression | undefined): Lifetime {
  const { bindings } = f
  const obj = bindings.object(options)
  if (!obj) return { persistent: options ? null : false }
  const attributes: NonNullable<CookieSetData['attributes']> = {}
  const httpOnly = bindings.boolean(property(obj, 'httpOnly'))
  const secure = bindings.boolean(property(obj, 'secure'))
  const sameSiteExpr = property(obj, 'sameSite')
  if (httpOnly !== undefined) attributes.httpOnly = httpOnly
  if (secure !== undefined) attributes.secure = secure
  if (sameSiteExpr) {
    const s = bindings.string(sameSiteExpr) ?? (bindings.boolean(sameSiteExpr) === true ? 'strict' : undefined)
    if (s) attributes.sameSite = s.toLowerCase()
  }
  const result: Lifetime = { persistent: false, ...(Object.keys(attributes).length ? { attributes } : {}) }
  const maxAgeExpr = property(obj, 'maxAge') ?? property(obj, 'max-age') ?? property(obj, 'maxage')
  const expiresExpr = property(obj, 'expires')
  if (!unset(maxAgeExpr)) {
    const n = bindings.number(maxAgeExpr)
    if (n !== undefined && n <= 0) return { ...result, persistent: false, deleted: true }
    result.persistent = true
    if (n !== undefined) result.lifetime = humanize(MILLISECOND_APIS.has(api) ? n / 1000 : n)
  } else if (!unset(expiresExpr, true)) {
    if (expiresInPast(f, expiresExpr!)) return { ...result, persistent: false, deleted: true }
    result.persistent = true
    const days = api === 'js-cookie' ? bindings.number(expiresExpr) : undefined
    const seconds = days !== undefined ? days * 86400 : expiresSeconds(f, expiresExpr!)
    if (seconds !== undefined) result.lifetime = humanize(seconds)
  }
  return result
}

export function lifetimeFromString(attrs: StringAttributes): Lifetime {
  const attributes: NonNullable<CookieSetData['attributes']> = {}
  if (attrs.httpOnly) attributes.httpOnly = true
  if (attrs.secure) attributes.secure = true
  if (attrs.sameSite) attributes.sameSite = attrs.sameSite.toLowerCase()
  const base = Object.keys(attributes).length ? { attributes } : {}
  if (typeof attrs.maxAge === 'number') {
    if (attrs.maxAge <= 0) return { persistent: false, deleted: true, ...base }
    return { persistent: true, lifetime: humanize(attrs.maxAge), ...base }
  }
  if (attrs.maxAge === 'unknown') return { persistent: true, ...base }
  if (attrs.expires === 'past') return { persistent: false, deleted: true, ...base }
  if (attrs.expires) return { persistent: true, ...base }
  return { persistent: false, ...base }
}

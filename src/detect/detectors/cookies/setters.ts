// First-party cookie setters, API by API: document.cookie, cookie jars (js-cookie, universal-cookie, Next.js, Koa,
// cookieStore…), Express/Fastify/Hono/nookies/cookies-next setters, raw Set-Cookie headers, the cookie package's
// serialize, Nuxt's useCookie, and calls of the product's own cookie helpers from other files.
import { ts } from 'ts-morph'
import type { CookieApi } from '../../../types/index.js'
import { unwrap } from '../../../syntax/ast.js'
import { Bindings, FOLD_DEPTH, property, type ImportBinding } from '../../bindings.js'
import type { CookieFile, NameResult } from './context.js'
import { isLuciaCookie, paramOrDynamic, resolveName } from './names.js'
import { handleSetter, report } from './report.js'
import { parseCookieString } from './strings.js'

/** Receivers of `setCookie`/`cookie` that are browser automation in tests, not the product's server. */
const AUTOMATION_RECEIVERS = new Set(['page', 'browser', 'context', 'driver', 'cy', 'puppeteer', 'playwright', 'agent', 'request'])

/** `set(name, value, opts)` or Next's `set({ name, value, ...opts })`. */
function nameAndOptions(f: CookieFile, args: readonly ts.Expression[], nameIndex = 0, optionsIndex = nameIndex + 2): { name: NameResult; options?: ts.Expression } | undefined {
  const first = args[nameIndex]
  if (!first) return undefined
  const obj = ts.isObjectLiteralExpression(unwrap(first)) ? (unwrap(first) as ts.ObjectLiteralExpression) : undefined
  if (obj && property(obj, 'name')) return { name: resolveName(f.bindings, property(obj, 'name')), options: obj }
  if (args.length < nameIndex + 2) return undefined
  return { name: resolveName(f.bindings, first), options: args[optionsIndex] }
}

/** A setter call of `api` whose name and options sit at these argument positions. */
function setterAt(f: CookieFile, call: ts.CallExpression, api: CookieApi, nameIndex?: number, optionsIndex?: number): void {
  const r = nameAndOptions(f, call.arguments, nameIndex, optionsIndex)
  if (r) handleSetter(f, { node: call, api, ...r })
}

function isSerializeCall(f: CookieFile, call: ts.CallExpression): boolean {
  const callee = call.expression
  const { bindings } = f
  if (ts.isIdentifier(callee)) {
    const b = bindings.importOf(callee)
    return !!b && b.imported === 'serialize' && Bindings.from(b, 'cookie', 'hono/utils/cookie', 'cookie-es')
  }
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'serialize') return Bindings.from(bindings.importOf(callee.expression), 'cookie', 'cookie-es')
  return false
}

/** The value of a Set-Cookie header: a cookie string, an array of them, Lucia's session cookie, or a name from elsewhere. */
export function setCookieHeaderValue(f: CookieFile, node: ts.Node, value: ts.Expression | undefined, depth = 0): void {
  if (!value || depth > FOLD_DEPTH) return
  const e = unwrap(value)
  if (ts.isArrayLiteralExpression(e)) {
    for (const el of e.elements) if (!ts.isSpreadElement(el) && !ts.isOmittedExpression(el)) setCookieHeaderValue(f, el, el, depth + 1)
    return
  }
  if (ts.isCallExpression(e) && isSerializeCall(f, e)) return // the serialize call is reported itself
  if (ts.isIdentifier(e)) {
    const init = f.bindings.constant(e)
    if (init) return setCookieHeaderValue(f, node, init, depth + 1)
  }
  if (isLuciaCookie(f.bindings, e)) return report(f, { node, api: 'set-cookie', name: { kind: 'lucia' }, stringAttributes: {} }, { kind: 'lucia' })
  if (ts.isStringLiteralLike(e) || ts.isTemplateExpression(e) || (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken)) {
    const parsed = parseCookieString(f.bindings, e)
    handleSetter(f, { node, api: 'set-cookie', name: parsed.name, stringAttributes: parsed.attrs })
    return
  }
  handleSetter(f, { node, api: 'set-cookie', name: paramOrDynamic(f.bindings, e), stringAttributes: {} })
}

/** `document.cookie = …` and `document.cookie += …`. */
export function analyseAssignment(f: CookieFile, node: ts.BinaryExpression): void {
  const left = unwrap(node.left)
  if (!ts.isPropertyAccessExpression(left) || left.name.text !== 'cookie') return
  const target = unwrap(left.expression)
  const isDocument = (ts.isIdentifier(target) && target.text === 'document') || (ts.isPropertyAccessExpression(target) && target.name.text === 'document')
  if (!isDocument) return
  const parsed = parseCookieString(f.bindings, node.right)
  handleSetter(f, { node, api: 'document.cookie', name: parsed.name, stringAttributes: parsed.attrs })
}

/** The jar API a receiver is: `.cookies`, a `cookies()`/`new Cookies()` local, `cookieStore`… */
function jarApi(f: CookieFile, receiver: ts.Expression): CookieApi | undefined {
  const { bindings } = f
  const r = unwrap(receiver)
  if (ts.isPropertyAccessExpression(r) && r.name.text === 'cookies') {
    const root = unwrap(r.expression)
    return (ts.isIdentifier(root) && root.text === 'ctx') || bindings.imports.some((b) => b.module === 'koa') ? 'koa' : 'cookies'
  }
  if (ts.isCallExpression(r) && ts.isIdentifier(r.expression) && r.arguments.length === 0) {
    const b = bindings.importOf(r.expression)
    if (b && b.module === 'next/headers' && b.imported === 'cookies') return 'next'
  }
  if (ts.isNewExpression(r) && Bindings.from(bindings.importOf(r.expression), 'universal-cookie', 'react-cookie')) return 'universal-cookie'
  if (ts.isIdentifier(r)) {
    const jar = f.jars.get(r.text)
    if (jar) return jar
    const b = bindings.importOf(r)
    if (Bindings.from(b, 'js-cookie')) return 'js-cookie'
    if (Bindings.from(b, 'nookies')) return 'nookies'
    if (Bindings.from(b, 'cookies-next')) return 'cookies-next'
    if (r.text === 'cookies' || r.text === 'cookieStore' || r.text === 'cookieJar') return r.text === 'cookieStore' && f.isClient ? 'cookieStore' : 'cookies'
  }
  if (ts.isPropertyAccessExpression(r) && r.name.text === 'cookieStore') return 'cookieStore'
  // ngx-cookie-service's `this.cookieService.set`, a `cookieManager` wrapper
  const last = ts.isIdentifier(r) ? r.text : ts.isPropertyAccessExpression(r) ? r.name.text : undefined
  if (last && /^cookies?(?:Service|Manager|Store)$/i.test(last)) return 'cookies'
  return undefined
}

/** A local bound to a cookie jar, or react-cookie's setter: `const jar = new Cookies()`, `const [c, set] = useCookies()`. */
export function recordJar(f: CookieFile, decl: ts.VariableDeclaration): void {
  if (!decl.initializer) return
  const { bindings } = f
  const init = unwrap(decl.initializer)
  if (ts.isIdentifier(decl.name)) {
    if (ts.isCallExpression(init) && ts.isIdentifier(init.expression)) {
      const b = bindings.importOf(init.expression)
      if (b && b.module === 'next/headers' && b.imported === 'cookies') f.jars.set(decl.name.text, 'next')
    }
    if (ts.isNewExpression(init) && Bindings.from(bindings.importOf(init.expression), 'universal-cookie', 'react-cookie')) f.jars.set(decl.name.text, 'universal-cookie')
  }
  if (ts.isArrayBindingPattern(decl.name) && ts.isCallExpression(init) && ts.isIdentifier(init.expression)) {
    const b = bindings.importOf(init.expression)
    const setter = decl.name.elements[1]
    if (b && Bindings.from(b, 'react-cookie') && b.imported === 'useCookies' && setter && ts.isBindingElement(setter) && ts.isIdentifier(setter.name)) f.reactCookieSetters.add(setter.name.text)
  }
}

/** `res.cookie(…)`, `reply.setCookie(…)`, `jar.set(…)`: true when the call was one of these. */
function methodCall(f: CookieFile, call: ts.CallExpression, callee: ts.PropertyAccessExpression): boolean {
  const method = callee.name.text
  const receiver = unwrap(callee.expression)
  const automation = ts.isIdentifier(receiver) && AUTOMATION_RECEIVERS.has(receiver.text)
  if (method === 'cookie' && call.arguments.length >= 2 && !automation) {
    setterAt(f, call, 'express')
    return true
  }
  if (method === 'setCookie' && call.arguments.length >= 2 && !automation) {
    setterAt(f, call, 'fastify')
    return true
  }
  if (method !== 'set') return false
  const api = jarApi(f, receiver)
  if (api) setterAt(f, call, api, api === 'nookies' ? 1 : 0)
  return true
}

/** `setCookie('theme', …)` of the product's own cookie helper: the helper's file says it sets the cookie. */
function helperCall(f: CookieFile, call: ts.CallExpression, helperName: string): void {
  const names = call.arguments.slice(0, 4).map((a) => {
    const r = resolveName(f.bindings, a)
    return r.kind === 'name' ? r.name : r.kind === 'prefix' ? `${r.name}*` : null
  })
  if (names.some((n) => n !== null)) f.context.emit({ kind: 'cookie', value: helperName, reason: 'cookie-helper-call', node: call, data: { role: 'helper-call', helper: helperName, names } })
}

/** A setter imported from a cookie library: Hono's and h3's `setCookie(c, name, value, opts)`, nookies, cookies-next. */
function librarySetter(f: CookieFile, call: ts.CallExpression, b: ImportBinding): boolean {
  if (Bindings.from(b, 'hono', 'h3') && (b.imported === 'setCookie' || b.imported === 'setSignedCookie')) {
    setterAt(f, call, 'hono', 1, b.imported === 'setSignedCookie' ? 4 : 3)
    return true
  }
  if (Bindings.from(b, 'nookies') && b.imported === 'setCookie') {
    setterAt(f, call, 'nookies', 1)
    return true
  }
  if (Bindings.from(b, 'cookies-next') && b.imported === 'setCookie') {
    setterAt(f, call, 'cookies-next')
    return true
  }
  return false
}

/** `setCookie(…)` called by name: true when the call was a setter (or a helper's call). */
function functionCall(f: CookieFile, call: ts.CallExpression, callee: ts.Identifier): boolean {
  const { bindings } = f
  if (f.reactCookieSetters.has(callee.text)) {
    setterAt(f, call, 'react-cookie')
    return true
  }
  const b = bindings.importOf(callee)
  // Nuxt's auto-imported `useCookie('theme', { maxAge })` declares a cookie the app writes
  if (callee.text === 'useCookie' && (!b || Bindings.from(b, '#app', '#imports', 'nuxt'))) {
    const name = resolveName(bindings, call.arguments[0])
    if (call.arguments.length >= 1 && name.kind !== 'param') report(f, { node: call, api: 'cookies', name, options: call.arguments[1] }, name)
    return true
  }
  if (!b) return false
  const helperName = b.imported === 'default' ? callee.text : b.imported
  if (/^(?:[.~#]|@\/)/.test(b.module) && /cookie/i.test(helperName) && !/^(?:get|read|parse|has|is|delete|remove|clear|destroy|load|fetch|use)/i.test(helperName)) {
    helperCall(f, call, helperName)
    return true
  }
  return librarySetter(f, call, b)
}

/** A call that sets a cookie: true when it was one of the setter APIs (set or not), so nothing else need look at it. */
export function analyseSetterCall(f: CookieFile, call: ts.CallExpression): boolean {
  const callee = call.expression
  const args = call.arguments
  // raw headers: res.setHeader('Set-Cookie', …), headers.append('set-cookie', …), c.header('Set-Cookie', …)
  if (args.length >= 2 && /^set-cookie$/i.test(f.bindings.string(args[0]) ?? '')) {
    setCookieHeaderValue(f, call, args[1])
    return true
  }
  if (isSerializeCall(f, call)) {
    setterAt(f, call, 'cookie.serialize')
    return true
  }
  if (ts.isPropertyAccessExpression(callee)) return methodCall(f, call, callee)
  if (ts.isIdentifier(callee)) return functionCall(f, call, callee)
  return false
}

// Cookies the product sets, and the vendor SDKs that set cookies of their own.
//
// Evidence of kind `cookie`, `data.role` says which:
// - `set`: a first-party cookie set in code (document.cookie, js-cookie, universal-cookie, react-cookie, nookies,
//   cookies-next, Express/Fastify/Koa/Hono/Next.js setters, raw Set-Cookie headers, the `cookie` package's serialize,
//   session middleware configs). `value` is the name, `prefix*` for a template with a literal prefix, or `(dynamic)`.
// - `vendor-load`: a vendor package that may set cookies imported where it runs (a browser package, a package a
//   catalog cookie row names, or any vendor package in a client component); `value` is the vendor id.
// - `vendor-init`: where a vendor SDK is initialised (`posthog.init`, `fbq('init')`, `<PostHogProvider>`), with
//   `data.cookies: false` when its config keeps it off cookies (`persistence: 'memory'`, `disable_cookie: true`).
// The vendor id sits in `data.vendor`, not `vendor`: this evidence says where cookies come from, it is not a second
// sighting of the vendor for the subprocessor checks.
import { ts } from 'ts-morph'
import { packageMatches, packageNameOf, type Catalog } from '../../catalog/index.js'
import type { CookieApi, CookieSetData, Vendor } from '../../types/index.js'
import type { CodeContext, CodeDetector } from '../engine.js'
import { unwrap } from '../../syntax/ast.js'
import { lookupTable } from '../../util/table.js'

const BROWSER_APIS = new Set<CookieApi>(['document.cookie', 'cookieStore', 'js-cookie', 'universal-cookie', 'react-cookie', 'cookies-next'])
/** APIs whose `maxAge` is in milliseconds; the rest use seconds, js-cookie's `expires` is in days. */
const MILLISECOND_APIS = new Set<CookieApi>(['express', 'koa', 'express-session', 'cookie-session', 'koa-session'])

const MAX_DEPTH = 6
const DYNAMIC = '(dynamic)'
/** Receivers of `setCookie`/`cookie` that are browser automation in tests, not the product's server. */
const AUTOMATION_RECEIVERS = new Set(['page', 'browser', 'context', 'driver', 'cy', 'puppeteer', 'playwright', 'agent', 'request'])
const INIT_METHODS = new Set(['init', 'initialize', 'load', 'boot', 'start', 'setup', 'configure', 'createInstance'])
/** Packages that only run on a server, whatever file imports them. */
const SERVER_ONLY_PACKAGE = /(?:^|[-/])(?:node|server|admin|backend|api-client|sdk-node)$/
/** Options that keep an analytics SDK off cookies (PostHog, Mixpanel, Amplitude, Segment, GA `client_storage`). */
const NO_COOKIE_STORAGE = new Set(['memory', 'localstorage', 'sessionstorage', 'none', 'localstorage+memory'])
const STORAGE_KEYS = new Set(['persistence', 'storage', 'identityStorage', 'client_storage', 'persistenceType', 'cookieStorage'])
const DISABLE_KEYS = new Set(['disable_cookie', 'disable_cookies', 'disableCookies', 'disable_persistence', 'disablePersistence', 'disableClientPersistence', 'cookieless', 'disableCookie'])
/** Global snippet functions: `fbq('init', id)`, `gtag('config', id)`, `ttq.load(id)`. */
const GLOBAL_INITS: Record<string, { first?: string; vendors: string[] }> = lookupTable({
  fbq: { first: 'init', vendors: ['meta-pixel'] },
  gtag: { first: 'config', vendors: ['google-analytics', 'google-tag-manager'] },
  ttq: { vendors: ['tiktok'] },
  lintrk: { vendors: ['linkedin-insight'] },
  clarity: { vendors: ['microsoft-clarity'] },
})
/** `@next/third-parties/google` components and the vendor each loads. */
const NEXT_THIRD_PARTIES: Record<string, string> = lookupTable({ GoogleAnalytics: 'google-analytics', GoogleTagManager: 'google-tag-manager', YouTubeEmbed: 'youtube', GoogleMapsEmbed: 'google-maps' })

interface ImportBinding {
  module: string
  /** `default`, `*`, or the imported name. */
  imported: string
  node: ts.Node
}

type NameResult =
  | { kind: 'name'; name: string }
  | { kind: 'prefix'; name: string }
  | { kind: 'dynamic' }
  | { kind: 'param'; fn: ts.SignatureDeclaration; index: number }
  | { kind: 'lucia' }

interface Setter {
  node: ts.Node
  api: CookieApi
  name: NameResult
  options?: ts.Expression
  /** A parsed `Set-Cookie` / document.cookie string's attributes. */
  stringAttributes?: StringAttributes
}

interface StringAttributes {
  maxAge?: number | 'unknown'
  expires?: 'past' | 'future' | 'unknown'
  httpOnly?: boolean
  secure?: boolean
  sameSite?: string
}

function propName(name: ts.PropertyName | ts.MemberName | undefined): string | undefined {
  if (!name) return undefined
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isPrivateIdentifier(name)) return name.text
  return undefined
}

function isFunctionLike(node: ts.Node): node is ts.SignatureDeclaration {
  return ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)
}

/** The name a function is called by in this file: its declaration name or the const it is assigned to. */
function functionName(fn: ts.SignatureDeclaration): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name) return propName(fn.name as ts.PropertyName)
  const parent = fn.parent
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text
  if (parent && ts.isPropertyAssignment(parent)) return propName(parent.name)
  return undefined
}

function isInside(node: ts.Node, ancestor: ts.Node): boolean {
  for (let cur: ts.Node | undefined = node.parent; cur; cur = cur.parent) if (cur === ancestor) return true
  return false
}

function humanize(seconds: number): string {
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

/** A cookie name a policy or a header can carry: RFC 6265 token characters. */
function plausibleName(name: string): boolean {
  return name.length > 0 && name.length <= 200 && /^[!#$%&'*+\-.^_`|~0-9A-Za-z:]+$/.test(name)
}

export const cookiesDetector: CodeDetector = {
  id: 'cookies',
  create(context: CodeContext) {
    const { catalog, sourceFile, file, emit, text } = context
    // cheap prefilters: most files set no cookie and initialise no snippet, and need only their imports read
    const mentionsCookies = /cookie|session|lucia|auth/i.test(text)
    const mentionsSnippet = /\b(?:fbq|gtag|ttq|lintrk|clarity)\b/.test(text)
    const imports = new Map<string, ImportBinding>()
    const consts = new Map<string, ts.Expression | null>()
    const calls: ts.CallExpression[] = []
    const news: ts.NewExpression[] = []
    const assignments: ts.BinaryExpression[] = []
    const headerProps: ts.PropertyAssignment[] = []
    const headerTuples: ts.ArrayLiteralExpression[] = []
    const jsx: Array<ts.JsxOpeningElement | ts.JsxSelfClosingElement> = []
    const objects: ts.ObjectLiteralExpression[] = []
    const moduleLoads: Array<{ spec: ts.StringLiteralLike; node: ts.Node }> = []
    /** `const [cookies, setCookie] = useCookies()` (react-cookie): the setter's local name. */
    const reactCookieSetters = new Set<string>()
    /** Locals bound to a cookie jar: `new Cookies()`, `cookies()` / `await cookies()` of next/headers. */
    const jars = new Map<string, CookieApi>()

    const isClient = /\.(html?|vue|svelte)$/i.test(file.path) || sourceFile.statements.slice(0, 5).some((s) =>
      ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression) && s.expression.text === 'use client')

    const recordBinding = (decl: ts.VariableDeclaration) => {
      if (ts.isIdentifier(decl.name)) {
        const prev = consts.get(decl.name.text)
        const isConst = ts.isVariableDeclarationList(decl.parent) && (decl.parent.flags & ts.NodeFlags.Const) !== 0
        // a name bound twice, or by let/var, is not a constant we can trust
        consts.set(decl.name.text, prev === undefined && isConst && decl.initializer ? decl.initializer : null)
      }
    }

    const visitImport = (node: ts.ImportDeclaration) => {
      if (!ts.isStringLiteralLike(node.moduleSpecifier) || node.importClause?.isTypeOnly) return
      const module = node.moduleSpecifier.text
      moduleLoads.push({ spec: node.moduleSpecifier, node })
      const clause = node.importClause
      if (!clause) return
      if (clause.name) imports.set(clause.name.text, { module, imported: 'default', node })
      const bindings = clause.namedBindings
      if (bindings && ts.isNamespaceImport(bindings)) imports.set(bindings.name.text, { module, imported: '*', node })
      if (bindings && ts.isNamedImports(bindings)) {
        for (const el of bindings.elements) if (!el.isTypeOnly) imports.set(el.name.text, { module, imported: (el.propertyName ?? el.name).text, node })
      }
    }

    const requiredModule = (expr: ts.Expression | undefined): ts.StringLiteralLike | undefined => {
      if (!expr) return undefined
      const e = unwrap(expr)
      if (ts.isCallExpression(e) && e.arguments.length >= 1 && ts.isStringLiteralLike(e.arguments[0])) {
        if ((ts.isIdentifier(e.expression) && e.expression.text === 'require') || e.expression.kind === ts.SyntaxKind.ImportKeyword) return e.arguments[0]
      }
      if (ts.isPropertyAccessExpression(e)) return requiredModule(e.expression)
      return undefined
    }

    const visitVariable = (node: ts.VariableDeclaration) => {
      recordBinding(node)
      const spec = requiredModule(node.initializer)
      if (spec) {
        if (ts.isIdentifier(node.name)) imports.set(node.name.text, { module: spec.text, imported: 'default', node })
        else if (ts.isObjectBindingPattern(node.name)) {
          for (const el of node.name.elements) {
            if (ts.isIdentifier(el.name)) imports.set(el.name.text, { module: spec.text, imported: propName(el.propertyName as ts.PropertyName) ?? el.name.text, node })
          }
        }
      }
    }

    const importOf = (expr: ts.Expression): ImportBinding | undefined => {
      const e = unwrap(expr)
      return ts.isIdentifier(e) ? imports.get(e.text) : undefined
    }
    const fromModule = (binding: ImportBinding | undefined, ...modules: string[]): boolean =>
      !!binding && modules.some((m) => binding.module === m || binding.module.startsWith(`${m}/`))

    // ------------------------------------------------------------------ constant folding

    const constValue = (name: string): ts.Expression | undefined => consts.get(name) ?? undefined

    /** A number an expression folds to (literals, + - * /, constants), or undefined. */
    const numberOf = (expr: ts.Expression | undefined, depth = 0): number | undefined => {
      if (!expr || depth > MAX_DEPTH) return undefined
      const e = unwrap(expr)
      if (ts.isNumericLiteral(e)) return Number(e.text.replace(/_/g, ''))
      if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken) {
        const v = numberOf(e.operand, depth + 1)
        return v === undefined ? undefined : -v
      }
      if (ts.isIdentifier(e)) return numberOf(constValue(e.text), depth + 1)
      if (ts.isPropertyAccessExpression(e)) return numberOf(memberOfConst(e, depth), depth + 1)
      if (ts.isBinaryExpression(e)) {
        const a = numberOf(e.left, depth + 1)
        const b = numberOf(e.right, depth + 1)
        if (a === undefined || b === undefined) return undefined
        switch (e.operatorToken.kind) {
          case ts.SyntaxKind.AsteriskToken: return a * b
          case ts.SyntaxKind.PlusToken: return a + b
          case ts.SyntaxKind.MinusToken: return a - b
          case ts.SyntaxKind.SlashToken: return b === 0 ? undefined : a / b
          default: return undefined
        }
      }
      return undefined
    }

    /** `COOKIES.theme` where `const COOKIES = { theme: 'theme' }`. */
    const memberOfConst = (e: ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number): ts.Expression | undefined => {
      if (depth > MAX_DEPTH) return undefined
      const target = unwrap(e.expression)
      let obj: ts.Expression | undefined
      if (ts.isIdentifier(target)) obj = constValue(target.text)
      else if (ts.isPropertyAccessExpression(target)) obj = memberOfConst(target, depth + 1)
      if (!obj) return undefined
      obj = unwrap(obj)
      if (!ts.isObjectLiteralExpression(obj)) return undefined
      const key = ts.isPropertyAccessExpression(e) ? e.name.text : ts.isStringLiteralLike(e.argumentExpression) ? e.argumentExpression.text : undefined
      if (key === undefined) return undefined
      for (const p of obj.properties) if (ts.isPropertyAssignment(p) && propName(p.name) === key) return p.initializer
      return undefined
    }

    const enclosingFunction = (node: ts.Node): ts.SignatureDeclaration | undefined => {
      for (let cur = node.parent; cur; cur = cur.parent) if (isFunctionLike(cur)) return cur
      return undefined
    }

    const paramOf = (id: ts.Identifier): NameResult | undefined => {
      for (let fn = enclosingFunction(id); fn; fn = enclosingFunction(fn)) {
        const index = fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === id.text)
        if (index >= 0) return { kind: 'param', fn, index }
      }
      return undefined
    }

    /** `lucia.createSessionCookie(id).name`, `sessionCookie.name`, `lucia.sessionCookieName`. */
    const isLuciaCookie = (expr: ts.Expression, depth = 0): boolean => {
      if (depth > MAX_DEPTH) return false
      const e = unwrap(expr)
      if (ts.isCallExpression(e)) {
        const callee = e.expression
        if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'createSessionCookie') return true
        return ts.isPropertyAccessExpression(callee) && isLuciaCookie(callee.expression, depth + 1)
      }
      if (ts.isPropertyAccessExpression(e)) {
        if (e.name.text === 'sessionCookieName') return true
        return isLuciaCookie(e.expression, depth + 1)
      }
      if (ts.isIdentifier(e)) {
        const init = constValue(e.text)
        return !!init && isLuciaCookie(init, depth + 1)
      }
      return false
    }

    const resolveName = (expr: ts.Expression | undefined, depth = 0): NameResult => {
      if (!expr || depth > MAX_DEPTH) return { kind: 'dynamic' }
      const e = unwrap(expr)
      if (ts.isStringLiteralLike(e)) return plausibleName(e.text) ? { kind: 'name', name: e.text } : { kind: 'dynamic' }
      if (ts.isTemplateExpression(e)) return e.head.text && plausibleName(e.head.text) ? { kind: 'prefix', name: e.head.text } : { kind: 'dynamic' }
      if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
        const left = resolveName(e.left, depth + 1)
        return left.kind === 'name' || left.kind === 'prefix' ? { kind: 'prefix', name: left.name } : { kind: 'dynamic' }
      }
      if (ts.isIdentifier(e)) {
        const init = constValue(e.text)
        if (init) return resolveName(init, depth + 1)
        if (isLuciaCookie(e)) return { kind: 'lucia' }
        return paramOf(e) ?? { kind: 'dynamic' }
      }
      if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
        if (isLuciaCookie(e)) return { kind: 'lucia' }
        const member = memberOfConst(e, depth)
        return member ? resolveName(member, depth + 1) : { kind: 'dynamic' }
      }
      return { kind: 'dynamic' }
    }

    // ------------------------------------------------------------------ cookie strings ("name=value; Max-Age=60")

    type Piece = { text: string } | { expr: ts.Expression }
    const piecesOf = (expr: ts.Expression, depth = 0): Piece[] => {
      const e = unwrap(expr)
      if (depth > MAX_DEPTH) return [{ expr: e }]
      if (ts.isStringLiteralLike(e)) return [{ text: e.text }]
      if (ts.isTemplateExpression(e)) {
        const out: Piece[] = [{ text: e.head.text }]
        for (const span of e.templateSpans) out.push({ expr: span.expression }, { text: span.literal.text })
        return out
      }
      if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return [...piecesOf(e.left, depth + 1), ...piecesOf(e.right, depth + 1)]
      if (ts.isIdentifier(e)) {
        const init = constValue(e.text)
        if (init) {
          const inner = unwrap(init)
          if (ts.isStringLiteralLike(inner) || ts.isTemplateExpression(inner) || ts.isBinaryExpression(inner)) return piecesOf(inner, depth + 1)
        }
      }
      return [{ expr: e }]
    }

    /** Splits a cookie string into its name and attributes; expressions stand in as a marker. */
    const parseCookieString = (expr: ts.Expression): { name: NameResult; attrs: StringAttributes } => {
      const pieces = piecesOf(expr)
      let nameText = ''
      let nameResult: NameResult | undefined
      let i = 0
      for (; i < pieces.length; i++) {
        const p = pieces[i]
        if ('text' in p) {
          const eq = p.text.indexOf('=')
          if (eq >= 0) {
            nameText += p.text.slice(0, eq)
            break
          }
          nameText += p.text
        } else {
          // an expression before the `=`: the name is it (when alone) or starts with the text so far
          nameResult = nameText.trim() ? { kind: 'prefix', name: nameText.trim() } : resolveName(p.expr)
          break
        }
      }
      const name = nameResult ?? (plausibleName(nameText.trim()) ? { kind: 'name' as const, name: nameText.trim() } : { kind: 'dynamic' as const })
      // attributes: everything after the first `;`, expressions as `\u0000`
      const rest = pieces.map((p) => ('text' in p ? p.text : numberOf(p.expr)?.toString() ?? '\u0000')).join('')
      const attrs: StringAttributes = {}
      const parts = rest.split(';').slice(1)
      for (const part of parts) {
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

    // ------------------------------------------------------------------ options objects

    const objectOf = (expr: ts.Expression | undefined, depth = 0): ts.ObjectLiteralExpression | undefined => {
      if (!expr || depth > MAX_DEPTH) return undefined
      const e = unwrap(expr)
      if (ts.isObjectLiteralExpression(e)) return e
      if (ts.isIdentifier(e)) return objectOf(constValue(e.text), depth + 1)
      return undefined
    }
    const prop = (obj: ts.ObjectLiteralExpression | undefined, key: string): ts.Expression | undefined => {
      if (!obj) return undefined
      for (const p of obj.properties) {
        if (ts.isPropertyAssignment(p) && propName(p.name) === key) return p.initializer
        if (ts.isShorthandPropertyAssignment(p) && p.name.text === key) return p.name
      }
      return undefined
    }
    const boolOf = (expr: ts.Expression | undefined): boolean | undefined => {
      if (!expr) return undefined
      const e = unwrap(expr)
      if (e.kind === ts.SyntaxKind.TrueKeyword) return true
      if (e.kind === ts.SyntaxKind.FalseKeyword) return false
      return undefined
    }
    const stringOf = (expr: ts.Expression | undefined, depth = 0): string | undefined => {
      if (!expr || depth > MAX_DEPTH) return undefined
      const e = unwrap(expr)
      if (ts.isStringLiteralLike(e)) return e.text
      if (ts.isIdentifier(e)) return stringOf(constValue(e.text), depth + 1)
      return undefined
    }

    /** `expires: new Date(0)`, `expires: 0`, `maxAge: -1`: the cookie is being deleted, not set. */
    const expiresInPast = (expr: ts.Expression | undefined): boolean => {
      if (!expr) return false
      const e = unwrap(expr)
      const n = numberOf(e)
      if (n !== undefined) return n <= 0
      if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'Date' && e.arguments?.length === 1) {
        const arg = numberOf(e.arguments[0])
        if (arg !== undefined) return arg <= 1000
        const s = stringOf(e.arguments[0])
        return s !== undefined && /1970/.test(s)
      }
      return false
    }

    /** Lifetime in seconds of `new Date(Date.now() + X)`. */
    const expiresSeconds = (expr: ts.Expression): number | undefined => {
      const e = unwrap(expr)
      if (ts.isNewExpression(e) && e.arguments?.length === 1) {
        const arg = unwrap(e.arguments[0])
        if (ts.isBinaryExpression(arg) && arg.operatorToken.kind === ts.SyntaxKind.PlusToken && /Date\.now\(\)|getTime\(\)/.test(arg.left.getText(sourceFile))) {
          const ms = numberOf(arg.right)
          return ms === undefined ? undefined : ms / 1000
        }
      }
      return undefined
    }

    interface Lifetime { persistent: boolean | null; lifetime?: string; deleted?: boolean; attributes?: CookieSetData['attributes'] }

    const lifetimeFromOptions = (api: CookieApi, options: ts.Expression | undefined): Lifetime => {
      const obj = objectOf(options)
      if (!obj) return { persistent: options ? null : false }
      const attributes: NonNullable<CookieSetData['attributes']> = {}
      const httpOnly = boolOf(prop(obj, 'httpOnly'))
      const secure = boolOf(prop(obj, 'secure'))
      const sameSiteExpr = prop(obj, 'sameSite')
      if (httpOnly !== undefined) attributes.httpOnly = httpOnly
      if (secure !== undefined) attributes.secure = secure
      if (sameSiteExpr) {
        const s = stringOf(sameSiteExpr) ?? (boolOf(sameSiteExpr) === true ? 'strict' : undefined)
        if (s) attributes.sameSite = s.toLowerCase()
      }
      const result: Lifetime = { persistent: false, ...(Object.keys(attributes).length ? { attributes } : {}) }
      const maxAgeExpr = prop(obj, 'maxAge') ?? prop(obj, 'max-age') ?? prop(obj, 'maxage')
      const expiresExpr = prop(obj, 'expires')
      if (maxAgeExpr && unwrap(maxAgeExpr).kind !== ts.SyntaxKind.NullKeyword && unwrap(maxAgeExpr).kind !== ts.SyntaxKind.UndefinedKeyword) {
        const n = numberOf(maxAgeExpr)
        if (n !== undefined && n <= 0) return { ...result, persistent: false, deleted: true }
        result.persistent = true
        if (n !== undefined) result.lifetime = humanize(MILLISECOND_APIS.has(api) ? n / 1000 : n)
      } else if (expiresExpr && unwrap(expiresExpr).kind !== ts.SyntaxKind.NullKeyword && unwrap(expiresExpr).kind !== ts.SyntaxKind.UndefinedKeyword && unwrap(expiresExpr).kind !== ts.SyntaxKind.FalseKeyword) {
        if (expiresInPast(expiresExpr)) return { ...result, persistent: false, deleted: true }
        result.persistent = true
        const days = api === 'js-cookie' ? numberOf(expiresExpr) : undefined
        const seconds = days !== undefined ? days * 86400 : expiresSeconds(expiresExpr)
        if (seconds !== undefined) result.lifetime = humanize(seconds)
      }
      return result
    }

    const lifetimeFromString = (attrs: StringAttributes): Lifetime => {
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

    // ------------------------------------------------------------------ emitting

    const emitted = new Set<string>()
    const emitCookie = (node: ts.Node, name: string, data: CookieSetData) => {
      const loc = context.locate(node)
      const key = `${loc.line}\0${name}`
      if (emitted.has(key)) return
      emitted.add(key)
      emit({ kind: 'cookie', value: name, reason: `cookie-${data.api}`, node, data })
    }

    /** The vendor whose cookie adapter holds a node: `createServerClient(url, key, { cookies: { setAll… } })`. */
    const adapterVendor = (node: ts.Node): string | undefined => {
      for (let cur = node.parent; cur && cur !== sourceFile; cur = cur.parent) {
        if (ts.isCallExpression(cur) || ts.isNewExpression(cur)) {
          const callee = cur.expression
          const root = ts.isPropertyAccessExpression(callee) ? callee.expression : callee
          const binding = ts.isExpression(root) ? importOf(root) : undefined
          const match = binding ? catalog.matchPackage(binding.module) : undefined
          if (match) return match.vendor.id
        }
      }
      return undefined
    }

    const helpers: Array<{ setter: Setter; fn: ts.SignatureDeclaration; index: number }> = []

    const report = (setter: Setter, name: NameResult, at: ts.Node = setter.node, helper?: CookieSetData['helper']) => {
      const life = setter.stringAttributes ? lifetimeFromString(setter.stringAttributes) : lifetimeFromOptions(setter.api, setter.options)
      if (life.deleted) return
      const data: CookieSetData = {
        role: 'set', api: setter.api, side: BROWSER_APIS.has(setter.api) ? 'browser' : 'server', persistent: life.persistent,
        ...(life.lifetime ? { lifetime: life.lifetime } : {}), ...(life.attributes ? { attributes: life.attributes } : {}),
      }
      if (name.kind === 'name') emitCookie(at, name.name, data)
      else if (name.kind === 'prefix') emitCookie(at, `${name.name}*`, { ...data, prefix: true })
      else if (name.kind === 'lucia') emitCookie(at, 'auth_session', { ...data, ref: 'lucia', group: 'lucia', purpose: 'strictly-necessary' })
      else {
        const vendor = adapterVendor(setter.node)
        emitCookie(at, DYNAMIC, { ...data, dynamic: true, ...(vendor ? { adapterVendor: vendor } : {}), ...(helper ? { helper } : {}) })
      }
    }

    const handleSetter = (setter: Setter) => {
      if (setter.name.kind === 'param') helpers.push({ setter, fn: setter.name.fn, index: setter.name.index })
      else report(setter, setter.name)
    }

    /** `set(name, value, opts)` or Next's `set({ name, value, ...opts })`. */
    const nameAndOptions = (args: readonly ts.Expression[], nameIndex = 0, optionsIndex = nameIndex + 2): { name: NameResult; options?: ts.Expression } | undefined => {
      const first = args[nameIndex]
      if (!first) return undefined
      const obj = ts.isObjectLiteralExpression(unwrap(first)) ? (unwrap(first) as ts.ObjectLiteralExpression) : undefined
      if (obj && prop(obj, 'name')) return { name: resolveName(prop(obj, 'name')), options: obj }
      if (args.length < nameIndex + 2) return undefined
      return { name: resolveName(first), options: args[optionsIndex] }
    }

    const setCookieHeaderValue = (node: ts.Node, value: ts.Expression | undefined, depth = 0) => {
      if (!value || depth > MAX_DEPTH) return
      const e = unwrap(value)
      if (ts.isArrayLiteralExpression(e)) {
        for (const el of e.elements) if (!ts.isSpreadElement(el) && !ts.isOmittedExpression(el)) setCookieHeaderValue(el, el, depth + 1)
        return
      }
      if (ts.isCallExpression(e) && isSerializeCall(e)) return // the serialize call is reported itself
      if (ts.isIdentifier(e)) {
        const init = constValue(e.text)
        if (init) return setCookieHeaderValue(node, init, depth + 1)
      }
      if (isLuciaCookie(e)) return report({ node, api: 'set-cookie', name: { kind: 'lucia' }, stringAttributes: {} }, { kind: 'lucia' })
      if (ts.isStringLiteralLike(e) || ts.isTemplateExpression(e) || (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken)) {
        const parsed = parseCookieString(e)
        handleSetter({ node, api: 'set-cookie', name: parsed.name, stringAttributes: parsed.attrs })
        return
      }
      handleSetter({ node, api: 'set-cookie', name: paramOrDynamic(e), stringAttributes: {} })
    }

    const paramOrDynamic = (e: ts.Expression): NameResult => (ts.isIdentifier(e) ? paramOf(e) ?? { kind: 'dynamic' } : { kind: 'dynamic' })

    const isSerializeCall = (call: ts.CallExpression): boolean => {
      const callee = call.expression
      if (ts.isIdentifier(callee)) {
        const b = imports.get(callee.text)
        return !!b && b.imported === 'serialize' && fromModule(b, 'cookie', 'hono/utils/cookie', 'cookie-es')
      }
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'serialize') return fromModule(importOf(callee.expression), 'cookie', 'cookie-es')
      return false
    }

    /** The jar API a receiver is: `.cookies`, a `cookies()`/`new Cookies()` local, `cookieStore`… */
    const jarApi = (receiver: ts.Expression): CookieApi | undefined => {
      const r = unwrap(receiver)
      if (ts.isPropertyAccessExpression(r) && r.name.text === 'cookies') {
        const root = unwrap(r.expression)
        return (ts.isIdentifier(root) && root.text === 'ctx') || [...imports.values()].some((b) => b.module === 'koa') ? 'koa' : 'cookies'
      }
      if (ts.isCallExpression(r) && ts.isIdentifier(r.expression) && r.arguments.length === 0) {
        const b = imports.get(r.expression.text)
        if (b && b.module === 'next/headers' && b.imported === 'cookies') return 'next'
      }
      if (ts.isNewExpression(r) && fromModule(importOf(r.expression), 'universal-cookie', 'react-cookie')) return 'universal-cookie'
      if (ts.isIdentifier(r)) {
        const jar = jars.get(r.text)
        if (jar) return jar
        const b = imports.get(r.text)
        if (fromModule(b, 'js-cookie')) return 'js-cookie'
        if (fromModule(b, 'nookies')) return 'nookies'
        if (fromModule(b, 'cookies-next')) return 'cookies-next'
        if (r.text === 'cookies' || r.text === 'cookieStore' || r.text === 'cookieJar') return r.text === 'cookieStore' && isClient ? 'cookieStore' : 'cookies'
      }
      if (ts.isPropertyAccessExpression(r) && r.name.text === 'cookieStore') return 'cookieStore'
      // ngx-cookie-service's `this.cookieService.set`, a `cookieManager` wrapper
      const last = ts.isIdentifier(r) ? r.text : ts.isPropertyAccessExpression(r) ? r.name.text : undefined
      if (last && /^cookies?(?:Service|Manager|Store)$/i.test(last)) return 'cookies'
      return undefined
    }

    const recordJar = (decl: ts.VariableDeclaration) => {
      if (!decl.initializer) return
      const init = unwrap(decl.initializer)
      if (ts.isIdentifier(decl.name)) {
        if (ts.isCallExpression(init) && ts.isIdentifier(init.expression)) {
          const b = imports.get(init.expression.text)
          if (b && b.module === 'next/headers' && b.imported === 'cookies') jars.set(decl.name.text, 'next')
        }
        if (ts.isNewExpression(init) && fromModule(importOf(init.expression), 'universal-cookie', 'react-cookie')) jars.set(decl.name.text, 'universal-cookie')
      }
      if (ts.isArrayBindingPattern(decl.name) && ts.isCallExpression(init) && ts.isIdentifier(init.expression)) {
        const b = imports.get(init.expression.text)
        const setter = decl.name.elements[1]
        if (b && fromModule(b, 'react-cookie') && b.imported === 'useCookies' && setter && ts.isBindingElement(setter) && ts.isIdentifier(setter.name)) reactCookieSetters.add(setter.name.text)
      }
    }

    // ------------------------------------------------------------------ session libraries

    const sessionCookie = (node: ts.Node, api: CookieApi, name: string, life: Lifetime, group: string) => {
      if (life.deleted) return
      emitCookie(node, name, {
        role: 'set', api, side: 'server', persistent: life.persistent, group, purpose: 'strictly-necessary',
        ...(life.lifetime ? { lifetime: life.lifetime } : {}), ...(life.attributes ? { attributes: life.attributes } : {}),
      })
    }

    const handleSessionCall = (call: ts.CallExpression, binding: ImportBinding): boolean => {
      const opts = objectOf(call.arguments[0])
      const at = call
      if (fromModule(binding, 'express-session')) {
        const name = stringOf(prop(opts, 'name')) ?? 'connect.sid'
        sessionCookie(at, 'express-session', name, lifetimeFromOptions('express-session', prop(opts, 'cookie') ?? undefined), `express-session:${name}`)
        return true
      }
      if (fromModule(binding, 'cookie-session')) {
        const name = stringOf(prop(opts, 'name')) ?? 'session'
        const life = lifetimeFromOptions('cookie-session', opts)
        sessionCookie(at, 'cookie-session', name, life, `cookie-session:${name}`)
        if (boolOf(prop(opts, 'signed')) !== false) sessionCookie(at, 'cookie-session', `${name}.sig`, life, `cookie-session:${name}`)
        return true
      }
      if (fromModule(binding, 'koa-session')) {
        const name = stringOf(prop(opts, 'key')) ?? 'koa.sess'
        const life = lifetimeFromOptions('koa-session', opts)
        sessionCookie(at, 'koa-session', name, life.persistent === false && !prop(opts, 'maxAge') ? { ...life, persistent: true, lifetime: '1 day' } : life, `koa-session:${name}`)
        return true
      }
      if (fromModule(binding, '@remix-run/node', '@remix-run/cloudflare', '@remix-run/deno', '@remix-run/server-runtime', 'react-router', '@react-router/node')) {
        if (binding.imported === 'createCookie') {
          handleSetter({ node: call, api: 'remix', name: resolveName(call.arguments[0]), options: call.arguments[1] })
          return true
        }
        if (binding.imported === 'createCookieSessionStorage') {
          const cookie = prop(opts, 'cookie')
          const name = stringOf(prop(objectOf(cookie), 'name')) ?? '__session'
          sessionCookie(at, 'remix', name, lifetimeFromOptions('remix', cookie), `remix-session:${name}`)
          return true
        }
        return false
      }
      if (fromModule(binding, 'next-auth', '@auth/core', '@auth/express', '@auth/sveltekit', '@auth/solid-start', '@auth/qwik', '@auth/nextjs') && /Auth\$?$/.test(binding.imported === 'default' ? 'NextAuth' : binding.imported)) {
        // Auth.js v5 names its cookies authjs.*; next-auth v4 (`NextAuth(options)` kept whole) next-auth.*
        const v5 = binding.module.startsWith('@auth/') || (ts.isVariableDeclaration(call.parent) && ts.isObjectBindingPattern(call.parent.name))
        const prefix = v5 ? 'authjs' : 'next-auth'
        const custom = objectOf(prop(opts, 'cookies'))
        const named = (key: string, fallback: string) => stringOf(prop(objectOf(prop(custom, key)), 'name')) ?? fallback
        const sessionLife: Lifetime = { persistent: true, lifetime: humanize(numberOf(prop(objectOf(prop(opts, 'session')), 'maxAge')) ?? 30 * 86400) }
        const group = `next-auth:${prefix}`
        sessionCookie(at, 'next-auth', named('sessionToken', `${prefix}.session-token`), sessionLife, group)
        sessionCookie(at, 'next-auth', named('csrfToken', `${prefix}.csrf-token`), { persistent: false }, group)
        sessionCookie(at, 'next-auth', named('callbackUrl', `${prefix}.callback-url`), { persistent: false }, group)
        return true
      }
      return false
    }

    const handleLucia = (node: ts.NewExpression) => {
      const b = importOf(node.expression)
      if (!fromModule(b, 'lucia') || b!.imported !== 'Lucia') return
      const opts = objectOf(node.arguments?.[1])
      const cookie = objectOf(prop(opts, 'sessionCookie'))
      const name = stringOf(prop(cookie, 'name')) ?? 'auth_session'
      const persistent = boolOf(prop(cookie, 'expires')) !== false
      sessionCookie(node, 'lucia', name, { persistent, ...(persistent ? { lifetime: '30 days' } : {}) }, 'lucia')
    }

    /** An iron-session config wherever it sits: `{ cookieName: 'app', password: … }`. */
    const handleIronConfig = (obj: ts.ObjectLiteralExpression) => {
      const name = stringOf(prop(obj, 'cookieName'))
      if (!name || !(prop(obj, 'password') || prop(obj, 'cookieOptions'))) return
      const cookieOptions = prop(obj, 'cookieOptions')
      let life: Lifetime = { persistent: true, lifetime: '14 days' }
      const optObj = objectOf(cookieOptions)
      if (optObj && prop(optObj, 'maxAge')) life = lifetimeFromOptions('iron-session', optObj)
      else if (optObj) life = { ...lifetimeFromOptions('iron-session', optObj), persistent: true, lifetime: '14 days' }
      sessionCookie(obj, 'iron-session', name, life, `iron-session:${name}`)
    }

    const handleFastifyRegister = (call: ts.CallExpression) => {
      const plugin = call.arguments[0] && importOf(call.arguments[0])
      if (!plugin) return
      const opts = objectOf(call.arguments[1])
      if (fromModule(plugin, '@fastify/session')) {
        const name = stringOf(prop(opts, 'cookieName')) ?? 'sessionId'
        sessionCookie(call, 'fastify-session', name, lifetimeFromOptions('fastify', prop(opts, 'cookie')), `fastify-session:${name}`)
      } else if (fromModule(plugin, '@fastify/secure-session')) {
        const name = stringOf(prop(opts, 'cookieName')) ?? 'session'
        sessionCookie(call, 'fastify-session', name, lifetimeFromOptions('fastify', prop(opts, 'cookie')), `fastify-session:${name}`)
      }
    }

    // ------------------------------------------------------------------ vendor SDKs

    /** The setting that keeps an SDK off cookies, looked for in its options (three levels deep). */
    const cookieFreeSetting = (expr: ts.Expression | undefined, depth = 0): string | undefined => {
      const obj = objectOf(expr)
      if (!obj || depth > 3) return undefined
      for (const p of obj.properties) {
        if (!ts.isPropertyAssignment(p)) continue
        const key = propName(p.name)
        if (!key) continue
        const text = () => p.getText(sourceFile).replace(/\s+/g, ' ').slice(0, 80)
        if (STORAGE_KEYS.has(key)) {
          const s = stringOf(p.initializer)
          if (s !== undefined && NO_COOKIE_STORAGE.has(s.toLowerCase())) return text()
          const stores = prop(objectOf(p.initializer), 'stores')
          if (stores && ts.isArrayLiteralExpression(unwrap(stores))) {
            const values = (unwrap(stores) as ts.ArrayLiteralExpression).elements.map((el) => stringOf(el as ts.Expression))
            if (values.length && values.every((v) => v !== undefined && !/cookie/i.test(v))) return text()
          }
        }
        if (DISABLE_KEYS.has(key) && boolOf(p.initializer) === true) return text()
        if (key === 'cookieless_mode' && stringOf(p.initializer) === 'always') return text()
        const inner = cookieFreeSetting(p.initializer, depth + 1)
        if (inner) return inner
      }
      return undefined
    }

    const vendorOfModule = (module: string): Vendor | undefined => catalog.matchPackage(module)?.vendor

    const emitInit = (node: ts.Node, vendor: string, pkg: string | undefined, options: ts.Expression[]) => {
      let setting: string | undefined
      for (const o of options) setting ??= cookieFreeSetting(o)
      emit({ kind: 'cookie', value: vendor, reason: 'vendor-init', node, data: { role: 'vendor-init', vendor, ...(pkg ? { package: pkg } : {}), cookies: setting === undefined, ...(setting ? { setting } : {}) } })
    }

    /** fbq('init', …), gtag('config', …), ttq.load(…): true when the call is a global snippet's init. */
    const handleGlobalInit = (call: ts.CallExpression): boolean => {
      const callee = call.expression
      const globalName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? callee.expression.text : undefined
      const global = globalName && !imports.has(globalName) ? GLOBAL_INITS[globalName] : undefined
      if (global && (ts.isIdentifier(callee) ? global.first && stringOf(call.arguments[0]) === global.first : INIT_METHODS.has((callee as ts.PropertyAccessExpression).name.text))) {
        for (const vendor of global.vendors) if (catalog.get(vendor)) emitInit(call, vendor, undefined, [...call.arguments])
        return true
      }
      return false
    }

    const handleVendorCall = (call: ts.CallExpression) => {
      if (imports.size === 0 && !mentionsSnippet) return
      if (handleGlobalInit(call)) return
      const callee = call.expression
      let binding: ImportBinding | undefined
      if (ts.isIdentifier(callee)) binding = imports.get(callee.text)
      else if (ts.isPropertyAccessExpression(callee) && INIT_METHODS.has(callee.name.text)) binding = importOf(callee.expression)
      if (!binding) return
      if (ts.isIdentifier(callee) && binding.imported !== 'default' && !INIT_METHODS.has(binding.imported) && !/^[A-Z]/.test(binding.imported)) return
      const vendor = vendorOfModule(binding.module)
      if (!vendor || !loadsInBrowser(vendor, binding.module)) return
      emitInit(call, vendor.id, packageNameOf(binding.module), [...call.arguments])
    }

    const handleVendorJsx = (node: ts.JsxOpeningElement | ts.JsxSelfClosingElement) => {
      if (!ts.isIdentifier(node.tagName)) return
      const binding = imports.get(node.tagName.text)
      if (!binding) return
      const options = node.attributes.properties.flatMap((a) => (ts.isJsxAttribute(a) && a.initializer && ts.isJsxExpression(a.initializer) && a.initializer.expression ? [a.initializer.expression] : []))
      if (binding.module === '@next/third-parties/google' && NEXT_THIRD_PARTIES[binding.imported]) {
        const vendor = NEXT_THIRD_PARTIES[binding.imported]
        if (catalog.get(vendor)) emitInit(node, vendor, '@next/third-parties', options)
        return
      }
      const vendor = vendorOfModule(binding.module)
      if (!vendor || !loadsInBrowser(vendor, binding.module) || !/Provider$|^[A-Z]\w*(Analytics|Pixel|Script|Tag|Widget|Messenger)$/.test(node.tagName.text)) return
      emitInit(node, vendor.id, packageNameOf(binding.module), options)
    }

    /** Does importing this module of the vendor put it in the browser, or in a position to set its cookies? */
    const loadsInBrowser = (vendor: Vendor, module: string): boolean => {
      const name = packageNameOf(module)
      if (!name) return false
      if (vendor.browserPackages.some((p) => packageMatches(p, name))) return true
      return isClient && !SERVER_ONLY_PACKAGE.test(name) && !SERVER_ONLY_PACKAGE.test(module)
    }
    const setsCookiesFromServer = (vendor: Vendor, module: string): boolean => {
      const name = packageNameOf(module)
      return !!name && vendor.cookies.some((c) => c.packages?.some((p) => packageMatches(p, name)))
    }

    /** Whether the file loads anything the rest of the analysis acts on: a vendor package, lucia, @next/third-parties. */
    const loadsCookieCode = (): boolean =>
      [...imports.values()].some((b) => vendorOfModule(b.module) !== undefined || fromModule(b, 'lucia') || b.module === '@next/third-parties/google')
      || moduleLoads.some(({ spec }) => vendorOfModule(spec.text) !== undefined)

    const handleModuleLoads = () => {
      const seen = new Set<string>()
      for (const { spec } of moduleLoads) {
        const vendor = vendorOfModule(spec.text)
        if (!vendor || vendor.cookies.length === 0) continue
        const browser = loadsInBrowser(vendor, spec.text)
        if (!browser && !setsCookiesFromServer(vendor, spec.text)) continue
        const key = `${vendor.id}\0${spec.text}\0${context.locate(spec).line}`
        if (seen.has(key)) continue
        seen.add(key)
        emit({ kind: 'cookie', value: vendor.id, reason: 'vendor-load', node: spec, data: { role: 'vendor-load', vendor: vendor.id, package: packageNameOf(spec.text), browser, ...(isClient ? { client: true } : {}) } })
      }
    }

    // ------------------------------------------------------------------ the walk

    const onCall = (call: ts.CallExpression) => {
      const spec = requiredModule(call)
      if (spec && call.expression.kind === ts.SyntaxKind.ImportKeyword) moduleLoads.push({ spec, node: call })
      else if (spec) moduleLoads.push({ spec, node: call })
      calls.push(call)
    }

    const analyse = (call: ts.CallExpression) => {
      if (!mentionsCookies) return handleVendorCall(call)
      const callee = call.expression
      const args = call.arguments
      // raw headers: res.setHeader('Set-Cookie', …), headers.append('set-cookie', …), c.header('Set-Cookie', …)
      if (args.length >= 2 && /^set-cookie$/i.test(stringOf(args[0]) ?? '')) {
        setCookieHeaderValue(call, args[1])
        return
      }
      if (isSerializeCall(call)) {
        const r = nameAndOptions(args)
        if (r) handleSetter({ node: call, api: 'cookie.serialize', ...r })
        return
      }
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text
        const receiver = unwrap(callee.expression)
        const receiverName = ts.isIdentifier(receiver) ? receiver.text : undefined
        if (method === 'cookie' && args.length >= 2 && !(receiverName && AUTOMATION_RECEIVERS.has(receiverName))) {
          const r = nameAndOptions(args)
          if (r) handleSetter({ node: call, api: 'express', ...r })
          return
        }
        if (method === 'setCookie' && args.length >= 2 && !(receiverName && AUTOMATION_RECEIVERS.has(receiverName))) {
          const r = nameAndOptions(args)
          if (r) handleSetter({ node: call, api: 'fastify', ...r })
          return
        }
        if (method === 'set') {
          const api = jarApi(receiver)
          if (api === 'nookies') {
            const r = nameAndOptions(args, 1)
            if (r) handleSetter({ node: call, api, ...r })
          } else if (api) {
            const r = nameAndOptions(args)
            if (r) handleSetter({ node: call, api, ...r })
          }
          return
        }
        if (method === 'register') handleFastifyRegister(call)
      }
      if (ts.isIdentifier(callee)) {
        if (reactCookieSetters.has(callee.text)) {
          const r = nameAndOptions(args)
          if (r) handleSetter({ node: call, api: 'react-cookie', ...r })
          return
        }
        // Nuxt's auto-imported `useCookie('theme', { maxAge })` declares a cookie the app writes
        if (callee.text === 'useCookie' && (!imports.has('useCookie') || fromModule(imports.get('useCookie'), '#app', '#imports', 'nuxt'))) {
          const name = resolveName(args[0])
          if (args.length >= 1 && name.kind !== 'param') report({ node: call, api: 'cookies', name, options: args[1] }, name)
          return
        }
        const b = imports.get(callee.text)
        const helperName = b ? (b.imported === 'default' ? callee.text : b.imported) : ''
        if (b && /^(?:[.~#]|@\/)/.test(b.module) && /cookie/i.test(helperName) && !/^(?:get|read|parse|has|is|delete|remove|clear|destroy|load|fetch|use)/i.test(helperName)) {
          // `setCookie('theme', …)` of the product's own cookie helper: the helper's file says it sets the cookie
          const names = args.slice(0, 4).map((a) => {
            const r = resolveName(a)
            return r.kind === 'name' ? r.name : r.kind === 'prefix' ? `${r.name}*` : null
          })
          if (names.some((n) => n !== null)) emit({ kind: 'cookie', value: helperName, reason: 'cookie-helper-call', node: call, data: { role: 'helper-call', helper: helperName, names } })
          return
        }
        if (b) {
          if (fromModule(b, 'hono', 'h3') && (b.imported === 'setCookie' || b.imported === 'setSignedCookie')) {
            const r = nameAndOptions(args, 1, b.imported === 'setSignedCookie' ? 4 : 3)
            if (r) handleSetter({ node: call, api: 'hono', ...r })
            return
          }
          if (fromModule(b, 'nookies') && b.imported === 'setCookie') {
            const r = nameAndOptions(args, 1)
            if (r) handleSetter({ node: call, api: 'nookies', ...r })
            return
          }
          if (fromModule(b, 'cookies-next') && b.imported === 'setCookie') {
            const r = nameAndOptions(args)
            if (r) handleSetter({ node: call, api: 'cookies-next', ...r })
            return
          }
          if (handleSessionCall(call, b)) return
        }
      }
      handleVendorCall(call)
    }

    /** `document.cookie = …` and `document.cookie += …`. */
    const analyseAssignment = (node: ts.BinaryExpression) => {
      const left = unwrap(node.left)
      if (!ts.isPropertyAccessExpression(left) || left.name.text !== 'cookie') return
      const target = unwrap(left.expression)
      const isDocument = (ts.isIdentifier(target) && target.text === 'document') || (ts.isPropertyAccessExpression(target) && target.name.text === 'document')
      if (!isDocument) return
      const parsed = parseCookieString(node.right)
      handleSetter({ node, api: 'document.cookie', name: parsed.name, stringAttributes: parsed.attrs })
    }

    const resolveHelpers = () => {
      for (let round = 0; round < 4 && helpers.length; round++) {
        const pending = helpers.splice(0)
        for (const h of pending) {
          const fnName = functionName(h.fn)
          const callers = fnName ? calls.filter((c) => {
            const callee = c.expression
            const named = (ts.isIdentifier(callee) && callee.text === fnName) || (ts.isPropertyAccessExpression(callee) && callee.name.text === fnName)
            return named && !isInside(c, h.fn)
          }) : []
          // a helper no one in this file calls: the name comes from its callers in other files
          if (callers.length === 0) {
            report(h.setter, { kind: 'dynamic' }, h.setter.node, fnName ? { name: fnName, index: h.index } : undefined)
            continue
          }
          for (const caller of callers) {
            const name = resolveName(caller.arguments[h.index])
            if (name.kind === 'param') helpers.push({ setter: { ...h.setter, node: caller }, fn: name.fn, index: name.index })
            else report(h.setter, name, caller)
          }
        }
      }
      for (const h of helpers) report(h.setter, { kind: 'dynamic' })
    }

    return {
      visitors: {
        ImportDeclaration: (n) => visitImport(n as ts.ImportDeclaration),
        VariableDeclaration: (n) => visitVariable(n as ts.VariableDeclaration),
        CallExpression: (n) => onCall(n as ts.CallExpression),
        NewExpression: (n) => news.push(n as ts.NewExpression),
        // assignments, headers and session configs are looked for only where cookies are mentioned: elsewhere
        // these node kinds (every object literal and property) need no visit at all
        BinaryExpression: mentionsCookies ? (n: ts.Node) => {
          const op = (n as ts.BinaryExpression).operatorToken.kind
          if (op === ts.SyntaxKind.EqualsToken || op === ts.SyntaxKind.PlusEqualsToken) assignments.push(n as ts.BinaryExpression)
        } : undefined,
        PropertyAssignment: mentionsCookies ? (n: ts.Node) => {
          const p = n as ts.PropertyAssignment
          if (/^set-cookie$/i.test(propName(p.name) ?? '')) headerProps.push(p)
        } : undefined,
        ArrayLiteralExpression: mentionsCookies ? (n: ts.Node) => {
          const a = n as ts.ArrayLiteralExpression
          if (a.elements.length === 2 && /^set-cookie$/i.test(stringOf(a.elements[0] as ts.Expression) ?? '')) headerTuples.push(a)
        } : undefined,
        ObjectLiteralExpression: mentionsCookies ? (n: ts.Node) => objects.push(n as ts.ObjectLiteralExpression) : undefined,
        JsxOpeningElement: (n) => jsx.push(n as ts.JsxOpeningElement),
        JsxSelfClosingElement: (n) => jsx.push(n as ts.JsxSelfClosingElement),
      },
      end() {
        // most files mention no cookie and load no vendor package: a global snippet's init (`gtag('config', …)`) is
        // then all there can be, and the setters, jars, sessions and vendor SDKs below would find nothing
        if (!mentionsCookies && !loadsCookieCode()) {
          if (imports.size > 0 || mentionsSnippet) for (const call of calls) handleGlobalInit(call)
          return
        }
        // every variable is known now: jars and react-cookie setters first, then the calls that use them
        const declarations: ts.VariableDeclaration[] = []
        const collect = (node: ts.Node): void => {
          if (ts.isVariableDeclaration(node)) declarations.push(node)
        }
        for (const call of calls) if (call.parent && ts.isVariableDeclaration(call.parent)) collect(call.parent)
        for (const n of news) if (n.parent && ts.isVariableDeclaration(n.parent)) collect(n.parent)
        for (const call of calls) if (call.parent && ts.isAwaitExpression(call.parent) && call.parent.parent && ts.isVariableDeclaration(call.parent.parent)) collect(call.parent.parent)
        for (const d of declarations) recordJar(d)
        for (const a of assignments) analyseAssignment(a)
        for (const call of calls) analyse(call)
        for (const n of news) handleLucia(n)
        for (const p of headerProps) setCookieHeaderValue(p, p.initializer)
        for (const t of headerTuples) setCookieHeaderValue(t, t.elements[1] as ts.Expression)
        for (const o of objects) handleIronConfig(o)
        for (const j of jsx) handleVendorJsx(j)
        resolveHelpers()
        handleModuleLoads()
      },
    }
  },
}

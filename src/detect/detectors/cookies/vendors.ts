// Vendor SDKs that set cookies of their own: where one is loaded into the browser (or into server code the catalog
// says sets its cookies), and where it is initialised — an SDK's init, a JSX provider or component, a page snippet's
// global (`fbq('init', id)`) — with whether its options keep it off cookies. What each vendor's SDK looks like
// (its packages, globals, components, cookieless options) is the catalog's.
import { ts } from 'ts-morph'
import { packageMatches, packageNameOf, type CookielessRule, type CookielessRules } from '../../../catalog/index.js'
import type { Vendor } from '../../../types/index.js'
import { unwrap } from '../../../syntax/ast.js'
import { Bindings, property, propertyName, type ImportBinding } from '../../bindings.js'
import type { CookieFile } from './context.js'

/** Methods that initialise an SDK object or a snippet's global: `posthog.init(key)`, `ttq.load(id)`. */
const INIT_METHODS = new Set(['init', 'initialize', 'load', 'boot', 'start', 'setup', 'configure', 'createInstance'])
/** Packages that only run on a server, whatever file imports them. */
const SERVER_ONLY_PACKAGE = /(?:^|[-/])(?:node|server|admin|backend|api-client|sdk-node)$/
/** How deep in an SDK's options a cookieless option is looked for. */
const MAX_OPTION_DEPTH = 3

function vendorOfModule(f: CookieFile, module: string): Vendor | undefined {
  return f.context.catalog.matchPackage(module)?.vendor
}

/** Whether an option's value is one the vendor's cookieless rule names (for an array, every element is). */
function keepsOffCookies(f: CookieFile, rule: CookielessRule, value: ts.Expression): boolean {
  const { bindings } = f
  let v: ts.Expression | undefined = value
  for (const key of rule.path) v = property(bindings.object(v), key)
  if (!v) return false
  const e = unwrap(v)
  if (ts.isArrayLiteralExpression(e)) {
    const values = e.elements.map((el) => bindings.string(el as ts.Expression))
    return values.length > 0 && values.every((s) => s !== undefined && rule.strings.has(s.toLowerCase()))
  }
  const s = bindings.string(v)
  if (s !== undefined) return rule.strings.has(s.toLowerCase())
  const b = bindings.boolean(v)
  return b !== undefined && rule.booleans.has(b)
}

/** The setting that keeps an SDK off cookies, looked for in its options (three levels deep). */
function cookieFreeSetting(f: CookieFile, rules: CookielessRules, expr: ts.Expression | undefined, depth = 0): string | undefined {
  const obj = f.bindings.object(expr)
  if (!obj || depth > MAX_OPTION_DEPTH) return undefined
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p)) continue
    const key = propertyName(p.name)
    if (!key) continue
    for (const rule of rules.get(key) ?? []) {
      if (keepsOffCookies(f, rule, p.initializer)) return p.getText(f.context.sourceFile).replace(/\s+/g, ' ').slice(0, 80)
    }
    const inner = cookieFreeSetting(f, rules, p.initializer, depth + 1)
    if (inner) return inner
  }
  return undefined
}

function emitInit(f: CookieFile, node: ts.Node, vendor: Vendor, pkg: string | undefined, options: readonly ts.Expression[]): void {
  const rules = f.context.catalog.cookielessRules(vendor.id)
  let setting: string | undefined
  if (rules) for (const o of options) setting ??= cookieFreeSetting(f, rules, o)
  f.context.emit({ kind: 'cookie', value: vendor.id, reason: 'vendor-init', node, data: { role: 'vendor-init', vendor: vendor.id, ...(pkg ? { package: pkg } : {}), cookies: setting === undefined, ...(setting ? { setting } : {}) } })
}

/** A page snippet's global initialised: `fbq('init', …)`, `gtag('config', …)`, `ttq.load(…)`. True when it was one. */
export function analyseGlobalInit(f: CookieFile, call: ts.CallExpression): boolean {
  const callee = call.expression
  const named = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? callee.expression : undefined
  const inits = named && !f.bindings.importOf(named) ? f.context.catalog.snippetGlobal(named.text) : undefined
  if (!inits) return false
  const first = ts.isIdentifier(callee) ? f.bindings.string(call.arguments[0]) : undefined
  let initialised = false
  for (const { vendor, initArgument } of inits) {
    if (ts.isIdentifier(callee) ? initArgument === undefined || first !== initArgument : !INIT_METHODS.has((callee as ts.PropertyAccessExpression).name.text)) continue
    emitInit(f, call, vendor, undefined, call.arguments)
    initialised = true
  }
  return initialised
}

/** Does importing this module of the vendor put it in the browser, or in a position to set its cookies? */
function loadsInBrowser(f: CookieFile, vendor: Vendor, module: string): boolean {
  const name = packageNameOf(module)
  if (!name) return false
  if (vendor.browserPackages.some((p) => packageMatches(p, name))) return true
  return f.isClient && !SERVER_ONLY_PACKAGE.test(name) && !SERVER_ONLY_PACKAGE.test(module)
}

function setsCookiesFromServer(vendor: Vendor, module: string): boolean {
  const name = packageNameOf(module)
  return !!name && vendor.cookies.some((c) => c.packages?.some((p) => packageMatches(p, name)))
}

/** An imported SDK initialised: `posthog.init(key, options)`, `Intercom({ app_id })`, or a snippet's global. */
export function analyseVendorCall(f: CookieFile, call: ts.CallExpression): void {
  const { bindings } = f
  if (bindings.imports.length === 0 && !f.mentionsSnippet) return
  if (analyseGlobalInit(f, call)) return
  const callee = call.expression
  let binding: ImportBinding | undefined
  if (ts.isIdentifier(callee)) binding = bindings.importOf(callee)
  else if (ts.isPropertyAccessExpression(callee) && INIT_METHODS.has(callee.name.text)) binding = bindings.importOf(callee.expression)
  if (!binding) return
  if (ts.isIdentifier(callee) && binding.imported !== 'default' && !INIT_METHODS.has(binding.imported) && !/^[A-Z]/.test(binding.imported)) return
  const vendor = vendorOfModule(f, binding.module)
  if (!vendor || !loadsInBrowser(f, vendor, binding.module)) return
  emitInit(f, call, vendor, packageNameOf(binding.module), call.arguments)
}

/** `<PostHogProvider options={…}>`, `<GoogleAnalytics gaId=…>` of `@next/third-parties/google`. */
export function analyseVendorJsx(f: CookieFile, node: ts.JsxOpeningElement | ts.JsxSelfClosingElement): void {
  if (!ts.isIdentifier(node.tagName)) return
  const binding = f.bindings.importOf(node.tagName)
  if (!binding) return
  const options = node.attributes.properties.flatMap((a) => (ts.isJsxAttribute(a) && a.initializer && ts.isJsxExpression(a.initializer) && a.initializer.expression ? [a.initializer.expression] : []))
  const component = f.context.catalog.component(binding.module, binding.imported)
  if (component) return emitInit(f, node, component, packageNameOf(binding.module), options)
  const vendor = vendorOfModule(f, binding.module)
  if (!vendor || !loadsInBrowser(f, vendor, binding.module) || !/Provider$|^[A-Z]\w*(Analytics|Pixel|Script|Tag|Widget|Messenger)$/.test(node.tagName.text)) return
  emitInit(f, node, vendor, packageNameOf(binding.module), options)
}

/** Whether the file loads anything the vendor analysis acts on: a vendor's package or a vendor's component. */
export function loadsVendorCode(f: CookieFile): boolean {
  const { catalog } = f.context
  return f.bindings.imports.some((b) => vendorOfModule(f, b.module) !== undefined || catalog.isComponentModule(b.module))
    || f.bindings.loads.some((load) => !load.typeOnly && vendorOfModule(f, load.spec.text) !== undefined)
}

/** Each load of a cookie-setting vendor's package where it runs in the browser or sets cookies from the server. */
export function analyseModuleLoads(f: CookieFile): void {
  const seen = new Set<string>()
  for (const { spec, typeOnly } of f.bindings.loads) {
    if (typeOnly) continue
    const vendor = vendorOfModule(f, spec.text)
    if (!vendor || vendor.cookies.length === 0) continue
    const browser = loadsInBrowser(f, vendor, spec.text)
    if (!browser && !setsCookiesFromServer(vendor, spec.text)) continue
    const key = `${vendor.id}\0${spec.text}\0${f.context.locate(spec).line}`
    if (seen.has(key)) continue
    seen.add(key)
    f.context.emit({ kind: 'cookie', value: vendor.id, reason: 'vendor-load', node: spec, data: { role: 'vendor-load', vendor: vendor.id, package: packageNameOf(spec.text), browser, ...(f.isClient ? { client: true } : {}) } })
  }
}

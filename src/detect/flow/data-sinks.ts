// Where a file sends personal data: the log sinks of sinks.ts (console, loggers, error reporters; thrown errors are
// left to the secret rules) and the vendor SDK calls of the catalog's `sends:` models — `posthog.identify(id, props)`,
// `resend.emails.send({ to })`, `Intercom('boot', { email })`, `new PostHog(key).capture(…)`, `usePostHog().identify`.
import { ts } from 'ts-morph'
import { packageLookup, type Catalog } from '../../catalog/index.js'
import { unwrap } from '../../syntax/ast.js'
import type { VendorSends } from '../../types/index.js'
import { property, type Binding, type Bindings } from '../bindings.js'
import type { CompiledModels } from './compiled.js'
import { SinkFinder, type Sink } from './sinks.js'
import { storageSinks } from './storage-sinks.js'
import { short, type ImportRef } from './values.js'

export interface CompiledSends {
  vendor: string
  packages: readonly string[]
  calls: ReadonlySet<string>
  globals: ReadonlySet<string>
  natures: VendorSends['natures'] & {}
}

export interface SendModels {
  list: CompiledSends[]
  /** The sends model a module belongs to. */
  of(module: string): CompiledSends | undefined
  /** The names of every model's globals (`posthog`, `Intercom`, `$crisp`). */
  globals: ReadonlySet<string>
  /** The vendors whose SDK makes each call path (`identify`: PostHog, Segment, Mixpanel…). */
  vendorsOf: ReadonlyMap<string, string[]>
  /** The last name of every call path (`send` of `emails.send`): what a call on an unknown client must end in. */
  lastNames: ReadonlySet<string>
}

const byCatalog = new WeakMap<Catalog, SendModels>()

export function sendModels(catalog: Catalog): SendModels {
  let models = byCatalog.get(catalog)
  if (!models) {
    const list: CompiledSends[] = catalog.vendors.flatMap((v) => (v.sends ?? []).map((s) => ({
      vendor: v.id, packages: s.packages, calls: new Set(s.calls), globals: new Set(s.globals ?? []), natures: s.natures ?? [],
    })))
    const vendorsOf = new Map<string, string[]>()
    for (const s of list) for (const call of s.calls) vendorsOf.set(call, [...new Set([...(vendorsOf.get(call) ?? []), s.vendor])])
    models = {
      list,
      of: packageLookup(list),
      globals: new Set(list.flatMap((s) => [...s.globals])),
      vendorsOf,
      lastNames: new Set([...vendorsOf.keys()].map((path) => path.slice(path.lastIndexOf('.') + 1))),
    }
    byCatalog.set(catalog, models)
  }
  return models
}

/** A vendor call found: the sink, and the model's call path it matched (`emails.send`). */
export interface VendorCall {
  sink: Sink
  sends: CompiledSends
  path: string
}

/** The log sinks and the vendor sinks of a file. */
export class DataSinkFinder extends SinkFinder {
  readonly vendorCalls: VendorCall[] = []
  /** Whether the file imports an SDK some `sends` model names: only then is every call looked at, else only globals'. */
  private readonly importsSdk: boolean
  /** Whether it imports a module of the repo, which may export an SDK client (`export const posthog = new PostHog(key)`). */
  private readonly importsLocal: boolean

  constructor(private readonly dataBindings: Bindings, models: CompiledModels, private readonly sends: SendModels, private readonly dataFile: string,
    private readonly show: (node: ts.Node) => string, private readonly catalog: Catalog, private readonly mayResolve: (spec: string) => boolean) {
    super(dataBindings, models, dataFile, show)
    this.importsSdk = dataBindings.loads.some((l) => sends.of(l.spec.text) !== undefined)
    this.importsLocal = dataBindings.imports.some((b) => mayResolve(b.module))
  }

  override find(calls: readonly ts.CallExpression[]): Sink[] {
    const sinks = [...super.find(calls, []), ...storageSinks(calls, this.show)]
    for (const call of calls) {
      const request = this.requestToVendor(call)
      if (request) sinks.push(request)
    }
    for (const call of calls) {
      if (!this.importsSdk && !this.onGlobal(call) && !(this.importsLocal && this.mayBeClientCall(call))) continue
      const found = this.vendorCall(call)
      if (found && 'sends' in found) this.vendorCalls.push(found)
      if (found) sinks.push(found.sink)
    }
    return sinks
  }

  /** A call whose method ends some vendor's call path (`capture`, `send`), on a name: maybe a client of another module. */
  private mayBeClientCall(call: ts.CallExpression): boolean {
    const callee = call.expression
    return ts.isPropertyAccessExpression(callee) && this.sends.lastNames.has(callee.name.text)
  }

  /** `new PostHog(key)`, `Mixpanel.init(token)`, `posthog` of posthog-js: the vendor whose SDK client a value is. */
  override clientOf(expr: ts.Expression): string | undefined {
    const e = unwrap(expr)
    if (ts.isIdentifier(e)) {
      const binding = this.dataBindings.resolve(e)
      if (binding?.kind === 'import') return binding.imported === 'default' || binding.imported === '*' ? this.sends.of(binding.module)?.vendor : undefined
      return binding ? this.heldBy(binding, 0)?.vendor : undefined
    }
    const branches = ts.isConditionalExpression(e) ? [unwrap(e.whenTrue), unwrap(e.whenFalse)] : [e]
    return branches.map((b) => this.madeBy(b, 0)).find((s) => s !== undefined)?.vendor
  }

  /** Whether a call is made on one of the models' globals (`posthog.capture`, `window.Intercom(…)`, `$crisp.push`). */
  private onGlobal(call: ts.CallExpression): boolean {
    let cur = call.expression
    let below: string | undefined
    while (ts.isPropertyAccessExpression(cur)) {
      below = cur.name.text
      cur = cur.expression
    }
    if (!ts.isIdentifier(cur)) return false
    const globals = this.sends.globals
    return globals.has(cur.text) || (isWindow(cur) && below !== undefined && globals.has(below))
  }

  /** The vendor SDK call a call is, if any: its client resolved to an import, an instance or factory result, a global. */
  private vendorCall(call: ts.CallExpression): VendorCall | { sink: Sink } | undefined {
    const names: string[] = []
    let cur = unwrap(call.expression)
    while (ts.isPropertyAccessExpression(cur)) {
      names.unshift(cur.name.text)
      cur = unwrap(cur.expression)
    }
    if (ts.isCallExpression(cur) || ts.isNewExpression(cur)) {
      // usePostHog().capture(…), vertexAI.getGenerativeModel(…).generateContent(…)
      const sends = this.madeBy(cur, 0)
      return sends ? this.matched(call, sends, names.join('.')) : undefined
    }
    if (!ts.isIdentifier(cur)) return undefined
    // window.posthog.identify(…), globalThis.Intercom(…)
    if (isWindow(cur) && !this.dataBindings.resolve(cur) && names.length > 0) {
      const global = names.shift()!
      const sends = this.globalSends(global)
      return sends ? this.matched(call, sends, names.length > 0 ? names.join('.') : global) : undefined
    }
    const binding = this.dataBindings.resolve(cur)
    if (!binding) {
      const sends = this.globalSends(cur.text)
      return sends ? this.matched(call, sends, names.length > 0 ? names.join('.') : cur.text) : undefined
    }
    if (binding.kind === 'import') {
      const sends = this.sends.of(binding.module)
      if (!sends) return names.length > 0 && this.mayResolve(binding.module) ? this.clientCall(call, { importer: this.dataFile, spec: binding.module, imported: binding.imported }, names.join('.')) : undefined
      const path = names.length > 0 ? names.join('.') : binding.imported === 'default' || binding.imported === '*' ? cur.text : binding.imported
      return this.matched(call, sends, path)
    }
    const sends = names.length > 0 ? this.heldBy(binding, 0) : undefined
    return sends ? this.matched(call, sends, names.join('.')) : undefined
  }

  private globalSends(name: string): CompiledSends | undefined {
    return this.sends.globals.has(name) ? this.sends.list.find((s) => s.globals.has(name)) : undefined
  }

  /**
   * The SDK a variable holds: an instance or a factory result of one (`new PostHog(key)`, `usePostHog()`,
   * `AnalyticsBrowser.load(…)`, either branch of `token ? Mixpanel.init(token) : null`), or a snippet's global kept in a
   * variable (`var _hsq = window._hsq = window._hsq || []`).
   */
  private heldBy(binding: Binding, depth: number): CompiledSends | undefined {
    if (binding.kind !== 'var' || !binding.init || binding.path.length > 0 || depth > 4) return undefined
    const init = unwrap(binding.init)
    for (const e of ts.isConditionalExpression(init) ? [unwrap(init.whenTrue), unwrap(init.whenFalse)] : [init]) {
      const global = ts.isNewExpression(e) || ts.isCallExpression(e) ? undefined : windowGlobal(e)
      const made = global === undefined ? this.madeBy(e, depth) : this.globalSends(global)
      if (made) return made
    }
    return undefined
  }

  /**
   * The SDK an instance or a call's result belongs to: made from an import (`new GoogleGenAI()`), from
   * `require('pkg')(key)`, or from another client (`genAI.getGenerativeModel(…)`, `ai.chats.create(…)`).
   */
  private madeBy(e: ts.Expression, depth: number): CompiledSends | undefined {
    if ((!ts.isNewExpression(e) && !ts.isCallExpression(e)) || depth > 4) return undefined
    const root = rootOf(e.expression)
    if (ts.isIdentifier(root)) {
      const inner = this.dataBindings.resolve(root)
      return inner?.kind === 'import' ? this.sends.of(inner.module) : inner ? this.heldBy(inner, depth + 1) : undefined
    }
    // require('@mailchimp/mailchimp_transactional')(key)
    if (ts.isCallExpression(root) && isRequire(root)) return this.sends.of((root.arguments[0] as ts.StringLiteralLike).text)
    return this.madeBy(root, depth + 1)
  }

  /**
   * `fetch('https://api.segment.io/v1/track', { body })`, `axios.post(url, data)`, `ky.post(url, { json })`: a request
   * to a catalog vendor's host, whose body is what it sends. The URL must fold to a string (constants and templates of
   * constants); the host decides the vendor.
   */
  private requestToVendor(call: ts.CallExpression): Sink | undefined {
    const callee = unwrap(call.expression)
    let body: ts.Expression | undefined
    if (ts.isIdentifier(callee) && callee.text === 'fetch' && !this.dataBindings.resolve(callee)) {
      const init = call.arguments[1] && unwrap(call.arguments[1])
      body = init && ts.isObjectLiteralExpression(init) ? property(init, 'body') : undefined
    } else if (ts.isPropertyAccessExpression(callee) && REQUEST_METHODS.has(callee.name.text) && ts.isIdentifier(unwrap(callee.expression))) {
      const client = this.dataBindings.importOf(callee.expression)
      if (!client || !REQUEST_LIBRARIES.has(client.module)) return undefined
      const second = call.arguments[1] && unwrap(call.arguments[1])
      // ky and got take the body in an option (`json`, `body`); axios takes the data itself
      body = client.module === 'axios' ? second : second && ts.isObjectLiteralExpression(second) ? property(second, 'json') ?? property(second, 'body') : undefined
    }
    if (!body) return undefined
    const url = this.dataBindings.string(call.arguments[0]) ?? templateHead(call.arguments[0])
    const host = url && /^https?:\/\/([^/:?#]+)/i.exec(url)?.[1]
    const vendor = host ? this.catalog.matchHost(host.toLowerCase())?.vendor : undefined
    if (!vendor) return undefined
    return { call, args: [body], display: `${short(this.show(callee), 30)}(${host})`, kind: 'vendor', vendor: vendor.id }
  }

  /** `analytics.identify(…)` of `import { analytics } from '../lib/analytics'`: a vendor sink if that module exports a client of a vendor whose SDK makes the call. */
  private clientCall(call: ts.CallExpression, ref: ImportRef, path: string): { sink: Sink } | undefined {
    const vendors = this.sends.vendorsOf.get(path)
    if (!vendors) return undefined
    return { sink: { call, args: call.arguments, display: short(this.show(call.expression), 50), kind: 'vendor', client: { ref, path, vendors } } }
  }

  private matched(call: ts.CallExpression, sends: CompiledSends, path: string): VendorCall | undefined {
    if (!sends.calls.has(path)) return undefined
    const args = call.arguments.map((a) => this.request(a, sends) ?? a)
    const sink: Sink = { call, args, display: short(this.show(call.expression), 50), kind: 'vendor', vendor: sends.vendor }
    return { sink, sends, path }
  }

  /**
   * `client.send(new SendEmailCommand({ … }))`, `const command = new InvokeModelCommand({ … }); client.send(command)`:
   * a request object of the SDK's own class sends what its constructor is given.
   */
  private request(arg: ts.Expression, sends: CompiledSends): ts.Expression | undefined {
    let e = unwrap(arg)
    if (ts.isIdentifier(e)) {
      const init = this.dataBindings.initializer(e)
      if (!init) return undefined
      e = unwrap(init)
    }
    if (!ts.isNewExpression(e) || !e.arguments?.[0]) return undefined
    const made = this.dataBindings.importOf(rootOf(e.expression))
    return made && this.sends.of(made.module) === sends ? e.arguments[0] : undefined
  }
}

const REQUEST_METHODS = new Set(['post', 'put', 'patch'])
const REQUEST_LIBRARIES = new Set(['axios', 'ky', 'got', 'ofetch'])

/** The literal start of a template URL (`https://api.segment.io/v1/${path}`): enough for its host. */
function templateHead(expr: ts.Expression | undefined): string | undefined {
  const e = expr && unwrap(expr)
  return e && ts.isTemplateExpression(e) ? e.head.text : undefined
}

const ASSIGN_OR = new Set([ts.SyntaxKind.EqualsToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken])

function isRequire(call: ts.CallExpression): boolean {
  return ts.isIdentifier(call.expression) && call.expression.text === 'require' && call.arguments.length === 1 && ts.isStringLiteralLike(call.arguments[0])
}

function isWindow(id: ts.Identifier): boolean {
  return id.text === 'window' || id.text === 'globalThis'
}

/** The global `window.X` names, through `window.X = window.X || []` and `window.X || []`. */
function windowGlobal(expr: ts.Expression): string | undefined {
  const e = unwrap(expr)
  if (ts.isBinaryExpression(e)) return ASSIGN_OR.has(e.operatorToken.kind) ? windowGlobal(e.left) : undefined
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && isWindow(e.expression) ? e.name.text : undefined
}

/** The identifier a member chain starts from: `AnalyticsBrowser` of `AnalyticsBrowser.load`. */
function rootOf(expr: ts.Expression): ts.Expression {
  let cur = unwrap(expr)
  while (ts.isPropertyAccessExpression(cur)) cur = unwrap(cur.expression)
  return cur
}

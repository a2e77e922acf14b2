// Where a file sends personal data: the log sinks of sinks.ts (console, loggers, error reporters; thrown errors are
// left to the secret rules) and the vendor SDK calls of the catalog's `sends:` models — `posthog.identify(id, props)`,
// `resend.emails.send({ to })`, `Intercom('boot', { email })`, `new PostHog(key).capture(…)`, `usePostHog().identify`.
import { ts } from 'ts-morph'
import { packageLookup, type Catalog } from '../../catalog/index.js'
import { unwrap } from '../../syntax/ast.js'
import type { VendorSends } from '../../types/index.js'
import { property, type Bindings } from '../bindings.js'
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
    this.importsSdk = dataBindings.imports.some((b) => sends.of(b.module) !== undefined)
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
      return binding?.kind === 'var' && binding.init && binding.path.length === 0 ? this.madeBy(binding.init)?.vendor : undefined
    }
    return this.madeBy(e)?.vendor
  }

  /** The sends model whose SDK made a value: `new PostHog(key)`, `Mixpanel.init(token)`, either branch of a conditional. */
  private madeBy(value: ts.Expression): CompiledSends | undefined {
    const init = unwrap(value)
    return (ts.isConditionalExpression(init) ? [unwrap(init.whenTrue), unwrap(init.whenFalse)] : [init])
      .map((e) => (ts.isNewExpression(e) || ts.isCallExpression(e) ? this.dataBindings.importOf(rootOf(e.expression)) : undefined))
      .map((b) => b && this.sends.of(b.module))
      .find((s) => s !== undefined)
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
    return globals.has(cur.text) || ((cur.text === 'window' || cur.text === 'globalThis') && below !== undefined && globals.has(below))
  }

  /** The vendor SDK call a call is, if any: its client resolved to an import, an instance or factory result, a global. */
  private vendorCall(call: ts.CallExpression): VendorCall | { sink: Sink } | undefined {
    const names: string[] = []
    let cur = unwrap(call.expression)
    while (ts.isPropertyAccessExpression(cur)) {
      names.unshift(cur.name.text)
      cur = unwrap(cur.expression)
    }
    if (ts.isCallExpression(cur)) {
      // usePostHog().capture(…)
      const factory = this.dataBindings.importOf(cur.expression)
      const sends = factory && this.sends.of(factory.module)
      return sends ? this.matched(call, sends, names.join('.')) : undefined
    }
    if (!ts.isIdentifier(cur)) return undefined
    // window.posthog.identify(…), globalThis.Intercom(…)
    if ((cur.text === 'window' || cur.text === 'globalThis') && !this.dataBindings.resolve(cur) && names.length > 0) {
      const global = names.shift()!
      const sends = this.sends.list.find((s) => s.globals.has(global))
      return sends ? this.matched(call, sends, names.length > 0 ? names.join('.') : global) : undefined
    }
    const binding = this.dataBindings.resolve(cur)
    if (!binding) {
      const sends = this.sends.list.find((s) => s.globals.has(cur.text))
      return sends ? this.matched(call, sends, names.length > 0 ? names.join('.') : cur.text) : undefined
    }
    if (binding.kind === 'import') {
      const sends = this.sends.of(binding.module)
      if (!sends) return names.length > 0 && this.mayResolve(binding.module) ? this.clientCall(call, { importer: this.dataFile, spec: binding.module, imported: binding.imported }, names.join('.')) : undefined
      const path = names.length > 0 ? names.join('.') : binding.imported === 'default' || binding.imported === '*' ? cur.text : binding.imported
      return this.matched(call, sends, path)
    }
    if (binding.kind === 'var' && binding.init && binding.path.length === 0 && names.length > 0) {
      // const client = new PostHog(key); const resend = new Resend(key); const posthog = usePostHog()
      // `const client = token ? Mixpanel.init(token) : null`: either branch
      const sends = this.madeBy(binding.init)
      return sends ? this.matched(call, sends, names.join('.')) : undefined
    }
    return undefined
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
    const sink: Sink = { call, args: call.arguments, display: short(this.show(call.expression), 50), kind: 'vendor', vendor: sends.vendor }
    return { sink, sends, path }
  }
}

const REQUEST_METHODS = new Set(['post', 'put', 'patch'])
const REQUEST_LIBRARIES = new Set(['axios', 'ky', 'got', 'ofetch'])

/** The literal start of a template URL (`https://api.segment.io/v1/${path}`): enough for its host. */
function templateHead(expr: ts.Expression | undefined): string | undefined {
  const e = expr && unwrap(expr)
  return e && ts.isTemplateExpression(e) ? e.head.text : undefined
}

/** The identifier a member chain starts from: `AnalyticsBrowser` of `AnalyticsBrowser.load`. */
function rootOf(expr: ts.Expression): ts.Expression {
  let cur = unwrap(expr)
  while (ts.isPropertyAccessExpression(cur)) cur = unwrap(cur.expression)
  return cur
}

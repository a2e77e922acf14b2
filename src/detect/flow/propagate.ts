// The end of one file's flow analysis: which sinks receive which values (through the file's own helper functions too),
// and what the file offers other modules — the loggers and values it exports, and a summary of each exported function
// (what its return value carries, which parameters reach a sink inside it). All recorded as plain data for the cache
// and for link.ts, which joins the files after the walk.
import { ts } from 'ts-morph'
import type { Location } from '../../types/index.js'
import type { FunctionLike } from '../bindings.js'
import { FlowAnalysis } from './analysis.js'
import type { ClientRef, LoggerRef, Sink, SinkFinder, SinkKind } from './sinks.js'
import { below, narrow, type Hit, type ImportRef, type RecordedHit } from './values.js'

/** A recorded hit inside a function summary may also stand for one of the function's parameters. */
export type SummaryHit = RecordedHit & { param?: { index: number; read: string[] } }

export interface SinkInfo {
  display: string
  kind: SinkKind
  via?: string
  logger?: LoggerRef
  vendor?: string
  client?: ClientRef
}

export interface SinkRecord extends SinkInfo {
  location: Location
  nonShipped: boolean
  hits: Array<RecordedHit & { argIndex: number }>
}

/** A call to a function of another module, with what its arguments carry: that function's parameter sinks apply here. */
export interface CallSiteRecord {
  location: Location
  nonShipped: boolean
  callee: ImportRef & { local: string }
  args: Array<Array<{ hit: RecordedHit; path: string[] | null }>>
}

/** What an exported function does with its parameters and what it returns, for callers in other modules. */
export interface FunctionSummary {
  returns: SummaryHit[]
  /** Parameters (the part at `read`) that reach a sink inside, at `pathInSink` of the sink's argument `argIndex`. */
  sinks: Array<{ param: number; read: string[]; pathInSink: string[] | null; argIndex: number; sink: SinkInfo }>
  /** Parameters passed on to a function of another module, as its argument `argIndex`. */
  forwards: Array<{ param: number; read: string[]; callee: ImportRef & { local: string }; argIndex: number; path: string[] | null }>
}

export interface ModuleExports {
  loggers: Map<string, LoggerRef>
  /** Exported vendor SDK clients (`export const posthog = new PostHog(key)`), by name: the vendor's id. */
  clients: Map<string, string>
  /** Exported values that carry something, and where in the value it sits. */
  values: Map<string, Array<{ hit: RecordedHit; path: string[] | null }>>
  functions: Map<string, FunctionSummary>
  /** `export { a as b } from './m'`: b is m's a. */
  reexports: Map<string, { spec: string; imported: string }>
  /** `export * from './m'`. */
  stars: string[]
}

/** A local function whose parameter reaches a sink: calls to it ship that argument (the part at `read`). */
interface HelperSink {
  id: number
  key: string
  index: number
  read: string[]
  pathInSink: string[] | null
  argIndex: number
  sink: Sink
  name: string
}

/** Entries per file, so no input makes the propagation superlinear. */
const MAX_HELPERS = 2_000
const MAX_RECORDED_HITS = 12

/** What a sink is, as plain data for a record or a summary (no nodes). */
function sinkInfo(sink: Sink): SinkInfo {
  const info: SinkInfo = { display: sink.display, kind: sink.kind }
  if (sink.via) info.via = sink.via
  if (sink.logger) info.logger = sink.logger
  if (sink.vendor) info.vendor = sink.vendor
  if (sink.client) info.client = sink.client
  return info
}

/** The name a function is called by: its declaration's, or the variable's it is assigned to. */
function functionName(fn: FunctionLike): string | undefined {
  if (ts.isFunctionDeclaration(fn) && fn.name) return fn.name.text
  return fn.parent && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? fn.parent.name.text : undefined
}

export class Propagation {
  private readonly records = new Map<string, SinkRecord>()
  private readonly helpers = new Map<FunctionLike, HelperSink[]>()
  private helperCount = 0
  private readonly file: string
  private readonly nonShipped: boolean

  constructor(private readonly analysis: FlowAnalysis, private readonly finder: SinkFinder) {
    this.file = analysis.context.file.path
    this.nonShipped = analysis.context.file.nonShipped
  }

  /** A hit as plain data; a parameter only when it is one of `fn`'s (inside that function's summary). */
  recorded(h: Hit, fn?: FunctionLike): SummaryHit | undefined {
    const o = h.origin
    if (o.kind === 'source') return { source: o.source, path: h.path }
    if (o.kind === 'param') return fn && o.binding.fn === fn ? { param: { index: o.binding.index, read: h.read ?? [] }, path: h.path } : undefined
    const ref = { importer: this.file, spec: o.binding.module, imported: o.binding.imported, local: o.binding.name, read: h.read ?? [] }
    if (o.kind === 'import') return { importRef: ref, path: h.path }
    const args = o.args.map((hits) => hits.flatMap((a) => {
      const r = this.recorded(a, fn)
      return r ? [{ hit: r, path: a.path }] : []
    }))
    return { callRef: { ...ref, args }, path: h.path }
  }

  private record(sink: Sink, at: ts.Node, hit: RecordedHit, argIndex: number): void {
    const location = this.analysis.context.locate(at)
    const key = `${location.line}:${location.column}:${sink.display}:${sink.via ?? ''}`
    let r = this.records.get(key)
    if (!r) {
      r = { location, nonShipped: this.nonShipped, ...sinkInfo(sink), hits: [] }
      this.records.set(key, r)
    }
    if (r.hits.length < MAX_RECORDED_HITS) r.hits.push({ ...hit, argIndex })
  }

  /** One hit reaching `sink` through argument `argIndex` of the call `at`, at `path` inside that argument. */
  private reach(sink: Sink, at: ts.Node, h: Hit, argIndex: number, path: string[] | null): boolean {
    const o = h.origin
    if (o.kind !== 'param') {
      const r = this.recorded({ ...h, path })
      if (r) this.record(sink, at, r, argIndex)
      return false
    }
    const fn = o.binding.fn
    const name = functionName(fn)
    if (!name) return false
    const list = this.helpers.get(fn) ?? []
    const read = h.read ?? []
    // one entry per parameter, part read and original sink, however many ways (recursion included) lead there
    const key = `${o.binding.index}|${read.join('.')}|${argIndex}|${path === null ? '?' : path.join('.')}|${sink.origin?.pos ?? sink.call.pos}`
    if (this.helperCount >= MAX_HELPERS || list.some((x) => x.key === key)) return false
    list.push({ id: this.helperCount++, key, index: o.binding.index, read, pathInSink: path, argIndex, sink: { ...sink, origin: sink.origin ?? sink.call }, name })
    this.helpers.set(fn, list)
    return true
  }

  /** The sinks of the file and what reaches them, directly and through the file's helper functions. */
  sinks(): SinkRecord[] {
    const a = this.analysis
    let grew = false
    for (const sink of this.finder.find(a.calls, a.throws)) {
      sink.args.forEach((arg, i) => {
        if (sink.positions && !sink.positions.includes(i)) return
        for (const h of a.evaluate(arg)) grew = this.reach(sink, sink.call, h, i, h.path) || grew
      })
    }
    // a call to a local helper whose parameter reaches a sink ships that argument; helpers of helpers too
    const visited = new Set<string>()
    for (let round = 0; round < 6 && grew; round++) {
      grew = false
      for (const call of a.calls) {
        const fn = a.functionOf(call.expression)
        for (const helper of (fn && this.helpers.get(fn)) || []) {
          const arg = call.arguments[helper.index]
          const key = `${call.pos}:${helper.id}`
          if (!arg || visited.has(key)) continue
          visited.add(key)
          const through: Sink = { ...helper.sink, via: helper.sink.via ? `${helper.name}() → ${helper.sink.via}` : `${helper.name}()` }
          for (const h of a.evaluate(arg)) {
            const seen = narrow(h.path, helper.read)
            if (seen === undefined) continue
            const path = below(helper.pathInSink, seen)
            grew = this.reach(through, call, { ...h, path }, helper.argIndex, path) || grew
          }
        }
      }
    }
    return [...this.records.values()]
  }

  private forwardsByFunction: Map<FunctionLike, FunctionSummary['forwards']> | undefined

  /**
   * Calls to functions of other modules, each argument evaluated once: what they carry outside any parameter makes a
   * call site (the callee's parameter sinks apply there), what a parameter of the enclosing function carries makes a
   * forward in that function's summary.
   */
  callSites(): CallSiteRecord[] {
    const out: CallSiteRecord[] = []
    this.forwardsByFunction = new Map()
    for (const call of this.analysis.calls) {
      const callee = this.calleeRef(call)
      // a registry package's functions have no summary to link: on a real repo most imported calls are such
      if (!callee || !this.analysis.context.mayResolve(callee.spec)) continue
      const args = call.arguments.map((arg, argIndex) => this.analysis.evaluate(arg).flatMap((h) => {
        if (h.origin.kind === 'param') {
          const fn = h.origin.binding.fn
          const list = this.forwardsByFunction!.get(fn) ?? []
          list.push({ param: h.origin.binding.index, read: h.read ?? [], callee, argIndex, path: h.path })
          this.forwardsByFunction!.set(fn, list)
          return []
        }
        const r = this.recorded(h)
        return r ? [{ hit: r, path: h.path }] : []
      }))
      if (args.some((a) => a.length > 0)) out.push({ location: this.analysis.context.locate(call), nonShipped: this.nonShipped, callee, args })
    }
    return out
  }

  /** The imported function a call calls: `fn(…)` of an import, or `ns.fn(…)` of a namespace import or a require. */
  private calleeRef(call: ts.CallExpression): CallSiteRecord['callee'] | undefined {
    const b = this.analysis.bindings
    const callee = call.expression
    const direct = b.importOf(callee)
    if (direct) return { importer: this.file, spec: direct.module, imported: direct.imported, local: direct.name }
    if (ts.isPropertyAccessExpression(callee)) {
      const ns = b.importOf(callee.expression)
      if (ns && (ns.imported === '*' || ns.via === 'require')) return { importer: this.file, spec: ns.module, imported: callee.name.text, local: `${ns.name}.${callee.name.text}` }
    }
    return undefined
  }

  /** The file's exports that matter to other modules (after `callSites`): loggers, values that carry something, function summaries, re-exports. */
  exports(): ModuleExports {
    const a = this.analysis
    const out: ModuleExports = { loggers: new Map(), clients: new Map(), values: new Map(), functions: new Map(), reexports: new Map(), stars: [...a.bindings.reexportedModules] }
    for (const [name, exported] of a.bindings.exports) {
      if (exported.kind === 're-export') {
        out.reexports.set(name, { spec: exported.module, imported: exported.imported })
        continue
      }
      const binding = exported.kind === 'local' ? exported.binding : undefined
      const fn = FlowAnalysis.functionOfBinding(binding)
      const expression = exported.kind === 'expression' ? exported.expression : binding?.kind === 'var' && binding.path.length === 0 ? binding.init : undefined
      const direct = expression && (ts.isFunctionExpression(expression) || ts.isArrowFunction(expression)) ? expression : undefined
      const summary = this.summary(fn ?? direct)
      if (summary) out.functions.set(name, summary)
      if (!expression || fn || direct) continue
      const logger = this.finder.loggerRef(expression)
      if (logger && logger.origin !== 'name') out.loggers.set(name, logger)
      const client = this.finder.clientOf(expression)
      if (client) out.clients.set(name, client)
      const held = a.evaluate(expression).flatMap((h) => {
        const r = this.recorded(h)
        return r ? [{ hit: r, path: h.path }] : []
      })
      if (held.length > 0) out.values.set(name, held)
    }
    return out
  }

  /** What a function returns and which of its parameters reach a sink or another module's function; undefined when nothing. */
  private summary(fn: FunctionLike | undefined): FunctionSummary | undefined {
    if (!fn) return undefined
    const a = this.analysis
    const returns: SummaryHit[] = []
    for (const value of a.returns.get(fn) ?? []) {
      for (const h of a.evaluate(value)) {
        const r = this.recorded(h, fn)
        if (r) returns.push(r)
      }
    }
    const sinks = (this.helpers.get(fn) ?? []).map((h) => ({
      param: h.index, read: h.read, pathInSink: h.pathInSink, argIndex: h.argIndex,
      sink: sinkInfo(h.sink),
    }))
    const forwards = this.forwardsByFunction?.get(fn) ?? []
    return returns.length || sinks.length || forwards.length ? { returns, sinks, forwards } : undefined
  }
}

// After the walk: the files' flow records joined across modules. An imported value is looked up in its module's
// exports, a call into another module in its function summary (what it returns, which parameters reach a sink there),
// re-exports and `export *` followed, imports resolved by the repo's own configuration (src/detect/modules.ts).
import type { FinishContext } from '../contracts.js'
import type { CallSiteRecord, FunctionSummary, ModuleExports, SinkInfo, SinkRecord, SummaryHit } from './propagate.js'
import type { ClientRef, LoggerRef } from './sinks.js'
import { below, narrow, type ImportRef, type RecordedHit, type SourceInfo } from './values.js'

/** What the files of a run leave for the join: their sinks, calls into other modules, and their exports. */
export interface FlowState {
  modules: Map<string, ModuleExports>
  sinks: SinkRecord[]
  callSites: CallSiteRecord[]
}

/** A source as it reaches a sink: where it came from, and the file it came from when that is another module. */
export interface ResolvedSource {
  source: SourceInfo & { file?: string }
  path: string[] | null
}

/** A sink inside another module that a call site's argument reaches, and how. */
export interface ParamSink {
  param: number
  read: string[]
  pathInSink: string[] | null
  argIndex: number
  sink: SinkInfo
}

const MAX_DEPTH = 8
const NO_EXPORTS: ModuleExports = { loggers: new Map(), clients: new Map(), values: new Map(), functions: new Map(), reexports: new Map(), stars: [] }

export class Linker {
  private readonly summaries = new Map<string, ParamSink[]>()

  constructor(private readonly state: FlowState, private readonly context: FinishContext) {}

  /** The walked module an import names. */
  private moduleOf(ref: ImportRef): string | undefined {
    const file = this.context.resolve(ref.importer, ref.spec)
    return file !== undefined && this.context.walked.has(file) ? file : undefined
  }

  /** The module and name an export stands for, through `export { a as b } from` and `export * from`. */
  private exported(file: string, name: string, depth = 0, seen = new Set<string>()): { file: string; name: string; exports: ModuleExports } | undefined {
    if (depth > MAX_DEPTH || seen.has(`${file}#${name}`)) return undefined
    seen.add(`${file}#${name}`)
    const exports = this.state.modules.get(file) ?? NO_EXPORTS
    if (exports.values.has(name) || exports.functions.has(name) || exports.loggers.has(name) || exports.clients.has(name)) return { file, name, exports }
    const re = exports.reexports.get(name)
    if (re) {
      const next = this.moduleOf({ importer: file, spec: re.spec, imported: re.imported })
      return next ? this.exported(next, re.imported, depth + 1, seen) : undefined
    }
    for (const spec of exports.stars) {
      const next = this.moduleOf({ importer: file, spec, imported: name })
      const found = next && this.exported(next, name, depth + 1, seen)
      if (found) return found
    }
    return undefined
  }

  private lookup(ref: ImportRef): { file: string; name: string; exports: ModuleExports } | undefined {
    const file = this.moduleOf(ref)
    return file ? this.exported(file, ref.imported) : undefined
  }

  /** Whether a logger is one (an imported one is looked up in its module), and its redaction. */
  resolveLogger(ref: LoggerRef, depth = 0): { accepted: boolean; redact?: string[] } {
    if (ref.origin !== 'import' || !ref.ref) return { accepted: true, redact: ref.redact }
    const found = this.lookup(ref.ref)
    const exported = found?.exports.loggers.get(found.name)
    if (exported && depth < 4) {
      const inner = this.resolveLogger(exported, depth + 1)
      if (inner.accepted) return inner
    }
    return { accepted: ref.nameLike === true }
  }

  /** The vendor a call on an imported client sends to: the client its module exports, if it is one of the call's vendors. */
  resolveClient(client: ClientRef): string | undefined {
    const found = this.lookup(client.ref)
    const vendor = found?.exports.clients.get(found.name)
    return vendor !== undefined && client.vendors.includes(vendor) ? vendor : undefined
  }

  /** The sources a recorded hit stands for, with where each sits in the value the hit describes. */
  sourcesOf(hit: RecordedHit, depth = 0): ResolvedSource[] {
    if (hit.source) return [{ source: hit.source, path: hit.path }]
    if (depth > MAX_DEPTH) return []
    if (hit.importRef) return this.importedSources(hit.importRef, hit.path, depth)
    if (hit.callRef) return this.returnedSources(hit.callRef, hit.path, depth)
    return []
  }

  /** `settings.llm` of `export const settings = { llm: process.env.OPENAI_API_KEY }` in another module. */
  private importedSources(ref: ImportRef & { local: string; read: string[] }, at: string[] | null, depth: number): ResolvedSource[] {
    const found = this.lookup(ref)
    const out: ResolvedSource[] = []
    for (const held of found?.exports.values.get(found.name) ?? []) {
      for (const s of this.sourcesOf(held.hit, depth + 1)) {
        // `config.port` of `export const config = { port, apiKey }` is not the key
        const inside = narrow(s.path, ref.read)
        if (inside === undefined) continue
        const constant = s.source.kind === 'constant'
        const source = { ...s.source, kind: 'constant', name: [ref.local, ...ref.read].join('.'), origin: constant ? s.source.origin : `${s.source.origin ?? s.source.name} in ${found!.file}` }
        out.push({ source, path: below(at, inside) })
      }
    }
    return out
  }

  /** What a call into another module returns: the function's own sources, and what the caller's arguments carried. */
  private returnedSources(ref: NonNullable<RecordedHit['callRef']>, at: string[] | null, depth: number): ResolvedSource[] {
    const found = this.lookup(ref)
    const summary = found?.exports.functions.get(found.name)
    if (!found || !summary) return []
    const out: ResolvedSource[] = []
    const keep = (s: ResolvedSource, inReturn: string[] | null) => {
      const inside = narrow(inReturn, ref.read)
      if (inside === undefined) return
      const source = s.source.file || s.source.kind === 'constant' ? s.source : { ...s.source, file: found.file }
      out.push({ source, path: below(at, inside) })
    }
    for (const r of summary.returns) {
      if (r.param) {
        for (const arg of ref.args[r.param.index] ?? []) {
          for (const s of this.sourcesOf(arg.hit, depth + 1)) {
            const inside = narrow(s.path, r.param.read)
            if (inside !== undefined) keep(s, below(r.path, inside))
          }
        }
      } else {
        for (const s of this.sourcesOf(r as RecordedHit, depth + 1)) keep(s, s.path)
      }
    }
    return out
  }

  /** The sinks inside an imported function that its parameters reach, through the functions it passes them to as well. */
  paramSinks(callee: ImportRef & { local: string }, depth = 0): Array<ParamSink & { file: string }> {
    const found = this.lookup(callee)
    const summary: FunctionSummary | undefined = found?.exports.functions.get(found.name)
    if (!found || !summary || depth > MAX_DEPTH) return []
    const out: Array<ParamSink & { file: string }> = summary.sinks.map((s) => ({ ...s, file: found.file }))
    for (const f of summary.forwards) {
      for (const inner of this.paramSinks(f.callee, depth + 1)) {
        if (inner.param !== f.argIndex) continue
        // the part of our parameter that lands in the inner function's parameter
        const seen = narrow(f.path, inner.read)
        if (seen === undefined) continue
        const via = inner.sink.via ? `${f.callee.local}() → ${inner.sink.via}` : `${f.callee.local}()`
        out.push({ param: f.param, read: f.read, pathInSink: below(inner.pathInSink, seen), argIndex: inner.argIndex, sink: { ...inner.sink, via }, file: inner.file })
      }
    }
    return out
  }

  /** The sink records a call into another module makes: each of its arguments that reaches a sink inside that module. */
  callSiteRecords(site: CallSiteRecord): SinkRecord[] {
    const records: SinkRecord[] = []
    for (const ps of this.paramSinks(site.callee)) {
      const hits: SinkRecord['hits'] = []
      for (const { hit } of site.args[ps.param] ?? []) {
        const seen = narrow(hit.path, ps.read)
        if (seen === undefined) continue
        hits.push({ ...hit, path: below(ps.pathInSink, seen), argIndex: ps.argIndex })
      }
      if (hits.length === 0) continue
      const via = ps.sink.via ? `${site.callee.local}() → ${ps.sink.via}` : `${site.callee.local}()`
      records.push({ ...ps.sink, via, location: site.location, nonShipped: site.nonShipped, hits })
    }
    return records
  }
}

export type { SummaryHit }

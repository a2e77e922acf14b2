// What a flow detector does around the engine, the same for every source model: leave each file's records in the
// run's state, and after the walk visit every source that reaches a sink, across modules, through loggers that log
// and past the paths a logger redacts.
import type { FinishContext } from '../contracts.js'
import { Linker, type FlowState, type ResolvedSource } from './link.js'
import type { Propagation, SinkRecord } from './propagate.js'
import { redactCovers } from './sinks.js'

/** The run's flow state in a detector's share. */
export function flowState(shared: Map<string, unknown>): FlowState {
  let state = shared.get('state') as FlowState | undefined
  if (!state) {
    state = { modules: new Map(), sinks: [], callSites: [] }
    shared.set('state', state)
  }
  return state
}

/** A file's sinks, calls into other modules and exports, kept for the join after the walk. */
export function keepFileFlows(shared: Map<string, unknown>, file: string, propagation: Propagation): void {
  const sinks = propagation.sinks()
  const callSites = propagation.callSites()
  const exports = propagation.exports()
  // most files export nothing that carries a source, write nothing and call nothing that could: they leave the run's
  // state untouched
  const exporting = exports.loggers.size > 0 || exports.clients.size > 0 || exports.values.size > 0 || exports.functions.size > 0 || exports.reexports.size > 0 || exports.stars.length > 0
  if (!exporting && sinks.length === 0 && callSites.length === 0) return
  const state = flowState(shared)
  if (exporting) state.modules.set(file, exports)
  state.sinks.push(...sinks)
  state.callSites.push(...callSites)
}

/**
 * Every source that reaches a sink, once per sink and `key`: direct sinks and the parameter sinks of other modules'
 * functions at their call sites, through loggers that log, past the paths a pino logger redacts.
 */
export function eachLinkedFlow(shared: Map<string, unknown>, context: FinishContext, key: (shown: string, source: ResolvedSource['source']) => string,
  visit: (record: SinkRecord, source: ResolvedSource['source'], shown: string) => void): void {
  const state = flowState(shared)
  const linker = new Linker(state, context)
  const records: SinkRecord[] = [...state.sinks, ...state.callSites.flatMap((site) => linker.callSiteRecords(site))]
  for (let record of records) {
    // a call on a client another module exports: a vendor sink once that module's client is known
    if (record.client) {
      const vendor = linker.resolveClient(record.client)
      if (vendor === undefined) continue
      record = { ...record, vendor }
    }
    const logger = record.logger ? linker.resolveLogger(record.logger) : { accepted: true }
    if (!logger.accepted) continue
    const seen = new Set<string>()
    for (const hit of record.hits) {
      for (const { source, path } of linker.sourcesOf(hit)) {
        // pino censors these paths of the logged object: `{ apiKey }` is written as [redacted]
        if (logger.redact && hit.argIndex === 0 && path && path.length > 0 && redactCovers(logger.redact, path)) continue
        const shown = path && path.length > 0 ? path.join('.') : source.name
        const k = key(shown, source)
        if (seen.has(k)) continue
        seen.add(k)
        visit(record, source, shown)
      }
    }
  }
}

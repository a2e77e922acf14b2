// Secrets that reach a log, an error report or a thrown error's message: the flow engine (src/detect/flow/) with the
// secret source model and the log sink models. Within a file the engine follows values through assignments,
// destructuring, templates, objects, the file's own functions and the library calls the propagation models name;
// across files it joins what each file exports (loggers, values, function summaries) after the walk, so a decrypted
// secret returned by a helper of one module and logged by another module's caller through a third module's logger is
// found. pino `redact` paths are honoured. Each decrypt call is also evidence of its own (a `secret` decrypt site), which
// the `secret-logged` check uses to confirm a "never logged" promise.
import type { CodeDetector, LocatedEvidenceInput } from '../contracts.js'
import { FlowAnalysis } from '../flow/analysis.js'
import { compiledModels } from '../flow/compiled.js'
import { Linker, type FlowState, type ResolvedSource } from '../flow/link.js'
import { Propagation, type SinkRecord } from '../flow/propagate.js'
import { redactCovers, SinkFinder } from '../flow/sinks.js'
import { secretSources } from '../flow/secret-sources.js'
import { short } from '../flow/values.js'

export const SECRET_FLOW_DETECTOR = 'secret-flow'

function flowState(shared: Map<string, unknown>): FlowState {
  let state = shared.get('state') as FlowState | undefined
  if (!state) {
    state = { modules: new Map(), sinks: [], callSites: [] }
    shared.set('state', state)
  }
  return state
}

export const secretFlowDetector: CodeDetector = {
  id: SECRET_FLOW_DETECTOR,
  create(context) {
    const model = secretSources(context.catalog)
    const models = compiledModels(context.catalog)
    const analysis = new FlowAnalysis(context, model, models)
    return {
      visitors: analysis.visitors(),
      end() {
        const finder = new SinkFinder(context.bindings, models, context.file.path, (n) => analysis.text(n))
        const propagation = new Propagation(analysis, finder)
        const sinks = propagation.sinks()
        const callSites = propagation.callSites()
        const exports = propagation.exports()
        // most files export nothing that carries a secret, log nothing and call nothing that could: they leave the
        // run's state untouched
        const exporting = exports.loggers.size > 0 || exports.values.size > 0 || exports.functions.size > 0 || exports.reexports.size > 0 || exports.stars.length > 0
        if (exporting || sinks.length > 0 || callSites.length > 0) {
          const state = flowState(context.shared)
          if (exporting) state.modules.set(context.file.path, exports)
          state.sinks.push(...sinks)
          state.callSites.push(...callSites)
        }
        if (!model.mayDecrypt(context.text)) return
        for (const call of analysis.calls) {
          if (!model.isDecryptCall(call, context.bindings)) continue
          context.emit({ kind: 'secret', value: `${short(analysis.text(call.expression), 40)}(…)`, reason: 'decrypt-call', node: call, data: { role: 'decrypt-site' } })
        }
      },
    }
  },
  finish(shared, emit, context) {
    const state = flowState(shared)
    const linker = new Linker(state, context)
    const records: SinkRecord[] = [...state.sinks, ...state.callSites.flatMap((site) => linker.callSiteRecords(site))]
    for (const record of records) {
      const logger = record.logger ? linker.resolveLogger(record.logger) : { accepted: true }
      if (!logger.accepted) continue
      const seen = new Set<string>()
      for (const hit of record.hits) {
        for (const { source, path } of linker.sourcesOf(hit)) {
          // pino censors these paths of the logged object: `{ apiKey }` is written as [redacted]
          if (logger.redact && hit.argIndex === 0 && path && path.length > 0 && redactCovers(logger.redact, path)) continue
          const shown = path && path.length > 0 ? path.join('.') : source.name
          const key = `${shown}|${source.origin ?? ''}`
          if (seen.has(key)) continue
          seen.add(key)
          emit(evidenceOf(record, source, shown))
        }
      }
    }
  },
}

function evidenceOf(record: SinkRecord, source: ResolvedSource['source'], shown: string): LocatedEvidenceInput {
  return {
    kind: 'log-call',
    value: `${shown} → ${record.display}`,
    reason: 'secret-reaches-sink',
    location: record.location,
    ...(record.nonShipped ? { nonShipped: true } : {}),
    data: {
      secret: shown,
      source: source.kind,
      category: source.category,
      ...(source.origin ? { origin: source.origin } : {}),
      ...(source.name !== shown ? { from: source.name } : {}),
      sourceLine: source.line,
      ...(source.file ? { sourceFile: source.file } : {}),
      sink: record.display,
      sinkKind: record.kind,
      ...(record.via ? { via: record.via } : {}),
    },
  }
}

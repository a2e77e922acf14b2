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
import type { ResolvedSource } from '../flow/link.js'
import { Propagation, type SinkRecord } from '../flow/propagate.js'
import { eachLinkedFlow, keepFileFlows } from '../flow/run.js'
import { SinkFinder } from '../flow/sinks.js'
import { secretSources } from '../flow/secret-sources.js'
import { short } from '../flow/values.js'

export const SECRET_FLOW_DETECTOR = 'secret-flow'

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
        keepFileFlows(context.shared, context.file.path, new Propagation(analysis, finder))
        if (!model.mayDecrypt(context.text)) return
        for (const call of analysis.calls) {
          if (!model.isDecryptCall(call, context.bindings)) continue
          context.emit({ kind: 'secret', value: `${short(analysis.text(call.expression), 40)}(…)`, reason: 'decrypt-call', node: call, data: { role: 'decrypt-site' } })
        }
      },
    }
  },
  finish(shared, emit, context) {
    eachLinkedFlow(shared, context, (shown, source) => `${shown}|${source.origin ?? ''}`, (record, source, shown) => emit(evidenceOf(record, source, shown)))
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

// Personal data that reaches a vendor SDK call or a log: the flow engine (src/detect/flow/) with the personal data
// source model (data/categories.yaml) and the vendor `sends:` models beside the log sink models. Values are followed
// as for secret-flow — through assignments, objects, templates, the file's helpers and, after the walk, other modules'
// exports — so `posthog.identify(user.id, { email: user.email })` and a helper in another module that logs the email
// it is given are both found. Arguments that carry a category by their role (an email API's `to`, an LLM call's
// `messages`) are data flows whatever their name.
import { ts } from 'ts-morph'
import { property } from '../bindings.js'
import type { CodeDetector, LocatedEvidenceInput } from '../contracts.js'
import { FlowAnalysis } from '../flow/analysis.js'
import { compiledModels } from '../flow/compiled.js'
import { DataSinkFinder, sendModels } from '../flow/data-sinks.js'
import type { ResolvedSource } from '../flow/link.js'
import { personalSources } from '../flow/personal-sources.js'
import { Propagation, type SinkRecord } from '../flow/propagate.js'
import { eachLinkedFlow, keepFileFlows } from '../flow/run.js'
import { short } from '../flow/values.js'

export const DATA_FLOW_DETECTOR = 'data-flow'

export const dataFlowDetector: CodeDetector = {
  id: DATA_FLOW_DETECTOR,
  create(context) {
    const model = personalSources()
    const models = compiledModels(context.catalog)
    const analysis = new FlowAnalysis(context, model, models)
    return {
      visitors: analysis.visitors(),
      end() {
        const finder = new DataSinkFinder(context.bindings, models, sendModels(context.catalog), context.file.path, (n) => analysis.text(n), context.catalog, (spec) => context.mayResolve(spec))
        keepFileFlows(context.shared, context.file.path, new Propagation(analysis, finder))
        // `resend.emails.send({ to })`: the recipient is an email address, whatever the variable is called
        for (const { sink, sends, path } of finder.vendorCalls) {
          for (const nature of sends.natures) {
            if (nature.call !== path) continue
            let arg: ts.Expression | undefined = sink.args[nature.argument]
            if (arg && nature.property) arg = ts.isObjectLiteralExpression(arg) ? property(arg, nature.property) : undefined
            if (!arg || ts.isStringLiteralLike(arg)) continue
            // a value whose name already says so is reported as such
            if (analysis.evaluate(arg).some((h) => h.origin.kind === 'source' && h.origin.source.category === nature.category)) continue
            const name = short(analysis.text(arg), 40)
            const line = context.locate(arg).line
            context.emit({
              kind: 'data-flow', value: `${name} → ${sink.display}`, vendor: sends.vendor, reason: 'data-reaches-vendor', node: sink.call,
              data: { category: nature.category, name, source: 'nature', sourceLine: line, sink: sink.display, sinkKind: 'vendor' },
            })
          }
        }
      },
    }
  },
  finish(shared, emit, context) {
    eachLinkedFlow(shared, context, (shown, source) => `${shown}|${source.category}`, (record, source, shown) => emit(evidenceOf(record, source, shown)))
  },
}

function evidenceOf(record: SinkRecord, source: ResolvedSource['source'], shown: string): LocatedEvidenceInput {
  const sinkKind = record.kind === 'storage' ? 'storage' : record.vendor !== undefined ? 'vendor' : 'log'
  return {
    kind: 'data-flow',
    value: `${shown} → ${record.display}`,
    reason: `data-reaches-${sinkKind}`,
    location: record.location,
    ...(record.vendor ? { vendor: record.vendor } : {}),
    ...(record.nonShipped ? { nonShipped: true } : {}),
    data: {
      category: source.category,
      name: shown,
      ...(source.name !== shown ? { from: source.name } : {}),
      source: source.kind,
      sourceLine: source.line,
      ...(source.file ? { sourceFile: source.file } : {}),
      sink: record.display,
      sinkKind,
      ...(record.via ? { via: record.via } : {}),
    },
  }
}

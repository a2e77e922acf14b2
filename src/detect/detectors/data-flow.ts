// Personal data that reaches a vendor SDK call or a log: the flow engine (src/detect/flow/) with the personal data
// source model (data/categories.yaml) and the vendor `sends:` models beside the log sink models. Values are followed
// as for secret-flow — through assignments, objects, templates, the file's helpers and, after the walk, other modules'
// exports — so `posthog.identify(user.id, { email: user.email })` and a helper in another module that logs the email
// it is given are both found. Arguments that carry a category by their role (an email API's `to`, an LLM call's
// `messages`) are data flows whatever their name.
import { ts } from 'ts-morph'
import { isEnvObject, unwrap } from '../../syntax/ast.js'
import { property, type Bindings } from '../bindings.js'
import type { CodeDetector, LocatedEvidenceInput } from '../contracts.js'
import { FlowAnalysis } from '../flow/analysis.js'
import { compiledModels } from '../flow/compiled.js'
import { DataSinkFinder, sendModels } from '../flow/data-sinks.js'
import type { ResolvedSource } from '../flow/link.js'
import { personalSources, SUBMITTED } from '../flow/personal-sources.js'
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
            const arg = natureArgument(sink.args[nature.argument], nature.property, context.bindings)
            if (!arg || fixed(arg, context.bindings)) continue
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
    eachLinkedFlow(shared, context, (shown, source) => `${shown}|${source.category}`, (record, source, shown) => {
      // what a store keeps of a submission is read from its columns and the fields written by name, not the whole body
      if (record.kind === 'storage' && source.category === SUBMITTED) return
      emit(evidenceOf(record, source, shown))
    })
  },
}

/**
 * The value a nature names: the argument, or the property at a dotted path inside it (`Destination.ToAddresses`). An
 * argument named whole is the datum itself (`generateContent(prompt)`), so an object literal there is not one.
 */
function natureArgument(arg: ts.Expression | undefined, path: string | undefined, bindings: Bindings): ts.Expression | undefined {
  if (!arg || !path) return arg && !ts.isObjectLiteralExpression(unwrap(arg)) ? arg : undefined
  let cur: ts.Expression | undefined = arg
  for (const key of path.split('.')) cur = cur && property(bindings.object(cur), key)
  return cur
}

/**
 * A value the code fixes itself — a literal, a constant, an env var, a list or object of them, a fallback between
 * them (`to: process.env.SUPPORT_EMAIL ?? 'ops@example.com'`): the product's own address or prompt, nobody's data.
 */
function fixed(expr: ts.Expression, bindings: Bindings, depth = 0): boolean {
  if (depth > 4) return false
  const e = bindings.follow(expr)
  if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e)) return true
  if (ts.isPropertyAccessExpression(e)) return isEnvObject(unwrap(e.expression))
  if (ts.isArrayLiteralExpression(e)) return e.elements.every((x) => fixed(x, bindings, depth + 1))
  if (ts.isObjectLiteralExpression(e)) {
    return e.properties.every((p) => (ts.isPropertyAssignment(p) ? fixed(p.initializer, bindings, depth + 1) : ts.isShorthandPropertyAssignment(p) && fixed(p.name, bindings, depth + 1)))
  }
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    return fixed(e.left, bindings, depth + 1) && fixed(e.right, bindings, depth + 1)
  }
  return false
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

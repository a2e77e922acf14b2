// Session replay turned on: the vendor records what the screen shows, whatever the person typed or reads there, so it
// receives user content. Sentry's `replaysSessionSampleRate` / `replaysOnErrorSampleRate` above 0 and its replay
// integration (`Sentry.replayIntegration()`), PostHog's `disable_session_recording: false`, in the options of an
// SDK's init: a `data-flow` of `user.content` to that vendor.
import { ts } from 'ts-morph'
import { unwrap } from '../../syntax/ast.js'
import type { CodeContext, CodeDetector } from '../contracts.js'

/** Options that turn replay on, and the value that does: a number above 0, or `false` for a `disable_…` option. */
const OPTIONS: Record<string, 'positive' | 'false'> = {
  replaysSessionSampleRate: 'positive', replaysOnErrorSampleRate: 'positive', disable_session_recording: 'false',
}
const INTEGRATIONS = new Set(['replayIntegration', 'Replay'])

/** The vendor whose SDK a call or `new` belongs to: its callee's root import, matched in the catalog. */
function vendorOf(node: ts.CallExpression | ts.NewExpression, context: CodeContext): string | undefined {
  let callee = unwrap(node.expression)
  while (ts.isPropertyAccessExpression(callee)) callee = unwrap(callee.expression)
  const imported = context.bindings.importOf(callee)
  return imported ? context.catalog.matchPackage(imported.module)?.vendor.id : undefined
}

export const sessionReplayDetector: CodeDetector = {
  id: 'session-replay',
  create(context) {
    if (!/replay|session_recording/i.test(context.text)) return { visitors: {} }
    const emit = (node: ts.Node, vendor: string, how: string) => context.emit({
      kind: 'data-flow', value: `session replay → ${how}`, vendor, reason: 'session-replay', node,
      data: { category: 'user.content', name: 'session replay', source: 'session-replay', sourceLine: context.locate(node).line, sink: how, sinkKind: 'vendor' },
    })
    return {
      visitors: {
        PropertyAssignment: (node) => {
          const p = node as ts.PropertyAssignment
          const key = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : undefined
          const wants = key ? OPTIONS[key] : undefined
          if (!wants) return
          const value = context.bindings.number(p.initializer) ?? context.bindings.boolean(p.initializer)
          if (wants === 'positive' ? !(typeof value === 'number' && value > 0) : value !== false) return
          // the options object of an SDK's init call: Sentry.init({ … }), posthog.init(key, { … })
          const call = p.parent?.parent
          if (!call || !(ts.isCallExpression(call) || ts.isNewExpression(call))) return
          const vendor = vendorOf(call, context)
          if (vendor) emit(p, vendor, key!)
        },
        CallExpression: (node) => {
          const call = node as ts.CallExpression
          const callee = unwrap(call.expression)
          const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined
          if (!name || !INTEGRATIONS.has(name)) return
          const vendor = vendorOf(call, context)
          if (vendor) emit(call, vendor, `${name}()`)
        },
      },
    }
  },
}

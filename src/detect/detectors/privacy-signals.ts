// Code that honours a privacy signal: reads `navigator.doNotTrack` / `navigator.globalPrivacyControl`, the `DNT` or
// `Sec-GPC` request header, or sets an analytics SDK's option that does (PostHog `respect_dnt: true`). The
// dnt-claim-unsupported check needs one of these wherever a policy promises to honour the signal.
import { ts } from 'ts-morph'
import type { CodeDetector } from '../contracts.js'
import type { PrivacySignalData } from '../../types/index.js'

const NAVIGATOR: Record<string, PrivacySignalData['signal']> = { doNotTrack: 'dnt', msDoNotTrack: 'dnt', globalPrivacyControl: 'gpc' }
const HEADERS: Record<string, PrivacySignalData['signal']> = { dnt: 'dnt', 'sec-gpc': 'gpc' }
/** SDK options that make it honour the browser's Do Not Track setting, when set to true. */
const OPTIONS: Record<string, PrivacySignalData['signal']> = { respect_dnt: 'dnt', respectDnt: 'dnt', respectDoNotTrack: 'dnt', honorDNT: 'dnt' }

export const privacySignalsDetector: CodeDetector = {
  id: 'privacy-signals',
  create(context) {
    const text = context.text
    // every name below holds one of these, in some case (respectDoNotTrack, honorDNT, Sec-GPC)
    if (!/donottrack|globalprivacycontrol|dnt|gpc/i.test(text)) return { visitors: {} }
    const emit = (node: ts.Node, value: string, data: PrivacySignalData) => context.emit({ kind: 'privacy-signal', value, reason: `reads-${data.signal}`, node, data })
    return {
      visitors: {
        PropertyAccessExpression: (node) => {
          const name = (node as ts.PropertyAccessExpression).name.text
          const signal = NAVIGATOR[name]
          if (signal) emit(node, name, { signal, how: 'navigator' })
        },
        StringLiteral: (node) => {
          const value = (node as ts.StringLiteral).text.toLowerCase()
          const signal = HEADERS[value]
          const parent = node.parent
          // headers.get('dnt'), req.header('DNT'), req.headers['sec-gpc']
          const read = parent && ((ts.isCallExpression(parent) && parent.arguments[0] === node) || (ts.isElementAccessExpression(parent) && parent.argumentExpression === node))
          if (signal && read) emit(node, (node as ts.StringLiteral).text, { signal, how: 'header' })
        },
        PropertyAssignment: (node) => {
          const p = node as ts.PropertyAssignment
          const key = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : undefined
          const signal = key ? OPTIONS[key] : undefined
          if (signal && p.initializer.kind === ts.SyntaxKind.TrueKeyword) emit(node, key!, { signal, how: 'sdk-option' })
        },
      },
    }
  },
}

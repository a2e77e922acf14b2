// Personal-data evidence and claims as the detectors and the policy parser make them, for the personal-data checks.
import type { Claim, DataFlowData, Evidence, PrivacySignalData } from '../../src/types/index.js'
import { ev } from './check-tester.js'

/** A value reaching a vendor call (with `vendor`) or a log (without). */
export function dataFlow(category: string, name: string, vendor: string | undefined, file = 'src/app.ts', line = 10, extra: Partial<DataFlowData> & { nonShipped?: boolean } = {}): Evidence {
  const { nonShipped, ...data } = extra
  const d: DataFlowData = { category, name, source: 'name', sourceLine: line, sink: vendor ? `${vendor}.identify` : 'logger.info', sinkKind: vendor ? 'vendor' : 'log', ...data }
  return ev('data-flow', `${name} → ${d.sink}`, vendor, file, line, { detector: 'data-flow', data: d, ...(nonShipped ? { nonShipped } : {}) })
}

/** A field the product's own form or input schema asks for (the collected-fields detector's evidence). */
export function collected(category: string, name: string, file = 'app/signup/page.tsx', line = 12, sink = '<input>'): Evidence {
  return ev('data-flow', `${name} → ${sink}`, undefined, file, line, { detector: 'collected-fields', data: { category, name, source: 'declared', sourceLine: line, sink, sinkKind: 'collected' } satisfies DataFlowData })
}

export function signal(data: PrivacySignalData, file = 'src/app.ts', line = 3): Evidence {
  return ev('privacy-signal', data.signal, undefined, file, line, { detector: 'privacy-signals', data })
}

type DataClaim<S extends string> = Extract<Claim, { kind: 'data'; subject: S }>

export function dataClaim<S extends DataClaim<string>['subject']>(subject: S, data: DataClaim<S>['data'], extra: { vendor?: string; line?: number; polarity?: 'affirm' | 'deny'; quote?: string } = {}): Claim {
  const line = extra.line ?? 20
  return { kind: 'data', subject, polarity: extra.polarity ?? 'affirm', section: [], quote: extra.quote ?? `${subject}.`, line, endLine: line, ...(extra.vendor ? { vendor: extra.vendor } : {}), data } as Claim
}

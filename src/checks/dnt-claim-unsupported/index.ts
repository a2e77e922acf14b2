// dnt-claim-unsupported: the policy says the product honours Do Not Track or Global Privacy Control, an analytics or
// advertising SDK runs in the browser, and no code reads the signal (`navigator.doNotTrack`,
// `navigator.globalPrivacyControl`, the `DNT` / `Sec-GPC` headers) or sets an SDK option that does (`respect_dnt`).
import { defineCheck } from '../types.js'
import type { ClaimAbout, Location } from '../../types/index.js'

type DntPromise = ClaimAbout<'data', 'do-not-track'>
const TRACKING = new Set(['analytics', 'ads'])

export const dntClaimUnsupported = defineCheck({
  meta: {
    id: 'dnt-claim-unsupported',
    description: 'The policy promises to honour Do Not Track or Global Privacy Control, and browser analytics or ads run without any code reading the signal.',
    defaultSeverity: 'error',
    evidence: ['privacy-signal', 'import', 'script'],
    claims: ['data'],
    needsPolicy: true,
  },
  run({ evidence, claims, catalog, policy, report, confirm }) {
    const promises = claims.filter((c): c is DntPromise => c.subject === 'do-not-track' && c.polarity === 'affirm')
    if (promises.length === 0) return
    const signals = evidence.filter((e) => e.kind === 'privacy-signal' && !e.nonShipped)
    // an SDK in the browser: a browser package of an analytics or ads vendor imported, or its script loaded
    const browser = evidence.filter((e) => {
      if (e.nonShipped || !e.vendor) return false
      const vendor = catalog.get(e.vendor)
      if (!vendor || !TRACKING.has(vendor.category)) return false
      return e.kind === 'script' || (e.kind === 'import' && vendor.browserPackages.some((p) => e.value === p || e.value.startsWith(`${p}/`)))
    })
    for (const promise of promises) {
      const honoured = signals.filter((e) => e.kind === 'privacy-signal' && promise.data.signals.includes(e.data.signal))
      if (honoured.length > 0) {
        confirm(promise, honoured.map((e) => e.location))
        continue
      }
      const byVendor = new Map<string, Location[]>()
      for (const e of browser) byVendor.set(e.vendor!, [...(byVendor.get(e.vendor!) ?? []), e.location])
      const names = promise.data.signals.map((s) => (s === 'dnt' ? 'Do Not Track' : 'Global Privacy Control')).join(' or ')
      for (const [vendor, uses] of byVendor) {
        report({
          vendor,
          message: `${catalog.get(vendor)?.name ?? vendor} runs in the browser (${uses[0].file}:${uses[0].line}), but no code reads ${names}, though ${policy?.path ?? 'the policy'} promises to honour it; check the signal before loading it, or set its option (PostHog \`respect_dnt: true\`).`,
          locations: uses,
          claim: promise,
          key: promise.data.signals.join(','),
        })
      }
    }
  },
})

// vendor-data-mismatch: a vendor SDK call sends a data category beyond what the policy says that vendor receives
// ("PostHog collects: page views, device information, IP address" against `posthog.identify(id, { email })`), or an
// identifying category where the policy calls that vendor's data, or its analytics, anonymous. A user id is what an
// analytics tool keys events on: it is beyond a vendor's list only under an anonymous promise.
import { defineCheck } from '../types.js'
import { anonymousClaimFor, coveredBy, describeCall, describeData, isIdentifying, labelOf } from '../../model/data.js'
import type { ClaimAbout, DataFlowEvidence } from '../../types/index.js'

type VendorData = ClaimAbout<'data', 'vendor-data'>
type Anonymous = ClaimAbout<'data', 'anonymous-data'>

const PSEUDONYMOUS_ID = 'user.unique_id'

export const vendorDataMismatch = defineCheck({
  meta: {
    id: 'vendor-data-mismatch',
    description: 'A vendor receives personal data beyond what the policy says it receives, or identifying data the policy calls anonymous.',
    defaultSeverity: 'error',
    evidence: ['data-flow'],
    claims: ['data'],
    needsPolicy: true,
  },
  run({ evidence, claims, catalog, policy, report, confirm }) {
    const lists = claims.filter((c): c is VendorData => c.subject === 'vendor-data')
    const anonymous = claims.filter((c): c is Anonymous => c.subject === 'anonymous-data')
    const policyName = policy?.path ?? 'the policy'
    const vendorName = (id: string) => catalog.get(id)?.name ?? id
    const within = new Map<VendorData, DataFlowEvidence[]>()
    const anonymousKept = new Map<Anonymous, DataFlowEvidence[]>()
    const anonymousBroken = new Set<Anonymous>()
    for (const e of evidence) {
      const vendor = e.vendor
      if (e.data.sinkKind !== 'vendor' || !vendor || e.nonShipped) continue
      const flow = e.data
      const anon = anonymousClaimFor(vendor, anonymous, catalog)
      if (anon && !isIdentifying(flow.category)) anonymousKept.set(anon, [...(anonymousKept.get(anon) ?? []), e])
      if (anon && isIdentifying(flow.category)) {
        anonymousBroken.add(anon)
        const whose = anon.data.vendor ? `${vendorName(vendor)}'s data` : 'the data used for analytics'
        report({
          vendor,
          message: `${describeData(flow)} is sent to ${vendorName(vendor)} by ${describeCall(flow)} at ${e.location.file}:${e.location.line}, though ${policyName} calls ${whose} ${anon.data.qualifier}; send an anonymous or hashed id instead, or change the policy.`,
          locations: [e.location],
          claim: anon,
          key: `${flow.name}\0${flow.category}\0${flow.sink}`,
        })
        continue
      }
      const listed = lists.filter((c) => c.vendor === vendor)
      if (listed.length === 0) continue
      const covering = listed.find((c) => coveredBy(c.data.categories, flow.category))
      if (covering) {
        within.set(covering, [...(within.get(covering) ?? []), e])
        continue
      }
      if (flow.category === PSEUDONYMOUS_ID) continue
      const list = listed[0]
      report({
        vendor,
        message: `${describeData(flow)} is sent to ${vendorName(vendor)} by ${describeCall(flow)} at ${e.location.file}:${e.location.line}, but ${policyName} says ${vendorName(vendor)} receives ${list.data.phrases.join(', ') || list.data.categories.map(labelOf).join(', ')}; stop sending it, or add ${labelOf(flow.category)} to the policy's list.`,
        locations: [e.location],
        claim: list,
        key: `${flow.name}\0${flow.category}\0${flow.sink}`,
      })
    }
    for (const [claim, flows] of within) confirm(claim, flows.map((e) => e.location))
    for (const [claim, flows] of anonymousKept) if (!anonymousBroken.has(claim)) confirm(claim, flows.map((e) => e.location))
  },
})

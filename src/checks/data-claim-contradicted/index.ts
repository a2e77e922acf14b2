// data-claim-contradicted: the code breaks a denial — "we never see private keys" and a private key reaches a log, a
// vendor or the database, or a form or an input schema asks for one; "not in our database" and it is written there;
// "we do not share your email" and an email is sent to a vendor; "we do not log IP addresses" and one is logged.
import { defineCheck } from '../types.js'
import { coveredBy, describeCall, describeData, labelOf } from '../../model/data.js'
import type { ClaimAbout, DataFlowEvidence } from '../../types/index.js'

type Denial = ClaimAbout<'data', 'data-denial'>

function breaks(denial: Denial, e: DataFlowEvidence): boolean {
  // a column a schema declares is where a write would go: the write is the evidence. A field a form asks for is the
  // collection itself, so it breaks "we never see / do not collect" but no promise about what is kept or passed on.
  if ((e.data.source === 'declared' && e.data.sinkKind === 'storage') || !coveredBy(denial.data.categories, e.data.category)) return false
  if (denial.data.vendor && denial.data.vendor !== e.vendor) return false
  switch (denial.data.scope) {
    case 'receive': return true
    case 'log': return e.data.sinkKind === 'log'
    case 'share': return e.data.sinkKind === 'vendor'
    case 'store': return e.data.sinkKind === 'storage'
  }
}

const HOW: Record<DataFlowEvidence['data']['sinkKind'], string> = { vendor: 'is sent to', storage: 'is written to the database by', log: 'reaches the log call', collected: 'is asked for by' }
const VERB: Record<Denial['data']['scope'], string> = { receive: 'never receives', log: 'does not log', share: 'does not share', store: 'does not store' }

export const dataClaimContradicted = defineCheck({
  meta: {
    id: 'data-claim-contradicted',
    description: 'Personal data the policy says the product never receives, stores, logs or shares reaches the database, a log or a vendor, or is asked for by a form.',
    defaultSeverity: 'error',
    evidence: ['data-flow'],
    claims: ['data'],
    needsPolicy: true,
  },
  run({ evidence, claims, catalog, policy, report }) {
    const denials = claims.filter((c): c is Denial => c.subject === 'data-denial')
    if (denials.length === 0) return
    const policyName = policy?.path ?? 'the policy'
    for (const e of evidence) {
      if (e.nonShipped) continue
      const denial = denials.find((d) => breaks(d, e))
      if (!denial) continue
      const to = e.data.sinkKind === 'vendor' ? `${HOW.vendor} ${catalog.get(e.vendor ?? '')?.name ?? e.vendor} by` : HOW[e.data.sinkKind]
      report({
        ...(e.vendor ? { vendor: e.vendor } : {}),
        message: `${describeData(e.data)} ${to} ${describeCall(e.data)} at ${e.location.file}:${e.location.line}, though ${policyName} says the product ${VERB[denial.data.scope]} ${labelOf(e.data.category)}s.`,
        locations: [e.location],
        claim: denial,
        key: `${e.data.name}\0${e.data.category}\0${e.data.sink}`,
      })
    }
  },
})

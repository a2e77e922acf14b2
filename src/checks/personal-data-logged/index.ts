// personal-data-logged: an email, name, IP address, phone number, address or user content reaching a log (the console,
// a logger, process output). An error when the policy promises minimal logs or none with personal data in them.
import { defineCheck } from '../types.js'
import { describeCall, describeData, isLoggedCategory } from '../../model/data.js'
import type { ClaimAbout, Location } from '../../types/index.js'

type LogsPromise = ClaimAbout<'data', 'logs'>

export const personalDataLogged = defineCheck({
  meta: {
    id: 'personal-data-logged',
    description: 'Personal data (an email, a name, an IP address, a phone number, a postal address, user content) reaches a log.',
    defaultSeverity: 'warning',
    evidence: ['data-flow'],
    claims: ['data'],
    needsPolicy: false,
  },
  run({ evidence, claims, policy, report, confirm }) {
    const promise = claims.find((c): c is LogsPromise => c.subject === 'logs')
    const policyName = policy?.path ?? 'the policy'
    let broken = false
    const clean: Location[] = []
    for (const e of evidence) {
      if (e.data.sinkKind !== 'log' || e.nonShipped) continue
      if (!isLoggedCategory(e.data.category)) {
        clean.push(e.location)
        continue
      }
      broken = true
      const flow = e.data
      const promised = promise ? `, though ${policyName} promises ${promise.data.level === 'minimal' ? 'minimal logs' : 'logs without personal data'}` : ''
      report({
        severity: promise ? 'error' : 'warning',
        message: `${describeData(flow)} reaches the log call ${describeCall(flow)} at ${e.location.file}:${e.location.line}${promised}; log an id instead, or redact it.`,
        locations: [e.location],
        ...(promise ? { claim: promise } : {}),
        key: `${flow.name}\0${flow.category}\0${flow.sink}`,
      })
    }
    // the promise is kept where the logs the analysis followed carry ids and no personal data
    if (promise && !broken && clean.length > 0) confirm(promise, clean.slice(0, 8))
  },
})

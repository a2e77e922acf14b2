// A vendor the policy lists as a processor with no sign of use in the code or deployment.
import { VENDOR_USE_KINDS } from '../../model/ledger.js'
import { defineCheck } from '../types.js'
import { compareText } from '../../util/order.js'

export const declaredSubprocessorUnused = defineCheck({
  meta: {
    id: 'declared-subprocessor-unused',
    description: 'A subprocessor the policy declares but the code and deployment show no use of.',
    defaultSeverity: 'note',
    evidence: VENDOR_USE_KINDS,
    claims: ['vendor'],
    needsPolicy: false,
  },
  run({ ledger, catalog, policy, config, claims, report, confirm }) {
    // claims coverage: a vendor claim is confirmed by the evidence of the vendor or of its services
    for (const claim of claims) {
      if (claim.kind !== 'vendor' || claim.polarity !== 'affirm' || !claim.vendor) continue
      const locations = [...ledger.used].filter(([id]) => catalog.lineage(id).some((v) => v.id === claim.vendor)).flatMap(([, ev]) => ev.map((e) => e.location))
      if (locations.length) confirm(claim, locations)
    }
    for (const [id, declaration] of [...ledger.listed].sort((a, b) => compareText(a[0], b[0]))) {
      const vendor = catalog.get(id)
      if (!vendor || ledger.isUsed(id)) continue
      if (declaration.by === 'policy') {
        const { claim } = declaration
        report({
          vendor: id,
          message: `${policy?.path ?? 'The policy'} declares ${vendor.name} (${vendor.purpose}), but the code and deployment show no use of it: remove it from the policy if it is no longer a subprocessor.`,
          locations: [{ file: policy?.path ?? '.', line: claim.line }],
          claim,
          key: id,
        })
      } else {
        report({
          vendor: id,
          message: `${config.file ?? '.privaudit.yml'} declares ${vendor.name}, but the code and deployment show no use of it.`,
          locations: [{ file: config.file ?? '.privaudit.yml', line: 1 }],
          key: id,
        })
      }
    }
  },
})

// A vendor the product uses that its policy does not declare.
import type { Evidence, Location, Vendor } from '../../types/index.js'
import { VENDOR_USE_KINDS } from '../../model/ledger.js'
import { evidenceLocations } from '../../model/locations.js'
import { defineCheck } from '../types.js'
import { compareText } from '../../util/order.js'

export function describeEvidence(e: Evidence): string {
  const where = `${e.location.file}:${e.location.line}`
  switch (e.kind) {
    case 'dependency': return `\`${e.value}\` in ${where}`
    case 'import': return `an import of \`${e.value}\` at ${where}`
    case 'script': return `a script from ${e.value} at ${where}`
    case 'host': return `a call to ${e.value} at ${where}`
    case 'env': return `the variable ${e.value} at ${where}`
    default: return `\`${e.value}\` at ${where}`
  }
}

export function suggestedSentence(vendor: Vendor): string {
  const who = vendor.legalName && vendor.legalName !== vendor.name ? `${vendor.name} (${vendor.legalName})` : vendor.name
  const link = vendor.privacyUrl ? ` See ${vendor.name}'s privacy policy: ${vendor.privacyUrl}.` : ''
  return `We use ${who} for ${vendor.purpose}.${link}`
}

export const undeclaredSubprocessor = defineCheck({
  meta: {
    id: 'undeclared-subprocessor',
    description: 'A vendor the code or deployment uses that the privacy policy does not declare.',
    defaultSeverity: 'error',
    evidence: VENDOR_USE_KINDS,
    claims: ['vendor', 'vendor-category'],
    needsPolicy: true,
  },
  run({ ledger, catalog, policy, report }) {
    const policyName = policy?.path ?? 'the policy'
    for (const [id, evidence] of [...ledger.used].sort((a, b) => compareText(a[0], b[0]))) {
      const vendor = catalog.get(id)!
      if (ledger.coverage(id) || ledger.isOnlyGenericUse(id)) continue
      const locations = evidenceLocations(evidence)
      const first = locations[0]
      const primary = evidence.find((e) => e.location.file === first.file && e.location.line === first.line)!
      const base = `${vendor.name} (${vendor.purpose}) is used through ${describeEvidence(primary)}`
      // a denial of the vendor, or of its whole kind ("we do not use any advertising pixels")
      const denial = ledger.denial(id) ?? ledger.deniedCategory(vendor)
      const vague = denial ? undefined : ledger.vagueDisclosure(vendor)
      const more = locations.length > 1 ? ` and ${locations.length - 1} more place(s)` : ''
      if (denial) {
        report({ vendor: id, message: `${base}${more}, but ${policyName} says it is not used.`, locations, claim: denial, suggestion: suggestedSentence(vendor), key: id, fingerprintFile: policyName })
      } else if (vague) {
        report({ severity: 'warning', vendor: id, message: `${base}${more}; ${policyName} discloses it only by kind (${vague.subject}), not by name.`, locations, policy: { line: vague.line, quote: vague.quote }, suggestion: suggestedSentence(vendor), key: id, fingerprintFile: policyName })
      } else {
        report({ vendor: id, message: `${base}${more}, but ${policyName} does not declare it.`, locations, suggestion: suggestedSentence(vendor), key: id, fingerprintFile: policyName })
      }
    }
  },
})

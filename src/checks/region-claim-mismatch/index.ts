// The policy bounds where data is processed ("in the EU and the United States"); code or deploy config runs or
// stores it somewhere else (a Fly machine in Sydney, a Vercel function in Tokyo, an S3 bucket in ap-southeast-2).
import { loadRegionTable, type RegionInfo } from '../../catalog/regions.js'
import type { RegionEvidence } from '../../types/index.js'
import { cite, locationsOf, where } from '../crypto-compare.js'
import { defineCheck } from '../types.js'
import { compareText } from '../../util/order.js'

function list(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

export const regionClaimMismatch = defineCheck({
  meta: {
    id: 'region-claim-mismatch',
    description: 'A provider region configured in code or deploy config outside the regions the policy says data is processed in.',
    defaultSeverity: 'error',
    evidence: ['region'],
    claims: ['region'],
    needsPolicy: true,
  },
  run({ evidence, claims, policy, report, confirm }) {
    const table = loadRegionTable()
    // "including the United States" bounds nothing; only limiting claims are checked (no region claim, no finding)
    const bounds = claims.filter((c) => c.polarity === 'affirm' && c.data.limiting)
    const denials = claims.filter((c) => c.polarity === 'deny')
    if (bounds.length === 0 && denials.length === 0) return

    const byCode = new Map<string, RegionEvidence[]>()
    for (const e of evidence) {
      if (e.nonShipped) continue
      byCode.set(e.value, [...(byCode.get(e.value) ?? []), e])
    }
    for (const [code, group] of [...byCode].sort((a, b) => compareText(a[0], b[0]))) {
      const region: RegionInfo | undefined = table.lookup(code)
      if (!region) continue
      const locations = locationsOf(group)
      const outside = bounds.filter((c) => !table.covers(c.data.regions, region))
      const denied = denials.filter((c) => table.covers(c.data.regions, region))
      for (const c of bounds) if (!outside.includes(c)) confirm(c, locations)
      const broken = [...denied, ...outside]
      if (broken.length === 0) continue
      const claim = broken[0]
      const place = table.describe(region)
      const named = list(claim.data.regions.map((id) => table.placeName(id)))
      const ukNote = region.country === 'GB' && claim.data.regions.some((id) => id === 'eu' || id === 'eea')
        ? ' The UK is not in the EU or the EEA: an adequacy decision lets data go there, it does not make it EU.'
        : ''
      const more = locations.length > 1 ? ` (and ${locations.length - 1} more place(s))` : ''
      const why = denied.includes(claim) ? `${cite(policy?.path, claim)}, which rules out ${named}` : `${cite(policy?.path, claim)}, which names only ${named}`
      report({
        message: `Region \`${code}\` (${place}) at ${where(locations[0])}${more} is outside the policy's regions: ${why}.${ukNote}`,
        locations,
        claim,
        alsoContradicts: broken.slice(1),
        suggestion: `Move ${code} to a region in ${named}, or add ${region.countryName ?? place} to the policy's list of processing locations (with the transfer safeguard it relies on).`,
        key: code,
      })
    }
  },
})

// Where the policy lists its cookies by name: a cookie the product sets that the list lacks.
import { COOKIE_SCAN_KINDS, cookieSentence, cookieUnits, DYNAMIC_COOKIE, isNamed, scanCookies } from '../../model/cookies.js'
import type { Location } from '../../types/index.js'
import { defineCheck } from '../types.js'

function where(locations: Location[]): string {
  const first = locations[0]
  return first ? `${first.file}:${first.line}${locations.length > 1 ? ` (and ${locations.length - 1} more)` : ''}` : ''
}

export const undeclaredCookie = defineCheck({
  meta: {
    id: 'undeclared-cookie',
    description: 'A cookie the product sets that is missing from the cookies the privacy policy lists by name.',
    defaultSeverity: 'warning',
    evidence: COOKIE_SCAN_KINDS,
    claims: ['cookie'],
    needsPolicy: true,
  },
  run({ evidence, claims, catalog, policy, report, confirm }) {
    const lists = claims.filter((c) => c.subject === 'cookie-names')
    if (lists.length === 0) return
    const named = lists.flatMap((c) => c.data.names)
    const list = lists[0]
    const policyName = policy?.path ?? 'the policy'
    const vendorsSettingCookies = new Set(claims.filter((c) => c.subject === 'vendor-cookies').map((c) => c.vendor))
    const scan = scanCookies(evidence, catalog)
    const listed = `${policyName}:${list.line} (${[...new Set(named)].slice(0, 6).join(', ')})`
    const found: Location[] = []
    for (const unit of cookieUnits(scan)) {
      if (unit.cookies.length === 0) continue
      const missing = unit.cookies.filter((c) => !isNamed(c.name, named))
      unit.cookies.filter((c) => isNamed(c.name, named)).forEach((c) => found.push(...c.locations))
      if (missing.length === 0) continue
      if (unit.vendor) {
        // a vendor the policy says sets cookies, or one of whose cookies it names, is disclosed
        if (catalog.lineage(unit.vendor.id).some((v) => vendorsSettingCookies.has(v.id)) || missing.length < unit.cookies.length) continue
        report({
          vendor: unit.vendor.id,
          message: `${unit.vendor.name}, loaded at ${where(unit.locations)}, sets cookies (${missing.map((c) => c.name).slice(0, 4).join(', ')}) that the cookies listed at ${listed} do not include.`,
          locations: unit.locations,
          claim: list,
          suggestion: cookieSentence(unit),
          key: unit.key,
        })
        continue
      }
      for (const cookie of missing) {
        report({
          message: `The cookie \`${cookie.name}\`, set at ${where(cookie.locations)}, is not among the cookies listed at ${listed}.`,
          locations: cookie.locations,
          claim: list,
          suggestion: cookieSentence({ ...unit, cookies: [cookie] }),
          key: `cookie:${cookie.name}`,
        })
      }
    }
    const dynamic = scan.cookies.find((c) => c.name === DYNAMIC_COOKIE)
    if (dynamic) {
      report({
        message: `A cookie whose name is built at run time is set at ${where(dynamic.locations)}: check that it is one of the cookies listed at ${listed}.`,
        locations: dynamic.locations,
        policy: { line: list.line, quote: list.quote },
        key: 'dynamic-cookie',
      })
    }
    for (const claim of lists) if (found.length) confirm(claim, found)
  },
})

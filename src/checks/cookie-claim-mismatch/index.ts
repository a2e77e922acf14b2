// A cookie or tracker the product really sets that the policy's cookie promises rule out.
import { COOKIE_SCAN_KINDS, cookieSentence, cookieUnits, DYNAMIC_COOKIE, isNamed, scanCookies, type CookieUnit } from '../../model/cookies.js'
import type { ClaimAbout, CookieClaim, CookiePurpose, Location } from '../../types/index.js'
import { defineCheck } from '../types.js'
import { compareText } from '../../util/order.js'

const TRACKING: CookiePurpose[] = ['analytics', 'advertising']

function where(locations: Location[]): string {
  const first = locations[0]
  if (!first) return ''
  return `${first.file}:${first.line}${locations.length > 1 ? ` (and ${locations.length - 1} more place${locations.length > 2 ? 's' : ''})` : ''}`
}

function cookieList(unit: CookieUnit, only?: (p: string) => boolean): string {
  const names = unit.cookies.filter((c) => !only || only(c.purpose)).map((c) => c.name)
  const shown = names.slice(0, 4).join(', ')
  return names.length > 4 ? `${shown}, …` : shown
}

type Denial = ClaimAbout<'cookie', 'cookie-denial'>

function quoteOf(claim: CookieClaim): string {
  const phrase = claim.subject === 'cookie-names' ? undefined : claim.data.phrase
  return phrase ? `“${phrase}”` : `“${claim.quote}”`
}

/** The cookies of a unit a denial rules out, or undefined when it keeps the promise. */
function deniedCookies(claim: Denial, unit: CookieUnit): { purposes: Array<CookiePurpose | 'unknown'>; tracker: boolean } | undefined {
  const d = claim.data
  if ((d.party === 'third' || d.crossSite) && unit.party !== 'third') return undefined
  if (d.party === 'first' && unit.party !== 'first') return undefined
  if (d.what === 'cookies') {
    const hit = unit.cookies.filter((c) => d.purposes.length === 0 || (c.purpose !== 'unknown' && d.purposes.includes(c.purpose)))
    return hit.length ? { purposes: [...new Set(hit.map((c) => c.purpose))], tracker: false } : undefined
  }
  // trackers and pixels are someone else's code: a vendor that tracks through cookies, or an ad vendor at all
  if (!unit.vendor) return undefined
  const purposes = d.purposes.length ? d.purposes : TRACKING
  const hit = unit.cookies.filter((c) => c.purpose !== 'unknown' && purposes.includes(c.purpose))
  if (hit.length) return { purposes: [...new Set(hit.map((c) => c.purpose))], tracker: true }
  if (unit.vendor.category === 'ads' && purposes.includes('advertising')) return { purposes: ['advertising'], tracker: true }
  return undefined
}

/** Which of the denials a unit breaks is the one to cite: a pixel promise for an ad vendor, a cookie promise for an SDK's cookies. */
function denialRank(claim: Denial, unit: CookieUnit): number {
  const { what } = claim.data
  const order = unit.vendor?.category === 'ads' ? ['pixels', 'trackers', 'cookies'] : unit.vendor ? ['cookies', 'trackers', 'pixels'] : ['cookies', 'trackers', 'pixels']
  return order.indexOf(what)
}

function isCoveredByPolicy(unit: CookieUnit, named: string[], vendorsSettingCookies: Set<string>, lineage: (id: string) => string[]): boolean {
  if (unit.vendor && lineage(unit.vendor.id).some((id) => vendorsSettingCookies.has(id))) return true
  return unit.cookies.length > 0 && unit.cookies.every((c) => isNamed(c.name, named))
}

/** A sentence the policy could add to disclose the unit's cookies (the fix can also be in the code). */
export const cookieClaimMismatch = defineCheck({
  meta: {
    id: 'cookie-claim-mismatch',
    description: 'A cookie or tracker the product sets that the privacy policy rules out (more cookies than promised, a denied purpose, a denied third party).',
    defaultSeverity: 'error',
    evidence: COOKIE_SCAN_KINDS,
    claims: ['cookie'],
    needsPolicy: true,
  },
  run({ evidence, claims, catalog, policy, report, confirm }) {
    if (claims.length === 0) return
    const policyName = policy?.path ?? 'the policy'
    const scan = scanCookies(evidence, catalog)
    const units = cookieUnits(scan)
    const denials = claims.filter((c) => c.subject === 'cookie-denial')
    const purposeLimits = claims.filter((c) => c.subject === 'cookie-purposes')
    const limits = claims.filter((c) => c.subject === 'cookie-limit')
    const named = claims.filter((c) => c.subject === 'cookie-names').flatMap((c) => c.data.names)
    const vendorsSettingCookies = new Set(claims.filter((c) => c.subject === 'vendor-cookies').map((c) => c.vendor))
    const lineage = (id: string) => catalog.lineage(id).map((v) => v.id)

    const hasDynamic = scan.cookies.some((c) => c.name === DYNAMIC_COOKIE)
    const verdicts = new Map<CookieUnit, { claim: CookieClaim; message: string; severity?: 'warning' }>()
    /** Every claim some unit breaks, cited or not: none of them is confirmed. */
    const broken = new Set<CookieClaim>()
    const label = (unit: CookieUnit) => (unit.vendor ? `${unit.vendor.name} (${unit.vendor.purpose})` : `The cookie \`${unit.cookies.map((c) => c.name).join('`, `')}\``)
    const how = (unit: CookieUnit) => (unit.vendor ? `loaded at ${where(unit.locations)}` : `set at ${where(unit.locations)}`)

    for (const unit of units) {
      const hits = denials
        .map((claim) => ({ claim, hit: deniedCookies(claim, unit) }))
        .filter((x) => x.hit)
        .sort((a, b) => denialRank(a.claim, unit) - denialRank(b.claim, unit) || a.claim.line - b.claim.line)
      hits.forEach((h) => broken.add(h.claim))
      if (hits.length) {
        const { claim, hit } = hits[0] as { claim: Denial; hit: { purposes: string[]; tracker: boolean } }
        const kinds = hit.purposes.filter((p) => p !== 'unknown').join(' and ')
        const cookies = cookieList(unit, (p) => hit.purposes.includes(p))
        const what = cookies ? `sets ${unit.party === 'third' ? 'third-party ' : ''}${kinds ? `${kinds} ` : ''}cookies (${cookies})` : `is ${kinds === 'advertising' ? 'an advertising tracker' : 'a tracker'}`
        verdicts.set(unit, { claim, message: `${label(unit)}, ${how(unit)}, ${what}, but ${policyName}:${claim.line} rules out ${claim.data.phrase || 'them'}.` })
        continue
      }
      for (const claim of purposeLimits) {
        const allowed = claim.data.purposes
        const allowedText = allowed.join(' and ').replace('strictly-necessary', 'strictly necessary')
        const off = unit.cookies.filter((c) => (c.purpose === 'analytics' || c.purpose === 'advertising') && !allowed.includes(c.purpose))
        if (off.length) {
          const kinds = [...new Set(off.map((c) => c.purpose))].join(' and ')
          verdicts.set(unit, { claim, message: `${label(unit)}, ${how(unit)}, sets ${kinds} cookies (${off.map((c) => c.name).slice(0, 4).join(', ')}), but ${policyName}:${claim.line} allows only ${allowedText} cookies.` })
          break
        }
        // a preference cookie may or may not be "strictly necessary" (a user-chosen setting often is): a warning to look at
        const preference = unit.cookies.filter((c) => c.purpose === 'functional' && !allowed.includes('functional'))
        if (preference.length && allowed.length && !allowed.includes('functional')) {
          verdicts.set(unit, { claim, severity: 'warning', message: `${label(unit)}, ${how(unit)}, is a functional (preference) cookie, but ${policyName}:${claim.line} allows only ${allowedText} cookies: say so in the policy unless it is strictly necessary.` })
          break
        }
      }
    }

    for (const claim of limits) {
      const { max } = claim.data
      // cookies the policy accounts for elsewhere (named, or set by a vendor it says sets cookies) are not the ones counted
      const counted = units.filter((u) => u.cookies.length > 0 && !isCoveredByPolicy(u, named, vendorsSettingCookies, lineage))
      // the login session is what "one session cookie" allows; the rest, in order of appearance, are the extra ones
      counted.sort((a, b) => Number(b.loginSession) - Number(a.loginSession)
        || Number(b.cookies.some((c) => c.purpose === 'strictly-necessary')) - Number(a.cookies.some((c) => c.purpose === 'strictly-necessary'))
        || compareText(a.locations[0]?.file ?? '', b.locations[0]?.file ?? '') || (a.locations[0]?.line ?? 0) - (b.locations[0]?.line ?? 0))
      if (counted.length <= max) {
        if (!hasDynamic) confirm(claim, counted.flatMap((u) => u.locations))
        continue
      }
      const kept = counted.slice(0, max).map((u) => (u.vendor ? `${u.cookies.map((c) => c.name).join(' + ')} (${u.vendor.name})` : u.cookies.map((c) => c.name).join(' + ')))
      for (const unit of counted.slice(max)) {
        if (verdicts.has(unit)) continue
        verdicts.set(unit, {
          claim,
          message: `${label(unit)}, ${how(unit)}, ${unit.vendor ? `sets cookies (${cookieList(unit)}) beyond` : 'is a cookie beyond'} the ${max === 1 ? 'one' : max} ${policyName}:${claim.line} promises (${quoteOf(claim)}): ${counted.length} are set, ${kept.join(', ')} ${kept.length === 1 ? 'being the one' : 'being the ones'} allowed.`,
        })
      }
    }

    for (const [unit, verdict] of verdicts) {
      report({
        ...(unit.vendor ? { vendor: unit.vendor.id } : {}),
        ...(verdict.severity ? { severity: verdict.severity } : {}),
        message: verdict.message,
        locations: unit.locations,
        // a warning asks for a look: it quotes the sentence without marking the claim contradicted
        ...(verdict.severity ? { policy: { line: verdict.claim.line, quote: verdict.claim.quote } } : { claim: verdict.claim }),
        suggestion: cookieSentence(unit),
        key: unit.key,
      })
    }

    // a cookie named at run time cannot be checked against a count or an "only" promise: say so, never drop it
    const dynamic = scan.cookies.find((c) => c.name === DYNAMIC_COOKIE)
    const checkable: CookieClaim[] = [...limits, ...purposeLimits, ...denials.filter((d) => d.data.what === 'cookies' && d.data.purposes.length === 0)]
    if (dynamic && checkable.length) {
      const claim = checkable.sort((a, b) => a.line - b.line)[0]
      report({
        severity: 'warning',
        message: `A cookie whose name is built at run time is set at ${where(dynamic.locations)}: privaudit cannot tell whether it keeps the promise at ${policyName}:${claim.line} (${quoteOf(claim)}); check it by hand.`,
        locations: dynamic.locations,
        policy: { line: claim.line, quote: claim.quote },
        key: 'dynamic-cookie',
      })
    }

    // claims coverage: what the scanned code backs
    const contradicted = new Set([...verdicts.values()].map((v) => v.claim).concat([...broken]))
    // a claim only doubted (a warning) is neither contradicted nor confirmed
    for (const claim of [...denials, ...purposeLimits]) {
      if (!contradicted.has(claim) && !(hasDynamic && checkable.includes(claim))) confirm(claim, [])
    }
    for (const claim of claims.filter((c) => c.subject === 'vendor-cookies')) {
      const ids = new Set(catalog.vendors.filter((v) => lineage(v.id).includes(claim.vendor)).map((v) => v.id))
      const at = units.filter((u) => u.vendor && ids.has(u.vendor.id) && u.cookies.length).flatMap((u) => u.locations)
      if (at.length) confirm(claim, at)
    }
  },
})

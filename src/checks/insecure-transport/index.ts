// The policy promises HTTPS/TLS ("all data is transmitted over HTTPS", "encrypted in transit"); the code or
// config reaches a public host over plain `http://` or `ws://`.
import type { Evidence, Location } from '../../types/index.js'
import { cite, locationsOf, where } from '../crypto-compare.js'
import type { Check } from '../types.js'

/** Enough places to show the promise is kept without listing every https URL of a large repo. */
const MAX_CONFIRMING = 10

export const insecureTransport: Check = {
  meta: {
    id: 'insecure-transport',
    description: 'A plain-text http:// or ws:// endpoint on a public host where the policy promises HTTPS/TLS.',
    defaultSeverity: 'error',
    evidence: ['transport'],
    claims: ['security'],
    needsPolicy: true,
  },
  run({ evidence, claims, policy, report, confirm }) {
    // without a transport promise there is nothing in the policy to contradict: no finding (see docs)
    const promises = claims.filter((c) => c.kind === 'security' && c.subject === 'transport' && c.polarity === 'affirm')
    if (promises.length === 0) return
    const transport = evidence.filter((e) => e.kind === 'transport' && !e.nonShipped)
    const plain = transport.filter((e) => e.data?.secure === false)

    const byHost = new Map<string, Evidence[]>()
    for (const e of plain) byHost.set(e.value, [...(byHost.get(e.value) ?? []), e])
    for (const [host, group] of byHost) {
      const locations = locationsOf(group)
      const first = group.find((e) => where(e.location) === where(locations[0]))!
      const url = String(first.data?.url ?? `${first.data?.scheme}://${host}`)
      const more = locations.length > 1 ? ` (and ${locations.length - 1} more place(s))` : ''
      report({
        message: `\`${url}\` at ${where(first.location)}${more} reaches ${host} over plain ${String(first.data?.scheme).toUpperCase()}, but ${cite(policy?.path, promises[0])}.`,
        locations,
        claim: promises[0],
        alsoContradicts: promises.slice(1),
        suggestion: `Use ${first.data?.scheme === 'ws' ? 'wss' : 'https'}://${host}; if the host only speaks plain HTTP, proxy it through a TLS endpoint.`,
        key: host,
      })
    }

    if (plain.length > 0) return
    // kept: TLS enforcement first (force_https, HSTS), then the TLS endpoints the code and config reach
    const secure = transport.filter((e) => e.data?.secure === true)
    const enforced = secure.filter((e) => e.reason === 'tls-enforced')
    const places: Location[] = [...locationsOf(enforced), ...locationsOf(secure.filter((e) => e.reason !== 'tls-enforced'))].slice(0, MAX_CONFIRMING)
    if (places.length) for (const claim of promises) confirm(claim, places)
  },
}

// The policy promises HTTPS/TLS ("all data is transmitted over HTTPS", "encrypted in transit"); the code or
// config reaches a public host over plain `http://` or `ws://`.
import type { EndpointData, Location, TransportEvidence } from '../../types/index.js'
import { cite, locationsOf, where } from '../crypto-compare.js'
import { defineCheck } from '../types.js'

/** Enough places to show the promise is kept without listing every https URL of a large repo. */
const MAX_CONFIRMING = 10

/** A plain-text endpoint: `http://` or `ws://` to a public host. */
function isPlain(e: TransportEvidence): e is TransportEvidence & { data: EndpointData } {
  return e.data.secure === false
}

export const insecureTransport = defineCheck({
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
    const promises = claims.filter((c) => c.subject === 'transport' && c.polarity === 'affirm')
    if (promises.length === 0) return
    const transport = evidence.filter((e) => !e.nonShipped)
    const plain = transport.filter(isPlain)

    const byHost = new Map<string, typeof plain>()
    for (const e of plain) byHost.set(e.value, [...(byHost.get(e.value) ?? []), e])
    for (const [host, group] of byHost) {
      const locations = locationsOf(group)
      const first = group.find((e) => where(e.location) === where(locations[0]))!
      const { url, scheme } = first.data
      const more = locations.length > 1 ? ` (and ${locations.length - 1} more place(s))` : ''
      report({
        message: `\`${url}\` at ${where(first.location)}${more} reaches ${host} over plain ${scheme.toUpperCase()}, but ${cite(policy?.path, promises[0])}.`,
        locations,
        claim: promises[0],
        alsoContradicts: promises.slice(1),
        suggestion: `Use ${scheme === 'ws' ? 'wss' : 'https'}://${host}; if the host only speaks plain HTTP, proxy it through a TLS endpoint.`,
        key: host,
      })
    }

    if (plain.length > 0) return
    // kept: TLS enforcement first (force_https, HSTS), then the TLS endpoints the code and config reach
    const secure = transport.filter((e) => e.data.secure)
    const enforced = secure.filter((e) => e.reason === 'tls-enforced')
    const places: Location[] = [...locationsOf(enforced), ...locationsOf(secure.filter((e) => e.reason !== 'tls-enforced'))].slice(0, MAX_CONFIRMING)
    if (places.length) for (const claim of promises) confirm(claim, places)
  },
})

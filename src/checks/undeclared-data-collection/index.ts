// undeclared-data-collection: where the policy lists what the product collects, a personal data category the product
// stores, sends to a vendor or asks for in a form or an input schema that neither the collection list nor any vendor's
// data list names. One finding per category, at the places it is collected, stored or sent. A user id is the account
// itself, not a category a list must name.
import { defineCheck } from '../types.js'
import { coveredBy, isIdentifying, isLoggedCategory, labelOf } from '../../model/data.js'
import type { ClaimAbout, Location } from '../../types/index.js'

type Listing = ClaimAbout<'data', 'collection'> | ClaimAbout<'data', 'vendor-data'>

const ACCOUNT_ID = 'user.unique_id'
const MAX_LOCATIONS = 8

export const undeclaredDataCollection = defineCheck({
  meta: {
    id: 'undeclared-data-collection',
    description: 'A personal data category the product stores, sends to a vendor or asks for in a form that the policy\'s collection list omits.',
    defaultSeverity: 'warning',
    evidence: ['data-flow'],
    claims: ['data'],
    needsPolicy: true,
  },
  run({ evidence, claims, policy, report, confirm }) {
    const lists = claims.filter((c): c is Listing => c.subject === 'collection' || c.subject === 'vendor-data')
    if (!lists.some((c) => c.subject === 'collection')) return
    const listed = lists.flatMap((c) => c.data.categories)
    const where = new Map<string, Location[]>()
    const asked = new Set<string>()
    const backing = new Map<Listing, Location[]>()
    for (const e of evidence) {
      const category = e.data.category
      if (e.nonShipped || e.data.sinkKind === 'log') continue
      // an entry of the list the code backs: it stores or sends what the entry names
      for (const c of lists) if (c.subject === 'collection' && coveredBy(c.data.categories, category)) backing.set(c, [...(backing.get(c) ?? []), e.location])
      if (category === ACCOUNT_ID) continue
      if (!isIdentifying(category) && !isLoggedCategory(category)) continue
      if (coveredBy(listed, category)) continue
      where.set(category, [...(where.get(category) ?? []), e.location])
      if (e.data.sinkKind === 'collected') asked.add(category)
    }
    for (const [claim, locations] of backing) confirm(claim, locations.slice(0, MAX_LOCATIONS))
    const first = lists.find((c) => c.subject === 'collection')!
    for (const [category, locations] of where) {
      const shown = locations.slice(0, MAX_LOCATIONS)
      report({
        message: `The code ${asked.has(category) ? 'asks for, stores or sends' : 'stores or sends'} ${labelOf(category)} (${locations.map((l) => `${l.file}:${l.line}`).slice(0, 3).join(', ')}${locations.length > 3 ? ', …' : ''}), which ${policy?.path ?? 'the policy'}'s list of what it collects does not name; add it to the list, or stop collecting it.`,
        locations: shown,
        policy: { line: first.line, quote: first.quote },
        key: category,
        fingerprintFile: policy?.path,
      })
    }
  },
})

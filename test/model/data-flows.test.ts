// The report's dataFlows: each flow declared where the policy names the category for its sink, and never declared
// where the policy calls that vendor's data (or the data analytics tools get) anonymous, so the data map agrees with
// vendor-data-mismatch.
import { describe, expect, it } from 'vitest'
import { buildDataFlows } from '../../src/model/data.js'
import { testCatalog } from '../helpers/catalog.js'
import { dataClaim, dataFlow } from '../helpers/data-flows.js'

const catalog = testCatalog()
const collection = dataClaim('collection', { categories: ['user.contact.email', 'user.unique_id'] }, { line: 7, quote: 'We collect your email and user ID.' })
const declared = (evidence: ReturnType<typeof dataFlow>[], claims: ReturnType<typeof dataClaim>[]) =>
  buildDataFlows(evidence, claims, catalog).map((f) => `${f.sink.vendor ?? f.sink.kind} ${f.category} ${f.declared ? `declared:${f.policy?.line}` : 'undeclared'}`)

describe('buildDataFlows', () => {
  it('a vendor without a list of its own is held to the collection list; a vendor with one, to its list', () => {
    const list = dataClaim('vendor-data', { categories: ['user.device.ip_address'], phrases: ['IP address'] }, { vendor: 'posthog', line: 12 })
    expect(declared([dataFlow('user.contact.email', 'email', 'segment'), dataFlow('user.contact.email', 'email', 'posthog'), dataFlow('user.contact.email', 'email', undefined)], [collection, list]))
      .toEqual(['segment user.contact.email declared:7', 'posthog user.contact.email undeclared', 'log user.contact.email declared:7'])
  })

  it('an anonymous promise declares no identifying category for that vendor, or for analytics vendors when it names none', () => {
    const named = dataClaim('anonymous-data', { qualifier: 'anonymized', vendor: 'segment' }, { line: 12 })
    const analytics = dataClaim('anonymous-data', { qualifier: 'anonymized', purpose: 'analytics' }, { line: 16 })
    const flows = [dataFlow('user.contact.email', 'email', 'segment'), dataFlow('user.unique_id', 'userId', 'segment'), dataFlow('user.device', 'userAgent', 'segment')]
    const want = ['segment user.contact.email undeclared', 'segment user.device undeclared', 'segment user.unique_id undeclared']
    expect(declared(flows, [collection, named]).sort()).toEqual(want)
    expect(declared(flows, [collection, analytics]).sort()).toEqual(want)
    // a non-analytics vendor is not bound by an analytics promise
    expect(declared([dataFlow('user.contact.email', 'email', 'resend')], [collection, analytics])).toEqual(['resend user.contact.email declared:7'])
  })
})

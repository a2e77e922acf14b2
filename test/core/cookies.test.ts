// The cookie inventory: which cookies a scan's evidence adds up to, with party, purpose and persistence.
import { describe, expect, it } from 'vitest'
import { buildCookieInventory, purposeFromName, scanCookies } from '../../src/model/cookies.js'
import { VendorLedger } from '../../src/model/ledger.js'
import { defaultConfig } from '../../src/collect/config.js'
import type { Evidence } from '../../src/types/index.js'
import { testCatalog } from '../helpers/catalog.js'
import { ev } from '../helpers/check-tester.js'
import { initVendor, loadVendor, script, setCookie } from '../helpers/cookies.js'

const catalog = testCatalog()
const inventory = (evidence: Evidence[]) => buildCookieInventory(evidence, new VendorLedger(catalog, evidence, [], defaultConfig()))
const rows = (evidence: Evidence[]) => inventory(evidence).map((c) => `${c.name} ${c.party}${c.vendor ? ` ${c.vendor}` : ''} ${c.purpose} ${c.persistent}`)

describe('cookie inventory', () => {
  it('lists first-party cookies once per name, with every place that sets them', () => {
    const list = inventory([setCookie('theme', 'a.ts', 1, { persistent: false }), setCookie('theme', 'b.ts', 7, { persistent: true, lifetime: '1 year', attributes: { sameSite: 'lax' } })])
    expect(list).toEqual([{ name: 'theme', party: 'first', purpose: 'functional', persistent: true, lifetime: '1 year', attributes: { sameSite: 'lax' }, locations: [{ file: 'a.ts', line: 1 }, { file: 'b.ts', line: 7 }] }])
  })
  it("reports a vendor's cookies as third party, even those on the product's domain", () => {
    expect(rows([loadVendor('posthog', 'posthog-js')])).toEqual(['ph_* third posthog analytics true'])
  })
  it('a server-only SDK sets no browser cookie', () => {
    expect(rows([ev('import', 'posthog-node', 'posthog', 'lib/a.ts', 1)])).toEqual([])
  })
  it('an SDK kept off cookies by every initialisation sets none; one initialisation with cookies is enough', () => {
    const off = initVendor('posthog', 'posthog-js', 'a.tsx', 9, "persistence: 'memory'")
    expect(rows([loadVendor('posthog', 'posthog-js'), off])).toEqual([])
    expect(rows([loadVendor('posthog', 'posthog-js'), off, initVendor('posthog', 'posthog-js', 'b.tsx', 3)])).toEqual(['ph_* third posthog analytics true'])
  })
  it("a cookie row tied to packages counts only when one of them is used (Clerk's middleware, not clerk-js's __client)", () => {
    expect(rows([loadVendor('clerk', '@clerk/express', 'src/server.ts', 2, false)])).toEqual(['__client_uat third clerk strictly-necessary true', '__session third clerk strictly-necessary true'])
    expect(rows([loadVendor('clerk', '@clerk/nextjs', 'app/layout.tsx', 3)])).toEqual(['__client third clerk strictly-necessary true', '__client_uat third clerk strictly-necessary true', '__session third clerk strictly-necessary true'])
  })
  it('a script from the vendor host sets its cookies; one company reached through two products is one row', () => {
    const list = inventory([script('google-tag-manager', 'https://www.googletagmanager.com/gtag/js?id=G-1', 'app/layout.tsx', 20), loadVendor('google-analytics', 'react-ga4', 'app/ga.tsx', 2)])
    expect(list.map((c) => `${c.name} ${c.vendor}`)).toEqual(['_ga google-analytics', '_ga_* google-analytics'])
    expect(list[0].locations).toEqual([{ file: 'app/ga.tsx', line: 2 }, { file: 'app/layout.tsx', line: 20 }])
  })
  it('a host that is only called (not a script) loads no cookies', () => {
    expect(rows([ev('host', 'api.segment.io', 'segment', 'server.ts', 3, { data: { url: 'https://api.segment.io/v1/track' } })])).toEqual([])
    expect(rows([ev('host', 'connect.facebook.net', 'meta-pixel', 'index.html', 3, { data: { url: 'https://connect.facebook.net/en_US/fbevents.js' } })])).toEqual(['_fbp third meta-pixel advertising true', 'fr third meta-pixel advertising true'])
  })
  it("a dynamic setter inside a vendor's cookie adapter sets the vendor's cookies, not an unknown one", () => {
    expect(rows([setCookie('(dynamic)', 'lib/supabase.ts', 9, { dynamic: true, adapterVendor: 'supabase' }), loadVendor('supabase', '@supabase/ssr', 'lib/supabase.ts', 1)])).toEqual(['sb-* third supabase strictly-necessary true'])
  })
  it('collects cookies named at run time into one (dynamic) row with every location', () => {
    const list = inventory([setCookie('(dynamic)', 'a.ts', 3, { dynamic: true }), setCookie('(dynamic)', 'b.ts', 4, { dynamic: true })])
    expect(list).toEqual([{ name: '(dynamic)', party: 'first', purpose: 'unknown', persistent: null, dynamic: true, locations: [{ file: 'a.ts', line: 3 }, { file: 'b.ts', line: 4 }] }])
  })
  it("a cookie helper's callers in other files name its cookies; unresolved, it stays (dynamic)", () => {
    const helper = setCookie('(dynamic)', 'lib/cookies.ts', 3, { dynamic: true, helper: { name: 'setCookie', index: 0 }, lifetime: '30 days' })
    const call = (line: number, names: Array<string | null>) => ev('cookie', 'setCookie', undefined, 'app/page.tsx', line, { data: { role: 'helper-call', helper: 'setCookie', names } })
    expect(inventory([helper, call(5, ['theme', 'dark']), call(9, ['accent', null])]).map((c) => `${c.name} ${c.lifetime} ${c.locations.map((l) => l.line).join(',')}`)).toEqual(['accent 30 days 9', 'theme 30 days 5'])
    expect(inventory([helper]).map((c) => c.name)).toEqual(['(dynamic)'])
  })
  it("Lucia's session cookie takes the name its config gives", () => {
    const list = inventory([setCookie('app_auth', 'lib/auth.ts', 5, { api: 'lucia', group: 'lucia', purpose: 'strictly-necessary' }), setCookie('auth_session', 'app/login.ts', 9, { api: 'next', ref: 'lucia', group: 'lucia', purpose: 'strictly-necessary' })])
    expect(list.map((c) => `${c.name} ${c.locations.map((l) => l.file).join(',')}`)).toEqual(['app_auth app/login.ts,lib/auth.ts'])
  })
  it('evidence in tests does not ship', () => {
    expect(rows([setCookie('theme', 'a.test.ts', 1, {}, { nonShipped: true }), loadVendor('posthog', 'posthog-js', 'a.test.tsx', 1, true, { nonShipped: true })])).toEqual([])
  })
  it('is memoised per evidence list', () => {
    const evidence = [setCookie('theme')]
    expect(scanCookies(evidence, catalog)).toBe(scanCookies(evidence, catalog))
  })
  it.each([['sid', 'strictly-necessary'], ['connect.sid', 'strictly-necessary'], ['theme', 'functional'], ['NEXT_LOCALE', 'functional'], ['utm_source', 'analytics'], ['_fbp', 'advertising'], ['x7', 'unknown']])('guesses %s is %s', (name, purpose) => {
    expect(purposeFromName(name)).toBe(purpose)
  })
})

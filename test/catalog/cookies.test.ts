// The cookie rows of the vendor catalog: the vendors the cookie checks depend on, and the Open Cookie Database attribution.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CATALOG_DIR, normalizeVendor, readVendorFiles } from '../../src/catalog/index.js'

const vendors = readVendorFiles().vendors.map(normalizeVendor)
const cookiesOf = (id: string) => vendors.find((v) => v.id === id)?.cookies.map((c) => (c.prefix ? `${c.name}*` : c.name)) ?? []

describe('vendor cookies', () => {
  it.each<[string, string[]]>([
    ['clerk', ['__session', '__client_uat']],
    ['workos', ['wos-session']],
    ['auth0', ['__session']],
    ['stripe', ['__stripe_mid', '__stripe_sid']],
    ['intercom', ['intercom-session-*']],
    ['google-analytics', ['_ga', '_ga_*']],
    ['google-tag-manager', ['_ga', '_ga_*']],
    ['meta-pixel', ['_fbp', '_fbc']],
    ['hotjar', ['_hjSessionUser_*']],
    ['mixpanel', ['mp_*']],
    ['segment', ['ajs_anonymous_id', 'ajs_user_id']],
    ['amplitude', ['AMP_*']],
    ['hubspot', ['__hstc', 'hubspotutk']],
    ['posthog', ['ph_*']],
    ['linkedin-insight', ['li_fat_id']],
    ['microsoft-clarity', ['_clck']],
  ])('%s sets %j', (id, names) => {
    for (const name of names) expect(cookiesOf(id)).toContain(name)
  })
  it('cookieless analytics set none (Vercel Analytics, Plausible, Fathom)', () => {
    for (const id of ['vercel-analytics', 'plausible', 'fathom']) expect(cookiesOf(id)).toEqual([])
  })
  it("a server SDK is never one of the packages that set a vendor's browser cookies", () => {
    const posthog = vendors.find((v) => v.id === 'posthog')!
    expect(posthog.browserPackages).not.toContain('posthog-node')
    for (const v of vendors) for (const c of v.cookies) for (const p of c.packages ?? []) expect(p, `${v.id} ${c.name}`).not.toMatch(/-node$|\/node$|\/backend$/)
  })
  it('every row says where it came from; Open Cookie Database rows keep their licence and attribution beside the data', () => {
    const rows = vendors.flatMap((v) => v.cookies)
    expect(rows.length).toBeGreaterThan(200)
    expect(rows.every((c) => c.source === 'open-cookie-database' || c.source === 'catalog')).toBe(true)
    expect(existsSync(path.join(CATALOG_DIR, 'LICENSE-open-cookie-database'))).toBe(true)
    const notice = readFileSync(path.join(CATALOG_DIR, 'NOTICE-open-cookie-database.md'), 'utf8')
    expect(notice).toMatch(/Apache License, Version 2\.0/)
    expect(notice).toMatch(/0ee5a17fe1cb002943f89370d24fc26a4226061c/)
  })
})

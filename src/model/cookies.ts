// The cookie inventory legal needs for its cookie table: first-party cookies set in code, vendor cookies of browser SDKs.
//
// Party is about who controls the cookie, not the domain it sits on: a cookie a vendor's SDK or script sets is
// `third` even when it lives on the product's domain (`_ga`, `ph_*`, `__session`), because "no third-party analytics
// cookies" means exactly those. A cookie the product's own code sets is `first`.
import { packageMatches, type Catalog } from '../catalog/index.js'
import type { CookieEntry, CookieSetData, CookiePurpose, Evidence, EvidenceKind, Location, Vendor, VendorCookie } from '../types/index.js'
import type { VendorLedger } from './ledger.js'
import { compareText } from '../util/order.js'

export const DYNAMIC_COOKIE = '(dynamic)'

/** A cookie with what the checks need besides the report fields. */
export interface CookieRecord extends CookieEntry {
  /**
   * The unit a promise counts: one per vendor (a login session of an auth provider, or all of an analytics SDK's
   * cookies), one per session-library config (express-session, next-auth…), one per first-party name.
   */
  unit: string
  /** Strictly-necessary cookies of an auth provider or session library: what "one session cookie" allows. */
  loginSession: boolean
}

/** Where and how a vendor that sets cookies is put to work in the browser (or on the product's responses). */
export interface VendorUse {
  vendor: Vendor
  locations: Location[]
  /** The config that keeps every initialisation of the SDK off cookies (`persistence: 'memory'`). */
  cookieFree?: { setting: string; location: Location }
  /** Package names imported, and whether any import runs in the browser. */
  packages: Set<string>
  browser: boolean
  /** Loaded by a script tag or a global snippet (`fbq('init')`). */
  script: boolean
  /** A cookie adapter of the vendor's (Supabase SSR's `setAll`) sets its cookies. */
  adapter: boolean
}

export interface CookieScan {
  cookies: CookieRecord[]
  /** Vendors loaded where they can set cookies or track, by id. */
  vendors: Map<string, VendorUse>
}

/** A URL that loads a script or a pixel (`fbevents.js`, `gtag/js?id=`, Segment's `analytics.js/v1/…`, `/tr?id=`). */
const SCRIPT_URL = /\.js(?:[?#/]|$)|\/gtag\/js|\/js\?|\/tr\/?(?:[?#]|$)|\/pixel\b/i
/** Files whose strings run in the browser: a vendor host there is a tag the page loads. */
const BROWSER_FILE = /\.(?:html?|vue|svelte)$/i

/** Names that say what a first-party cookie is for; anything else is `unknown`. */
const PURPOSE_BY_NAME: Array<[RegExp, CookiePurpose]> = [
  [/sess|^sid$|\.sid$|auth|token|jwt|csrf|xsrf|login|logged|remember|refresh|^uid$|user_?id|consent|__host-|__secure-|cf_clearance|captcha/i, 'strictly-necessary'],
  [/^_?ga($|_)|^_gid$|utm|track|analytic|visitor|campaign|first_?visit|ab_?test|experiment|^_?pk_|^mp_|^ajs_|^amp_/i, 'analytics'],
  [/^_fb[pc]$|gclid|fbclid|^_gcl|retarget|^ads?_|_ads?$|^_uet/i, 'advertising'],
  [/theme|lang|locale|i18n|pref|dark|mode|sidebar|currency|timezone|^tz$|density|layout|banner|dismiss|tour|onboarding|cart|last_?seen|recent/i, 'functional'],
]

export function purposeFromName(name: string): CookiePurpose | 'unknown' {
  for (const [re, purpose] of PURPOSE_BY_NAME) if (re.test(name)) return purpose
  return 'unknown'
}

function addLocation(list: Location[], l: Location): void {
  if (!list.some((x) => x.file === l.file && x.line === l.line)) list.push({ file: l.file, line: l.line })
}

function sortLocations(list: Location[]): Location[] {
  return list.sort((a, b) => compareText(a.file, b.file) || a.line - b.line)
}

function persistentFromRetention(retention: string | undefined): boolean | null {
  if (!retention) return null
  if (/^\s*(?:session|end of (?:the )?(?:browser )?session)/i.test(retention)) return false
  return true
}

function rowActive(row: VendorCookie, use: VendorUse): boolean {
  if (use.script || use.adapter) return true
  if (row.packages) return [...use.packages].some((p) => row.packages!.some((q) => packageMatches(q, p)))
  return use.browser
}

const scans = new WeakMap<Evidence[], Map<Catalog, CookieScan>>()

/** The evidence the scan reads: cookies set, vendor SDKs loaded and initialised, and scripts and tags loaded. */
export const COOKIE_SCAN_KINDS = ['cookie', 'script', 'host'] as const satisfies readonly EvidenceKind[]

/** Every cookie the shipped code sets or makes a vendor set. Memoised per evidence list and catalog. */
export function scanCookies(evidence: Evidence[], catalog: Catalog): CookieScan {
  const byCatalog = scans.get(evidence) ?? new Map<Catalog, CookieScan>()
  const hit = byCatalog.get(catalog)
  if (hit) return hit
  const scan = computeScan(evidence, catalog)
  byCatalog.set(catalog, scan)
  scans.set(evidence, byCatalog)
  return scan
}

function computeScan(evidence: Evidence[], catalog: Catalog): CookieScan {
  const shipped = evidence.filter((e) => !e.nonShipped)
  const vendors = new Map<string, VendorUse>()
  const inits = new Map<string, Array<{ cookies: boolean; setting?: string; location: Location }>>()
  const useOf = (vendor: Vendor): VendorUse => {
    let use = vendors.get(vendor.id)
    if (!use) {
      use = { vendor, locations: [], packages: new Set(), browser: false, script: false, adapter: false }
      vendors.set(vendor.id, use)
    }
    return use
  }

  // where vendors are put to work
  for (const e of shipped) {
    if (e.kind === 'cookie') {
      const { data } = e
      const vendor = data.role === 'vendor-load' || data.role === 'vendor-init' ? catalog.get(data.vendor) : data.role === 'set' && data.adapterVendor ? catalog.get(data.adapterVendor) : undefined
      if (!vendor) continue
      if (data.role === 'vendor-load') {
        const use = useOf(vendor)
        if (data.package) use.packages.add(data.package)
        if (data.browser) use.browser = true
        addLocation(use.locations, e.location)
      } else if (data.role === 'vendor-init') {
        const use = useOf(vendor)
        if (!data.package) use.script = true
        else use.browser = true
        addLocation(use.locations, e.location)
        const list = inits.get(vendor.id) ?? []
        list.push({ cookies: data.cookies !== false, setting: data.setting, location: e.location })
        inits.set(vendor.id, list)
      } else if (data.role === 'set' && data.adapterVendor) {
        const use = useOf(vendor)
        use.adapter = true
        addLocation(use.locations, e.location)
      }
    } else if ((e.kind === 'script' || (e.kind === 'host' && (SCRIPT_URL.test(e.data?.url ?? '') || BROWSER_FILE.test(e.location.file)))) && e.vendor) {
      const vendor = catalog.get(e.vendor)
      if (!vendor) continue
      const use = useOf(vendor)
      use.script = true
      addLocation(use.locations, e.location)
    }
  }
  for (const [id, list] of inits) {
    // every initialisation keeps the SDK off cookies: it sets none
    if (list.length && list.every((i) => !i.cookies)) vendors.get(id)!.cookieFree = { setting: list[0].setting ?? '', location: list[0].location }
  }

  const cookies: CookieRecord[] = []
  // first-party cookies the code sets
  const luciaName = shipped.find((e) => e.kind === 'cookie' && e.data.role === 'set' && e.data.api === 'lucia' && !e.data.ref)?.value ?? 'auth_session'
  // calls in other files of the product's own cookie helpers: `setCookie('theme', …)` → the helper sets `theme`
  const helperCalls = new Map<string, Array<{ names: Array<string | null>; location: Location }>>()
  for (const e of shipped) {
    if (e.kind !== 'cookie' || e.data.role !== 'helper-call' || !e.data.helper) continue
    const { helper, names } = e.data
    helperCalls.set(helper, [...(helperCalls.get(helper) ?? []), { names, location: e.location }])
  }
  const byName = new Map<string, CookieRecord>()
  const dynamic: CookieRecord = { name: DYNAMIC_COOKIE, party: 'first', purpose: 'unknown', persistent: null, dynamic: true, locations: [], unit: 'dynamic', loginSession: false }
  for (const e of shipped) {
    if (e.kind !== 'cookie') continue
    const { data } = e
    if (data.role !== 'set' || data.adapterVendor) continue
    const settings: Array<{ name: string; location: Location }> = []
    if (data.dynamic && data.helper) {
      for (const call of helperCalls.get(data.helper.name) ?? []) {
        const name = call.names[data.helper.index]
        if (name) settings.push({ name, location: call.location })
      }
    }
    if (data.dynamic && settings.length === 0) {
      addLocation(dynamic.locations, e.location)
      continue
    }
    if (!data.dynamic) settings.push({ name: data.ref === 'lucia' ? luciaName : e.value, location: e.location })
    for (const { name, location } of settings) addFirstParty(name, location, data)
  }
  function addFirstParty(name: string, location: Location, data: CookieSetData): void {
    let record = byName.get(name)
    if (!record) {
      const purpose = data.purpose ?? purposeFromName(name.replace(/\*$/, ''))
      record = {
        name, party: 'first', purpose, persistent: data.persistent, locations: [],
        unit: data.group ? `session:${data.group}` : `cookie:${name}`,
        loginSession: !!data.group || (purpose === 'strictly-necessary' && /sess|^sid$|\.sid$|auth|token|jwt|login/i.test(name)),
      }
      byName.set(name, record)
    } else if (data.persistent === true || (record.persistent === null && data.persistent === false)) record.persistent = data.persistent
    if (data.lifetime && !record.lifetime) record.lifetime = data.lifetime
    if (data.attributes) record.attributes = { ...data.attributes, ...record.attributes }
    addLocation(record.locations, location)
  }
  cookies.push(...byName.values())
  if (dynamic.locations.length) cookies.push(dynamic)

  // vendor cookies, from the catalog, for vendors put to work where they set them
  const vendorNames = new Map<string, CookieRecord>()
  for (const use of [...vendors.values()].sort((a, b) => compareText(a.vendor.id, b.vendor.id))) {
    if (use.cookieFree) continue
    for (const row of use.vendor.cookies) {
      if (!rowActive(row, use)) continue
      const name = row.prefix ? `${row.name}*` : row.name
      // one company's cookie reached through two of its products (gtag.js is Google Analytics' and Tag Manager's) is one row
      const key = `${name}\0${use.vendor.legalName ?? use.vendor.id}`
      const existing = vendorNames.get(key)
      if (existing) {
        use.locations.forEach((l) => addLocation(existing.locations, l))
        continue
      }
      const loginSession = use.vendor.category === 'auth' && row.purpose === 'strictly-necessary'
      const record: CookieRecord = {
        name, party: 'third', vendor: use.vendor.id, purpose: row.purpose, persistent: persistentFromRetention(row.retention),
        ...(row.retention ? { lifetime: row.retention } : {}), locations: use.locations.map((l) => ({ file: l.file, line: l.line })),
        unit: `vendor:${use.vendor.id}`, loginSession,
      }
      vendorNames.set(key, record)
      cookies.push(record)
    }
  }
  for (const c of cookies) sortLocations(c.locations)
  cookies.sort((a, b) => (a.party === b.party ? 0 : a.party === 'first' ? -1 : 1) || compareText(a.vendor ?? '', b.vendor ?? '')
    || Number(a.dynamic ?? false) - Number(b.dynamic ?? false) || compareText(a.name, b.name))
  for (const use of vendors.values()) sortLocations(use.locations)
  return { cookies, vendors }
}

/** The report's `cookies`: the inventory without the fields only the checks use. */
export function buildCookieInventory(evidence: Evidence[], ledger: VendorLedger): CookieEntry[] {
  return scanCookies(evidence, ledger.catalog).cookies.map(({ unit: _unit, loginSession: _login, ...entry }) => entry)
}

/** What a cookie promise counts: a vendor's cookies, a session library's, or one first-party name. */
export interface CookieUnit {
  key: string
  vendor?: Vendor
  party: 'first' | 'third'
  cookies: CookieRecord[]
  locations: Location[]
  loginSession: boolean
}

/**
 * The units of a scan: cookies grouped by `unit`, and advertising vendors loaded in the browser that the catalog
 * knows no cookie of (a tracker all the same). Dynamic cookies are left out: the checks report them on their own.
 */
export function cookieUnits(scan: CookieScan): CookieUnit[] {
  const units = new Map<string, CookieUnit>()
  for (const c of scan.cookies) {
    if (c.dynamic) continue
    let unit = units.get(c.unit)
    if (!unit) {
      const vendor = c.vendor ? scan.vendors.get(c.vendor)?.vendor : undefined
      unit = { key: c.unit, ...(vendor ? { vendor } : {}), party: c.party, cookies: [], locations: [], loginSession: true }
      units.set(c.unit, unit)
    }
    unit.cookies.push(c)
    unit.loginSession &&= c.loginSession
    c.locations.forEach((l) => addLocation(unit!.locations, l))
  }
  for (const use of scan.vendors.values()) {
    const key = `vendor:${use.vendor.id}`
    if (units.has(key) || use.vendor.category !== 'ads' || use.cookieFree || !(use.browser || use.script)) continue
    units.set(key, { key, vendor: use.vendor, party: 'third', cookies: [], locations: [...use.locations], loginSession: false })
  }
  for (const u of units.values()) sortLocations(u.locations)
  return [...units.values()].sort((a, b) => compareText(a.key, b.key))
}

/** A sentence the policy could add for a cookie unit it does not account for. */
export function cookieSentence(unit: CookieUnit): string {
  const kinds = [...new Set(unit.cookies.map((c) => c.purpose).filter((p) => p !== 'unknown'))].join(' and ').replace('strictly-necessary', 'strictly necessary')
  const names = unit.cookies.map((c) => `\`${c.name}\``).slice(0, 4).join(', ')
  if (unit.vendor) {
    return unit.cookies.length
      ? `${unit.vendor.name} sets ${kinds ? `${kinds} ` : ''}cookies (${names}) for ${unit.vendor.purpose}.`
      : `We use ${unit.vendor.name} for ${unit.vendor.purpose}; it tracks visits for advertising.`
  }
  const lifetime = unit.cookies[0]?.lifetime ?? (unit.cookies[0]?.persistent === false ? 'until you close the browser' : undefined)
  return `We also set ${unit.cookies.length > 1 ? 'the cookies' : 'a'} ${names} ${unit.cookies.length > 1 ? '' : 'cookie '}${kinds ? `(${kinds}${lifetime ? `, ${lifetime}` : ''})` : lifetime ? `(${lifetime})` : ''}.`.replace(/\s+\./, '.').replace(/\s{2,}/g, ' ')
}

export function isNamed(name: string, named: string[]): boolean {
  if (named.includes(name)) return true
  if (name.endsWith('*')) {
    const prefix = name.slice(0, -1)
    return named.some((n) => n.startsWith(prefix) || n === prefix.replace(/[_-]$/, ''))
  }
  return false
}

// Cookie evidence and claims for the cookie check tests, shaped as the detector and the policy parser make them.
import type { Claim, CookieDenialData, CookieEvidence, CookiePurpose, CookieSetData, Evidence } from '../../src/types/index.js'
import { ev } from './check-tester.js'

/** A first-party cookie set in code. */
export function setCookie(name: string, file = 'app/theme.ts', line = 3, data: Partial<CookieSetData> = {}, extra: Partial<CookieEvidence> = {}): Evidence {
  return ev('cookie', name, undefined, file, line, { data: { role: 'set', api: 'document.cookie', side: 'browser', persistent: true, ...data }, ...extra })
}

/** A vendor package imported where it sets cookies. */
export function loadVendor(vendor: string, pkg: string, file = 'app/providers.tsx', line = 4, browser = true, extra: Partial<CookieEvidence> = {}): Evidence {
  return ev('cookie', vendor, undefined, file, line, { data: { role: 'vendor-load', vendor, package: pkg, browser }, ...extra })
}

/** A vendor SDK initialised; `setting` keeps it off cookies. */
export function initVendor(vendor: string, pkg: string | undefined, file = 'app/providers.tsx', line = 9, setting?: string): Evidence {
  return ev('cookie', vendor, undefined, file, line, { data: { role: 'vendor-init', vendor, ...(pkg ? { package: pkg } : {}), cookies: setting === undefined, ...(setting ? { setting } : {}) } })
}

/** A vendor script loaded from its host (`<script src>`, a snippet's URL). */
export function script(vendor: string, url: string, file = 'public/index.html', line = 12, kind: 'script' | 'host' = 'script'): Evidence {
  return ev(kind, new URL(url).host, vendor, file, line, { data: { url } })
}

const base = { section: ['Cookies'], line: 36, endLine: 36 }

export function denial(phrase: string, purposes: CookiePurpose[], what: CookieDenialData['what'] = 'cookies', more: Partial<CookieDenialData> = {}, line = 36): Claim {
  return { kind: 'cookie', subject: 'cookie-denial', polarity: 'deny', ...base, line, endLine: line, quote: `No ${phrase}.`, data: { purposes, what, phrase, ...more } }
}

export function limit(max: number, quote = 'One session cookie, to keep you signed in.', line = 36): Claim {
  return { kind: 'cookie', subject: 'cookie-limit', polarity: 'affirm', ...base, line, endLine: line, quote, data: { max, scope: 'session', phrase: quote.split(',')[0] } }
}

export function onlyPurposes(purposes: CookiePurpose[], line = 36): Claim {
  return { kind: 'cookie', subject: 'cookie-purposes', polarity: 'affirm', ...base, line, endLine: line, quote: 'We only use strictly necessary cookies.', data: { purposes, phrase: 'strictly necessary cookies' } }
}

export function names(list: string[], line = 37): Claim {
  return { kind: 'cookie', subject: 'cookie-names', polarity: 'affirm', ...base, line, endLine: line, quote: `We set ${list.join(' and ')} cookies.`, data: { names: list } }
}

export function vendorCookies(vendor: string, line = 38): Claim {
  return { kind: 'cookie', subject: 'vendor-cookies', vendor, polarity: 'affirm', ...base, line, endLine: line, quote: `${vendor} uses cookies.`, data: { purposes: [], phrase: 'cookies' } }
}

'use client'
// Cookies set in the browser, and vendor SDKs that set their own. Reads and deletions are not setters.
import Cookies from 'js-cookie'
import UniversalCookies from 'universal-cookie'
import { useCookies } from 'react-cookie'
import { setCookie, getCookie, deleteCookie } from 'cookies-next'
import { setCookie as writeCookie, readCookie } from '../lib/cookie-utils'
// privaudit:expect import:posthog privaudit:expect cookie-sdk:posthog
import posthog from 'posthog-js'
// privaudit:expect import:mixpanel privaudit:expect cookie-sdk:mixpanel
import mixpanel from 'mixpanel-browser'
// a server SDK imported into a client file still runs on no browser: privaudit:expect import:posthog
import { PostHog } from 'posthog-node'
// Vercel Analytics sets no cookies: privaudit:expect import:vercel
import { Analytics } from '@vercel/analytics/react'

const THEME_COOKIE = 'theme'
const COOKIE_NAMES = { locale: 'NEXT_LOCALE' } as const
const YEAR = 60 * 60 * 24 * 365

export function remember(dark: boolean, userId: string, key: string) {
  // privaudit:expect cookie:theme
  document.cookie = `${THEME_COOKIE}=${dark ? 'dark' : 'light'}; path=/; max-age=${YEAR}`
  // privaudit:expect cookie:sidebar
  document.cookie = 'sidebar=open; path=/'
  // privaudit:expect cookie:pref_*
  document.cookie = `pref_${userId}=1; max-age=3600`
  // privaudit:expect cookie:(dynamic)
  document.cookie = key + '=1'
  // reading is not setting
  const all = document.cookie.split('; ')
  // deleting is not setting
  document.cookie = 'sidebar=; max-age=0'
  document.cookie = 'theme=; expires=Thu, 01 Jan 1970 00:00:00 GMT'
  return all
}

function setPreference(name: string, value: string, days = 30) {
  document.cookie = name + '=' + encodeURIComponent(value) + '; max-age=' + days * 86400 + '; path=/'
}

export function preferences() {
  // privaudit:expect cookie:density
  setPreference('density', 'compact')
  // privaudit:expect cookie:NEXT_LOCALE
  setPreference(COOKIE_NAMES.locale, 'fr')
}

export function libraries(consent: boolean) {
  // privaudit:expect cookie:consent
  Cookies.set('consent', String(consent), { expires: 180, sameSite: 'lax' })
  Cookies.get('consent')
  Cookies.remove('consent')
  // privaudit:expect cookie:tz
  new UniversalCookies().set('tz', 'Europe/Paris', { path: '/' })
  const jar = new UniversalCookies()
  // privaudit:expect cookie:currency
  jar.set('currency', 'EUR', { maxAge: 3600 })
  jar.get('currency')
  // privaudit:expect cookie:last_seen
  setCookie('last_seen', Date.now(), { maxAge: 60 * 60 * 24 })
  getCookie('last_seen')
  deleteCookie('last_seen')
  // privaudit:expect cookie:__cart
  window.cookieStore.set('__cart', 'abc')
  // the product's own helper, defined in another file, names the cookie here: privaudit:expect cookie-call:setCookie
  writeCookie('accent', 'blue', 30)
  readCookie('accent')
}

// an exported helper whose callers live in other files: privaudit:expect cookie:(dynamic)
export const storeCookie = (name: string, value: string) => { document.cookie = `${name}=${value}; path=/` }

export function Banner() {
  const [cookies, setCookieValue, removeCookie] = useCookies(['banner'])
  // privaudit:expect cookie:banner_dismissed
  const dismiss = () => setCookieValue('banner_dismissed', '1', { path: '/', maxAge: 3600 })
  return [cookies, dismiss, removeCookie]
}

export function analytics() {
  // privaudit:expect cookie-init-off:posthog privaudit:expect host:posthog
  posthog.init('phc_x', { api_host: 'eu.i.posthog.com', persistence: 'memory' })
  // privaudit:expect cookie-init:mixpanel
  mixpanel.init('token', { track_pageview: true })
  return [PostHog, Analytics]
}

// a type-only import loads nothing into the browser
import type { PostHogConfig } from 'posthog-js'

// a parameter named like an import is not that library: no cookie set here
export function shadowed(Cookies: Map<string, string>, config: PostHogConfig) {
  Cookies.set('not_js_cookie', '1')
  return config
}

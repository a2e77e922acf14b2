// What each kind of evidence carries in `data`, the detectors' side of the contract with the checks.

export type CookieApi =
  | 'document.cookie' | 'cookieStore' | 'js-cookie' | 'universal-cookie' | 'react-cookie' | 'nookies' | 'cookies-next'
  | 'express' | 'fastify' | 'koa' | 'hono' | 'next' | 'cookies' | 'set-cookie' | 'cookie.serialize'
  | 'express-session' | 'cookie-session' | 'fastify-session' | 'koa-session' | 'iron-session' | 'next-auth' | 'lucia' | 'remix'

export interface CookieSetData {
  role: 'set'
  api: CookieApi
  side: 'browser' | 'server'
  dynamic?: true
  prefix?: true
  attributes?: { httpOnly?: boolean; secure?: boolean; sameSite?: string }
  persistent: boolean | null
  lifetime?: string
  /** Cookies of one session library config (express-session, next-auth…): one login session. */
  group?: string
  purpose?: 'strictly-necessary'
  /** A dynamic setter inside a vendor's cookie adapter (`createServerClient(…, { cookies: { setAll } })`). */
  adapterVendor?: string
  /** The name is Lucia's session cookie name, configured wherever `new Lucia()` is. */
  ref?: 'lucia'
  /** An exported helper that takes the name as a parameter: its callers in other files name the cookie. */
  helper?: { name: string; index: number }
}

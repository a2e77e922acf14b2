// Cookies set on the server: framework setters, raw Set-Cookie headers, the cookie package, session middleware.
import express from 'express'
import session from 'express-session'
import { serialize } from 'cookie'
import { setCookie as setHonoCookie, getCookie } from 'hono/cookie'
import { setCookie as setNookie, parseCookies } from 'nookies'
import { cookies } from 'next/headers'
import { NextResponse } from 'next/server'
import NextAuth from 'next-auth'
import { Lucia } from 'lucia'
import { getIronSession } from 'iron-session'
import { createCookieSessionStorage, createCookie } from '@remix-run/node'
import { setCookie as setH3Cookie } from 'h3'
// privaudit:expect import:supabase privaudit:expect cookie-sdk:supabase
import { createServerClient } from '@supabase/ssr'
// server-only analytics sets no browser cookie: privaudit:expect import:posthog
import { PostHog } from 'posthog-node'
// Clerk's middleware sets its session cookies on the product's responses: privaudit:expect import:clerk privaudit:expect cookie-sdk:clerk
import { clerkMiddleware } from '@clerk/express'

const app = express()
const SESSION_COOKIE = 'sid'
const DAY_MS = 24 * 60 * 60 * 1000

// privaudit:expect cookie:app.sid
app.use(session({ name: 'app.sid', secret: process.env.SESSION_SECRET!, cookie: { httpOnly: true, secure: true, maxAge: 7 * DAY_MS } }))
// privaudit:expect cookie:connect.sid
app.use(session({ secret: 'x' }))
app.use(clerkMiddleware())

app.post('/login', (req, res) => {
  // privaudit:expect cookie:sid
  res.cookie(SESSION_COOKIE, 'token', { httpOnly: true, sameSite: 'lax', maxAge: DAY_MS })
  // reading and clearing are not setting
  const current = req.cookies.sid
  res.clearCookie('legacy')
  res.cookie('legacy', '', { expires: new Date(0) })
  // privaudit:expect cookie:csrf
  res.setHeader('Set-Cookie', 'csrf=abc; Path=/; HttpOnly; Secure; SameSite=Strict')
  // privaudit:expect cookie:a privaudit:expect cookie:b
  res.setHeader('Set-Cookie', ['a=1; Max-Age=60', 'b=2'])
  // privaudit:expect cookie:flash
  res.setHeader('Set-Cookie', serialize('flash', 'saved', { maxAge: 10, httpOnly: true }))
  res.json({ current, posthog: PostHog })
})

export function fastify(reply: { setCookie(n: string, v: string, o?: object): void }) {
  // privaudit:expect cookie:locale
  reply.setCookie('locale', 'fr', { path: '/' })
}

export function koa(ctx: { cookies: { set(n: string, v: string, o?: object): void; get(n: string): string } }) {
  // privaudit:expect cookie:koa_visit
  ctx.cookies.set('koa_visit', '1', { maxAge: 60000 })
  ctx.cookies.get('koa_visit')
}

export function hono(c: unknown) {
  // privaudit:expect cookie:hono_pref
  setHonoCookie(c as never, 'hono_pref', 'x', { maxAge: 3600, secure: true })
  getCookie(c as never, 'hono_pref')
}

export function nookies(ctx: unknown) {
  // privaudit:expect cookie:fromNookies
  setNookie(ctx as never, 'fromNookies', 'v', { maxAge: 30 * 24 * 60 * 60 })
  parseCookies(ctx as never)
}

export async function nextRoute() {
  // privaudit:expect cookie:onboarding
  cookies().set('onboarding', 'done')
  // privaudit:expect cookie:tour
  ;(await cookies()).set({ name: 'tour', value: 'seen', maxAge: 3600 })
  const store = await cookies()
  // privaudit:expect cookie:team
  store.set('team', 't_1', { httpOnly: true })
  store.get('team')
  store.delete('team')
  const response = NextResponse.json({ ok: true })
  // privaudit:expect cookie:ab_bucket
  response.cookies.set('ab_bucket', 'b', { maxAge: 60 * 60 * 24 * 30 })
  // privaudit:expect cookie:edge
  return new Response('ok', { headers: { 'Set-Cookie': 'edge=1; Max-Age=300' } })
}

export function appendHeader(headers: Headers) {
  // privaudit:expect cookie:appended
  headers.append('set-cookie', `appended=${Date.now()}; Path=/`)
}

export function setFromParam(res: { cookie(n: string, v: string): void }, name: string) {
  // a name that comes from elsewhere is reported, never dropped: privaudit:expect cookie:(dynamic)
  res.cookie(name, 'v')
}

// privaudit:expect cookie:next-auth.session-token privaudit:expect cookie:next-auth.csrf-token privaudit:expect cookie:next-auth.callback-url
const handler = NextAuth({ providers: [] })

// privaudit:expect cookie:auth_session
export const lucia = new Lucia({} as never, { sessionCookie: { expires: false } })

export async function luciaLogin(id: string) {
  const sessionCookie = lucia.createSessionCookie(id)
  // privaudit:expect cookie:auth_session
  cookies().set(sessionCookie.name, sessionCookie.value, sessionCookie.attributes)
  const blank = lucia.createBlankSessionCookie()
  return blank
}

export async function iron() {
  // privaudit:expect cookie:app_session
  return getIronSession(await cookies(), { cookieName: 'app_session', password: process.env.IRON_PASSWORD! })
}

export async function supabase() {
  const store = await cookies()
  return createServerClient(process.env.SUPABASE_URL!, 'anon', {
    cookies: {
      getAll: () => store.getAll(),
      setAll(toSet: Array<{ name: string; value: string; options: object }>) {
        // the Supabase adapter sets Supabase's sb-* auth cookies: privaudit:expect cookie:(dynamic)
        toSet.forEach(({ name, value, options }) => store.set(name, value, options))
      },
    },
  })
}

// privaudit:expect cookie:__session
export const storage = createCookieSessionStorage({ cookie: { httpOnly: true, maxAge: 60 * 60 * 24 * 30, secrets: ['s'] } })
// privaudit:expect cookie:user-prefs
export const prefs = createCookie('user-prefs', { maxAge: 604_800 })

export function h3(event: unknown) {
  // privaudit:expect cookie:h3_visit
  setH3Cookie(event as never, 'h3_visit', '1')
}

export class Consent {
  constructor(private readonly cookieService: { set(n: string, v: string): void; get(n: string): string }) {}
  accept() {
    // privaudit:expect cookie:cookie_consent
    this.cookieService.set('cookie_consent', 'all')
    return this.cookieService.get('cookie_consent')
  }
}

export { handler }

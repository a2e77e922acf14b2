// Session libraries: their config names the session cookie (or the library's default name does) and sets its
// lifetime. The common ones are rows of a table; next-auth and Lucia, whose cookies follow rules of their own, are code.
import { ts } from 'ts-morph'
import type { CookieApi } from '../../../types/index.js'
import { Bindings, property, type ImportBinding } from '../../bindings.js'
import type { CookieFile } from './context.js'
import { humanize, lifetimeFromOptions, type Lifetime } from './lifetimes.js'
import { resolveName } from './names.js'
import { emitSessionCookie, handleSetter } from './report.js'

interface SessionLibrary {
  /** The packages (and their subpaths) the library is imported from. */
  modules: string[]
  /**
   * How the product hands the library its config: by calling an import of it (`session(config)`; `imported`
   * narrows that to one export), by registering it as a Fastify plugin (`app.register(plugin, config)`), or, with
   * `configKeys`, by an object literal wherever it sits that has the name option and one of these keys (no import
   * needed: an iron-session config is often a shared constant in a file that never imports the library).
   */
  imported?: string
  plugin?: true
  configKeys?: string[]
  api: CookieApi
  /** The API whose `maxAge` units the cookie options are in, when not `api`'s. */
  units?: CookieApi
  /** The option path of the cookie's name in the config, and the library's name for it without one (none: the name is required). */
  nameOption: string[]
  defaultName?: string
  /** The option path of the cookie's options (`maxAge`, `expires`, `httpOnly`…); [] when they are the config itself. */
  cookieOptions: string[]
  /**
   * The lifetime the library gives the cookie when its options set no `maxAge`; `expiresCounts` when an `expires`
   * option still sets it instead (iron-session derives the cookie's max-age from its ttl whatever `expires` says).
   */
  defaultLifetime?: { lifetime: string; expiresCounts: boolean }
  /** A signature cookie it sets beside the session's, `<name><suffix>`, unless the config says `signed: false`. */
  signatureSuffix?: string
  /** The session's group, suffixed with the cookie's name: the cookies of one config are one login session. */
  group: string
}

const REMIX_MODULES = ['@remix-run/node', '@remix-run/cloudflare', '@remix-run/deno', '@remix-run/server-runtime', 'react-router', '@react-router/node']
const AUTH_JS_MODULES = ['next-auth', '@auth/core', '@auth/express', '@auth/sveltekit', '@auth/solid-start', '@auth/qwik', '@auth/nextjs']

const SESSION_LIBRARIES: SessionLibrary[] = [
  { modules: ['express-session'], api: 'express-session', nameOption: ['name'], defaultName: 'connect.sid', cookieOptions: ['cookie'], group: 'express-session' },
  { modules: ['cookie-session'], api: 'cookie-session', nameOption: ['name'], defaultName: 'session', cookieOptions: [], signatureSuffix: '.sig', group: 'cookie-session' },
  { modules: ['koa-session'], api: 'koa-session', nameOption: ['key'], defaultName: 'koa.sess', cookieOptions: [], defaultLifetime: { lifetime: '1 day', expiresCounts: true }, group: 'koa-session' },
  { modules: REMIX_MODULES, imported: 'createCookieSessionStorage', api: 'remix', nameOption: ['cookie', 'name'], defaultName: '__session', cookieOptions: ['cookie'], group: 'remix-session' },
  { modules: ['@fastify/session'], plugin: true, api: 'fastify-session', units: 'fastify', nameOption: ['cookieName'], defaultName: 'sessionId', cookieOptions: ['cookie'], group: 'fastify-session' },
  { modules: ['@fastify/secure-session'], plugin: true, api: 'fastify-session', units: 'fastify', nameOption: ['cookieName'], defaultName: 'session', cookieOptions: ['cookie'], group: 'fastify-session' },
  { modules: ['iron-session'], configKeys: ['password', 'cookieOptions'], api: 'iron-session', nameOption: ['cookieName'], cookieOptions: ['cookieOptions'], defaultLifetime: { lifetime: '14 days', expiresCounts: false }, group: 'iron-session' },
]
const CALLED = SESSION_LIBRARIES.filter((l) => !l.plugin && !l.configKeys)
const PLUGINS = SESSION_LIBRARIES.filter((l) => l.plugin)
const CONFIGS = SESSION_LIBRARIES.filter((l) => l.configKeys)

/** The value at an option path of a config (`['cookie', 'name']`); the config itself for []. */
function optionAt(f: CookieFile, config: ts.ObjectLiteralExpression | undefined, path: string[]): ts.Expression | undefined {
  let value: ts.Expression | undefined = config
  for (const key of path) value = property(f.bindings.object(value), key)
  return value
}

function sessionLifetime(f: CookieFile, library: SessionLibrary, config: ts.ObjectLiteralExpression | undefined): Lifetime {
  const options = optionAt(f, config, library.cookieOptions)
  const life = lifetimeFromOptions(f, library.units ?? library.api, options)
  const fallback = library.defaultLifetime
  if (!fallback || property(f.bindings.object(options), 'maxAge')) return life
  if (fallback.expiresCounts && life.persistent !== false) return life
  return { ...life, persistent: true, lifetime: fallback.lifetime }
}

function emitLibrary(f: CookieFile, node: ts.Node, library: SessionLibrary, config: ts.ObjectLiteralExpression | undefined): void {
  const name = nameIn(f, library, config) ?? library.defaultName
  if (name === undefined) return
  const life = sessionLifetime(f, library, config)
  const group = `${library.group}:${name}`
  emitSessionCookie(f, node, library.api, name, life, group)
  if (library.signatureSuffix && f.bindings.boolean(property(config, 'signed')) !== false) emitSessionCookie(f, node, library.api, `${name}${library.signatureSuffix}`, life, group)
}

function nameIn(f: CookieFile, library: SessionLibrary, config: ts.ObjectLiteralExpression | undefined): string | undefined {
  return f.bindings.string(optionAt(f, config, library.nameOption))
}

/** Auth.js v5 names its cookies authjs.*; next-auth v4 (`NextAuth(options)` kept whole) next-auth.*. */
function nextAuth(f: CookieFile, call: ts.CallExpression, binding: ImportBinding, opts: ts.ObjectLiteralExpression | undefined): void {
  const { bindings } = f
  const v5 = binding.module.startsWith('@auth/') || (ts.isVariableDeclaration(call.parent) && ts.isObjectBindingPattern(call.parent.name))
  const prefix = v5 ? 'authjs' : 'next-auth'
  const custom = bindings.object(property(opts, 'cookies'))
  const named = (key: string, fallback: string) => bindings.string(property(bindings.object(property(custom, key)), 'name')) ?? fallback
  const sessionLife: Lifetime = { persistent: true, lifetime: humanize(bindings.number(property(bindings.object(property(opts, 'session')), 'maxAge')) ?? 30 * 86400) }
  const group = `next-auth:${prefix}`
  emitSessionCookie(f, call, 'next-auth', named('sessionToken', `${prefix}.session-token`), sessionLife, group)
  emitSessionCookie(f, call, 'next-auth', named('csrfToken', `${prefix}.csrf-token`), { persistent: false }, group)
  emitSessionCookie(f, call, 'next-auth', named('callbackUrl', `${prefix}.callback-url`), { persistent: false }, group)
}

/** A call that configures a session library, or Remix's `createCookie`: true when it was one. */
function sessionCall(f: CookieFile, call: ts.CallExpression, binding: ImportBinding): boolean {
  const { bindings } = f
  const opts = bindings.object(call.arguments[0])
  const library = CALLED.find((l) => Bindings.from(binding, ...l.modules) && (!l.imported || l.imported === binding.imported))
  if (library) {
    emitLibrary(f, call, library, opts)
    return true
  }
  if (Bindings.from(binding, ...REMIX_MODULES) && binding.imported === 'createCookie') {
    handleSetter(f, { node: call, api: 'remix', name: resolveName(bindings, call.arguments[0]), options: call.arguments[1] })
    return true
  }
  if (Bindings.from(binding, ...AUTH_JS_MODULES) && /Auth\$?$/.test(binding.imported === 'default' ? 'NextAuth' : binding.imported)) {
    nextAuth(f, call, binding, opts)
    return true
  }
  return false
}

/** `app.register(fastifySession, { cookieName, cookie })`. */
function pluginCall(f: CookieFile, call: ts.CallExpression): void {
  const plugin = call.arguments[0] && f.bindings.importOf(call.arguments[0])
  if (!plugin) return
  const library = PLUGINS.find((l) => Bindings.from(plugin, ...l.modules))
  if (!library) return
  const opts = f.bindings.object(call.arguments[1])
  emitLibrary(f, call, library, opts)
}

/**
 * A call of an imported session library, or a Fastify plugin registered: true when the call was a session's (a
 * registration is not, so the vendor SDKs still get to look at it).
 */
export function analyseSessionCall(f: CookieFile, call: ts.CallExpression): boolean {
  const callee = call.expression
  if (ts.isPropertyAccessExpression(callee)) {
    if (callee.name.text === 'register') pluginCall(f, call)
    return false
  }
  const binding = ts.isIdentifier(callee) ? f.bindings.importOf(callee) : undefined
  return !!binding && sessionCall(f, call, binding)
}

/** A session config recognised by its keys wherever it sits: iron-session's `{ cookieName: 'app', password: … }`. */
export function analyseSessionConfig(f: CookieFile, obj: ts.ObjectLiteralExpression): void {
  for (const library of CONFIGS) {
    if (nameIn(f, library, obj) && library.configKeys!.some((key) => property(obj, key))) emitLibrary(f, obj, library, obj)
  }
}

/** `new Lucia(adapter, { sessionCookie: { name, expires } })`: a 30-day session cookie unless `expires: false`. */
export function analyseLucia(f: CookieFile, node: ts.NewExpression): void {
  const { bindings } = f
  const b = bindings.importOf(node.expression)
  if (!Bindings.from(b, 'lucia') || b!.imported !== 'Lucia') return
  const cookie = bindings.object(property(bindings.object(node.arguments?.[1]), 'sessionCookie'))
  const name = bindings.string(property(cookie, 'name')) ?? 'auth_session'
  const persistent = bindings.boolean(property(cookie, 'expires')) !== false
  emitSessionCookie(f, node, 'lucia', name, { persistent, ...(persistent ? { lifetime: '30 days' } : {}) }, 'lucia')
}

// Emitting the cookies the product sets: one evidence per name and line, a setter inside a helper reported where its
// callers name the cookie.
import { ts } from 'ts-morph'
import type { CookieApi, CookieSetData } from '../../../types/index.js'
import type { CookieFile, NameResult, Setter } from './context.js'
import { lifetimeFromOptions, lifetimeFromString, type Lifetime } from './lifetimes.js'
import { functionName, resolveName } from './names.js'

const BROWSER_APIS = new Set<CookieApi>(['document.cookie', 'cookieStore', 'js-cookie', 'universal-cookie', 'react-cookie', 'cookies-next'])
const DYNAMIC = '(dynamic)'

export function emitCookie(f: CookieFile, node: ts.Node, name: string, data: CookieSetData): void {
  const key = `${f.context.locate(node).line}\0${name}`
  if (f.emitted.has(key)) return
  f.emitted.add(key)
  f.context.emit({ kind: 'cookie', value: name, reason: `cookie-${data.api}`, node, data })
}

/** A session library's cookie: server side, strictly necessary, one login session with the others of its `group`. */
export function emitSessionCookie(f: CookieFile, node: ts.Node, api: CookieApi, name: string, life: Lifetime, group: string): void {
  if (life.deleted) return
  emitCookie(f, node, name, {
    role: 'set', api, side: 'server', persistent: life.persistent, group, purpose: 'strictly-necessary',
    ...(life.lifetime ? { lifetime: life.lifetime } : {}), ...(life.attributes ? { attributes: life.attributes } : {}),
  })
}

/** The vendor whose cookie adapter holds a node: `createServerClient(url, key, { cookies: { setAll… } })`. */
function adapterVendor(f: CookieFile, node: ts.Node): string | undefined {
  const { sourceFile, catalog } = f.context
  for (let cur = node.parent; cur && cur !== sourceFile; cur = cur.parent) {
    if (ts.isCallExpression(cur) || ts.isNewExpression(cur)) {
      const callee = cur.expression
      const root = ts.isPropertyAccessExpression(callee) ? callee.expression : callee
      const binding = ts.isExpression(root) ? f.bindings.importOf(root) : undefined
      const match = binding ? catalog.matchPackage(binding.module) : undefined
      if (match) return match.vendor.id
    }
  }
  return undefined
}

export function report(f: CookieFile, setter: Setter, name: NameResult, at: ts.Node = setter.node, helper?: CookieSetData['helper']): void {
  const life = setter.stringAttributes ? lifetimeFromString(setter.stringAttributes) : lifetimeFromOptions(f, setter.api, setter.options)
  if (life.deleted) return
  const data: CookieSetData = {
    role: 'set', api: setter.api, side: BROWSER_APIS.has(setter.api) ? 'browser' : 'server', persistent: life.persistent,
    ...(life.lifetime ? { lifetime: life.lifetime } : {}), ...(life.attributes ? { attributes: life.attributes } : {}),
  }
  if (name.kind === 'name') emitCookie(f, at, name.name, data)
  else if (name.kind === 'prefix') emitCookie(f, at, `${name.name}*`, { ...data, prefix: true })
  else if (name.kind === 'lucia') emitCookie(f, at, 'auth_session', { ...data, ref: 'lucia', group: 'lucia', purpose: 'strictly-necessary' })
  else {
    const vendor = adapterVendor(f, setter.node)
    emitCookie(f, at, DYNAMIC, { ...data, dynamic: true, ...(vendor ? { adapterVendor: vendor } : {}), ...(helper ? { helper } : {}) })
  }
}

/** A setter whose name is known now is reported; one whose name is a parameter waits for its callers. */
export function handleSetter(f: CookieFile, setter: Setter): void {
  if (setter.name.kind === 'param') f.helpers.push({ setter, fn: setter.name.fn, index: setter.name.index })
  else report(f, setter, setter.name)
}

function isInside(node: ts.Node, ancestor: ts.Node): boolean {
  for (let cur: ts.Node | undefined = node.parent; cur; cur = cur.parent) if (cur === ancestor) return true
  return false
}

/** Reports each helper's setter at its callers in this file (four levels of helpers deep), or as dynamic. */
export function resolveHelpers(f: CookieFile): void {
  const { helpers } = f
  for (let round = 0; round < 4 && helpers.length; round++) {
    const pending = helpers.splice(0)
    for (const h of pending) {
      const fnName = functionName(h.fn)
      const callers = fnName ? f.calls.filter((c) => {
        const callee = c.expression
        const named = (ts.isIdentifier(callee) && callee.text === fnName) || (ts.isPropertyAccessExpression(callee) && callee.name.text === fnName)
        return named && !isInside(c, h.fn)
      }) : []
      // a helper no one in this file calls: the name comes from its callers in other files
      if (callers.length === 0) {
        report(f, h.setter, { kind: 'dynamic' }, h.setter.node, fnName ? { name: fnName, index: h.index } : undefined)
        continue
      }
      for (const caller of callers) {
        const name = resolveName(f.bindings, caller.arguments[h.index])
        if (name.kind === 'param') helpers.push({ setter: { ...h.setter, node: caller }, fn: name.fn, index: name.index })
        else report(f, h.setter, name, caller)
      }
    }
  }
  for (const h of helpers) report(f, h.setter, { kind: 'dynamic' })
}

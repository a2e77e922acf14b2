// Cookies the product sets, and the vendor SDKs that set cookies of their own.
//
// Evidence of kind `cookie`, `data.role` says which:
// - `set`: a first-party cookie set in code (document.cookie, js-cookie, universal-cookie, react-cookie, nookies,
//   cookies-next, Express/Fastify/Koa/Hono/Next.js setters, raw Set-Cookie headers, the `cookie` package's serialize,
//   session middleware configs). `value` is the name, `prefix*` for a template with a literal prefix, or `(dynamic)`.
// - `vendor-load`: a vendor package that may set cookies imported where it runs (a browser package, a package a
//   catalog cookie row names, or any vendor package in a client component); `value` is the vendor id.
// - `vendor-init`: where a vendor SDK is initialised (`posthog.init`, `fbq('init')`, `<PostHogProvider>`), with
//   `data.cookies: false` when its config keeps it off cookies (`persistence: 'memory'`, `disable_cookie: true`).
// - `helper-call`: a call of the product's own cookie helper from another file, with the names it passes.
// The vendor id sits in `data.vendor`, not `vendor`: this evidence says where cookies come from, it is not a second
// sighting of the vendor for the subprocessor checks.
//
// The walk only collects; `end` analyses, once every import and constant of the file is known.
import { ts } from 'ts-morph'
import type { CodeContext, CodeDetector } from '../../engine.js'
import { propertyName } from '../../bindings.js'
import type { CookieFile } from './context.js'
import { resolveHelpers } from './report.js'
import { analyseLucia, analyseSessionCall, analyseSessionConfig } from './sessions.js'
import { analyseAssignment, analyseSetterCall, recordJar, setCookieHeaderValue } from './setters.js'
import { analyseGlobalInit, analyseModuleLoads, analyseVendorCall, analyseVendorJsx, loadsVendorCode } from './vendors.js'

function fileOf(context: CodeContext): CookieFile {
  const { sourceFile, file, text, catalog } = context
  return {
    context,
    bindings: context.bindings,
    isClient: /\.(html?|vue|svelte)$/i.test(file.path) || sourceFile.statements.slice(0, 5).some((s) =>
      ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression) && s.expression.text === 'use client'),
    // cheap prefilters: most files set no cookie and initialise no snippet, and need only their imports read
    mentionsCookies: /cookie|session|lucia|auth/i.test(text),
    mentionsSnippet: catalog.snippetMention.test(text),
    calls: [], news: [], assignments: [], headerProps: [], headerTuples: [], jsx: [], objects: [],
    reactCookieSetters: new Set(), jars: new Map(), emitted: new Set(), helpers: [],
  }
}

/** Jars and react-cookie setters bound by variables, known before the calls that use them are read. */
function recordJars(f: CookieFile): void {
  for (const call of f.calls) if (call.parent && ts.isVariableDeclaration(call.parent)) recordJar(f, call.parent)
  for (const n of f.news) if (n.parent && ts.isVariableDeclaration(n.parent)) recordJar(f, n.parent)
  for (const call of f.calls) if (call.parent && ts.isAwaitExpression(call.parent) && call.parent.parent && ts.isVariableDeclaration(call.parent.parent)) recordJar(f, call.parent.parent)
}

function analyseCall(f: CookieFile, call: ts.CallExpression): void {
  if (f.mentionsCookies && (analyseSetterCall(f, call) || analyseSessionCall(f, call))) return
  analyseVendorCall(f, call)
}

function analyse(f: CookieFile): void {
  // most files mention no cookie and load no vendor package: a global snippet's init (`gtag('config', …)`) is
  // then all there can be, and the setters, jars, sessions and vendor SDKs below would find nothing
  if (!f.mentionsCookies && !loadsVendorCode(f)) {
    if (f.bindings.imports.length > 0 || f.mentionsSnippet) for (const call of f.calls) analyseGlobalInit(f, call)
    return
  }
  recordJars(f)
  for (const a of f.assignments) analyseAssignment(f, a)
  for (const call of f.calls) analyseCall(f, call)
  for (const n of f.news) analyseLucia(f, n)
  for (const p of f.headerProps) setCookieHeaderValue(f, p, p.initializer)
  for (const t of f.headerTuples) setCookieHeaderValue(f, t, t.elements[1] as ts.Expression)
  for (const o of f.objects) analyseSessionConfig(f, o)
  for (const j of f.jsx) analyseVendorJsx(f, j)
  resolveHelpers(f)
  analyseModuleLoads(f)
}

export const cookiesDetector: CodeDetector = {
  id: 'cookies',
  create(context: CodeContext) {
    const f = fileOf(context)
    const { bindings } = f
    return {
      visitors: {
        CallExpression: (n) => f.calls.push(n as ts.CallExpression),
        NewExpression: (n) => f.news.push(n as ts.NewExpression),
        // assignments, headers and session configs are looked for only where cookies are mentioned: elsewhere
        // these node kinds (every object literal and property) need no visit at all
        BinaryExpression: f.mentionsCookies ? (n: ts.Node) => {
          const op = (n as ts.BinaryExpression).operatorToken.kind
          if (op === ts.SyntaxKind.EqualsToken || op === ts.SyntaxKind.PlusEqualsToken) f.assignments.push(n as ts.BinaryExpression)
        } : undefined,
        PropertyAssignment: f.mentionsCookies ? (n: ts.Node) => {
          const p = n as ts.PropertyAssignment
          if (/^set-cookie$/i.test(propertyName(p.name) ?? '')) f.headerProps.push(p)
        } : undefined,
        ArrayLiteralExpression: f.mentionsCookies ? (n: ts.Node) => {
          const a = n as ts.ArrayLiteralExpression
          if (a.elements.length === 2 && /^set-cookie$/i.test(bindings.string(a.elements[0] as ts.Expression) ?? '')) f.headerTuples.push(a)
        } : undefined,
        ObjectLiteralExpression: f.mentionsCookies ? (n: ts.Node) => f.objects.push(n as ts.ObjectLiteralExpression) : undefined,
        JsxOpeningElement: (n) => f.jsx.push(n as ts.JsxOpeningElement),
        JsxSelfClosingElement: (n) => f.jsx.push(n as ts.JsxSelfClosingElement),
      },
      end: () => analyse(f),
    }
  },
}

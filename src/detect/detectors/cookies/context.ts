// The per-file state of the cookies detector, passed to each of its modules: what the walk collected and what the
// analysis after it has found so far.
import type { ts } from 'ts-morph'
import type { CookieApi } from '../../../types/index.js'
import type { CodeContext } from '../../engine.js'
import type { Bindings } from '../../bindings.js'

export type NameResult =
  | { kind: 'name'; name: string }
  | { kind: 'prefix'; name: string }
  | { kind: 'dynamic' }
  | { kind: 'param'; fn: ts.SignatureDeclaration; index: number }
  | { kind: 'lucia' }

/** A parsed `Set-Cookie` / document.cookie string's attributes. */
export interface StringAttributes {
  maxAge?: number | 'unknown'
  expires?: 'past' | 'future' | 'unknown'
  httpOnly?: boolean
  secure?: boolean
  sameSite?: string
}

export interface Setter {
  node: ts.Node
  api: CookieApi
  name: NameResult
  options?: ts.Expression
  stringAttributes?: StringAttributes
}

/** A setter inside a function that takes the cookie's name as a parameter: its callers name the cookie. */
export interface PendingHelper {
  setter: Setter
  fn: ts.SignatureDeclaration
  index: number
}

export interface CookieFile {
  context: CodeContext
  /** The file's bindings, the engine's: imports, module loads, constants. */
  bindings: Bindings
  /** A file that runs in the browser: `'use client'`, HTML, Vue, Svelte. */
  isClient: boolean
  mentionsCookies: boolean
  mentionsSnippet: boolean
  calls: ts.CallExpression[]
  news: ts.NewExpression[]
  assignments: ts.BinaryExpression[]
  headerProps: ts.PropertyAssignment[]
  headerTuples: ts.ArrayLiteralExpression[]
  jsx: Array<ts.JsxOpeningElement | ts.JsxSelfClosingElement>
  objects: ts.ObjectLiteralExpression[]
  /** `const [cookies, setCookie] = useCookies()` (react-cookie): the setter's local name. */
  reactCookieSetters: Set<string>
  /** Locals bound to a cookie jar: `new Cookies()`, `cookies()` / `await cookies()` of next/headers. */
  jars: Map<string, CookieApi>
  /** `line\0name` of every cookie emitted, so a line reports a name once. */
  emitted: Set<string>
  helpers: PendingHelper[]
}

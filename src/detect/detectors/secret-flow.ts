// Secrets that reach a log, an error report or a thrown error's message.
//
// Within a file: a small, flow-insensitive taint analysis over the AST of the shared walk. Sources are
// secret-named variables, parameters and properties (words, see ../secrets/names.ts), secret env vars,
// the results of decrypt calls and secret getters, and request headers. Values flow through assignments,
// destructuring, template literals, concatenation, object literals, spreads and string methods, and into
// local helper functions whose parameter reaches a sink. A value derived without revealing the secret
// (`apiKey.length`, `hash(apiKey)`, `apiKey.slice(-4)`, `!!apiKey`) is clean: the result of any call the
// analysis does not know is clean, so unknown code never raises a finding.
//
// Across files, cheaply: each file leaves in `shared` the loggers and secret constants it exports and the
// sink calls that depend on an import; `finish` joins them (a logger `export const log = pino()` in
// lib/log.ts, imported and called elsewhere; pino `redact` paths configured there).
import path from 'node:path'
import { ts } from 'ts-morph'
import type { Location } from '../../types/index.js'
import type { CodeContext, CodeDetector, LocatedEvidenceInput, Visitors } from '../engine.js'
import { isWrapper, kindTable, unwrap } from '../../syntax/ast.js'
import { getterCategory, isDecryptName, isMetadataName, isSecretHeader, secretEnvCategory, secretNameCategory, splitWords, vendorWords, type SecretCategory } from '../../secrets/names.js'

export const SECRET_FLOW_DETECTOR = 'secret-flow'

// ---------------------------------------------------------------- vocabulary

export type SinkKind = 'console' | 'logger' | 'stdout' | 'error-reporter' | 'thrown-error'
export type SourceKind = 'name' | 'env' | 'decrypt' | 'getter' | 'headers' | 'constant'

const CONSOLE_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table', 'assert', 'group', 'groupCollapsed', 'timeLog', 'count'])
const LOG_METHODS = new Set([
  'trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal', 'log', 'verbose', 'silly', 'http', 'notice', 'crit', 'critical',
  'alert', 'emerg', 'success', 'fail', 'start', 'ready', 'box', 'note', 'pending', 'complete', 'silent',
])
/** Logger libraries: a factory call (`pino()`, `winston.createLogger()`) or the import itself (`consola`, `loglevel`) is a logger. */
const LOGGER_LIBS = new Set(['pino', 'winston', 'bunyan', 'log4js', 'consola', 'debug', 'loglevel', 'signale', 'roarr', 'tslog', 'npmlog'])
/** Imports that are logger instances already: `import consola from 'consola'; consola.info(…)`. */
const INSTANCE_IMPORTS = new Set(['consola', 'loglevel', 'signale', 'winston', 'npmlog'])
const FACTORY_METHODS = new Set(['createLogger', 'getLogger', 'create', 'createConsola', 'withTag', 'withDefaults', 'scope', 'child', 'pino', 'default', 'Logger'])
/** Error-reporting SDK calls that ship their arguments off the server. */
const REPORTER_METHODS = new Set([
  'captureMessage', 'captureException', 'captureEvent', 'setExtra', 'setExtras', 'setContext', 'addBreadcrumb', 'setTag', 'setTags',
  'setUser', 'notify', 'leaveBreadcrumb', 'addMetadata',
])
const REPORTER_PACKAGES = /^@sentry\/|^@bugsnag\/|^bugsnag$|^@honeybadger-io\/|^rollbar$/

/** String methods whose result still holds the secret. */
const PASS_THROUGH_METHODS = new Set([
  'toString', 'toJSON', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'replace',
  'replaceAll', 'normalize', 'padStart', 'padEnd', 'concat', 'split', 'join', 'valueOf', 'repeat', 'at', 'encode',
])
const PASS_THROUGH_FUNCTIONS = new Set(['String', 'encodeURIComponent', 'encodeURI', 'decodeURIComponent', 'decodeURI', 'escape', 'btoa', 'atob', 'structuredClone', 'format', 'inspect'])
const PASS_THROUGH_STATICS = new Set(['JSON.stringify', 'Buffer.from', 'Buffer.concat', 'Object.assign', 'Object.values', 'Object.entries', 'Object.fromEntries', 'Array.from', 'Promise.resolve', 'util.format', 'util.inspect'])
/** Constructors whose instance carries its argument: an Error's message, a URL's query. */
const CARRYING_CONSTRUCTORS = /(?:^|\.)(?:\w*Error|URL|URLSearchParams|Headers|String|Buffer)$/
/** AWS SDK v3 commands whose result is a plaintext secret. */
const SECRET_COMMANDS = /^(?:Decrypt|GetSecretValue|BatchGetSecretValue|GetParameters?|GetParametersByPath)Command$/
/** What a decrypt call's name, its decipher object or its AWS command (`isDecryptCall`) must contain. */
const DECRYPT_WORDS = /decrypt|unseal|decipher|Command/i
/** A first word of a call that does not return the secret it is given (`deleteUserSecrets(id)` returns a count). */
const NON_SECRET_VERBS = new Set([
  'delete', 'remove', 'count', 'has', 'is', 'validate', 'verify', 'check', 'hash', 'encrypt', 'seal', 'mask', 'redact', 'compare',
  'revoke', 'list', 'set', 'save', 'store', 'put', 'update', 'insert', 'upsert', 'track', 'record', 'rotate', 'parse', 'sign',
])
const CLEAN_GLOBALS = new Set(['Number', 'parseInt', 'parseFloat', 'Boolean', 'isNaN', 'isFinite'])
/** Members of a string: reading them does not make a value a structure. */
const STRING_MEMBERS = new Set([
  'length', 'slice', 'substring', 'substr', 'startsWith', 'endsWith', 'includes', 'indexOf', 'lastIndexOf', 'split', 'trim',
  'trimStart', 'trimEnd', 'toString', 'replace', 'replaceAll', 'match', 'matchAll', 'charAt', 'charCodeAt', 'codePointAt',
  'padStart', 'padEnd', 'toLowerCase', 'toUpperCase', 'concat', 'at', 'localeCompare', 'normalize', 'search', 'repeat', 'valueOf',
])
/** Kinds whose secret-named variables are strings; used as a structure (`token.type`), such a name is a parser's token. */
const STRING_SECRET_CATEGORIES = new Set<SecretCategory>(['token', 'api-key', 'password', 'private-key'])
const REQUEST_NAMES = /^(?:req|request|incomingRequest|incoming|ctx|context|c|event)$/

/** `./x`, `../x`, and the `@/`, `~/`, `#/` aliases apps map to their root or src/. */
const isLocalSpec = (spec: string): boolean => /^(?:\.\.?\/|[@~#]\/)/.test(spec)

const isLoggerName = (name: string): boolean => /^_?(?:log|logger|LOG|LOGGER)$/.test(name) || /Logger$/.test(name)

// ---------------------------------------------------------------- plain data kept across files

export interface SourceInfo {
  /** How the code calls the secret where it is logged: `apiKey`, `process.env.OPENAI_API_KEY`, `req.headers`. */
  name: string
  kind: SourceKind
  category: SecretCategory
  /** Where the secret comes from when that is not the name: `decryptSecret(…)`. */
  origin?: string
  line: number
}

interface ImportRef {
  importer: string
  spec: string
  imported: string
}

interface LoggerRef {
  origin: 'local' | 'import' | 'name' | 'instance'
  redact?: string[]
  ref?: ImportRef
  nameLike?: boolean
}

interface RecordedHit {
  source?: SourceInfo
  /** A value imported from another module, of which the sink logs the part at `read`. */
  importRef?: ImportRef & { local: string; read: string[] }
  path: string[] | null
  argIndex: number
}

interface SinkRecord {
  location: Location
  nonShipped: boolean
  sink: string
  sinkKind: SinkKind
  via?: string
  logger?: LoggerRef
  hits: RecordedHit[]
}

interface ModuleExports {
  loggers: Map<string, LoggerRef>
  /** Exported values holding a secret, and where in the value it sits. */
  secrets: Map<string, Array<{ source: SourceInfo; path: string[] | null }>>
}

interface SharedState {
  /** The modules that export a logger or a secret (most export neither, and are not worth a cache entry). */
  modules: Map<string, ModuleExports>
  sinks: SinkRecord[]
}

function sharedState(shared: Map<string, unknown>): SharedState {
  let state = shared.get('state') as SharedState | undefined
  if (!state) {
    state = { modules: new Map(), sinks: [] }
    shared.set('state', state)
  }
  return state
}

/** What finish needs to follow imports: which modules exist, and what those that matter export. */
interface ModuleIndex {
  /** Every module walked: an import resolves to the first candidate file that exists, exports or not. */
  walked: ReadonlySet<string>
  modules: Map<string, ModuleExports>
}

const NO_EXPORTS: ModuleExports = { loggers: new Map(), secrets: new Map() }
const exportsOfModule = (index: ModuleIndex, file: string): ModuleExports => index.modules.get(file) ?? NO_EXPORTS

// ---------------------------------------------------------------- per-file analysis

type FunctionLike = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration | ts.ConstructorDeclaration | ts.GetAccessorDeclaration | ts.SetAccessorDeclaration

type Decl =
  | { kind: 'var'; name: string; node: ts.Node; init?: ts.Expression; path: string[]; exported: boolean; type?: ts.TypeNode; iterated?: boolean }
  | { kind: 'param'; name: string; node: ts.Node; fn: FunctionLike; index: number; path: string[]; init?: ts.Expression; type?: ts.TypeNode }
  | { kind: 'function'; name: string; node: FunctionLike; exported: boolean }
  | { kind: 'import'; name: string; spec: string; imported: string }

type Origin =
  | { kind: 'secret'; source: SourceInfo }
  | { kind: 'param'; decl: Extract<Decl, { kind: 'param' }> }
  | { kind: 'import'; decl: Extract<Decl, { kind: 'import' }> }

interface Hit {
  origin: Origin
  /** Where in the value the origin sits: [] the value itself, ['apiKey'] a property, null somewhere unknown. */
  path: string[] | null
  /** For a parameter or an import: the property chain read from it (`opts.region` reads ['region']). */
  read?: string[]
  /** A headers object: reading one header is secret only for credential headers. */
  headers?: boolean
}

interface Sink {
  call: ts.Node
  args: readonly ts.Expression[]
  /** Argument positions that ship (all when undefined). */
  positions?: number[]
  display: string
  kind: SinkKind
  via?: string
  logger?: LoggerRef
  /** The direct sink a helper chain ends in. */
  origin?: ts.Node
}

/** A local function whose parameter reaches a sink: calls to it ship that argument (the part at `read`). */
interface HelperSink {
  id: number
  key: string
  index: number
  read: string[]
  /** Where the parameter sits in the sink's argument. */
  pathInSink: string[] | null
  argIndex: number
  sink: Sink
  name: string
}

/**
 * What of a value at `path` a reader of `read` sees: the remaining path when the secret is inside the part read,
 * [] when the part read is inside the secret, undefined when they do not meet.
 */
export function narrow(path: string[] | null, read: readonly string[]): string[] | null | undefined {
  if (path === null) return null
  for (let i = 0; i < Math.min(path.length, read.length); i++) if (path[i] !== read[i] && path[i] !== '*' && read[i] !== '*') return undefined
  return path.length >= read.length ? path.slice(read.length) : []
}

/** The node kinds evaluateUncached reads into (wrappers included): a value of any other kind carries nothing. */
const EVALUATED = kindTable((n) => ts.isIdentifier(n) || ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n) || ts.isCallExpression(n)
  || ts.isNewExpression(n) || ts.isTemplateExpression(n) || ts.isBinaryExpression(n) || ts.isConditionalExpression(n) || ts.isObjectLiteralExpression(n)
  || ts.isArrayLiteralExpression(n) || ts.isSpreadElement(n) || isWrapper(n))
const NO_HITS: Hit[] = Object.freeze([]) as unknown as Hit[]

const MAX_HITS = 12
const MAX_DEPTH = 60
/** Work limits per file, so no input makes the analysis superlinear: evaluations, and helper entries. */
const MAX_EVALUATIONS = 200_000
const MAX_HELPERS = 2_000

const SCOPES = kindTable((node) => ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseBlock(node) || ts.isForStatement(node)
  || ts.isForInStatement(node) || ts.isForOfStatement(node) || ts.isCatchClause(node) || ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node))
const FUNCTION_SCOPES = kindTable((node) => ts.isSourceFile(node) || ts.isModuleBlock(node) || (ts.isFunctionLike(node) && !ts.isFunctionTypeNode(node)))

const isScope = (node: ts.Node): boolean => SCOPES[node.kind] === 1
const isFunctionScope = (node: ts.Node): boolean => FUNCTION_SCOPES[node.kind] === 1

function calleeName(callee: ts.Expression): string | undefined {
  const c = unwrap(callee)
  if (ts.isIdentifier(c)) return c.text
  if (ts.isPropertyAccessExpression(c)) return c.name.text
  return undefined
}

function short(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ')
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine
}

const NUMERIC_TYPES = new Set([ts.SyntaxKind.NumberKeyword, ts.SyntaxKind.BooleanKeyword, ts.SyntaxKind.BigIntKeyword])
function isNonSecretType(type: ts.TypeNode | undefined): boolean {
  if (!type) return false
  if (NUMERIC_TYPES.has(type.kind)) return true
  return ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'Date'
}

function hasExportModifier(node: ts.Node): boolean {
  // node.modifiers, not ts.getModifiers(): the same `export` keyword without a filtered copy of the list
  return ts.canHaveModifiers(node) && (node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false)
}

/** The property path from a destructuring's initializer to one of its names: `const { a: { b } } = x` → ['a', 'b']. */
function bindingPath(element: ts.BindingElement): string[] {
  const pathOut: string[] = []
  let node: ts.Node = element
  while (ts.isBindingElement(node)) {
    const pattern: ts.Node = node.parent
    if (ts.isObjectBindingPattern(pattern)) {
      const key = node.propertyName ?? node.name
      pathOut.unshift(ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : '*')
    } else {
      pathOut.unshift('*')
    }
    node = pattern.parent
  }
  return pathOut
}

/** `redact: ['a', '*.b']` or `redact: { paths: […] }` of a pino options object literal. */
function redactPaths(options: ts.Expression | undefined, resolveInit: (id: ts.Identifier) => ts.Expression | undefined): string[] | undefined {
  if (!options) return undefined
  let o = unwrap(options)
  if (ts.isIdentifier(o)) o = resolveInit(o) ?? o
  if (!ts.isObjectLiteralExpression(o)) return undefined
  const prop = o.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'redact') as ts.PropertyAssignment | undefined
  if (!prop) return undefined
  let value = unwrap(prop.initializer)
  if (ts.isObjectLiteralExpression(value)) {
    const paths = value.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'paths') as ts.PropertyAssignment | undefined
    if (!paths) return undefined
    value = unwrap(paths.initializer)
  }
  if (!ts.isArrayLiteralExpression(value)) return undefined
  return value.elements.filter(ts.isStringLiteralLike).map((e) => e.text)
}

/** True when a pino redact path covers the property path the secret sits at (a path covers everything under it). */
export function redactCovers(redact: readonly string[], at: readonly string[]): boolean {
  return redact.some((r) => {
    const segments = r.replace(/\[["']?([^\]"']+)["']?\]/g, '.$1').split('.').filter(Boolean)
    if (segments.length === 0 || segments.length > at.length) return false
    return segments.every((s, i) => s === '*' || s === at[i])
  })
}

class FileAnalysis {
  private readonly scopes = new Map<ts.Node, Map<string, Decl>>()
  private readonly assignments: Array<{ target: ts.Identifier; value: ts.Expression }> = []
  /** Properties read on secret-named identifiers (`token.type`), resolved to their declarations at the end. */
  private readonly memberReads: Array<{ target: ts.Identifier; name: string }> = []
  private readonly structures = new Map<Decl, Set<string>>()
  private readonly calls: ts.CallExpression[] = []
  private readonly throws: ts.ThrowStatement[] = []
  private readonly exportAssignments: Array<{ name: string; expression: ts.Expression }> = []
  private readonly memo = new Map<ts.Node, Hit[]>()
  private readonly inProgress = new Set<ts.Node>()
  private assigned = new Map<Decl, ts.Expression[]>()
  private depth = 0
  private evaluations = 0
  private importsReporter = false
  /** Whether the file imports an error reporter or `debug` in any form: only then can a plain `name(…)` call be a sink. */
  private importsSinkFunction = false
  private readonly isVendor: (word: string) => boolean
  /** Whether any call of the file can be a decrypt call (see `isDecryptCall`): most files say none of its words. */
  private readonly mayDecrypt: boolean

  constructor(private readonly context: CodeContext) {
    this.isVendor = vendorWords(context.catalog)
    // the words are matched in lower case after splitting a name; an escaped `\u…` identifier hides them from the text
    this.mayDecrypt = DECRYPT_WORDS.test(context.text) || context.text.includes('\\u')
  }

  // -------------------------------------------------------------- collection, during the shared walk

  private declare(scopeFrom: ts.Node, decl: Decl, functionScoped = false): void {
    let scope: ts.Node | undefined = scopeFrom
    while (scope && !(functionScoped ? isFunctionScope(scope) : isScope(scope))) scope = scope.parent
    if (!scope) return
    if (decl.kind === 'import' && (decl.spec === 'debug' || REPORTER_PACKAGES.test(decl.spec))) this.importsSinkFunction = true
    let names = this.scopes.get(scope)
    if (!names) {
      names = new Map()
      this.scopes.set(scope, names)
    }
    names.set(decl.name, decl)
  }

  visitors(): Visitors {
    return {
      ImportDeclaration: (node) => this.onImport(node as ts.ImportDeclaration),
      VariableDeclaration: (node) => this.onVariable(node as ts.VariableDeclaration),
      Parameter: (node) => this.onParameter(node as ts.ParameterDeclaration),
      FunctionDeclaration: (node) => {
        const fn = node as ts.FunctionDeclaration
        if (fn.name) this.declare(fn.parent, { kind: 'function', name: fn.name.text, node: fn, exported: hasExportModifier(fn) }, true)
      },
      BinaryExpression: (node) => {
        const b = node as ts.BinaryExpression
        if (b.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(b.left)) this.assignments.push({ target: b.left, value: b.right })
      },
      CallExpression: (node) => this.calls.push(node as ts.CallExpression),
      PropertyAccessExpression: (node) => {
        const p = node as ts.PropertyAccessExpression
        if (ts.isIdentifier(p.expression) && !STRING_MEMBERS.has(p.name.text) && secretNameCategory(p.expression.text, this.isVendor)) {
          this.memberReads.push({ target: p.expression, name: p.name.text })
        }
      },
      ThrowStatement: (node) => this.throws.push(node as ts.ThrowStatement),
      ExportAssignment: (node) => {
        const e = node as ts.ExportAssignment
        if (!e.isExportEquals) this.exportAssignments.push({ name: 'default', expression: e.expression })
      },
      ExportDeclaration: (node) => {
        const e = node as ts.ExportDeclaration
        if (e.moduleSpecifier || !e.exportClause || !ts.isNamedExports(e.exportClause)) return
        for (const el of e.exportClause.elements) this.exportAssignments.push({ name: el.name.text, expression: el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName : el.name })
      },
    }
  }

  private onImport(node: ts.ImportDeclaration): void {
    if (!ts.isStringLiteralLike(node.moduleSpecifier) || !node.importClause || node.importClause.isTypeOnly) return
    const spec = node.moduleSpecifier.text
    const clause = node.importClause
    const sf = node.getSourceFile()
    if (REPORTER_PACKAGES.test(spec)) this.importsReporter = true
    if (clause.name) this.declare(sf, { kind: 'import', name: clause.name.text, spec, imported: 'default' })
    const bindings = clause.namedBindings
    if (bindings && ts.isNamespaceImport(bindings)) this.declare(sf, { kind: 'import', name: bindings.name.text, spec, imported: '*' })
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) {
        if (el.isTypeOnly) continue
        this.declare(sf, { kind: 'import', name: el.name.text, spec, imported: (el.propertyName ?? el.name).text })
      }
    }
  }

  private onVariable(node: ts.VariableDeclaration): void {
    const list = node.parent
    // the search for the declaring scope starts above the list: neither a declaration nor its list is a scope
    const scopeFrom = ts.isVariableDeclarationList(list) ? list.parent : node
    const functionScoped = ts.isVariableDeclarationList(list) && (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0
    const exported = ts.isVariableDeclarationList(list) && ts.isVariableStatement(list.parent) && hasExportModifier(list.parent)
    // `for (const token of this.raw)`: a loop variable is an element of something, judged by nothing but that something
    const iterated = ts.isVariableDeclarationList(list) && (ts.isForOfStatement(list.parent) || ts.isForInStatement(list.parent))
    // const pino = require('pino'), const { createLogger } = require('winston')
    const init = node.initializer ? unwrap(node.initializer) : undefined
    const required = init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require' && init.arguments[0] && ts.isStringLiteralLike(init.arguments[0]) ? init.arguments[0].text : undefined
    if (ts.isIdentifier(node.name)) {
      if (required) {
        if (REPORTER_PACKAGES.test(required)) this.importsReporter = true
        this.declare(scopeFrom, { kind: 'import', name: node.name.text, spec: required, imported: 'default' })
      } else {
        this.declare(scopeFrom, { kind: 'var', name: node.name.text, node, init: node.initializer, path: [], exported, type: node.type, iterated }, functionScoped)
      }
      return
    }
    for (const el of this.bindingElements(node.name)) {
      const p = bindingPath(el)
      if (required && p.length === 1) {
        this.declare(scopeFrom, { kind: 'import', name: (el.name as ts.Identifier).text, spec: required, imported: p[0] })
        continue
      }
      this.declare(scopeFrom, { kind: 'var', name: (el.name as ts.Identifier).text, node: el, init: node.initializer, path: p, exported, iterated }, functionScoped)
    }
  }

  private onParameter(node: ts.ParameterDeclaration): void {
    const fn = node.parent
    if (!ts.isFunctionLike(fn) || ts.isFunctionTypeNode(fn) || ts.isMethodSignature(fn) || ts.isCallSignatureDeclaration(fn) || ts.isConstructSignatureDeclaration(fn)) return
    const index = fn.parameters.indexOf(node)
    const owner = fn as FunctionLike
    if (ts.isIdentifier(node.name)) {
      this.declare(fn, { kind: 'param', name: node.name.text, node, fn: owner, index, path: [], init: node.initializer, type: node.type })
      return
    }
    for (const el of this.bindingElements(node.name)) {
      this.declare(fn, { kind: 'param', name: (el.name as ts.Identifier).text, node: el, fn: owner, index, path: bindingPath(el), init: el.initializer })
    }
  }

  private bindingElements(pattern: ts.BindingName): ts.BindingElement[] {
    const out: ts.BindingElement[] = []
    const walk = (p: ts.BindingName) => {
      if (ts.isIdentifier(p)) return
      for (const el of p.elements) {
        if (ts.isOmittedExpression(el)) continue
        if (ts.isIdentifier(el.name)) out.push(el)
        else walk(el.name)
      }
    }
    walk(pattern)
    return out
  }

  // -------------------------------------------------------------- resolution

  resolve(id: ts.Identifier): Decl | undefined {
    for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
      const decl = this.scopes.get(n)?.get(id.text)
      if (decl) return decl
    }
    return undefined
  }

  private initOf = (id: ts.Identifier): ts.Expression | undefined => {
    const d = this.resolve(id)
    return d?.kind === 'var' && d.path.length === 0 ? d.init : undefined
  }

  /** A node's source text: given the file, getText() need not walk up to find it. */
  private text(node: ts.Node): string {
    return node.getText(this.context.sourceFile)
  }

  private line(node: ts.Node): number {
    return this.context.locate(node).line
  }

  private secretHit(node: ts.Node, name: string, kind: SourceKind, category: SecretCategory, extra: Partial<Hit> = {}, origin?: string): Hit {
    return { origin: { kind: 'secret', source: { name: short(name), kind, category, line: this.line(node), ...(origin ? { origin: short(origin) } : {}) } }, path: [], ...extra }
  }

  // -------------------------------------------------------------- taint

  /** Everything secret (or parameter- or import-dependent) a value may carry, and where in the value it sits. */
  evaluate(expr: ts.Expression): Hit[] {
    // literals, functions, `this`…: nothing evaluateUncached follows, so nothing to carry (and no memo entry to keep)
    if (EVALUATED[expr.kind] === 0) return NO_HITS
    const cached = this.memo.get(expr)
    if (cached) return cached
    if (this.inProgress.has(expr) || this.depth > MAX_DEPTH || ++this.evaluations > MAX_EVALUATIONS) return []
    this.inProgress.add(expr)
    this.depth++
    let hits: Hit[]
    try {
      hits = dedupe(this.evaluateUncached(expr))
    } finally {
      this.depth--
      this.inProgress.delete(expr)
    }
    this.memo.set(expr, hits)
    return hits
  }

  private evaluateUncached(raw: ts.Expression): Hit[] {
    const expr = unwrap(raw)
    if (ts.isIdentifier(expr)) return this.identifier(expr)
    if (ts.isPropertyAccessExpression(expr)) return this.property(expr, expr.expression, expr.name.text)
    if (ts.isElementAccessExpression(expr)) {
      const key = expr.argumentExpression
      if (ts.isStringLiteralLike(key)) return this.property(expr, expr.expression, key.text)
      // process.env[name]: which variable is unknown, so it is not known to be a secret
      if (isEnvObject(unwrap(expr.expression))) return []
      return this.evaluate(expr.expression).map((h) => ({ ...h, path: h.headers ? [] : null, headers: false }))
    }
    if (ts.isCallExpression(expr)) return this.call(expr)
    if (ts.isNewExpression(expr)) {
      const name = this.text(expr.expression)
      if (!CARRYING_CONSTRUCTORS.test(name)) return []
      return (expr.arguments ?? []).flatMap((a) => this.asValue(this.evaluate(a)))
    }
    if (ts.isTemplateExpression(expr)) return expr.templateSpans.flatMap((s) => this.asValue(this.evaluate(s.expression)))
    if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind
      if (op === ts.SyntaxKind.PlusToken) return [...this.asValue(this.evaluate(expr.left)), ...this.asValue(this.evaluate(expr.right))]
      if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) return [...this.evaluate(expr.left), ...this.evaluate(expr.right)]
      if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.CommaToken || op === ts.SyntaxKind.EqualsToken) return this.evaluate(expr.right)
      return []
    }
    if (ts.isConditionalExpression(expr)) return [...this.evaluate(expr.whenTrue), ...this.evaluate(expr.whenFalse)]
    if (ts.isObjectLiteralExpression(expr)) {
      const out: Hit[] = []
      for (const p of expr.properties) {
        if (ts.isShorthandPropertyAssignment(p)) out.push(...this.nest(p.name.text, this.identifier(p.name)))
        else if (ts.isPropertyAssignment(p)) {
          const key = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name) ? p.name.text : undefined
          const inner = this.evaluate(p.initializer)
          out.push(...(key === undefined ? inner.map((h) => ({ ...h, path: null })) : this.nest(key, inner)))
        } else if (ts.isSpreadAssignment(p)) out.push(...this.evaluate(p.expression))
      }
      return out
    }
    if (ts.isArrayLiteralExpression(expr)) return expr.elements.flatMap((e) => this.evaluate(ts.isSpreadElement(e) ? e.expression : e).map((h) => ({ ...h, path: null })))
    if (ts.isSpreadElement(expr)) return this.evaluate(expr.expression).map((h) => ({ ...h, path: null }))
    return []
  }

  /** The value is now a string (or an Error, a URL) containing the secret: no longer an object with paths. */
  private asValue(hits: Hit[]): Hit[] {
    return hits.map((h) => (h.headers ? { ...h, path: [], headers: false } : h.path && h.path.length === 0 ? h : { ...h, path: [] }))
  }

  private nest(key: string, hits: Hit[]): Hit[] {
    return hits.map((h) => ({ ...h, path: h.path === null ? null : [key, ...h.path] }))
  }

  /** Narrows hits to what `obj.key` holds. */
  private member(hits: Hit[], key: string, node: ts.Node): Hit[] {
    const out: Hit[] = []
    for (const h of hits) {
      if (h.headers) {
        if (isSecretHeader(key)) out.push(this.secretHit(node, this.text(node), 'headers', 'header'))
        continue
      }
      if (h.path === null) out.push(h)
      else if (h.path.length === 0) {
        const o = h.origin
        // a property of a value that is a secret only by its name (`token.flag` of a lexer token) is a structure's
        // field: secret when its own name says so (checked by the caller), not by inheritance
        if (o.kind === 'secret' && o.source.kind === 'name') continue
        // `value.SecretString` of a decrypted `value` is logged as `value.SecretString`
        out.push(o.kind === 'secret'
          ? { ...h, origin: { kind: 'secret', source: { ...o.source, name: short(this.text(node)), origin: o.source.origin ?? o.source.name } } }
          : { ...h, read: [...(h.read ?? []), key] })
      }
      else if (h.path[0] === key || h.path[0] === '*') out.push({ ...h, path: h.path.slice(1) })
    }
    return out
  }

  private identifier(id: ts.Identifier): Hit[] {
    const decl = this.resolve(id)
    const name = id.text
    if (!decl) {
      if (name === 'undefined' || name === 'process' || name === 'console') return []
      const category = secretNameCategory(name, this.isVendor)
      return category ? [this.secretHit(id, name, 'name', category)] : []
    }
    switch (decl.kind) {
      case 'var': {
        if (isNonSecretType(decl.type) || decl.iterated) return []
        const hits: Hit[] = []
        const init = decl.init
        if (init) {
          let from = this.evaluate(init)
          for (const key of decl.path) from = this.member(from, key, decl.node)
          hits.push(...from)
        }
        for (const value of this.assignedValues(decl)) hits.push(...this.evaluate(value))
        // `const { apiKey: key } = body`: the property read names the secret as much as the variable does
        const category = secretNameCategory(name, this.isVendor) ?? this.lastKeyCategory(decl.path)
        const initClean = init !== undefined && decl.path.length === 0 && this.evidentlyClean(init)
        if (category && !initClean && !this.isStructure(decl, category) && !hits.some((h) => h.origin.kind === 'secret')) hits.push(this.secretHit(decl.node, name, 'name', category))
        // a secret kept in a variable is logged under the variable's name
        return hits.map((h) => (h.origin.kind === 'secret' && h.path && h.path.length === 0 && h.origin.source.name !== name
          ? { ...h, origin: { kind: 'secret' as const, source: { ...h.origin.source, name, origin: h.origin.source.origin ?? h.origin.source.name } } }
          : h))
      }
      case 'param': {
        if (isNonSecretType(decl.type)) return []
        const category = secretNameCategory(name, this.isVendor) ?? this.lastKeyCategory(decl.path)
        if (category && !this.isStructure(decl, category)) return [this.secretHit(decl.node, name, 'name', category)]
        const hits: Hit[] = [{ origin: { kind: 'param', decl }, path: [], read: [...decl.path] }]
        if (decl.init) hits.push(...this.evaluate(decl.init))
        return hits
      }
      case 'import': {
        const category = secretNameCategory(name, this.isVendor)
        if (category) return [this.secretHit(id, name, 'name', category)]
        return isLocalSpec(decl.spec) ? [{ origin: { kind: 'import', decl }, path: [], read: [] }] : []
      }
      default:
        return []
    }
  }

  /**
   * A secret-named variable used as a structure whose fields are not secrets (`token.type`, `token.offset`) is a
   * lexer's or parser's token, not a credential; an OAuth token object (`token.access_token`) stays one.
   */
  private isStructure(decl: Decl, category: SecretCategory): boolean {
    if (!STRING_SECRET_CATEGORIES.has(category)) return false
    const fields = this.structures.get(decl)
    return fields !== undefined && ![...fields].some((f) => secretNameCategory(f, this.isVendor) !== undefined)
  }

  private lastKeyCategory(keys: string[]): SecretCategory | undefined {
    const last = keys[keys.length - 1]
    return last && last !== '*' ? secretNameCategory(last, this.isVendor) : undefined
  }

  private assignedValues(decl: Decl): ts.Expression[] {
    return this.assigned.get(decl) ?? []
  }

  private property(node: ts.Expression, object: ts.Expression, key: string): Hit[] {
    const obj = unwrap(object)
    // process.env.X, import.meta.env.X
    if (isEnvObject(obj)) {
      const category = secretEnvCategory(key, this.isVendor)
      return category ? [this.secretHit(node, `process.env.${key}`, 'env', category)] : []
    }
    if (key === 'env' && isEnvObject(node)) return [this.secretHit(node, this.text(node), 'env', 'secret')]
    // req.headers, request.headers, ctx.request.headers, c.req.raw.headers
    if (key === 'headers' && this.isRequest(obj)) return [this.secretHit(node, this.text(node), 'headers', 'header', { headers: true })]
    if (isMetadataName(key) || key === 'length' || key === 'size' || key === 'byteLength') return []
    // what the object is (a decrypted value, a headers object) says more than the property's name
    const inner = this.member(this.evaluate(obj), key, node)
    if (inner.some((h) => h.origin.kind === 'secret')) return inner
    const category = secretNameCategory(key, this.isVendor)
    return category ? [this.secretHit(node, this.text(node), 'name', category), ...inner] : inner
  }

  private isRequest(expr: ts.Expression): boolean {
    const e = unwrap(expr)
    if (ts.isIdentifier(e)) return REQUEST_NAMES.test(e.text) || /Request$/.test(e.text)
    if (ts.isPropertyAccessExpression(e)) return /^(?:req|request|raw)$/.test(e.name.text) || /Request$/.test(e.name.text)
    return false
  }

  private call(expr: ts.CallExpression): Hit[] {
    const callee = unwrap(expr.expression)
    const name = calleeName(callee)
    if (this.isDecryptCall(expr)) return [this.secretHit(expr, `${short(this.text(callee), 40)}(…)`, 'decrypt', 'secret')]
    if (name) {
      const category = getterCategory(name, this.isVendor)
      if (category) return [this.secretHit(expr, `${short(this.text(callee), 40)}(…)`, 'getter', category)]
    }
    // headers.get('authorization'), req.get('authorization') (Express), c.req.header('x-api-key') (Hono), headers() from next/headers
    if (ts.isPropertyAccessExpression(callee) && (name === 'get' || name === 'header' || name === 'getAll')) {
      const onHeaders = this.evaluate(callee.expression).some((h) => h.headers)
      const onRequest = name !== 'getAll' && this.isRequest(callee.expression)
      if (onHeaders || onRequest) {
        const arg = expr.arguments[0]
        if (arg && ts.isStringLiteralLike(arg)) return isSecretHeader(arg.text) ? [this.secretHit(expr, this.text(expr), 'headers', 'header')] : []
        return onHeaders ? [this.secretHit(expr, this.text(expr), 'headers', 'header')] : []
      }
    }
    if (ts.isIdentifier(callee)) {
      const decl = this.resolve(callee)
      if (decl?.kind === 'import' && decl.spec === 'next/headers' && decl.imported === 'headers') return [this.secretHit(expr, 'headers()', 'headers', 'header', { headers: true })]
      if (PASS_THROUGH_FUNCTIONS.has(callee.text) && (!decl || (decl.kind === 'import' && /^(?:node:)?util$/.test(decl.spec)))) return expr.arguments.flatMap((a) => this.asValue(this.evaluate(a)))
      return []
    }
    if (ts.isPropertyAccessExpression(callee)) {
      const receiver = callee.expression
      const staticName = `${this.text(receiver)}.${callee.name.text}`
      if (PASS_THROUGH_STATICS.has(staticName)) {
        if (staticName === 'Object.assign') return expr.arguments.flatMap((a) => this.evaluate(a))
        return expr.arguments.flatMap((a) => this.evaluate(a).map((h) => ({ ...h, path: h.headers ? h.path : [] })))
      }
      const method = callee.name.text
      if (method === 'slice' || method === 'substring' || method === 'substr') {
        return revealsLittle(method, expr.arguments) ? [] : this.asValue(this.evaluate(receiver))
      }
      if (PASS_THROUGH_METHODS.has(method)) {
        const own = this.evaluate(receiver)
        // `prefix.concat(secret)`, `template.replace('{key}', secret)`, `encoder.encode(secret)` carry their arguments
        const args = method === 'concat' || method === 'replace' || method === 'replaceAll' || method === 'encode' ? expr.arguments.flatMap((a) => this.evaluate(a)) : []
        return this.asValue([...own, ...args])
      }
    }
    return []
  }

  /** `decryptSecret(x)`, `kms.decrypt(…)`, `decipher.update(…)`, `client.send(new GetSecretValueCommand(…))`. */
  isDecryptCall(expr: ts.CallExpression): boolean {
    if (!this.mayDecrypt) return false
    const callee = unwrap(expr.expression)
    const name = calleeName(callee)
    if (name && isDecryptName(name)) return true
    if (ts.isPropertyAccessExpression(callee) && (name === 'update' || name === 'final')) {
      const obj = unwrap(callee.expression)
      if (ts.isIdentifier(obj)) {
        if (splitWords(obj.text).includes('decipher')) return true
        const init = this.initOf(obj)
        const made = init && ts.isCallExpression(unwrap(init)) ? calleeName((unwrap(init) as ts.CallExpression).expression) : undefined
        if (made && /^createDecipher/.test(made)) return true
      }
    }
    return expr.arguments.some((a) => {
      const arg = unwrap(a)
      return ts.isNewExpression(arg) && ts.isIdentifier(arg.expression) && SECRET_COMMANDS.test(arg.expression.text)
    })
  }

  /** An initializer that cannot hold the secret its variable is named after (`const secrets = await deleteUserSecrets(id)`). */
  private evidentlyClean(init: ts.Expression): boolean {
    const e = unwrap(init)
    switch (e.kind) {
      case ts.SyntaxKind.NumericLiteral: case ts.SyntaxKind.BigIntLiteral: case ts.SyntaxKind.TrueKeyword: case ts.SyntaxKind.FalseKeyword:
      case ts.SyntaxKind.NullKeyword: case ts.SyntaxKind.RegularExpressionLiteral: case ts.SyntaxKind.ArrowFunction:
      case ts.SyntaxKind.FunctionExpression: case ts.SyntaxKind.ClassExpression: case ts.SyntaxKind.PrefixUnaryExpression:
      case ts.SyntaxKind.TypeOfExpression: case ts.SyntaxKind.VoidExpression: case ts.SyntaxKind.DeleteExpression:
        return true
    }
    if (ts.isIdentifier(e) && e.text === 'undefined') return true
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind
      if (op === ts.SyntaxKind.PlusToken) {
        const stringy = (x: ts.Expression) => ts.isStringLiteralLike(x) || ts.isTemplateExpression(x)
        return !stringy(e.left) && !stringy(e.right) && this.evaluate(e.left).length === 0 && this.evaluate(e.right).length === 0
      }
      return op >= ts.SyntaxKind.FirstBinaryOperator && op <= ts.SyntaxKind.LastBinaryOperator
        && op !== ts.SyntaxKind.QuestionQuestionToken && op !== ts.SyntaxKind.BarBarToken && op !== ts.SyntaxKind.AmpersandAmpersandToken
        && op !== ts.SyntaxKind.CommaToken && !(op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment)
    }
    if (ts.isPropertyAccessExpression(e)) return isMetadataName(e.name.text) || e.name.text === 'length'
    if (ts.isNewExpression(e)) return !CARRYING_CONSTRUCTORS.test(this.text(e.expression))
    if (ts.isCallExpression(e)) {
      const callee = unwrap(e.expression)
      const name = calleeName(callee)
      if (!name) return false
      if (CLEAN_GLOBALS.has(name) || (ts.isPropertyAccessExpression(callee) && /^(?:Math|Date|Number)$/.test(this.text(callee.expression)))) return true
      const first = splitWords(name)[0]
      return first !== undefined && NON_SECRET_VERBS.has(first)
    }
    return false
  }

  // -------------------------------------------------------------- loggers and sinks

  loggerRef(expr: ts.Expression, depth = 0): LoggerRef | undefined {
    if (depth > 8) return undefined
    const e = unwrap(expr)
    if (ts.isIdentifier(e)) {
      const decl = this.resolve(e)
      const nameLike = isLoggerName(e.text)
      if (decl?.kind === 'import') {
        if (INSTANCE_IMPORTS.has(decl.spec) && (decl.imported === 'default' || decl.imported === '*' || decl.imported === decl.spec)) return { origin: 'instance' }
        if (LOGGER_LIBS.has(decl.spec)) return undefined
        if (isLocalSpec(decl.spec)) return { origin: 'import', ref: { importer: this.context.file.path, spec: decl.spec, imported: decl.imported }, nameLike }
        return nameLike ? { origin: 'name' } : undefined
      }
      if (decl?.kind === 'var' && decl.init && decl.path.length === 0) {
        const fromInit = this.loggerRef(decl.init, depth + 1)
        if (fromInit) return fromInit
      }
      return nameLike ? { origin: 'name' } : undefined
    }
    if (ts.isCallExpression(e) || ts.isNewExpression(e)) return this.factoryRef(e, depth)
    if (ts.isPropertyAccessExpression(e)) return isLoggerName(e.name.text) ? { origin: 'name' } : undefined
    return undefined
  }

  /** `pino({ redact })`, `winston.createLogger()`, `log4js.getLogger()`, `createConsola()`, `new Signale()`, `logger.child({…})`. */
  private factoryRef(e: ts.CallExpression | ts.NewExpression, depth: number): LoggerRef | undefined {
    const callee = unwrap(e.expression)
    const args = e.arguments ?? []
    if (ts.isIdentifier(callee)) {
      const decl = this.resolve(callee)
      if (decl?.kind === 'import' && LOGGER_LIBS.has(decl.spec)) {
        if (decl.spec === 'debug' && decl.imported === 'default') return { origin: 'local' }
        return { origin: 'local', redact: decl.spec === 'pino' ? redactPaths(args[0], this.initOf) : undefined }
      }
      return undefined
    }
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text
      if (!FACTORY_METHODS.has(method)) return undefined
      const base = unwrap(callee.expression)
      if (ts.isIdentifier(base)) {
        const decl = this.resolve(base)
        if (decl?.kind === 'import' && LOGGER_LIBS.has(decl.spec)) return { origin: 'local', redact: decl.spec === 'pino' ? redactPaths(args[0], this.initOf) : undefined }
      }
      // logger.child({ runId }) keeps its parent's redaction
      if (method === 'child' || method === 'withTag' || method === 'scope' || method === 'withDefaults') return this.loggerRef(base, depth + 1)
    }
    return undefined
  }

  /** Every call that ships its arguments: console, loggers, stdout, error reporters. */
  private directSinks(): Sink[] {
    const sinks: Sink[] = []
    for (const call of this.calls) {
      const callee = unwrap(call.expression)
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text
        const obj = unwrap(callee.expression)
        // the receiver's text is for display: read only for a call that is a sink
        const objText = () => short(this.text(obj), 40)
        if (ts.isIdentifier(obj) && obj.text === 'console' && !this.resolve(obj) && CONSOLE_METHODS.has(method)) {
          sinks.push({ call, args: call.arguments, positions: method === 'assert' ? call.arguments.map((_, i) => i).slice(1) : undefined, display: `console.${method}`, kind: 'console' })
          continue
        }
        if (method === 'write' && /^process\.(?:stdout|stderr)$/.test(this.text(obj))) {
          sinks.push({ call, args: call.arguments, positions: [0], display: `${this.text(obj)}.write`, kind: 'stdout' })
          continue
        }
        if (REPORTER_METHODS.has(method) && this.isReporter(obj)) {
          sinks.push({ call, args: call.arguments, display: `${objText()}.${method}`, kind: 'error-reporter' })
          continue
        }
        // logger.child({ … }) writes its bindings on every line it logs
        if (LOG_METHODS.has(method) || method === 'child') {
          const logger = this.loggerRef(obj)
          if (logger) sinks.push({ call, args: call.arguments, display: `${objText()}.${method}`, kind: 'logger', logger })
        }
        continue
      }
      if (ts.isIdentifier(callee) && this.importsSinkFunction) {
        const decl = this.resolve(callee)
        // import { captureMessage } from '@sentry/node'
        if (decl?.kind === 'import' && REPORTER_PACKAGES.test(decl.spec) && REPORTER_METHODS.has(decl.imported)) {
          sinks.push({ call, args: call.arguments, display: callee.text, kind: 'error-reporter' })
          continue
        }
        // const log = debug('app'); log('token %s', token)
        if (decl?.kind === 'var' && decl.init && decl.path.length === 0) {
          const init = unwrap(decl.init)
          if (ts.isCallExpression(init) && ts.isIdentifier(unwrap(init.expression))) {
            const factory = this.resolve(unwrap(init.expression) as ts.Identifier)
            if (factory?.kind === 'import' && factory.spec === 'debug') sinks.push({ call, args: call.arguments, display: `${callee.text} (debug)`, kind: 'logger', logger: { origin: 'local' } })
          }
        }
      }
    }
    for (const t of this.throws) {
      const thrown = t.expression ? unwrap(t.expression) : undefined
      if (!thrown) continue
      if (ts.isNewExpression(thrown)) sinks.push({ call: thrown, args: thrown.arguments ?? [], display: `throw new ${short(this.text(thrown.expression), 30)}`, kind: 'thrown-error' })
      else if (ts.isTemplateExpression(thrown) || ts.isBinaryExpression(thrown)) sinks.push({ call: thrown, args: [thrown], display: 'throw', kind: 'thrown-error' })
    }
    return sinks
  }

  private isReporter(obj: ts.Expression): boolean {
    if (!this.importsReporter) return false
    if (ts.isIdentifier(obj)) {
      const decl = this.resolve(obj)
      if (decl?.kind === 'import') return REPORTER_PACKAGES.test(decl.spec)
      // Sentry.withScope((scope) => scope.setExtra(…)), configureScope, getCurrentScope()
      return /^(?:scope|Sentry|Bugsnag)$/.test(obj.text)
    }
    return ts.isCallExpression(obj) && /^(?:getCurrentScope|getIsolationScope|getGlobalScope)$/.test(calleeName(obj.expression) ?? '')
  }

  private functionDeclOf(callee: ts.Expression): FunctionLike | undefined {
    const c = unwrap(callee)
    if (!ts.isIdentifier(c)) return undefined
    const decl = this.resolve(c)
    if (decl?.kind === 'function') return decl.node
    if (decl?.kind === 'var' && decl.init && decl.path.length === 0) {
      const init = unwrap(decl.init)
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init
    }
    return undefined
  }

  // -------------------------------------------------------------- the end of the file

  finish(): { sinks: SinkRecord[]; exports: ModuleExports; decryptSites: ts.CallExpression[] } {
    for (const { target, value } of this.assignments) {
      const decl = this.resolve(target)
      if (!decl) continue
      if (!this.assigned.has(decl)) this.assigned.set(decl, [])
      this.assigned.get(decl)!.push(value)
    }
    for (const { target, name } of this.memberReads) {
      const decl = this.resolve(target)
      if (!decl) continue
      if (!this.structures.has(decl)) this.structures.set(decl, new Set())
      this.structures.get(decl)!.add(name)
    }
    const records = new Map<string, SinkRecord>()
    const helpers = new Map<FunctionLike, HelperSink[]>()
    let helperCount = 0
    const record = (sink: Sink, at: ts.Node, hit: RecordedHit) => {
      const location = this.context.locate(at)
      const key = `${location.line}:${location.column}:${sink.display}:${sink.via ?? ''}`
      let r = records.get(key)
      if (!r) {
        r = { location, nonShipped: this.context.file.nonShipped, sink: sink.display, sinkKind: sink.kind, ...(sink.via ? { via: sink.via } : {}), ...(sink.logger ? { logger: sink.logger } : {}), hits: [] }
        records.set(key, r)
      }
      if (r.hits.length < MAX_HITS) r.hits.push(hit)
    }
    /** One hit reaching `sink` through argument `argIndex` of the call `at`, at `path` inside that argument. */
    const reach = (sink: Sink, at: ts.Node, h: Hit, argIndex: number, path: string[] | null): boolean => {
      const o = h.origin
      if (o.kind === 'secret') record(sink, at, { source: o.source, path, argIndex })
      else if (o.kind === 'import') record(sink, at, { importRef: { importer: this.context.file.path, spec: o.decl.spec, imported: o.decl.imported, local: o.decl.name, read: h.read ?? [] }, path, argIndex })
      else {
        const fn = o.decl.fn
        const name = ts.isFunctionDeclaration(fn) && fn.name ? fn.name.text
          : fn.parent && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? fn.parent.name.text : undefined
        if (!name) return false
        const list = helpers.get(fn) ?? []
        const read = h.read ?? []
        // one entry per parameter, part read and original sink, however many ways (recursion included) lead there
        const key = `${o.decl.index}|${read.join('.')}|${argIndex}|${path === null ? '?' : path.join('.')}|${sink.origin?.pos ?? sink.call.pos}`
        if (helperCount >= MAX_HELPERS || list.some((x) => x.key === key)) return false
        list.push({ id: helperCount++, key, index: o.decl.index, read, pathInSink: path, argIndex, sink: { ...sink, origin: sink.origin ?? sink.call }, name })
        helpers.set(fn, list)
        return true
      }
      return false
    }
    let grew = false
    for (const sink of this.directSinks()) {
      sink.args.forEach((arg, i) => {
        if (sink.positions && !sink.positions.includes(i)) return
        for (const h of this.evaluate(arg)) grew = reach(sink, sink.call, h, i, h.path) || grew
      })
    }
    // a call to a local helper whose parameter reaches a sink ships that argument; helpers of helpers too
    const visited = new Set<string>()
    for (let round = 0; round < 6 && grew; round++) {
      grew = false
      for (const call of this.calls) {
        const fn = this.functionDeclOf(call.expression)
        for (const helper of (fn && helpers.get(fn)) || []) {
          const arg = call.arguments[helper.index]
          const key = `${call.pos}:${helper.id}`
          if (!arg || visited.has(key)) continue
          visited.add(key)
          const through: Sink = { ...helper.sink, via: helper.sink.via ? `${helper.name}() → ${helper.sink.via}` : `${helper.name}()` }
          for (const h of this.evaluate(arg)) {
            const seen = narrow(h.path, helper.read)
            if (seen === undefined) continue
            const path = seen === null || helper.pathInSink === null ? null : [...helper.pathInSink, ...seen]
            grew = reach(through, call, { ...h, path }, helper.argIndex, path) || grew
          }
        }
      }
    }
    return { sinks: [...records.values()], exports: this.exportsOf(), decryptSites: this.calls.filter((c) => this.isDecryptCall(c)) }
  }

  private exportsOf(): ModuleExports {
    const loggers = new Map<string, LoggerRef>()
    const secrets: ModuleExports['secrets'] = new Map()
    const note = (name: string, expression: ts.Expression) => {
      const logger = this.loggerRef(expression)
      if (logger && logger.origin !== 'name') loggers.set(name, logger)
      const held = this.evaluate(expression).flatMap((h) => (h.origin.kind === 'secret' ? [{ source: h.origin.source, path: h.path }] : []))
      if (held.length > 0) secrets.set(name, held)
    }
    const sf = this.context.sourceFile
    for (const decl of this.scopes.get(sf)?.values() ?? []) {
      if (decl.kind === 'var' && decl.exported && ts.isVariableDeclaration(decl.node) && decl.init) note(decl.name, decl.init)
    }
    for (const { name, expression } of this.exportAssignments) note(name, expression)
    return { loggers, secrets }
  }
}

function dedupe(hits: Hit[]): Hit[] {
  // most values carry nothing, or one thing: nothing to compare
  if (hits.length < 2) return hits
  const seen = new Set<string>()
  const out: Hit[] = []
  for (const h of hits) {
    const o = h.origin
    const id = o.kind === 'secret' ? `s:${o.source.name}:${o.source.line}` : o.kind === 'param' ? `p:${o.decl.name}:${o.decl.node.pos}` : `i:${o.decl.name}`
    const key = `${id}|${h.path === null ? '?' : h.path.join('.')}|${h.headers ? 'h' : ''}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(h)
    if (out.length >= MAX_HITS) break
  }
  return out
}

/** `slice(-4)`, `slice(0, 6)`, `substring(0, 8)`: a hint of a few characters, not the secret. */
function revealsLittle(method: string, args: readonly ts.Expression[]): boolean {
  const num = (e: ts.Expression | undefined): number | undefined => {
    if (!e) return undefined
    const u = unwrap(e)
    if (ts.isNumericLiteral(u)) return Number(u.text)
    if (ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(u.operand)) return -Number(u.operand.text)
    return undefined
  }
  const a = num(args[0])
  const b = num(args[1])
  if (args.length === 1 && a !== undefined && a < 0 && a >= -8) return true
  if (method === 'substr' && a !== undefined && b !== undefined) return b <= 8
  if (a !== undefined && b !== undefined && a >= 0 && b - a <= 8 && b >= 0) return true
  return false
}

function isEnvObject(node: ts.Node): boolean {
  if (!ts.isPropertyAccessExpression(node) || node.name.text !== 'env') return false
  const obj = node.expression
  if (ts.isIdentifier(obj)) return obj.text === 'process' || obj.text === 'Bun' || obj.text === 'Deno'
  return ts.isMetaProperty(obj) && obj.keywordToken === ts.SyntaxKind.ImportKeyword
}

// ---------------------------------------------------------------- cross-file resolution

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']

/** The module file an import specifier names: relative paths, and the `@/`, `~/`, `#/` aliases apps map to their root or src/. */
export function resolveModule(importer: string, spec: string, known: (file: string) => boolean): string | undefined {
  const bases: string[] = []
  if (spec.startsWith('./') || spec.startsWith('../')) bases.push(path.posix.normalize(path.posix.join(path.posix.dirname(importer), spec)))
  else if (/^[@~#]\//.test(spec)) {
    const rest = spec.slice(2)
    for (let dir = path.posix.dirname(importer); ; dir = path.posix.dirname(dir)) {
      const d = dir === '.' ? '' : `${dir}/`
      bases.push(`${d}${rest}`, `${d}src/${rest}`)
      if (dir === '.' || dir === '/' || dir === '') break
    }
  } else return undefined
  for (const base of bases) {
    const stem = base.replace(/\.(?:[mc]?js|jsx)$/, '')
    for (const candidate of [base, ...EXTENSIONS.map((e) => stem + e), ...EXTENSIONS.map((e) => `${base}/index${e}`)]) {
      if (known(candidate)) return candidate
    }
  }
  return undefined
}

function resolveLogger(ref: LoggerRef, modules: ModuleIndex, depth = 0): { accepted: boolean; redact?: string[] } {
  if (ref.origin !== 'import' || !ref.ref) return { accepted: true, redact: ref.redact }
  const file = resolveModule(ref.ref.importer, ref.ref.spec, (f) => modules.walked.has(f))
  const exported = file ? exportsOfModule(modules, file).loggers.get(ref.ref.imported) : undefined
  if (exported && depth < 4) {
    const inner = resolveLogger(exported, modules, depth + 1)
    if (inner.accepted) return inner
  }
  return { accepted: ref.nameLike === true }
}

export const secretFlowDetector: CodeDetector = {
  id: SECRET_FLOW_DETECTOR,
  create(context) {
    const analysis = new FileAnalysis(context)
    return {
      visitors: analysis.visitors(),
      end() {
        const { sinks, exports, decryptSites } = analysis.finish()
        // most files export neither a logger nor a secret and log nothing: they leave the run's state untouched
        const exporting = exports.loggers.size > 0 || exports.secrets.size > 0
        if (exporting || sinks.length > 0) {
          const state = sharedState(context.shared)
          if (exporting) state.modules.set(context.file.path, exports)
          state.sinks.push(...sinks)
        }
        for (const call of decryptSites) {
          context.emit({ kind: 'secret', value: `${short(call.expression.getText(context.sourceFile), 40)}(…)`, reason: 'decrypt-call', node: call, data: { role: 'decrypt-site' } })
        }
      },
    }
  },
  finish(shared, emit: (evidence: LocatedEvidenceInput) => void, { walked }) {
    const state = sharedState(shared)
    const { sinks } = state
    const modules: ModuleIndex = { walked, modules: state.modules }
    for (const record of sinks) {
      const logger = record.logger ? resolveLogger(record.logger, modules) : { accepted: true }
      if (!logger.accepted) continue
      const seen = new Set<string>()
      for (const hit of record.hits) {
        for (const { source, path: at } of sourcesOf(hit, modules)) {
          // pino censors these paths of the logged object: `{ apiKey }` is written as [redacted]
          if (logger.redact && hit.argIndex === 0 && at && at.length > 0 && redactCovers(logger.redact, at)) continue
          const shown = at && at.length > 0 ? at.join('.') : source.name
          const key = `${shown}|${source.origin ?? ''}`
          if (seen.has(key)) continue
          seen.add(key)
          emit(evidenceOf(record, source, shown))
        }
      }
    }
  },
}

/** The secrets a recorded hit stands for, once an imported value is looked up in its module's exports. */
function sourcesOf(hit: RecordedHit, modules: ModuleIndex): Array<{ source: SourceInfo; path: string[] | null }> {
  if (hit.source) return [{ source: hit.source, path: hit.path }]
  const ref = hit.importRef
  if (!ref) return []
  const file = resolveModule(ref.importer, ref.spec, (f) => modules.walked.has(f))
  const out: Array<{ source: SourceInfo; path: string[] | null }> = []
  for (const held of (file && exportsOfModule(modules, file).secrets.get(ref.imported)) || []) {
    // `config.port` of `export const config = { port, apiKey }` is not the key
    const inside = narrow(held.path, ref.read)
    if (inside === undefined) continue
    const path = inside === null || hit.path === null ? null : [...hit.path, ...inside]
    out.push({ source: { ...held.source, kind: 'constant', name: [ref.local, ...ref.read].join('.'), origin: `${held.source.origin ?? held.source.name} in ${file}` }, path })
  }
  return out
}

function evidenceOf(record: SinkRecord, source: SourceInfo, shown: string): LocatedEvidenceInput {
  return {
    kind: 'log-call',
    value: `${shown} → ${record.sink}`,
    reason: 'secret-reaches-sink',
    location: record.location,
    ...(record.nonShipped ? { nonShipped: true } : {}),
    data: {
      secret: shown,
      source: source.kind,
      category: source.category,
      ...(source.origin ? { origin: source.origin } : {}),
      ...(source.name !== shown ? { from: source.name } : {}),
      sourceLine: source.line,
      sink: record.sink,
      sinkKind: record.sinkKind,
      ...(record.via ? { via: record.via } : {}),
    },
  }
}

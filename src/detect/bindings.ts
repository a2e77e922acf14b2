// What each name of a file is bound to, computed once per file by the engine and shared by every detector: the modules
// the file loads (import, export-from, require, import(), import x = require()), its declarations by scope (imports,
// variables with their destructuring path, parameters, functions, classes), what it exports, and the constants that
// fold (`const THEME = 'theme'`, `COOKIES.theme` of a const object).
import { ts } from 'ts-morph'
import { kindTable, unwrap } from '../syntax/ast.js'

/** How deep constant folding follows names and members (`A = B`, `COOKIES.auth.name`). */
export const FOLD_DEPTH = 6

export type FunctionLike = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration | ts.ConstructorDeclaration | ts.GetAccessorDeclaration | ts.SetAccessorDeclaration

/** How a module is loaded. */
export type LoadVia = 'import' | 're-export' | 'require' | 'dynamic-import' | 'import-equals'

/** A module the file loads by a static specifier. */
export interface ModuleLoad {
  spec: ts.StringLiteralLike
  /** The import or export declaration, or the `require(…)` / `import(…)` call. */
  node: ts.Node
  via: LoadVia
  /** `import type …`, `export type … from`: erased, never runs. */
  typeOnly: boolean
}

/** A name bound to a module's export: `import x from 'm'` (default), `* as x` (`*`), `{ a as x }` (a), `const x = require('m')` (default). */
export interface ImportBinding {
  kind: 'import'
  name: string
  module: string
  imported: string
  via: LoadVia
  node: ts.Node
}

export interface VarBinding {
  kind: 'var'
  name: string
  /** The declaration, or the binding element of a destructuring. */
  node: ts.VariableDeclaration | ts.BindingElement
  /** The whole declaration's initializer (for a destructuring, the object destructured). */
  init?: ts.Expression
  /** The property path from `init` to this name: `const { a: { b } } = x` gives ['a', 'b'] for b; `*` for an array slot. */
  path: string[]
  exported: boolean
  /** Declared with `const`. */
  constant: boolean
  type?: ts.TypeNode
  /** A `for (… of/in …)` loop variable: an element of something, judged by that something alone. */
  iterated: boolean
}

export interface ParamBinding {
  kind: 'param'
  name: string
  node: ts.ParameterDeclaration | ts.BindingElement
  fn: FunctionLike
  index: number
  path: string[]
  init?: ts.Expression
  type?: ts.TypeNode
}

export interface FunctionBinding {
  kind: 'function'
  name: string
  node: ts.FunctionDeclaration
  exported: boolean
}

export interface ClassBinding {
  kind: 'class'
  name: string
  node: ts.ClassDeclaration
  exported: boolean
}

export type Binding = ImportBinding | VarBinding | ParamBinding | FunctionBinding | ClassBinding

/** What a file exports under a name: one of its bindings, an expression (`export default …`), or another module's export. */
export type Export =
  | { kind: 'local'; binding: Binding }
  | { kind: 'expression'; expression: ts.Expression }
  | { kind: 're-export'; module: string; imported: string }

const SCOPES = kindTable((node) => ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseBlock(node) || ts.isForStatement(node)
  || ts.isForInStatement(node) || ts.isForOfStatement(node) || ts.isCatchClause(node) || ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node))
const FUNCTION_SCOPES = kindTable((node) => ts.isSourceFile(node) || ts.isModuleBlock(node) || (ts.isFunctionLike(node) && !ts.isFunctionTypeNode(node)))
/** The node kinds a file's bindings are made of; every other node is passed over. */
const DECLARING = kindTable((node) => ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node) || ts.isExportDeclaration(node)
  || ts.isExportAssignment(node) || ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isFunctionDeclaration(node)
  || ts.isClassDeclaration(node) || ts.isCallExpression(node))

/** Whether the walk must hand this node to the bindings (a cheap table lookup per node). */
export function declares(node: ts.Node): boolean {
  return DECLARING[node.kind] === 1
}

export function hasExportModifier(node: ts.Node): boolean {
  // node.modifiers, not ts.getModifiers(): the same `export` keyword without a filtered copy of the list
  return ts.canHaveModifiers(node) && (node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false)
}

/** The text of a property name that is static: `a`, `'a'`, `"a"`, `` `a` ``, `1`. */
export function propertyName(name: ts.PropertyName | ts.MemberName | undefined): string | undefined {
  if (!name) return undefined
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isPrivateIdentifier(name) || ts.isNumericLiteral(name)) return name.text
  return undefined
}

/** The value of an object literal's property: its initializer, or for a shorthand `{ name }` the name, to be followed. */
export function property(obj: ts.ObjectLiteralExpression | undefined, key: string): ts.Expression | undefined {
  if (!obj) return undefined
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && propertyName(p.name) === key) return p.initializer
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === key) return p.name
  }
  return undefined
}

/** The property path from a destructuring's initializer to one of its names: `const { a: { b } } = x` → ['a', 'b']. */
export function bindingPath(element: ts.BindingElement): string[] {
  const out: string[] = []
  let node: ts.Node = element
  while (ts.isBindingElement(node)) {
    const pattern: ts.Node = node.parent
    if (ts.isObjectBindingPattern(pattern)) {
      const key = node.propertyName ?? node.name
      out.unshift(ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : '*')
    } else {
      out.unshift('*')
    }
    node = pattern.parent
  }
  return out
}

function bindingElements(pattern: ts.BindingName): ts.BindingElement[] {
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

/** The module a `require('m')`, `require('m').x`, `import('m')` or `await import('m')` expression loads, and the member read. */
function requiredModule(expr: ts.Expression | undefined): { spec: ts.StringLiteralLike; via: LoadVia; member?: string } | undefined {
  if (!expr) return undefined
  const e = unwrap(expr)
  if (ts.isPropertyAccessExpression(e)) {
    const inner = requiredModule(e.expression)
    return inner && inner.member === undefined ? { ...inner, member: e.name.text } : undefined
  }
  if (!ts.isCallExpression(e) || e.arguments.length < 1 || !ts.isStringLiteralLike(e.arguments[0])) return undefined
  if (e.expression.kind === ts.SyntaxKind.ImportKeyword) return { spec: e.arguments[0], via: 'dynamic-import' }
  if (ts.isIdentifier(e.expression) && e.expression.text === 'require') return { spec: e.arguments[0], via: 'require' }
  return undefined
}

/** A file's bindings. The engine builds it from the walk's nodes; detectors read it through their context. */
export class Bindings {
  /** Every module the file loads by a static specifier, in source order. */
  readonly loads: ModuleLoad[] = []
  private readonly scopes = new Map<ts.Node, Map<string, Binding>>()
  private readonly exportList: Array<[string, Export]> = []
  private readonly localExports: Array<{ exported: string; local: ts.Identifier }> = []
  private readonly starExports: string[] = []
  private exportsMap: Map<string, Export> | undefined
  private importsList: ImportBinding[] | undefined

  constructor(readonly sourceFile: ts.SourceFile, declaring: readonly ts.Node[]) {
    for (const node of declaring) this.add(node)
  }

  // -------------------------------------------------------------- building

  private add(node: ts.Node): void {
    switch (node.kind) {
      case ts.SyntaxKind.ImportDeclaration: return this.onImport(node as ts.ImportDeclaration)
      case ts.SyntaxKind.ImportEqualsDeclaration: return this.onImportEquals(node as ts.ImportEqualsDeclaration)
      case ts.SyntaxKind.ExportDeclaration: return this.onExportDeclaration(node as ts.ExportDeclaration)
      case ts.SyntaxKind.ExportAssignment: {
        const e = node as ts.ExportAssignment
        if (!e.isExportEquals) this.exportList.push(['default', { kind: 'expression', expression: e.expression }])
        return
      }
      case ts.SyntaxKind.VariableDeclaration: return this.onVariable(node as ts.VariableDeclaration)
      case ts.SyntaxKind.Parameter: return this.onParameter(node as ts.ParameterDeclaration)
      case ts.SyntaxKind.FunctionDeclaration: {
        const fn = node as ts.FunctionDeclaration
        if (!fn.name) return
        const binding: FunctionBinding = { kind: 'function', name: fn.name.text, node: fn, exported: hasExportModifier(fn) }
        this.declare(fn.parent, binding, true)
        if (binding.exported) this.exportList.push([isDefault(fn) ? 'default' : binding.name, { kind: 'local', binding }])
        return
      }
      case ts.SyntaxKind.ClassDeclaration: {
        const c = node as ts.ClassDeclaration
        if (!c.name) return
        const binding: ClassBinding = { kind: 'class', name: c.name.text, node: c, exported: hasExportModifier(c) }
        this.declare(c.parent, binding)
        if (binding.exported) this.exportList.push([isDefault(c) ? 'default' : binding.name, { kind: 'local', binding }])
        return
      }
      case ts.SyntaxKind.CallExpression: {
        const call = node as ts.CallExpression
        const loaded = call.arguments.length >= 1 && ts.isStringLiteralLike(call.arguments[0]) ? requiredModule(call) : undefined
        if (loaded) this.loads.push({ spec: loaded.spec, node: call, via: loaded.via, typeOnly: false })
      }
    }
  }

  private declare(scopeFrom: ts.Node, binding: Binding, functionScoped = false): void {
    let scope: ts.Node | undefined = scopeFrom
    const table = functionScoped ? FUNCTION_SCOPES : SCOPES
    while (scope && table[scope.kind] !== 1) scope = scope.parent
    if (!scope) return
    let names = this.scopes.get(scope)
    if (!names) {
      names = new Map()
      this.scopes.set(scope, names)
    }
    names.set(binding.name, binding)
  }

  private onImport(node: ts.ImportDeclaration): void {
    if (!ts.isStringLiteralLike(node.moduleSpecifier)) return
    const clause = node.importClause
    const typeOnly = clause?.isTypeOnly ?? false
    this.loads.push({ spec: node.moduleSpecifier, node, via: 'import', typeOnly })
    if (!clause || typeOnly) return
    const module = node.moduleSpecifier.text
    const sf = this.sourceFile
    if (clause.name) this.declare(sf, { kind: 'import', name: clause.name.text, module, imported: 'default', via: 'import', node })
    const named = clause.namedBindings
    if (named && ts.isNamespaceImport(named)) this.declare(sf, { kind: 'import', name: named.name.text, module, imported: '*', via: 'import', node })
    if (named && ts.isNamedImports(named)) {
      for (const el of named.elements) {
        if (el.isTypeOnly) continue
        this.declare(sf, { kind: 'import', name: el.name.text, module, imported: (el.propertyName ?? el.name).text, via: 'import', node })
      }
    }
  }

  private onImportEquals(node: ts.ImportEqualsDeclaration): void {
    const ref = node.moduleReference
    if (!ts.isExternalModuleReference(ref) || !ts.isStringLiteralLike(ref.expression)) return
    this.loads.push({ spec: ref.expression, node, via: 'import-equals', typeOnly: node.isTypeOnly })
    if (!node.isTypeOnly) this.declare(this.sourceFile, { kind: 'import', name: node.name.text, module: ref.expression.text, imported: 'default', via: 'import-equals', node })
  }

  private onExportDeclaration(node: ts.ExportDeclaration): void {
    const spec = node.moduleSpecifier
    if (spec && ts.isStringLiteralLike(spec)) {
      this.loads.push({ spec, node, via: 're-export', typeOnly: node.isTypeOnly })
      if (node.isTypeOnly) return
      if (!node.exportClause) this.starExports.push(spec.text)
      else if (ts.isNamedExports(node.exportClause)) {
        for (const el of node.exportClause.elements) {
          if (!el.isTypeOnly) this.exportList.push([el.name.text, { kind: 're-export', module: spec.text, imported: (el.propertyName ?? el.name).text }])
        }
      } else this.exportList.push([node.exportClause.name.text, { kind: 're-export', module: spec.text, imported: '*' }])
      return
    }
    if (node.isTypeOnly || !node.exportClause || !ts.isNamedExports(node.exportClause)) return
    for (const el of node.exportClause.elements) {
      const local = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName : el.name
      if (!el.isTypeOnly && ts.isIdentifier(local)) this.localExports.push({ exported: el.name.text, local })
    }
  }

  private onVariable(node: ts.VariableDeclaration): void {
    const list = node.parent
    const inList = ts.isVariableDeclarationList(list)
    // the search for the declaring scope starts above the list: neither a declaration nor its list is a scope
    const scopeFrom = inList ? list.parent : node
    const constant = inList && (list.flags & ts.NodeFlags.Const) !== 0
    const functionScoped = inList && (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0
    const exported = inList && ts.isVariableStatement(list.parent) && hasExportModifier(list.parent)
    const iterated = inList && (ts.isForOfStatement(list.parent) || ts.isForInStatement(list.parent))
    // const pino = require('pino'), const { createLogger } = require('winston'), const m = await import('m')
    const loaded = requiredModule(node.initializer)
    const add = (binding: Binding) => {
      this.declare(scopeFrom, binding, functionScoped)
      if (exported) this.exportList.push([binding.name, { kind: 'local', binding }])
    }
    if (ts.isIdentifier(node.name)) {
      if (loaded) {
        const imported = loaded.member ?? (loaded.via === 'dynamic-import' ? '*' : 'default')
        add({ kind: 'import', name: node.name.text, module: loaded.spec.text, imported, via: loaded.via, node })
      } else {
        add({ kind: 'var', name: node.name.text, node, init: node.initializer, path: [], exported, constant, type: node.type, iterated })
      }
      return
    }
    for (const el of bindingElements(node.name)) {
      const path = bindingPath(el)
      const name = (el.name as ts.Identifier).text
      if (loaded && loaded.member === undefined && path.length === 1) add({ kind: 'import', name, module: loaded.spec.text, imported: path[0], via: loaded.via, node })
      else add({ kind: 'var', name, node: el, init: node.initializer, path, exported, constant, iterated })
    }
  }

  private onParameter(node: ts.ParameterDeclaration): void {
    const fn = node.parent
    if (!ts.isFunctionLike(fn) || ts.isFunctionTypeNode(fn) || ts.isMethodSignature(fn) || ts.isCallSignatureDeclaration(fn) || ts.isConstructSignatureDeclaration(fn) || ts.isConstructorTypeNode(fn) || ts.isIndexSignatureDeclaration(fn)) return
    const index = fn.parameters.indexOf(node)
    const owner = fn as FunctionLike
    if (ts.isIdentifier(node.name)) {
      this.declare(fn, { kind: 'param', name: node.name.text, node, fn: owner, index, path: [], init: node.initializer, type: node.type })
      return
    }
    for (const el of bindingElements(node.name)) {
      this.declare(fn, { kind: 'param', name: (el.name as ts.Identifier).text, node: el, fn: owner, index, path: bindingPath(el), init: el.initializer })
    }
  }

  // -------------------------------------------------------------- reading

  /** The declaration an identifier refers to, by scope; undefined for a global or an undeclared name. */
  resolve(id: ts.Identifier): Binding | undefined {
    const name = id.text
    for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
      const binding = this.scopes.get(n)?.get(name)
      if (binding) return binding
    }
    return undefined
  }

  /** Every name bound to a module's export, in the order declared. */
  get imports(): readonly ImportBinding[] {
    if (!this.importsList) {
      this.importsList = []
      for (const names of this.scopes.values()) for (const b of names.values()) if (b.kind === 'import') this.importsList.push(b)
    }
    return this.importsList
  }

  /** The import an expression names: an imported identifier. */
  importOf(expr: ts.Expression): ImportBinding | undefined {
    const e = unwrap(expr)
    if (!ts.isIdentifier(e)) return undefined
    const b = this.resolve(e)
    return b?.kind === 'import' ? b : undefined
  }

  /** Whether a binding imports from one of `modules` or a subpath of it (`next/headers` is from `next`). */
  static from(binding: ImportBinding | undefined, ...modules: string[]): boolean {
    return !!binding && modules.some((m) => binding.module === m || binding.module.startsWith(`${m}/`))
  }

  /** The initializer of a `const` name bound to it whole (not destructured). */
  constant(id: ts.Identifier): ts.Expression | undefined {
    const b = this.resolve(id)
    return b?.kind === 'var' && b.constant && b.path.length === 0 ? b.init : undefined
  }

  /** The initializer a variable name is bound to whole (`const`, `let` or `var`), as a taint analysis follows it. */
  initializer(id: ts.Identifier): ts.Expression | undefined {
    const b = this.resolve(id)
    return b?.kind === 'var' && b.path.length === 0 ? b.init : undefined
  }

  /**
   * `COOKIES.theme`, `COOKIES['theme']`, `A.B.c` where the object is a const object literal, or a name bound to one
   * (`const A = B`, `{ session: OPTIONS }`): the property's initializer (a shorthand's name).
   */
  member(expr: ts.PropertyAccessExpression | ts.ElementAccessExpression, depth = 0): ts.Expression | undefined {
    const key = ts.isPropertyAccessExpression(expr) ? expr.name.text : ts.isStringLiteralLike(expr.argumentExpression) ? expr.argumentExpression.text : undefined
    if (key === undefined) return undefined
    let obj: ts.Expression | undefined = unwrap(expr.expression)
    for (let d = depth; obj && !ts.isObjectLiteralExpression(obj); d++) {
      if (d > FOLD_DEPTH) return undefined
      const next: ts.Expression | undefined = ts.isIdentifier(obj) ? this.constant(obj) : ts.isPropertyAccessExpression(obj) || ts.isElementAccessExpression(obj) ? this.member(obj, d + 1) : undefined
      obj = next && unwrap(next)
    }
    return obj && property(obj as ts.ObjectLiteralExpression, key)
  }

  /** The value a name or member refers to, when it is a constant: identifiers and const-object members, followed up to `depth` times. */
  follow(expr: ts.Expression, depth = FOLD_DEPTH): ts.Expression {
    let e = unwrap(expr)
    for (let i = 0; i < depth; i++) {
      const next = ts.isIdentifier(e) ? this.constant(e) : ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) ? this.member(e) : undefined
      if (!next) return e
      e = unwrap(next)
    }
    return e
  }

  /** The string an expression folds to: literals, no-substitution templates and templates of folding parts, `+`, constants. */
  string(expr: ts.Expression | undefined, depth = 0): string | undefined {
    if (!expr || depth > FOLD_DEPTH) return undefined
    const e = unwrap(expr)
    if (ts.isStringLiteralLike(e)) return e.text
    if (ts.isTemplateExpression(e)) {
      let out = e.head.text
      for (const span of e.templateSpans) {
        const part = this.string(span.expression, depth + 1) ?? this.number(span.expression, depth + 1)?.toString()
        if (part === undefined) return undefined
        out += part + span.literal.text
      }
      return out
    }
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const a = this.string(e.left, depth + 1)
      const b = this.string(e.right, depth + 1)
      return a !== undefined && b !== undefined ? a + b : undefined
    }
    if (ts.isIdentifier(e)) return this.string(this.constant(e), depth + 1)
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) return this.string(this.member(e), depth + 1)
    return undefined
  }

  /** The number an expression folds to: literals (`1_000`), unary minus, `+ - * /`, constants. */
  number(expr: ts.Expression | undefined, depth = 0): number | undefined {
    if (!expr || depth > FOLD_DEPTH) return undefined
    const e = unwrap(expr)
    if (ts.isNumericLiteral(e)) return Number(e.text.replace(/_/g, ''))
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken) {
      const v = this.number(e.operand, depth + 1)
      return v === undefined ? undefined : -v
    }
    if (ts.isIdentifier(e)) return this.number(this.constant(e), depth + 1)
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) return this.number(this.member(e), depth + 1)
    if (ts.isBinaryExpression(e)) {
      const a = this.number(e.left, depth + 1)
      const b = this.number(e.right, depth + 1)
      if (a === undefined || b === undefined) return undefined
      switch (e.operatorToken.kind) {
        case ts.SyntaxKind.AsteriskToken: return a * b
        case ts.SyntaxKind.PlusToken: return a + b
        case ts.SyntaxKind.MinusToken: return a - b
        case ts.SyntaxKind.SlashToken: return b === 0 ? undefined : a / b
        default: return undefined
      }
    }
    return undefined
  }

  /** The object literal an expression is or folds to: `{ … }`, `OPTIONS`, `CONFIG.session` of const objects. */
  object(expr: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
    if (!expr) return undefined
    const e = this.follow(expr)
    return ts.isObjectLiteralExpression(e) ? e : undefined
  }

  /** The boolean an expression folds to: `true`, `false`, or a constant bound to one. */
  boolean(expr: ts.Expression | undefined): boolean | undefined {
    if (!expr) return undefined
    const kind = this.follow(expr).kind
    return kind === ts.SyntaxKind.TrueKeyword ? true : kind === ts.SyntaxKind.FalseKeyword ? false : undefined
  }

  /** What the module exports by name: local bindings, `export default` expressions, re-exports (not `export *`). */
  get exports(): ReadonlyMap<string, Export> {
    if (!this.exportsMap) {
      this.exportsMap = new Map(this.exportList)
      for (const { exported, local } of this.localExports) {
        const binding = this.resolve(local)
        if (binding) this.exportsMap.set(exported, { kind: 'local', binding })
      }
    }
    return this.exportsMap
  }

  /** The modules of `export * from '…'`: their exports are this module's too. */
  get reexportedModules(): readonly string[] {
    return this.starExports
  }
}

function isDefault(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (node.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) ?? false)
}

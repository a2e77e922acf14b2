// The flow engine within one file: what each expression may carry, and from where. A small, flow-insensitive taint
// analysis over the shared walk's tree and the file's bindings. Values flow through assignments, destructuring,
// template literals, concatenation, object literals, spreads, the library calls the propagation models name, and the
// file's own functions (arguments to parameters, return values); a call into another module carries what that module's
// function returns, resolved after the walk. A value derived without revealing what it holds (`key.length`,
// `hash(key)`, `key.slice(-4)`, `!!key`) is clean: a call nobody models returns nothing, so unknown code never raises a
// finding. Sources come from a source model (sources.ts), which only classifies.
import { ts } from 'ts-morph'
import { splitWords } from '../../secrets/names.js'
import { calleeName, isEnvObject, isWrapper, kindTable, unwrap } from '../../syntax/ast.js'
import type { Binding, Bindings, FunctionLike } from '../bindings.js'
import type { CodeContext, Visitors } from '../contracts.js'
import type { CompiledModels } from './compiled.js'
import type { SourceHelpers, SourceModel } from './sources.js'
import { dedupe, narrow, NO_HITS, short, type Hit } from './values.js'

/** The node kinds evaluateUncached reads into (wrappers included): a value of any other kind carries nothing. */
const EVALUATED = kindTable((n) => ts.isIdentifier(n) || ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n) || ts.isCallExpression(n)
  || ts.isNewExpression(n) || ts.isTemplateExpression(n) || ts.isBinaryExpression(n) || ts.isConditionalExpression(n) || ts.isObjectLiteralExpression(n)
  || ts.isArrayLiteralExpression(n) || ts.isSpreadElement(n) || isWrapper(n))
const FUNCTIONS = kindTable((n) => ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n)
  || ts.isConstructorDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n))

const MAX_DEPTH = 60
/** Work limits per file, so no input makes the analysis superlinear. */
const MAX_EVALUATIONS = 200_000

const NUMERIC_TYPES = new Set([ts.SyntaxKind.NumberKeyword, ts.SyntaxKind.BooleanKeyword, ts.SyntaxKind.BigIntKeyword])
function isNonSourceType(type: ts.TypeNode | undefined): boolean {
  if (!type) return false
  if (NUMERIC_TYPES.has(type.kind)) return true
  return ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'Date'
}

/** The function a node sits in (its body, not its parameters' defaults), or undefined at the top of the module. */
export function enclosingFunction(node: ts.Node): FunctionLike | undefined {
  for (let cur = node.parent; cur; cur = cur.parent) if (FUNCTIONS[cur.kind] === 1) return cur as FunctionLike
  return undefined
}

export class FlowAnalysis {
  readonly bindings: Bindings
  readonly calls: ts.CallExpression[] = []
  readonly throws: ts.ThrowStatement[] = []
  /** Return statements and expression bodies, by the function they return from. */
  readonly returns = new Map<FunctionLike, ts.Expression[]>()
  private readonly assignments: Array<{ target: ts.Identifier; value: ts.Expression }> = []
  /** Properties read on source-named identifiers (`token.type`), resolved to their declarations at the end. */
  private readonly memberReads: Array<{ target: ts.Identifier; name: string }> = []
  private structures: Map<Binding, Set<string>> | undefined
  private assigned: Map<Binding, ts.Expression[]> | undefined
  private readonly memo = new Map<ts.Node, Hit[]>()
  private readonly inProgress = new Set<ts.Node>()
  private depth = 0
  private evaluations = 0
  private readonly helpers: SourceHelpers

  constructor(readonly context: CodeContext, readonly model: SourceModel, readonly models: CompiledModels) {
    this.bindings = context.bindings
    this.helpers = {
      text: (n) => this.text(n),
      sourceHit: (node, name, kind, category, extra, origin) => this.sourceHit(node, name, kind, category, extra, origin),
      initializer: (id) => this.bindings.initializer(id),
      fileText: context.text,
    }
  }

  // -------------------------------------------------------------- collection, during the shared walk

  visitors(): Visitors {
    return {
      BinaryExpression: (node) => {
        const b = node as ts.BinaryExpression
        if (b.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(b.left)) this.assignments.push({ target: b.left, value: b.right })
      },
      CallExpression: (node) => this.calls.push(node as ts.CallExpression),
      PropertyAccessExpression: (node) => {
        const p = node as ts.PropertyAccessExpression
        if (ts.isIdentifier(p.expression) && !this.models.clean.stringMembers.has(p.name.text) && this.model.nameCategory(p.expression.text)) {
          this.memberReads.push({ target: p.expression, name: p.name.text })
        }
      },
      ThrowStatement: (node) => this.throws.push(node as ts.ThrowStatement),
      ReturnStatement: (node) => {
        const r = node as ts.ReturnStatement
        if (r.expression) this.addReturn(r, r.expression)
      },
      ArrowFunction: (node) => {
        const fn = node as ts.ArrowFunction
        if (!ts.isBlock(fn.body)) this.addReturn(fn.body, fn.body, fn)
      },
    }
  }

  private addReturn(at: ts.Node, expression: ts.Expression, fn = enclosingFunction(at)): void {
    if (!fn) return
    const list = this.returns.get(fn)
    if (list) list.push(expression)
    else this.returns.set(fn, [expression])
  }

  // -------------------------------------------------------------- helpers

  /** A node's source text: given the file, getText() need not walk up to find it. */
  text(node: ts.Node): string {
    return node.getText(this.context.sourceFile)
  }

  private line(node: ts.Node): number {
    return this.context.locate(node).line
  }

  sourceHit(node: ts.Node, name: string, kind: string, category: string, extra: Partial<Hit> = {}, origin?: string): Hit {
    return { origin: { kind: 'source', source: { name: short(name), kind, category, line: this.line(node), ...(origin ? { origin: short(origin) } : {}) } }, path: [], ...extra }
  }

  /** Assignments and member reads, resolved to their declarations once every name is known (after the walk). */
  private prepare(): void {
    if (this.assigned) return
    this.assigned = new Map()
    this.structures = new Map()
    for (const { target, value } of this.assignments) {
      const binding = this.bindings.resolve(target)
      if (!binding) continue
      const list = this.assigned.get(binding)
      if (list) list.push(value)
      else this.assigned.set(binding, [value])
    }
    for (const { target, name } of this.memberReads) {
      const binding = this.bindings.resolve(target)
      if (!binding) continue
      const set = this.structures.get(binding)
      if (set) set.add(name)
      else this.structures.set(binding, new Set([name]))
    }
  }

  // -------------------------------------------------------------- evaluation

  /** Everything a value may carry (sources, parameters, imported values, calls into other modules), and where. */
  evaluate(expr: ts.Expression): Hit[] {
    // literals, functions, `this`…: nothing evaluateUncached follows, so nothing to carry (and no memo entry to keep)
    if (EVALUATED[expr.kind] === 0) return NO_HITS
    const cached = this.memo.get(expr)
    if (cached) return cached
    if (this.inProgress.has(expr) || this.depth > MAX_DEPTH || ++this.evaluations > MAX_EVALUATIONS) return []
    this.prepare()
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
      // process.env[name]: which variable is unknown, so it is not known to be a source
      if (isEnvObject(unwrap(expr.expression))) return []
      return this.evaluate(expr.expression).map((h) => ({ ...h, path: h.headers ? [] : null, headers: false }))
    }
    if (ts.isCallExpression(expr)) return this.call(expr)
    if (ts.isNewExpression(expr)) {
      const name = this.text(expr.expression)
      if (!this.models.carry.constructors.test(name)) return []
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

  /** The value is now a string (or an Error, a URL) containing what it holds: no longer an object with paths. */
  asValue(hits: Hit[]): Hit[] {
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
        const category = this.model.headerCategory(key)
        if (category) out.push(this.sourceHit(node, this.text(node), 'headers', category))
        continue
      }
      if (h.path === null) out.push(h)
      else if (h.path.length === 0) {
        const o = h.origin
        // a property of a value that is a source only by its name (`token.flag` of a lexer token) is a structure's
        // field: a source when its own name says so (checked by the caller), not by inheritance
        if (o.kind === 'source' && o.source.kind === 'name') continue
        // `value.SecretString` of a decrypted `value` is logged as `value.SecretString`
        out.push(o.kind === 'source'
          ? { ...h, origin: { kind: 'source', source: { ...o.source, name: short(this.text(node)), origin: o.source.origin ?? o.source.name } } }
          : { ...h, read: [...(h.read ?? []), key] })
      }
      else if (h.path[0] === key || h.path[0] === '*') out.push({ ...h, path: h.path.slice(1) })
    }
    return out
  }

  private identifier(id: ts.Identifier): Hit[] {
    const binding = this.bindings.resolve(id)
    const name = id.text
    if (!binding) {
      if (name === 'undefined' || name === 'process' || name === 'console') return []
      const category = this.model.nameCategory(name)
      return category ? [this.sourceHit(id, name, 'name', category)] : []
    }
    switch (binding.kind) {
      case 'var': {
        if (isNonSourceType(binding.type) || binding.iterated) return []
        const hits: Hit[] = []
        const init = binding.init
        if (init) {
          let from = this.evaluate(init)
          for (const key of binding.path) from = this.member(from, key, binding.node)
          hits.push(...from)
        }
        for (const value of this.assigned!.get(binding) ?? []) hits.push(...this.evaluate(value))
        // `const { apiKey: key } = body`: the property read names the source as much as the variable does
        const category = this.model.nameCategory(name) ?? this.lastKeyCategory(binding.path)
        const initClean = init !== undefined && binding.path.length === 0 && (this.evidentlyClean(init) || (this.model.literalsCarry === false && ts.isStringLiteralLike(unwrap(init))))
        if (category && !initClean && !this.isStructure(binding, category) && !hits.some((h) => h.origin.kind === 'source')) hits.push(this.sourceHit(binding.node, name, 'name', category))
        // a source kept in a variable is logged under the variable's name
        return hits.map((h) => (h.origin.kind === 'source' && h.path && h.path.length === 0 && h.origin.source.name !== name
          ? { ...h, origin: { kind: 'source' as const, source: { ...h.origin.source, name, origin: h.origin.source.origin ?? h.origin.source.name } } }
          : h))
      }
      case 'param': {
        if (isNonSourceType(binding.type)) return []
        const category = this.model.nameCategory(name) ?? this.lastKeyCategory(binding.path)
        if (category && !this.isStructure(binding, category)) return [this.sourceHit(binding.node, name, 'name', category)]
        const given = this.model.parameter?.(binding, this.helpers)
        if (given) return given
        const hits: Hit[] = [{ origin: { kind: 'param', binding }, path: [], read: [...binding.path] }]
        if (binding.init) hits.push(...this.evaluate(binding.init))
        return hits
      }
      case 'import': {
        const category = this.model.nameCategory(name)
        if (category) return [this.sourceHit(id, name, 'name', category)]
        return [{ origin: { kind: 'import', binding }, path: [], read: [] }]
      }
      default:
        return []
    }
  }

  /**
   * A source-named variable used as a structure whose fields are not sources (`token.type`, `token.offset`) is a
   * lexer's or parser's token, not a credential; an OAuth token object (`token.access_token`) stays one.
   */
  private isStructure(binding: Binding, category: string): boolean {
    if (!this.model.stringCategories.has(category)) return false
    const fields = this.structures!.get(binding)
    return fields !== undefined && ![...fields].some((f) => this.model.nameCategory(f) !== undefined)
  }

  private lastKeyCategory(keys: string[]): string | undefined {
    const last = keys[keys.length - 1]
    return last && last !== '*' ? this.model.nameCategory(last) : undefined
  }

  private property(node: ts.Expression, object: ts.Expression, key: string): Hit[] {
    const obj = unwrap(object)
    // process.env.X, import.meta.env.X
    if (isEnvObject(obj)) {
      const category = this.model.envCategory(key)
      return category ? [this.sourceHit(node, `process.env.${key}`, 'env', category)] : []
    }
    if (key === 'env' && isEnvObject(node)) return this.model.wholeEnvCategory ? [this.sourceHit(node, this.text(node), 'env', this.model.wholeEnvCategory)] : []
    // req.headers, request.headers, ctx.request.headers, c.req.raw.headers
    if (key === 'headers' && this.isRequest(obj)) return [this.sourceHit(node, this.text(node), 'headers', 'header', { headers: true })]
    if (this.model.isMetadata(key) || this.models.clean.sizes.has(key)) return []
    // what the object is (a decrypted value, a headers object) says more than the property's name
    const inner = this.member(this.evaluate(obj), key, node)
    if (inner.some((h) => h.origin.kind === 'source')) return inner
    // `user.name` read together, unless the object is what another module's function returns or exports (known after the walk)
    const category = this.model.nameCategory(key) ?? (inner.some((h) => h.origin.kind === 'call' || h.origin.kind === 'import') ? undefined : this.model.memberCategory?.(obj, key))
    return category ? [this.sourceHit(node, this.text(node), 'name', category), ...inner] : inner
  }

  isRequest(expr: ts.Expression): boolean {
    const e = unwrap(expr)
    const { names, properties } = this.model.requests
    if (ts.isIdentifier(e)) return names.test(e.text)
    if (ts.isPropertyAccessExpression(e)) return properties.test(e.name.text)
    return false
  }

  private call(expr: ts.CallExpression): Hit[] {
    const callee = unwrap(expr.expression)
    const name = calleeName(callee)
    const known = this.model.call(expr, name, this.helpers)
    if (known) return known
    const { requests } = this.model
    // headers.get('authorization'), req.get('authorization') (Express), c.req.header('x-api-key') (Hono)
    if (ts.isPropertyAccessExpression(callee) && name && requests.headerMethods.has(name)) {
      const onHeaders = this.evaluate(callee.expression).some((h) => h.headers)
      const onRequest = name !== 'getAll' && this.isRequest(callee.expression)
      if (onHeaders || onRequest) {
        const arg = expr.arguments[0]
        if (arg && ts.isStringLiteralLike(arg)) {
          const category = this.model.headerCategory(arg.text)
          return category ? [this.sourceHit(expr, this.text(expr), 'headers', category)] : []
        }
        return onHeaders ? [this.sourceHit(expr, this.text(expr), 'headers', 'header')] : []
      }
    }
    const carry = this.models.carry
    if (ts.isIdentifier(callee)) {
      const binding = this.bindings.resolve(callee)
      // headers() of next/headers
      if (binding?.kind === 'import' && requests.headerFunctions.some((f) => f.package === binding.module && f.name === binding.imported)) {
        return [this.sourceHit(expr, `${callee.text}()`, 'headers', 'header', { headers: true })]
      }
      if (carry.functions.has(callee.text) && (!binding || (binding.kind === 'import' && /^(?:node:)?util$/.test(binding.module)))) return expr.arguments.flatMap((a) => this.asValue(this.evaluate(a)))
      if (binding?.kind === 'import') return [{ origin: { kind: 'call', binding, args: expr.arguments.map((a) => this.evaluate(a)) }, path: [], read: [] }]
      const fn = FlowAnalysis.functionOfBinding(binding)
      return fn ? this.returnOf(fn, expr) : []
    }
    if (ts.isPropertyAccessExpression(callee)) {
      const receiver = callee.expression
      const staticName = `${this.text(receiver)}.${callee.name.text}`
      if (carry.statics.has(staticName)) {
        if (carry.keepShape.has(staticName)) return expr.arguments.flatMap((a) => this.evaluate(a))
        return expr.arguments.flatMap((a) => this.evaluate(a).map((h) => ({ ...h, path: h.headers ? h.path : [] })))
      }
      const method = callee.name.text
      if (carry.slices.has(method)) return this.revealsLittle(method, expr.arguments) ? [] : this.asValue(this.evaluate(receiver))
      if (carry.methods.has(method)) {
        const own = this.evaluate(receiver)
        const args = carry.methodsWithArguments.has(method) ? expr.arguments.flatMap((a) => this.evaluate(a)) : []
        return this.asValue([...own, ...args])
      }
      // `secrets.unwrap(row)` of `import * as secrets from './secrets'`: a function of another module
      const ns = ts.isIdentifier(unwrap(receiver)) ? this.bindings.importOf(receiver) : undefined
      if (ns && (ns.imported === '*' || ns.via === 'require')) {
        return [{ origin: { kind: 'call', binding: { ...ns, imported: method }, args: expr.arguments.map((a) => this.evaluate(a)) }, path: [], read: [] }]
      }
    }
    return []
  }

  /** A function of this file a callee names: a declaration, or a const bound to an arrow or function expression. */
  functionOf(callee: ts.Expression): FunctionLike | undefined {
    const c = unwrap(callee)
    return ts.isIdentifier(c) ? FlowAnalysis.functionOfBinding(this.bindings.resolve(c)) : undefined
  }

  /** The function a binding is: a function declaration, or a variable bound whole to an arrow or function expression. */
  static functionOfBinding(binding: Binding | undefined): FunctionLike | undefined {
    if (binding?.kind === 'function') return binding.node
    if (binding?.kind === 'var' && binding.init && binding.path.length === 0) {
      const init = unwrap(binding.init)
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init
    }
    return undefined
  }

  /** What a call to a function of this file returns: its return values, each parameter replaced by the argument given. */
  private returnOf(fn: FunctionLike, call: ts.CallExpression): Hit[] {
    if (this.inProgress.has(fn)) return []
    this.inProgress.add(fn)
    try {
      const out: Hit[] = []
      for (const value of this.returns.get(fn) ?? []) {
        for (const h of this.evaluate(value)) {
          if (h.origin.kind !== 'param' || h.origin.binding.fn !== fn) {
            out.push(h)
            continue
          }
          const arg = call.arguments[h.origin.binding.index]
          if (!arg) continue
          for (const a of this.evaluate(arg)) {
            const seen = narrow(a.path, h.read ?? [])
            if (seen === undefined) continue
            out.push({ ...a, path: seen === null || h.path === null ? null : [...h.path, ...seen] })
          }
        }
      }
      return out
    } finally {
      this.inProgress.delete(fn)
    }
  }

  /** `slice(-4)`, `slice(0, 6)`, `substring(0, 8)`: a hint of a few characters, not the value. */
  private revealsLittle(method: string, args: readonly ts.Expression[]): boolean {
    const limit = this.models.carry.revealLimit
    const num = (e: ts.Expression | undefined): number | undefined => {
      if (!e) return undefined
      const u = unwrap(e)
      if (ts.isNumericLiteral(u)) return Number(u.text)
      if (ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(u.operand)) return -Number(u.operand.text)
      return undefined
    }
    const a = num(args[0])
    const b = num(args[1])
    if (args.length === 1 && a !== undefined && a < 0 && a >= -limit) return true
    if (method === 'substr' && a !== undefined && b !== undefined) return b <= limit
    return a !== undefined && b !== undefined && a >= 0 && b - a <= limit && b >= 0
  }

  /** An initializer that cannot hold the source its variable is named after (`const secrets = await deleteUserSecrets(id)`). */
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
    if (ts.isPropertyAccessExpression(e)) return this.model.isMetadata(e.name.text) || e.name.text === 'length'
    if (ts.isNewExpression(e)) return !this.models.carry.constructors.test(this.text(e.expression))
    if (ts.isCallExpression(e)) {
      const callee = unwrap(e.expression)
      const name = calleeName(callee)
      if (!name) return false
      const clean = this.models.clean
      if (clean.globals.has(name) || (ts.isPropertyAccessExpression(callee) && clean.staticReceivers.has(this.text(callee.expression)))) return true
      const first = splitWords(name)[0]
      return first !== undefined && clean.verbs.has(first)
    }
    return false
  }
}

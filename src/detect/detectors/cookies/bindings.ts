// What the cookies detector knows of a file's imports and constants: the only module of the detector that reads
// them. The rest asks through this interface, so a shared per-file bindings service can replace the inside.
import { ts } from 'ts-morph'
import { unwrap } from '../../../syntax/ast.js'

/** How deep constant folding follows names and members (`A = B`, `COOKIES.auth.name`). */
export const MAX_DEPTH = 6

export interface ImportBinding {
  module: string
  /** `default`, `*`, or the imported name. */
  imported: string
}

export function propName(name: ts.PropertyName | ts.MemberName | undefined): string | undefined {
  if (!name) return undefined
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isPrivateIdentifier(name)) return name.text
  return undefined
}

/** The module of `require('x')`, `import('x')` or a member of either (`require('x').y`). */
function requiredModule(expr: ts.Expression | undefined): ts.StringLiteralLike | undefined {
  if (!expr) return undefined
  const e = unwrap(expr)
  if (ts.isCallExpression(e) && e.arguments.length >= 1 && ts.isStringLiteralLike(e.arguments[0])) {
    if ((ts.isIdentifier(e.expression) && e.expression.text === 'require') || e.expression.kind === ts.SyntaxKind.ImportKeyword) return e.arguments[0]
  }
  if (ts.isPropertyAccessExpression(e)) return requiredModule(e.expression)
  return undefined
}

/** `prop(obj, key)`: the value of a property of an object literal, a shorthand property being its own name. */
export function prop(obj: ts.ObjectLiteralExpression | undefined, key: string): ts.Expression | undefined {
  if (!obj) return undefined
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && propName(p.name) === key) return p.initializer
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === key) return p.name
  }
  return undefined
}

export function boolOf(expr: ts.Expression | undefined): boolean | undefined {
  if (!expr) return undefined
  const e = unwrap(expr)
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false
  return undefined
}

/** Import bindings and constants of one file, filled by the walk's visits. */
export class FileBindings {
  private readonly imports = new Map<string, ImportBinding>()
  private readonly consts = new Map<string, ts.Expression | null>()
  /** The specifier of every module the file loads (an import, `require('x')`, `import('x')`), in the walk's order. */
  readonly loads: ts.StringLiteralLike[] = []

  visitImport(node: ts.ImportDeclaration): void {
    if (!ts.isStringLiteralLike(node.moduleSpecifier) || node.importClause?.isTypeOnly) return
    const module = node.moduleSpecifier.text
    this.loads.push(node.moduleSpecifier)
    const clause = node.importClause
    if (!clause) return
    if (clause.name) this.imports.set(clause.name.text, { module, imported: 'default' })
    const bindings = clause.namedBindings
    if (bindings && ts.isNamespaceImport(bindings)) this.imports.set(bindings.name.text, { module, imported: '*' })
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) if (!el.isTypeOnly) this.imports.set(el.name.text, { module, imported: (el.propertyName ?? el.name).text })
    }
  }

  visitVariable(node: ts.VariableDeclaration): void {
    if (ts.isIdentifier(node.name)) {
      const prev = this.consts.get(node.name.text)
      const isConst = ts.isVariableDeclarationList(node.parent) && (node.parent.flags & ts.NodeFlags.Const) !== 0
      // a name bound twice, or by let/var, is not a constant we can trust
      this.consts.set(node.name.text, prev === undefined && isConst && node.initializer ? node.initializer : null)
    }
    const spec = requiredModule(node.initializer)
    if (!spec) return
    if (ts.isIdentifier(node.name)) this.imports.set(node.name.text, { module: spec.text, imported: 'default' })
    else if (ts.isObjectBindingPattern(node.name)) {
      for (const el of node.name.elements) {
        if (ts.isIdentifier(el.name)) this.imports.set(el.name.text, { module: spec.text, imported: propName(el.propertyName as ts.PropertyName) ?? el.name.text })
      }
    }
  }

  visitCall(call: ts.CallExpression): void {
    const spec = requiredModule(call)
    if (spec) this.loads.push(spec)
  }

  /** Whether the file imports anything (`import` or `require`). */
  get hasImports(): boolean {
    return this.imports.size > 0
  }

  /** The import a local name is bound to. */
  importNamed(name: string): ImportBinding | undefined {
    return this.imports.get(name)
  }

  /** The import an expression names (`posthog` in `posthog.init()`). */
  importOf(expr: ts.Expression): ImportBinding | undefined {
    const e = unwrap(expr)
    return ts.isIdentifier(e) ? this.imports.get(e.text) : undefined
  }

  someImport(test: (binding: ImportBinding) => boolean): boolean {
    for (const binding of this.imports.values()) if (test(binding)) return true
    return false
  }

  /** Whether a binding comes from one of the modules or a subpath of one (`hono` covers `hono/cookie`). */
  fromModule(binding: ImportBinding | undefined, ...modules: string[]): boolean {
    return !!binding && modules.some((m) => binding.module === m || binding.module.startsWith(`${m}/`))
  }

  /** The initializer of a constant bound once by `const`. */
  constValue(name: string): ts.Expression | undefined {
    return this.consts.get(name) ?? undefined
  }

  /** `COOKIES.theme` where `const COOKIES = { theme: 'theme' }`. */
  memberOf(e: ts.PropertyAccessExpression | ts.ElementAccessExpression, depth = 0): ts.Expression | undefined {
    if (depth > MAX_DEPTH) return undefined
    const target = unwrap(e.expression)
    let obj: ts.Expression | undefined
    if (ts.isIdentifier(target)) obj = this.constValue(target.text)
    else if (ts.isPropertyAccessExpression(target)) obj = this.memberOf(target, depth + 1)
    if (!obj) return undefined
    obj = unwrap(obj)
    if (!ts.isObjectLiteralExpression(obj)) return undefined
    const key = ts.isPropertyAccessExpression(e) ? e.name.text : ts.isStringLiteralLike(e.argumentExpression) ? e.argumentExpression.text : undefined
    if (key === undefined) return undefined
    for (const p of obj.properties) if (ts.isPropertyAssignment(p) && propName(p.name) === key) return p.initializer
    return undefined
  }

  /** A number an expression folds to (literals, + - * /, constants), or undefined. */
  numberOf(expr: ts.Expression | undefined, depth = 0): number | undefined {
    if (!expr || depth > MAX_DEPTH) return undefined
    const e = unwrap(expr)
    if (ts.isNumericLiteral(e)) return Number(e.text.replace(/_/g, ''))
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken) {
      const v = this.numberOf(e.operand, depth + 1)
      return v === undefined ? undefined : -v
    }
    if (ts.isIdentifier(e)) return this.numberOf(this.constValue(e.text), depth + 1)
    if (ts.isPropertyAccessExpression(e)) return this.numberOf(this.memberOf(e, depth), depth + 1)
    if (ts.isBinaryExpression(e)) {
      const a = this.numberOf(e.left, depth + 1)
      const b = this.numberOf(e.right, depth + 1)
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

  /** A string literal, directly or through constants. */
  stringOf(expr: ts.Expression | undefined, depth = 0): string | undefined {
    if (!expr || depth > MAX_DEPTH) return undefined
    const e = unwrap(expr)
    if (ts.isStringLiteralLike(e)) return e.text
    if (ts.isIdentifier(e)) return this.stringOf(this.constValue(e.text), depth + 1)
    return undefined
  }

  /** An object literal, directly or through constants. */
  objectOf(expr: ts.Expression | undefined, depth = 0): ts.ObjectLiteralExpression | undefined {
    if (!expr || depth > MAX_DEPTH) return undefined
    const e = unwrap(expr)
    if (ts.isObjectLiteralExpression(e)) return e
    if (ts.isIdentifier(e)) return this.objectOf(this.constValue(e.text), depth + 1)
    return undefined
  }
}

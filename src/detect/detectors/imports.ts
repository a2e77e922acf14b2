// Vendor packages reached from code: import, export-from, require(), dynamic import(), import x = require().
import { ts } from 'ts-morph'
import type { CodeDetector } from '../engine.js'

/** The module specifier a node loads, if it is a static string. */
export function moduleSpecifierOf(node: ts.Node): ts.StringLiteralLike | undefined {
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
    return node.moduleSpecifier && ts.isStringLiteralLike(node.moduleSpecifier) ? node.moduleSpecifier : undefined
  }
  if (ts.isImportEqualsDeclaration(node)) {
    const ref = node.moduleReference
    return ts.isExternalModuleReference(ref) && ts.isStringLiteralLike(ref.expression) ? ref.expression : undefined
  }
  if (ts.isCallExpression(node) && node.arguments.length >= 1 && ts.isStringLiteralLike(node.arguments[0])) {
    const callee = node.expression
    if (callee.kind === ts.SyntaxKind.ImportKeyword) return node.arguments[0]
    if (ts.isIdentifier(callee) && callee.text === 'require') return node.arguments[0]
  }
  return undefined
}

function importKind(node: ts.Node): string {
  if (ts.isCallExpression(node)) return node.expression.kind === ts.SyntaxKind.ImportKeyword ? 'dynamic-import' : 'require'
  if (ts.isImportEqualsDeclaration(node)) return 'require'
  if (ts.isExportDeclaration(node)) return 're-export'
  return 'import'
}

/** A call loads a module only as `require(…)` or `import(…)` (comments may sit before the parenthesis). */
const LOADING_CALL = /\brequire\b|\bimport\s*(?:\(|\/[*/])/

export const importsDetector: CodeDetector = {
  id: 'imports',
  create({ catalog, emit, text }) {
    // without either word (even as an escaped `\u…` identifier), no call of the file loads a module
    const mayLoad = LOADING_CALL.test(text) || text.includes('\\u')
    const visit = (node: ts.Node) => {
      const spec = moduleSpecifierOf(node)
      if (!spec) return
      // `import type` never runs
      if (ts.isImportDeclaration(node) && node.importClause?.isTypeOnly) return
      if (ts.isExportDeclaration(node) && node.isTypeOnly) return
      const match = catalog.matchPackage(spec.text)
      if (!match) return
      emit({ kind: 'import', value: spec.text, vendor: match.vendor.id, reason: match.reason, node: spec, data: { via: importKind(node) } })
    }
    return {
      visitors: {
        ImportDeclaration: visit,
        ExportDeclaration: visit,
        ImportEqualsDeclaration: visit,
        CallExpression: mayLoad ? visit : undefined,
      },
    }
  },
}

// Vendor environment variables read by code: process.env.X, process.env['X'], import.meta.env.X, const { X } = process.env.
import { ts } from 'ts-morph'
import { isEnvObject } from '../../syntax/ast.js'
import type { CodeDetector } from '../engine.js'

/** The env var name a node reads, or undefined. */
export function envNameOf(node: ts.Node): string | undefined {
  if (ts.isPropertyAccessExpression(node) && isEnvObject(node.expression)) return node.name.text
  if (ts.isElementAccessExpression(node) && isEnvObject(node.expression) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text
  // Deno.env.get('X')
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'get'
    && isEnvObject(node.expression.expression) && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) return node.arguments[0].text
  return undefined
}

export const envCodeDetector: CodeDetector = {
  id: 'env-code',
  create({ catalog, emit, text }) {
    // every read goes through a property named `env`: a file that never says it (even as an escaped `\u…`
    // identifier) reads no env var, and its nodes need no visit
    if (!text.includes('env') && !text.includes('\\u')) return { visitors: {} }
    const report = (name: string, node: ts.Node) => {
      const match = catalog.matchEnv(name)
      if (match) emit({ kind: 'env', value: name, vendor: match.vendor.id, reason: match.reason, node })
    }
    const access = (node: ts.Node) => {
      const name = envNameOf(node)
      if (name) report(name, node)
    }
    return {
      visitors: {
        PropertyAccessExpression: access,
        ElementAccessExpression: access,
        CallExpression: access,
        VariableDeclaration: (node) => {
          const decl = node as ts.VariableDeclaration
          if (!decl.initializer || !isEnvObject(decl.initializer) || !ts.isObjectBindingPattern(decl.name)) return
          for (const el of decl.name.elements) {
            const key = el.propertyName ?? el.name
            if (ts.isIdentifier(key) || ts.isStringLiteral(key)) report(key.text, el)
          }
        },
      },
    }
  },
}

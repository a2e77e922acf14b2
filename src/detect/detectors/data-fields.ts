// The personal data a product's schemas declare it stores: the columns of Drizzle tables (`pgTable('users', { email:
// text('email') })`), Convex tables (`defineTable({ email: v.string() })`) and Mongoose schemas (`new Schema({ email:
// String })`) whose names carry a data category (data/categories.yaml). Each is a `data-flow` to storage whose source
// is `declared`: the data map and undeclared-data-collection read them; a denial is broken by a write, not a column.
import { ts } from 'ts-morph'
import { loadCategories } from '../../catalog/categories.js'
import { unwrap } from '../../syntax/ast.js'
import type { CodeContext, CodeDetector } from '../contracts.js'

/** The table factories of each library, by the package they come from. */
const TABLES: Array<{ packages: RegExp; names: ReadonlySet<string>; columns: number }> = [
  { packages: /^drizzle-orm\//, names: new Set(['pgTable', 'mysqlTable', 'sqliteTable', 'singlestoreTable']), columns: 1 },
  { packages: /^convex\/server$/, names: new Set(['defineTable']), columns: 0 },
  { packages: /^mongoose$/, names: new Set(['Schema']), columns: 0 },
]

function tableCall(node: ts.CallExpression | ts.NewExpression, context: CodeContext): { columns: ts.ObjectLiteralExpression; name: string } | undefined {
  const callee = unwrap(node.expression)
  const imported = context.bindings.importOf(ts.isPropertyAccessExpression(callee) ? callee.expression : callee)
  if (!imported) return undefined
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : imported.imported === 'default' ? callee.getText(context.sourceFile) : imported.imported
  const library = TABLES.find((t) => t.packages.test(imported.module) && t.names.has(name))
  const columns = library && node.arguments?.[library.columns]
  const literal = columns && unwrap(columns)
  if (!literal || !ts.isObjectLiteralExpression(literal)) return undefined
  const first = node.arguments?.[0]
  const table = library.columns === 1 && first && ts.isStringLiteralLike(first) ? first.text : name
  return { columns: literal, name: table }
}

export const dataFieldsDetector: CodeDetector = {
  id: 'data-fields',
  create(context) {
    if (!/drizzle-orm|convex\/server|mongoose/.test(context.text)) return { visitors: {} }
    const categories = loadCategories()
    const visit = (node: ts.Node) => {
      const table = tableCall(node as ts.CallExpression | ts.NewExpression, context)
      if (!table) return
      for (const p of table.columns.properties) {
        if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) continue
        const key = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : undefined
        const category = key ? categories.ofField(table.name, key) : undefined
        if (!key || !category) continue
        const line = context.locate(p).line
        context.emit({
          kind: 'data-flow', value: `${key} → ${table.name}`, reason: 'data-declared-stored', node: p,
          data: { category, name: key, source: 'declared', sourceLine: line, sink: table.name, sinkKind: 'storage' },
        })
      }
    }
    return { visitors: { CallExpression: visit, NewExpression: visit } }
  },
}

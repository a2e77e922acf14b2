// The personal data a product's schemas declare it stores: the columns of Drizzle tables (`pgTable('users', { email:
// text('email') })`), Convex tables (`defineTable({ email: v.string() })`) and Mongoose schemas (`new Schema({ email:
// String })`), and the column properties of entity classes (TypeORM `@Entity() class User { @Column() email }`,
// MikroORM, NestJS Mongoose, sequelize-typescript) whose names carry a data category (data/categories.yaml). Each is a
// `data-flow` to storage whose source is `declared`: the data map and undeclared-data-collection read them; a denial
// is broken by a write, not a column.
import { ts } from 'ts-morph'
import { loadCategories, type DataCategories } from '../../catalog/categories.js'
import { unwrap } from '../../syntax/ast.js'
import { propertyName } from '../bindings.js'
import type { CodeContext, CodeDetector } from '../contracts.js'

/** The table factories of each library, by the package they come from. */
const TABLES: Array<{ packages: RegExp; names: ReadonlySet<string>; columns: number }> = [
  { packages: /^drizzle-orm\//, names: new Set(['pgTable', 'mysqlTable', 'sqliteTable', 'singlestoreTable']), columns: 1 },
  { packages: /^convex\/server$/, names: new Set(['defineTable']), columns: 0 },
  { packages: /^mongoose$/, names: new Set(['Schema']), columns: 0 },
]

/**
 * The entity decorators of each library: the class's, the options that rename its table, and its columns'. Relations
 * (`@ManyToOne`, `@OneToMany`) and join columns hold another entity, not a datum of this one.
 */
const ENTITIES: Array<{ packages: RegExp; entity: ReadonlySet<string>; table: readonly string[]; columns: ReadonlySet<string> }> = [
  {
    packages: /^typeorm$/, entity: new Set(['Entity', 'ChildEntity']), table: ['name'],
    columns: new Set(['Column', 'PrimaryColumn', 'PrimaryGeneratedColumn', 'CreateDateColumn', 'UpdateDateColumn', 'DeleteDateColumn', 'VersionColumn', 'ObjectIdColumn']),
  },
  { packages: /^@mikro-orm\//, entity: new Set(['Entity']), table: ['tableName', 'collection'], columns: new Set(['Property', 'PrimaryKey', 'SerializedPrimaryKey', 'Enum']) },
  { packages: /^@nestjs\/mongoose$/, entity: new Set(['Schema']), table: ['collection'], columns: new Set(['Prop']) },
  { packages: /^sequelize-typescript$/, entity: new Set(['Table']), table: ['tableName'], columns: new Set(['Column']) },
]

type Entities = (typeof ENTITIES)[number]

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

/** A decorator's imported name and module: `@Column()`, `@Column`, `@typeorm.Column()`. */
function decoratorImport(decorator: ts.Decorator, context: CodeContext): { module: string; name: string; args: readonly ts.Expression[] } | undefined {
  const expr = unwrap(decorator.expression)
  const callee = ts.isCallExpression(expr) ? unwrap(expr.expression) : expr
  const args = ts.isCallExpression(expr) ? expr.arguments : []
  if (ts.isIdentifier(callee)) {
    const imported = context.bindings.importOf(callee)
    return imported && { module: imported.module, name: imported.imported, args }
  }
  if (!ts.isPropertyAccessExpression(callee)) return undefined
  const imported = context.bindings.importOf(callee.expression)
  return imported?.imported === '*' || imported?.imported === 'default' ? { module: imported.module, name: callee.name.text, args } : undefined
}

/** The table an entity class is stored in: its decorator's name argument or option, else the class's name. */
function entityTable(node: ts.ClassDeclaration, library: Entities, args: readonly ts.Expression[], context: CodeContext): string | undefined {
  const first = args[0] && unwrap(args[0])
  if (first && ts.isStringLiteralLike(first)) return first.text
  const options = first && ts.isObjectLiteralExpression(first) ? first : args[1] && ts.isObjectLiteralExpression(unwrap(args[1])) ? unwrap(args[1]) as ts.ObjectLiteralExpression : undefined
  for (const p of options?.properties ?? []) {
    if (!ts.isPropertyAssignment(p) || !library.table.includes(propertyName(p.name) ?? '')) continue
    const name = context.bindings.string(p.initializer)
    if (name) return name
  }
  return node.name?.text
}

/** The column properties of an entity class, with the table they are stored in. */
function entityColumns(node: ts.ClassDeclaration, context: CodeContext): { columns: ts.PropertyDeclaration[]; name: string } | undefined {
  let library: Entities | undefined
  let name: string | undefined
  for (const d of ts.getDecorators(node) ?? []) {
    const imported = decoratorImport(d, context)
    library = imported && ENTITIES.find((l) => l.packages.test(imported.module) && l.entity.has(imported.name))
    if (library) {
      name = entityTable(node, library, imported!.args, context)
      break
    }
  }
  if (!library || !name) return undefined
  const columns = node.members.filter((m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m) && (ts.getDecorators(m) ?? []).some((d) => {
    const imported = decoratorImport(d, context)
    return !!imported && library.packages.test(imported.module) && library.columns.has(imported.name)
  }))
  return { columns, name }
}

function emitColumn(context: CodeContext, categories: DataCategories, table: string, node: ts.ObjectLiteralElementLike | ts.PropertyDeclaration): void {
  const key = propertyName(node.name)
  const category = key ? categories.ofField(table, key) : undefined
  if (!key || !category) return
  context.emit({
    kind: 'data-flow', value: `${key} → ${table}`, reason: 'data-declared-stored', node,
    data: { category, name: key, source: 'declared', sourceLine: context.locate(node).line, sink: table, sinkKind: 'storage' },
  })
}

export const dataFieldsDetector: CodeDetector = {
  id: 'data-fields',
  create(context) {
    if (!/drizzle-orm|convex\/server|mongoose|typeorm|@mikro-orm\/|sequelize-typescript/.test(context.text)) return { visitors: {} }
    const categories = loadCategories()
    const visit = (node: ts.Node) => {
      const table = tableCall(node as ts.CallExpression | ts.NewExpression, context)
      if (!table) return
      for (const p of table.columns.properties) {
        if (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) emitColumn(context, categories, table.name, p)
      }
    }
    const visitClass = (node: ts.Node) => {
      const entity = entityColumns(node as ts.ClassDeclaration, context)
      for (const p of entity?.columns ?? []) emitColumn(context, categories, entity!.name, p)
    }
    return { visitors: { CallExpression: visit, NewExpression: visit, ClassDeclaration: visitClass } }
  },
}

// Where a file stores values: ORM and database client writes by their call shape (data/models/storage.yaml) —
// `db.insert(users).values({ … })`, `supabase.from('users').insert({ … })`, `prisma.user.create({ data })`,
// `ctx.db.insert('users', { … })`, `users.insertOne({ … })`, `userRepository.save({ … })`.
import { ts } from 'ts-morph'
import { loadFlowModels } from '../../catalog/models.js'
import { calleeName, unwrap } from '../../syntax/ast.js'
import { property } from '../bindings.js'
import type { Sink } from './sinks.js'
import { short } from './values.js'

interface CompiledReceiver {
  library: string
  clients: RegExp
  methods: ReadonlyMap<string, number>
  properties: readonly string[]
  depth: number
}

interface StorageShapes {
  /** `method` → the calls it must be chained on, with the argument written. */
  chains: ReadonlyMap<string, Array<{ after: string; argument: number }>>
  receivers: CompiledReceiver[]
  /** Every method name of either kind: the cheap test of a call. */
  methods: ReadonlySet<string>
}

let compiled: StorageShapes | undefined

function shapes(): StorageShapes {
  if (compiled) return compiled
  const { storage } = loadFlowModels()
  const chains = new Map<string, Array<{ after: string; argument: number }>>()
  for (const c of storage.chains) chains.set(c.method, [...(chains.get(c.method) ?? []), { after: c.after, argument: c.argument }])
  const receivers = storage.receivers.map((r) => ({ library: r.library, clients: new RegExp(r.clients), methods: new Map(Object.entries(r.methods)), properties: r.properties ?? [], depth: r.depth }))
  compiled = { chains, receivers, methods: new Set([...chains.keys(), ...receivers.flatMap((r) => [...r.methods.keys()])]) }
  return compiled
}

/** The name of the thing a receiver ends in: `db` of `ctx.db`, `users` of `this.users`, `prisma` of `prisma`. */
function lastName(expr: ts.Expression): string | undefined {
  const e = unwrap(expr)
  if (ts.isIdentifier(e)) return e.text
  if (ts.isPropertyAccessExpression(e)) return e.name.text
  return undefined
}

/** The storage writes among a file's calls, as sinks of the value written. */
export function storageSinks(calls: readonly ts.CallExpression[], show: (node: ts.Node) => string): Sink[] {
  const { chains, receivers, methods } = shapes()
  const sinks: Sink[] = []
  for (const call of calls) {
    const callee = unwrap(call.expression)
    if (!ts.isPropertyAccessExpression(callee) || !methods.has(callee.name.text)) continue
    const method = callee.name.text
    const display = () => short(show(callee).replace(/\s+\./g, '.'), 50)
    const receiver = unwrap(callee.expression)
    // db.insert(users).values(…): the call it is chained on
    const on = ts.isCallExpression(receiver) ? calleeName(unwrap(receiver.expression)) : undefined
    const chained = on ? chains.get(method)?.find((c) => c.after === on) : undefined
    if (chained) {
      sinks.push({ call, args: call.arguments, positions: [chained.argument], display: display(), kind: 'storage' })
      continue
    }
    for (const r of receivers) {
      const position = r.methods.get(method)
      if (position === undefined) continue
      // the client, `depth` property steps above the method: prisma.user.create is 2, ctx.db.insert is 1
      let client: ts.Expression = receiver
      for (let i = 1; i < r.depth && ts.isPropertyAccessExpression(client); i++) client = unwrap(client.expression)
      if (r.depth > 1 && client === receiver) continue
      const name = lastName(client)
      if (!name || !r.clients.test(name)) continue
      const arg = call.arguments[position]
      if (!arg) continue
      // prisma's write is its `data` (an upsert's `create` and `update`)
      const values = r.properties.length === 0 ? [arg] : ts.isObjectLiteralExpression(unwrap(arg)) ? r.properties.flatMap((p) => property(unwrap(arg) as ts.ObjectLiteralExpression, p) ?? []) : []
      if (values.length > 0) sinks.push({ call, args: values, display: display(), kind: 'storage' })
      break
    }
  }
  return sinks
}

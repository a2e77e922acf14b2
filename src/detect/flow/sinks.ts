// Where a file writes values out, by the sink models (data/models/logging.yaml and the vendors' `sinks:`): the console,
// process streams, loggers (made by a logger library's factory here, imported from another module, or so named),
// error-reporting SDKs, and the messages of thrown errors.
import { ts } from 'ts-morph'
import { calleeName, unwrap } from '../../syntax/ast.js'
import { property, type Bindings, type ImportBinding } from '../bindings.js'
import type { CompiledModels, CompiledSink } from './compiled.js'
import { short, type ImportRef } from './values.js'
import type { SinkKind } from '../../types/index.js'

export type { SinkKind }

/** How a logger came to be: made here, imported (resolved after the walk), an instance import, or only so named. */
export interface LoggerRef {
  origin: 'local' | 'import' | 'name' | 'instance'
  redact?: string[]
  ref?: ImportRef
  nameLike?: boolean
}

export interface Sink {
  call: ts.Node
  args: readonly ts.Expression[]
  /** Argument positions that ship (all when undefined). */
  positions?: number[]
  display: string
  kind: SinkKind
  via?: string
  logger?: LoggerRef
  /** The vendor whose SDK ships it (an error reporter). */
  vendor?: string
  /** The direct sink a helper chain ends in. */
  origin?: ts.Node
  /** A call on a client another module of the repo exports: a vendor sink if that module's client is one of `vendors`'. */
  client?: ClientRef
}

/** A client imported from another module of the repo, the call path made on it, and the vendors whose SDK makes that call. */
export interface ClientRef {
  ref: ImportRef
  path: string
  vendors: string[]
}

/** `redact: ['a', '*.b']` or `redact: { paths: […] }` of a logger's options object literal. */
function redactPaths(options: ts.Expression | undefined, option: string, bindings: Bindings): string[] | undefined {
  if (!options) return undefined
  let o = unwrap(options)
  if (ts.isIdentifier(o)) o = bindings.initializer(o) ?? o
  if (!ts.isObjectLiteralExpression(o)) return undefined
  const given = property(o, option)
  if (!given) return undefined
  let value = unwrap(given)
  if (ts.isObjectLiteralExpression(value)) {
    const paths = property(value, 'paths')
    if (!paths) return undefined
    value = unwrap(paths)
  }
  if (!ts.isArrayLiteralExpression(value)) return undefined
  return value.elements.filter(ts.isStringLiteralLike).map((e) => e.text)
}

/** True when a redact path covers the property path a value sits at (a path covers everything under it). */
export function redactCovers(redact: readonly string[], at: readonly string[]): boolean {
  return redact.some((r) => {
    const segments = r.replace(/\[["']?([^\]"']+)["']?\]/g, '.$1').split('.').filter(Boolean)
    if (segments.length === 0 || segments.length > at.length) return false
    return segments.every((s, i) => s === '*' || s === at[i])
  })
}

export class SinkFinder {
  /** Whether the file imports an error reporter: only then are its globals (`Sentry`, `scope`) taken for one. */
  private readonly importsReporter: boolean
  /** Whether the file imports a reporter or a function-logger library: only then can a plain `name(…)` call be a sink. */
  private readonly importsSinkFunction: boolean

  constructor(private readonly bindings: Bindings, private readonly models: CompiledModels, private readonly file: string, private readonly text: (node: ts.Node) => string) {
    const imports = bindings.imports
    this.importsReporter = imports.some((b) => models.sinkOf(b.module) !== undefined)
    this.importsSinkFunction = this.importsReporter || imports.some((b) => models.loggers.functions.has(b.module))
  }

  /** Every call that ships its arguments, and every thrown error. */
  find(calls: readonly ts.CallExpression[], throws: readonly ts.ThrowStatement[]): Sink[] {
    const sinks: Sink[] = []
    const { console: consoleModel, streams, loggers } = this.models
    for (const call of calls) {
      const callee = unwrap(call.expression)
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text
        const obj = unwrap(callee.expression)
        // the receiver's text is for display: read only for a call that is a sink
        const objText = () => short(this.text(obj), 40)
        if (ts.isIdentifier(obj) && obj.text === consoleModel.global && !this.bindings.resolve(obj) && consoleModel.methods.has(method)) {
          const positions = consoleModel.conditionFirst.has(method) ? call.arguments.map((_, i) => i).slice(1) : undefined
          sinks.push({ call, args: call.arguments, positions, display: `${consoleModel.global}.${method}`, kind: 'console' })
          continue
        }
        if (streams.methods.has(method) && streams.receivers.has(this.text(obj))) {
          sinks.push({ call, args: call.arguments, positions: [streams.argument], display: `${this.text(obj)}.${method}`, kind: 'stdout' })
          continue
        }
        const reporter = this.reporterOf(obj)
        if (reporter && reporter.methodSet.has(method)) {
          sinks.push({ call, args: call.arguments, display: `${objText()}.${method}`, kind: 'error-reporter', vendor: reporter.vendor })
          continue
        }
        // logger.child({ … }) writes its bindings on every line it logs
        if (loggers.methods.has(method) || method === 'child') {
          const logger = this.loggerRef(obj)
          if (logger) sinks.push({ call, args: call.arguments, display: `${objText()}.${method}`, kind: 'logger', logger })
        }
        continue
      }
      if (ts.isIdentifier(callee) && this.importsSinkFunction) {
        const binding = this.bindings.resolve(callee)
        // import { captureMessage } from '@sentry/node'
        const reporter = binding?.kind === 'import' ? this.models.sinkOf(binding.module) : undefined
        if (reporter && reporter.methodSet.has((binding as ImportBinding).imported)) {
          sinks.push({ call, args: call.arguments, display: callee.text, kind: 'error-reporter', vendor: reporter.vendor })
          continue
        }
        // const log = debug('app'); log('token %s', token)
        if (binding?.kind === 'var' && binding.init && binding.path.length === 0) {
          const init = unwrap(binding.init)
          const factory = ts.isCallExpression(init) ? this.bindings.importOf(init.expression) : undefined
          if (factory && loggers.functions.has(factory.module)) sinks.push({ call, args: call.arguments, display: `${callee.text} (${factory.module})`, kind: 'logger', logger: { origin: 'local' } })
        }
      }
    }
    for (const t of throws) {
      const thrown = t.expression ? unwrap(t.expression) : undefined
      if (!thrown) continue
      if (ts.isNewExpression(thrown)) sinks.push({ call: thrown, args: thrown.arguments ?? [], display: `throw new ${short(this.text(thrown.expression), 30)}`, kind: 'thrown-error' })
      else if (ts.isTemplateExpression(thrown) || ts.isBinaryExpression(thrown)) sinks.push({ call: thrown, args: [thrown], display: 'throw', kind: 'thrown-error' })
    }
    return sinks
  }

  /** The error reporter a receiver is: an import of its package, an instance of its class, a global it sets, its scope. */
  private reporterOf(obj: ts.Expression): CompiledSink | undefined {
    if (!this.importsReporter) return undefined
    if (ts.isIdentifier(obj)) {
      const binding = this.bindings.resolve(obj)
      if (binding?.kind === 'import') return this.models.sinkOf(binding.module)
      if (binding?.kind === 'var' && binding.init && binding.path.length === 0) {
        // const rollbar = new Rollbar({ … })
        const init = unwrap(binding.init)
        const made = ts.isNewExpression(init) ? this.bindings.importOf(init.expression) : undefined
        const sink = made && this.models.sinkOf(made.module)
        if (sink?.classes?.includes(made!.imported === 'default' ? (init as ts.NewExpression).expression.getText() : made!.imported)) return sink
      }
      // Sentry.withScope((scope) => scope.setExtra(…)), configureScope
      return this.models.sinkGlobals.get(obj.text)
    }
    // Sentry.getCurrentScope().setExtra(…)
    return ts.isCallExpression(obj) ? this.models.sinkScopes.get(calleeName(obj.expression) ?? '') : undefined
  }

  /** The vendor whose SDK client an exported value is, for the modules that import it; none for a plain sink finder. */
  clientOf(_expr: ts.Expression): string | undefined {
    return undefined
  }

  loggerRef(expr: ts.Expression, depth = 0): LoggerRef | undefined {
    if (depth > 8) return undefined
    const loggers = this.models.loggers
    const e = unwrap(expr)
    if (ts.isIdentifier(e)) {
      const binding = this.bindings.resolve(e)
      const nameLike = loggers.names.test(e.text)
      if (binding?.kind === 'import') {
        const { module, imported } = binding
        if (loggers.instances.has(module) && (imported === 'default' || imported === '*' || imported === module)) return { origin: 'instance' }
        if (loggers.libraries.has(module)) return undefined
        // a logger another module of the repo exports, or a package's: which one is known after the walk
        return { origin: 'import', ref: { importer: this.file, spec: module, imported }, nameLike }
      }
      if (binding?.kind === 'var' && binding.init && binding.path.length === 0) {
        const fromInit = this.loggerRef(binding.init, depth + 1)
        if (fromInit) return fromInit
      }
      return nameLike ? { origin: 'name' } : undefined
    }
    if (ts.isCallExpression(e) || ts.isNewExpression(e)) return this.factoryRef(e, depth)
    if (ts.isPropertyAccessExpression(e)) return loggers.names.test(e.name.text) ? { origin: 'name' } : undefined
    return undefined
  }

  /** `pino({ redact })`, `winston.createLogger()`, `log4js.getLogger()`, `createConsola()`, `new Signale()`, `logger.child({…})`. */
  private factoryRef(e: ts.CallExpression | ts.NewExpression, depth: number): LoggerRef | undefined {
    const loggers = this.models.loggers
    const callee = unwrap(e.expression)
    const args = e.arguments ?? []
    const made = (binding: ImportBinding): LoggerRef => {
      const option = loggers.redact[binding.module]
      return { origin: 'local', redact: option ? redactPaths(args[0], option, this.bindings) : undefined }
    }
    if (ts.isIdentifier(callee)) {
      const binding = this.bindings.resolve(callee)
      if (binding?.kind !== 'import') return undefined
      if (loggers.libraries.has(binding.module)) return loggers.functions.has(binding.module) && binding.imported === 'default' ? { origin: 'local' } : made(binding)
      // new Logger(Service.name) of @nestjs/common
      if (ts.isNewExpression(e) && loggers.classes.some((c) => c.package === binding.module && c.name === binding.imported)) return { origin: 'local' }
      return undefined
    }
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text
      if (!loggers.factories.has(method)) return undefined
      const base = unwrap(callee.expression)
      const binding = ts.isIdentifier(base) ? this.bindings.resolve(base) : undefined
      if (binding?.kind === 'import' && loggers.libraries.has(binding.module)) return made(binding)
      // logger.child({ runId }) keeps its parent's redaction
      if (loggers.children.has(method)) return this.loggerRef(base, depth + 1)
    }
    return undefined
  }
}

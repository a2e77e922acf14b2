// The personal data source model: values whose name or property path carries a data category of data/categories.yaml
// (`user.email`, `session.user.name`, `req.ip`, `firstName`), request headers that hold one (`x-forwarded-for`), form
// fields read by name, a route's request body read whole, a geolocation callback's position and a server action's form
// data. What the engine treats as clean stays clean: a value hashed (`sha256(email)`, `createHash(…).update(email)
// .digest()`) is a call nobody models, so it carries nothing; `isEmail`, `hashedEmail`, `emailVerified` are not the datum.
import { ts } from 'ts-morph'
import { loadCategories, type DataCategories } from '../../catalog/categories.js'
import { splitWords } from '../../util/words.js'
import { unwrap } from '../../syntax/ast.js'
import type { ParamBinding } from '../bindings.js'
import { requestModel, type SourceHelpers, type SourceModel } from './sources.js'
import type { Hit } from './values.js'

/**
 * What a person submitted, read whole: a route's request body (`await req.json()`, `req.body`, `c.req.valid('json')`)
 * or a server action's form data. Its fields carry what their own names say (`body.email`); the whole carries this.
 */
export const SUBMITTED = 'user.content.submitted'
/** Where a device's position is given: its callback's first parameter is the position. */
const POSITION_CALLS = new Set(['getCurrentPosition', 'watchPosition'])
/** Reads of a request's body whole: Fetch API and Hono (`parseBody`), with no argument. */
const BODY_READS = new Set(['json', 'formData', 'text', 'parseBody'])
/** Hono's validated body: `c.req.valid('json')`, `c.req.valid('form')` (not `'param'`, `'query'`, `'header'`). */
const VALIDATED_BODIES = new Set(['json', 'form'])
/** A request object: a handler's `req`, `request`, `event` (a Lambda event's `body`), or `c.req`, `event.request`, `ctx.request`. */
const REQUEST_NAME = /^(?:req|request|incomingRequest|event)$|Request$/
const REQUEST_PROPERTY = /^(?:req|request)$/
/** A webhook's route or signature check: its body is another service's event, not what a person submitted. */
const WEBHOOK_PATH = /webhook/i
const SIGNATURE = /signature/i

export class PersonalSourceModel implements SourceModel {
  readonly stringCategories: ReadonlySet<string>
  /** A constant the code writes out (`const SYSTEM_PROMPT = 'You are…'`) is nobody's personal data. */
  readonly literalsCarry = false
  readonly requests: SourceModel['requests']
  /** Per file (its analysis's helpers): whether its text may give a position or hold a server action at all. */
  private readonly texts = new WeakMap<SourceHelpers, { positions: boolean; serverActions: boolean }>()
  private readonly webhooks = new WeakMap<ts.SourceFile, boolean>()

  constructor(readonly categories: DataCategories = loadCategories()) {
    this.stringCategories = new Set(categories.list.map((c) => c.key))
    this.requests = requestModel()
  }

  nameCategory(name: string): string | undefined {
    return this.categories.ofName(name)
  }

  /** `user.name`, `session.user.name`, `author.name`: the object's last word and the key, read together; `req.body`. */
  memberCategory(object: ts.Expression, key: string): string | undefined {
    if (key === 'body') return this.isRequest(object) ? SUBMITTED : undefined
    const o = unwrap(object)
    const last = ts.isIdentifier(o) ? o.text : ts.isPropertyAccessExpression(o) ? o.name.text : undefined
    if (!last) return undefined
    const words = splitWords(last)
    return words.length > 0 ? this.categories.ofMember(words[words.length - 1], key) : undefined
  }

  envCategory(): string | undefined {
    return undefined
  }

  headerCategory(name: string): string | undefined {
    return this.categories.ofHeader(name)
  }

  isMetadata(): boolean {
    return false
  }

  /**
   * `formData.get('email')`, `searchParams.get('phone')`, `form.getFieldValue('email')`: a field read by its name;
   * `await req.json()`, `request.formData()`, `c.req.valid('json')`: a request's body read whole.
   */
  call(expr: ts.CallExpression, name: string | undefined, helpers: SourceHelpers): Hit[] | undefined {
    const field = name === 'get' || name === 'getAll' || name === 'getFieldValue'
    if (!name || (!field && !BODY_READS.has(name) && name !== 'valid')) return undefined
    const callee = unwrap(expr.expression)
    if (!ts.isPropertyAccessExpression(callee)) return undefined
    const arg = expr.arguments[0]
    if (field) {
      const category = arg && ts.isStringLiteralLike(arg) ? this.categories.ofName(arg.text) : undefined
      return category ? [helpers.sourceHit(expr, helpers.text(expr), 'field', category)] : undefined
    }
    const body = BODY_READS.has(name) ? expr.arguments.length === 0 : name === 'valid' && arg !== undefined && ts.isStringLiteralLike(arg) && VALIDATED_BODIES.has(arg.text)
    // `name`: a structure, whose fields are judged by their own names (`body.type` carries nothing)
    return body && this.isRequest(callee.expression) ? [helpers.sourceHit(expr, helpers.text(expr), 'name', SUBMITTED)] : undefined
  }

  /**
   * `navigator.geolocation.getCurrentPosition((pos) => …)`: the position; `async function create(formData: FormData)`
   * of a server action (`'use server'`): the form's submission. Both are structures (`pos.timestamp` is no location).
   */
  parameter(binding: ParamBinding, helpers: SourceHelpers): Hit[] | undefined {
    if (binding.path.length > 0) return undefined
    let facts = this.texts.get(helpers)
    if (!facts) {
      const text = helpers.fileText
      facts = { positions: text.includes('etCurrentPosition') || text.includes('watchPosition'), serverActions: text.includes('use server') }
      this.texts.set(helpers, facts)
    }
    if (!facts.positions && !facts.serverActions) return undefined
    const fn = binding.fn
    if (facts.positions && binding.index === 0 && isPositionCallback(fn)) return [helpers.sourceHit(binding.node, binding.name, 'name', 'user.location.precise')]
    const typed = binding.type && ts.isTypeReferenceNode(binding.type) && ts.isIdentifier(binding.type.typeName) ? binding.type.typeName.text : undefined
    const form = typed === 'FormData' || (typed === undefined && binding.name === 'formData')
    if (facts.serverActions && form && isServerAction(fn)) return [helpers.sourceHit(binding.node, binding.name, 'name', SUBMITTED)]
    return undefined
  }

  /**
   * A request a handler is given (`req.body` of `(req, res) => …`, `request.json()` of `POST(request)`, `{ request }`
   * of a loader's argument) or one of a context (`c.req`, `event.request`), outside a webhook's file.
   */
  private isRequest(expr: ts.Expression): boolean {
    const e = unwrap(expr)
    const request = ts.isIdentifier(e) ? REQUEST_NAME.test(e.text) && isParameter(e) : ts.isPropertyAccessExpression(e) && REQUEST_PROPERTY.test(e.name.text)
    if (!request) return false
    const file = e.getSourceFile()
    let webhook = this.webhooks.get(file)
    if (webhook === undefined) {
      webhook = WEBHOOK_PATH.test(file.fileName) || SIGNATURE.test(file.text)
      this.webhooks.set(file, webhook)
    }
    return !webhook
  }
}

/** The first argument of `navigator.geolocation.getCurrentPosition(…)`, `Geolocation.watchPosition(…)` (React Native). */
function isPositionCallback(fn: ts.Node): boolean {
  const call = fn.parent
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== fn) return false
  const callee = unwrap(call.expression)
  return ts.isPropertyAccessExpression(callee) && POSITION_CALLS.has(callee.name.text) && /geolocation$/i.test(callee.expression.getText())
}

/** A function whose body, or whose file, starts with the `'use server'` directive. */
function isServerAction(fn: ts.Node): boolean {
  const body = (fn as ts.FunctionLikeDeclaration).body
  return (body !== undefined && ts.isBlock(body) && hasDirective(body.statements, 'use server')) || hasDirective(fn.getSourceFile().statements, 'use server')
}

function hasDirective(statements: ts.NodeArray<ts.Statement>, directive: string): boolean {
  for (const s of statements) {
    if (!ts.isExpressionStatement(s) || !ts.isStringLiteral(s.expression)) return false
    if (s.expression.text === directive) return true
  }
  return false
}

/** Whether a name is one of the parameters of a function around it (`req` of `(req, res) => …`, `{ request }`). */
function isParameter(id: ts.Identifier): boolean {
  for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
    if (!ts.isFunctionLike(n)) continue
    for (const p of n.parameters) if (declaresName(p.name, id.text)) return true
  }
  return false
}

function declaresName(name: ts.BindingName, text: string): boolean {
  if (ts.isIdentifier(name)) return name.text === text
  return name.elements.some((e) => !ts.isOmittedExpression(e) && declaresName(e.name, text))
}

let cached: PersonalSourceModel | undefined

export function personalSources(): PersonalSourceModel {
  cached ??= new PersonalSourceModel()
  return cached
}

// The personal data a product's own forms and input schemas ask for: object schemas of Zod, Valibot and Yup
// (`z.object({ email: z.string().email() })`, `.extend({ … })`), form fields in JSX (`<input name="email">`,
// `<Input type="tel">`, `<FormField name="phone">`, `autoComplete="street-address"`), react-hook-form's
// `register('email')`, and the same fields in the markup of HTML, Vue, Svelte and Astro files. A field's category comes
// from its name (data/categories.yaml, read with its schema's or its path's subject: `name` of `userSchema`), its HTML
// autofill token or its input type. Each is a `data-flow` whose sink kind is `collected`: the data map's row of what
// the product asks for, undeclared-data-collection and a "we do not collect" denial read them.
import { ts } from 'ts-morph'
import { loadCategories, type DataCategories } from '../../catalog/categories.js'
import { unwrap } from '../../syntax/ast.js'
import { splitWords } from '../../util/words.js'
import { propertyName, type Bindings } from '../bindings.js'
import type { CodeContext, CodeDetector } from '../contracts.js'
import { HTML_LIKE } from './hosts.js'

/** The schema libraries, by the package they come from, and their functions that build an object schema. */
const SCHEMA_PACKAGES = /^(?:zod(?:\/.*)?|@hono\/zod-openapi|valibot|yup|drizzle-zod)$/
const OBJECT_SCHEMAS = new Set(['object', 'strictObject', 'looseObject', 'objectWithRest'])
/** Methods of an object schema that add fields to it: Zod's `extend`/`safeExtend`, Yup's `shape`. */
const EXTENDERS = new Set(['extend', 'safeExtend', 'shape'])
/** Schema types whose value never holds the datum its key names: `email: z.boolean()` is a notification toggle. */
const NO_DATA_SCHEMAS = new Set(['boolean', 'bool', 'literal', 'null', 'undefined', 'void', 'never', 'nan'])
/** Last words of a schema's name that say what it is, not whose data it holds: `insertUserSchema` holds a user's. */
const GENERIC_WORDS = new Set(['schema', 'schemas', 'input', 'inputs', 'form', 'forms', 'values', 'data', 'dto', 'body', 'payload',
  'request', 'req', 'params', 'args', 'fields', 'validator', 'validation', 'type', 'shape', 'object', 'props', 'create', 'update', 'insert', 'select'])

/** A form or an input schema refers to an account by its id; no person is asked for one (`userId`, `externalId`). */
const REFERENCE = 'user.unique_id'
/** An environment variable's name: an env schema's key (`GCP_CLIENT_EMAIL`), never a person's datum. */
const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/

/** Input types that never hold what their name says: a toggle, a hidden echo, a button, a search box. */
const NO_DATA_TYPES = new Set(['checkbox', 'hidden', 'submit', 'button', 'reset', 'image', 'search', 'range', 'color'])
/** Form controls: the HTML elements, and components named like them (`TextField`, `FormField`, `el-input`, `Form.Item`). */
const INPUT_TAG = /^(?:input|textarea|select)$|(?:^|[a-z0-9.])(?:Input|Field|TextArea|Textarea|Select|Controller|Picker|Combobox|ComboBox)$|^Form\.?Item$|^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:input|field|textarea|select|picker|combobox|form-item)$/
/** What builds or extends an object schema: `object(`, `strictObject(`, `extend(`, `safeExtend(`, `shape(`. */
const SCHEMA_HINT = /bject\(|xtend\(|shape\(/
/** What may name a form field in a file: an attribute that names it, or react-hook-form. */
const FORM_HINT = /\s(?:name|type|autoComplete|autocomplete|v-model(?::value)?|bind:value)\s*=/

/** What a form field's static attributes say: its name (or the path its value is bound to), autocomplete and type. */
interface FieldAttributes {
  name?: string
  autocomplete?: string
  type?: string
  readOnly: boolean
}

/** The category of a field name or path (`email`, `user.name`, `contacts[0].phone`): its last part, read with the one before. */
function ofPath(categories: DataCategories, path: string): string | undefined {
  const parts = path.split(/[.[\]]+/).filter((p) => p !== '' && !/^\d+$/.test(p))
  const last = parts.pop()
  if (!last) return undefined
  const subject = parts.pop()
  return subject ? categories.ofField(subject, last) : categories.ofName(last)
}

/** What a form field asks for: its autofill token, else its name, else its input type; nothing for a toggle or a read-only echo. */
function fieldCategory(categories: DataCategories, field: FieldAttributes): { category: string; shown: string } | undefined {
  const type = field.type?.toLowerCase()
  if (field.readOnly || (type && NO_DATA_TYPES.has(type))) return undefined
  const byAutofill = field.autocomplete ? categories.ofAutofill(field.autocomplete) : undefined
  if (byAutofill) return { category: byAutofill, shown: field.name ?? `autocomplete="${field.autocomplete}"` }
  const byName = field.name ? ofPath(categories, field.name) : undefined
  if (byName) return { category: byName, shown: field.name! }
  const byType = type ? categories.ofAutofill(type) : undefined
  return byType ? { category: byType, shown: field.name ?? `type="${type}"` } : undefined
}

/** The module an expression's chain starts from (`z` of `z.string().email()`), when it is a schema library's import. */
function schemaRoot(expr: ts.Expression, bindings: Bindings, depth = 0): string | undefined {
  let e = unwrap(expr)
  for (;;) {
    if (ts.isCallExpression(e) || ts.isPropertyAccessExpression(e)) e = unwrap(e.expression)
    else break
  }
  if (!ts.isIdentifier(e)) return undefined
  const imported = bindings.importOf(e)
  if (imported) return SCHEMA_PACKAGES.test(imported.module) ? imported.module : undefined
  const init = depth < 3 ? bindings.constant(e) : undefined
  return init && schemaRoot(init, bindings, depth + 1)
}

/** The type a schema value starts from: `string` of `z.string().email()`, `boolean` of `z.coerce.boolean()`. */
function schemaType(expr: ts.Expression, bindings: Bindings): string | undefined {
  let e = unwrap(expr)
  let type: string | undefined
  while (ts.isCallExpression(e) || ts.isPropertyAccessExpression(e)) {
    const callee = ts.isCallExpression(e) ? unwrap(e.expression) : undefined
    if (callee && ts.isIdentifier(callee)) return bindings.importOf(callee)?.imported
    if (callee && ts.isPropertyAccessExpression(callee)) type = callee.name.text
    e = unwrap(e.expression)
  }
  return type
}

/** The names around a schema: the variable it is bound to, and the nearest name (a variable or the property it is the value of). */
function schemaNames(node: ts.Node, bindings: Bindings): { variable?: string; subject?: string } {
  let subject: string | undefined
  let cur = node
  for (let i = 0; i < 12 && cur.parent; i++, cur = cur.parent) {
    const p = cur.parent
    if (ts.isPropertyAssignment(p) && p.initializer === cur) subject ??= propertyName(p.name)
    else if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return { variable: p.name.text, subject: subject ?? p.name.text }
    // up a schema's chain (`.optional()`) and through the schemas that hold it (`z.array(…)`), not out of a call that takes it (`.input(…)`)
    else if (ts.isCallExpression(p) ? p.expression !== cur && !schemaRoot(p, bindings) : !ts.isPropertyAccessExpression(p) && !ts.isArrayLiteralExpression(p)
      && !ts.isObjectLiteralExpression(p) && !ts.isPropertyAssignment(p) && !ts.isParenthesizedExpression(p) && !ts.isAsExpression(p) && !ts.isSatisfiesExpression(p)) break
  }
  return { subject }
}

/** The word a schema's name ends in once what it is has gone: `user` of `insertUserSchema`. */
function subjectWord(name: string | undefined): string | undefined {
  if (!name) return undefined
  const words = splitWords(name)
  let n = words.length
  while (n > 1 && GENERIC_WORDS.has(words[n - 1])) n--
  return words[n - 1]
}

/** The fields of an object schema call: `z.object({…})`, `object({…})` imported from one, `schema.extend({…})`. */
function schemaFields(node: ts.CallExpression, bindings: Bindings): { fields: ts.ObjectLiteralExpression; callee: string; strict: boolean } | undefined {
  const arg = node.arguments[0] && unwrap(node.arguments[0])
  if (!arg || !ts.isObjectLiteralExpression(arg)) return undefined
  const callee = unwrap(node.expression)
  if (ts.isIdentifier(callee)) {
    const imported = bindings.importOf(callee)
    return imported && SCHEMA_PACKAGES.test(imported.module) && OBJECT_SCHEMAS.has(imported.imported) ? { fields: arg, callee: callee.text, strict: false } : undefined
  }
  if (!ts.isPropertyAccessExpression(callee)) return undefined
  const method = callee.name.text
  const shown = `${ts.isIdentifier(callee.expression) ? callee.expression.text : '…'}.${method}`
  if (OBJECT_SCHEMAS.has(method) && ts.isIdentifier(unwrap(callee.expression))) {
    const imported = bindings.importOf(callee.expression)
    return imported && SCHEMA_PACKAGES.test(imported.module) ? { fields: arg, callee: shown, strict: false } : undefined
  }
  // `base.extend({…})` of a schema the file builds; of one it cannot see, only when its new fields are schemas
  if (EXTENDERS.has(method)) return { fields: arg, callee: shown, strict: schemaRoot(callee.expression, bindings) === undefined }
  return undefined
}

/** A JSX element's static attributes: string literals and what folds to one; `name={['user', 'email']}` as a path. */
function jsxAttributes(element: ts.JsxOpeningElement | ts.JsxSelfClosingElement, bindings: Bindings): FieldAttributes {
  const field: FieldAttributes = { readOnly: false }
  for (const a of element.attributes.properties) {
    if (!ts.isJsxAttribute(a) || !ts.isIdentifier(a.name)) continue
    const key = a.name.text
    const init = a.initializer
    if (key === 'readOnly' || key === 'readonly') {
      field.readOnly = !init || (ts.isJsxExpression(init) && init.expression?.kind === ts.SyntaxKind.TrueKeyword)
      continue
    }
    if (key !== 'name' && key !== 'type' && key !== 'autoComplete' && key !== 'autocomplete') continue
    const expr = init && ts.isJsxExpression(init) ? init.expression && unwrap(init.expression) : init
    let value = expr && (ts.isStringLiteral(expr) ? expr.text : bindings.string(expr))
    if (value === undefined && expr && ts.isArrayLiteralExpression(expr) && expr.elements.every(ts.isStringLiteral)) value = expr.elements.map((s) => (s as ts.StringLiteral).text).join('.')
    if (value === undefined) continue
    if (key === 'name') field.name = value
    else if (key === 'type') field.type = value
    else field.autocomplete = value
  }
  return field
}

const TAG_NAME = /[A-Za-z][\w.:-]*/y
const MARKUP_ATTRIBUTE = /([^\s=/>"'{}]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|(\{[^{}]*\})|([^\s>"'{}]+)))?/g
/** How far a tag's attributes are read: a form control's fit in far less. */
const MAX_TAG = 4000

/** The form controls of a file's markup, with their attributes' text: the tags the AST walk never sees. */
function* markupControls(text: string): Generator<{ tag: string; attributes: string; index: number }> {
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    TAG_NAME.lastIndex = at + 1
    const name = TAG_NAME.exec(text)
    // HTML's own elements in any case (`<INPUT>`), components as written
    const tag = name && /^(?:input|textarea|select)$/i.test(name[0]) ? name[0].toLowerCase() : name?.[0]
    if (!tag || !INPUT_TAG.test(tag)) continue
    // the tag ends at the first `>` outside quotes and braces (`v-if="a > b"`, `value={a > b}`)
    let quote = ''
    let depth = 0
    let end = at + 1 + tag.length
    const limit = Math.min(text.length, end + MAX_TAG)
    for (; end < limit; end++) {
      const c = text[end]
      if (quote) {
        if (c === quote) quote = ''
      } else if (c === '"' || c === "'") quote = c
      else if (c === '{') depth++
      else if (c === '}') depth--
      else if (c === '>' && depth <= 0) break
    }
    if (end < limit) yield { tag, attributes: text.slice(at + 1 + tag.length, end), index: at }
  }
}

/** A markup tag's static attributes: `name="email"`; Vue's `v-model="form.email"` and Svelte's `bind:value={email}` name it by what they bind. */
function markupAttributes(text: string): FieldAttributes {
  const field: FieldAttributes = { readOnly: false }
  for (const m of text.matchAll(MARKUP_ATTRIBUTE)) {
    const key = m[1].toLowerCase()
    const braced = m[4]
    const value = m[2] ?? m[3] ?? m[5]
    if (key === 'readonly') field.readOnly = value === undefined || value === 'true' || value === 'readonly'
    else if (key === 'name' && value !== undefined) field.name = value
    else if (key === 'type' && value !== undefined) field.type = value
    else if (key === 'autocomplete' && value !== undefined) field.autocomplete = value
    else if (/^v-model(?::value)?(?:\.\w+)*$/.test(key) && value && /^[\w$.[\]]+$/.test(value)) field.name ??= value
    else if (key === 'bind:value' && braced && /^\{\s*[\w$.[\]]+\s*\}$/.test(braced)) field.name ??= braced.slice(1, -1).trim()
  }
  return field
}

export const collectedFieldsDetector: CodeDetector = {
  id: 'collected-fields',
  create(context) {
    const { text, file, bindings } = context
    // a file that imports a schema library but builds no object schema (`z.string()` alone) asks for no field
    const schemas = (text.includes('zod') || text.includes('valibot') || text.includes('yup')) && SCHEMA_HINT.test(text)
    const forms = FORM_HINT.test(text)
    const hookForm = text.includes('react-hook-form') && bindings.imports.some((b) => b.module === 'react-hook-form')
    if (!schemas && !forms && !hookForm) return { visitors: {} }
    const categories = loadCategories()
    // a form field inside another that already asked for the same (`<FormField name="email">` around `<Input type="email">`)
    const asked = new Map<ts.Node, string>()
    const emit = (node: ts.Node | number, category: string, name: string, sink: string) => {
      if (category === REFERENCE) return
      context.emit({
        kind: 'data-flow', value: `${name} → ${sink}`, reason: 'data-declared-collected', ...(typeof node === 'number' ? { pos: node } : { node }),
        data: { category, name, source: 'declared', sourceLine: context.locate(node).line, sink, sinkKind: 'collected' },
      })
    }
    const emitField = (node: ts.Node, category: string, name: string, sink: string) => {
      for (let up = node.parent, i = 0; up && i < 16; up = up.parent, i++) if (asked.get(up) === category) return
      asked.set(node, category)
      emit(node, category, name, sink)
    }
    if (forms && HTML_LIKE.test(file.path)) {
      for (const control of markupControls(text)) {
        const field = fieldCategory(categories, markupAttributes(control.attributes))
        if (field) emit(control.index, field.category, field.shown, `<${control.tag}>`)
      }
    }
    const visitCall = (node: ts.Node) => {
      const call = node as ts.CallExpression
      if (hookForm) {
        const callee = unwrap(call.expression)
        const method = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined
        const path = method === 'register' ? bindings.string(call.arguments[0]) : undefined
        const category = path !== undefined ? ofPath(categories, path) : undefined
        if (category) emitField(call, category, path!, 'register')
      }
      if (!schemas) return
      const schema = schemaFields(call, bindings)
      if (!schema) return
      const names = schemaNames(call, bindings)
      const subject = subjectWord(names.subject)
      const sink = names.variable ?? schema.callee
      for (const p of schema.fields.properties) {
        if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) continue
        const key = propertyName(p.name)
        const value = ts.isPropertyAssignment(p) ? p.initializer : p.name
        const rooted = schemaRoot(value, bindings) !== undefined
        if (schema.strict && !rooted) continue
        const type = rooted ? schemaType(value, bindings) : undefined
        if (!key || ENV_NAME.test(key) || (type && NO_DATA_SCHEMAS.has(type))) continue
        const category = subject ? categories.ofField(subject, key) : categories.ofName(key)
        if (category) emit(p, category, key, sink)
      }
    }
    const visitElement = (node: ts.Node) => {
      const element = node as ts.JsxOpeningElement | ts.JsxSelfClosingElement
      const tag = ts.isIdentifier(element.tagName) ? element.tagName.text : element.tagName.getText(context.sourceFile)
      if (!INPUT_TAG.test(tag)) return
      const field = fieldCategory(categories, jsxAttributes(element, bindings))
      // what an element's children ask for lies under its JsxElement, not under its opening tag
      if (field) emitField(ts.isJsxOpeningElement(element) ? element.parent : element, field.category, field.shown, `<${tag}>`)
    }
    return {
      visitors: {
        CallExpression: schemas || hookForm ? visitCall : undefined,
        JsxOpeningElement: forms ? visitElement : undefined,
        JsxSelfClosingElement: forms ? visitElement : undefined,
      },
    }
  },
}

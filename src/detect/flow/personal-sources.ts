// The personal data source model: values whose name or property path carries a data category of data/categories.yaml
// (`user.email`, `session.user.name`, `req.ip`, `firstName`), and request headers that hold one (`x-forwarded-for`).
// What the engine treats as clean stays clean: a value hashed (`sha256(email)`, `createHash(…).update(email).digest()`)
// is a call nobody models, so it carries nothing; `isEmail`, `hashedEmail`, `emailVerified` are not the datum.
import { ts } from 'ts-morph'
import { loadCategories, type DataCategories } from '../../catalog/categories.js'
import { splitWords } from '../../util/words.js'
import { unwrap } from '../../syntax/ast.js'
import { requestModel, type SourceHelpers, type SourceModel } from './sources.js'
import type { Hit } from './values.js'

export class PersonalSourceModel implements SourceModel {
  readonly stringCategories: ReadonlySet<string>
  /** A constant the code writes out (`const SYSTEM_PROMPT = 'You are…'`) is nobody's personal data. */
  readonly literalsCarry = false
  readonly requests: SourceModel['requests']

  constructor(readonly categories: DataCategories = loadCategories()) {
    this.stringCategories = new Set(categories.list.map((c) => c.key))
    this.requests = requestModel()
  }

  nameCategory(name: string): string | undefined {
    return this.categories.ofName(name)
  }

  /** `user.name`, `session.user.name`, `author.name`: the object's last word and the key, read together. */
  memberCategory(object: ts.Expression, key: string): string | undefined {
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

  /** `formData.get('email')`, `searchParams.get('phone')`, `form.getFieldValue('email')`: a field read by its name. */
  call(expr: ts.CallExpression, name: string | undefined, helpers: SourceHelpers): Hit[] | undefined {
    if (name !== 'get' && name !== 'getAll' && name !== 'getFieldValue') return undefined
    const arg = expr.arguments[0]
    if (!ts.isPropertyAccessExpression(unwrap(expr.expression)) || !arg || !ts.isStringLiteralLike(arg)) return undefined
    const category = this.categories.ofName(arg.text)
    return category ? [helpers.sourceHit(expr, helpers.text(expr), 'field', category)] : undefined
  }
}

let cached: PersonalSourceModel | undefined

export function personalSources(): PersonalSourceModel {
  cached ??= new PersonalSourceModel()
  return cached
}

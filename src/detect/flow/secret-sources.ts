// The secret source model: secret-named values (the word rules of src/secrets/names.ts), secret env vars, request
// headers that carry credentials, the results of decrypt calls and secret getters (data/models/secrets.yaml).
import { ts } from 'ts-morph'
import type { Catalog } from '../../catalog/index.js'
import { loadFlowModels } from '../../catalog/models.js'
import { getterCategory, isDecryptName, isMetadataName, isSecretHeader, secretEnvCategory, secretNameCategory, splitWords, vendorWords } from '../../secrets/names.js'
import { calleeName, unwrap } from '../../syntax/ast.js'
import { requestModel, type SourceHelpers, type SourceModel } from './sources.js'
import { short, type Hit } from './values.js'

export class SecretSourceModel implements SourceModel {
  readonly wholeEnvCategory = 'secret'
  readonly stringCategories: ReadonlySet<string> = new Set(['token', 'api-key', 'password', 'private-key'])
  readonly requests: SourceModel['requests']
  private readonly isVendor: (word: string) => boolean
  private readonly decryptWords: RegExp
  private readonly commands: RegExp
  private readonly factories: RegExp
  private readonly decipherMethods: ReadonlySet<string>

  constructor(catalog: Catalog) {
    const { secrets } = loadFlowModels()
    this.isVendor = vendorWords(catalog)
    this.decryptWords = new RegExp(secrets.decrypt.words, 'i')
    this.commands = new RegExp(secrets.decrypt.commands)
    this.factories = new RegExp(secrets.decrypt.factories)
    this.decipherMethods = new Set(secrets.decrypt.methods)
    this.requests = requestModel()
  }

  nameCategory(name: string): string | undefined {
    return secretNameCategory(name, this.isVendor)
  }

  envCategory(name: string): string | undefined {
    return secretEnvCategory(name, this.isVendor)
  }

  headerCategory(name: string): string | undefined {
    return isSecretHeader(name) ? 'header' : undefined
  }

  isMetadata(name: string): boolean {
    return isMetadataName(name)
  }

  call(expr: ts.CallExpression, name: string | undefined, helpers: SourceHelpers): Hit[] | undefined {
    const callee = unwrap(expr.expression)
    if (this.mayDecrypt(helpers.fileText) && this.isDecryptCall(expr, helpers)) return [helpers.sourceHit(expr, `${short(helpers.text(callee), 40)}(…)`, 'decrypt', 'secret')]
    if (name) {
      const category = getterCategory(name, this.isVendor)
      if (category) return [helpers.sourceHit(expr, `${short(helpers.text(callee), 40)}(…)`, 'getter', category)]
    }
    return undefined
  }

  private lastText: string | undefined
  private lastMayDecrypt = false

  /** Whether a file can hold a decrypt call at all: most files say none of the words (tested once per file). */
  mayDecrypt(text: string): boolean {
    if (text !== this.lastText) {
      this.lastText = text
      // the words are matched in lower case after splitting a name; an escaped `\u…` identifier hides them from the text
      this.lastMayDecrypt = this.decryptWords.test(text) || text.includes('\\u')
    }
    return this.lastMayDecrypt
  }

  /** `decryptSecret(x)`, `kms.decrypt(…)`, `decipher.update(…)`, `client.send(new GetSecretValueCommand(…))`. */
  isDecryptCall(expr: ts.CallExpression, helpers: Pick<SourceHelpers, 'initializer'>): boolean {
    const callee = unwrap(expr.expression)
    const name = calleeName(callee)
    if (name && isDecryptName(name)) return true
    if (ts.isPropertyAccessExpression(callee) && name && this.decipherMethods.has(name)) {
      const obj = unwrap(callee.expression)
      if (ts.isIdentifier(obj)) {
        if (splitWords(obj.text).includes('decipher')) return true
        const init = helpers.initializer(obj)
        const made = init && ts.isCallExpression(unwrap(init)) ? calleeName((unwrap(init) as ts.CallExpression).expression) : undefined
        if (made && this.factories.test(made)) return true
      }
    }
    return expr.arguments.some((a) => {
      const arg = unwrap(a)
      return ts.isNewExpression(arg) && ts.isIdentifier(arg.expression) && this.commands.test(arg.expression.text)
    })
  }
}

const byCatalog = new WeakMap<Catalog, SecretSourceModel>()

export function secretSources(catalog: Catalog): SecretSourceModel {
  let model = byCatalog.get(catalog)
  if (!model) {
    model = new SecretSourceModel(catalog)
    byCatalog.set(catalog, model)
  }
  return model
}

// What a source model tells the flow engine: which names, env vars, headers and calls yield a source of its family.
// The engine (analysis.ts) propagates; a model only classifies. Secrets are one model (secret-sources.ts); a personal
// data model plugs in the same way.
import type { ts } from 'ts-morph'
import { loadFlowModels } from '../../catalog/models.js'
import type { ParamBinding } from '../bindings.js'
import type { Hit } from './values.js'

/** What the engine offers a model that classifies a call: reading other values, making a source hit. */
export interface SourceHelpers {
  text(node: ts.Node): string
  sourceHit(node: ts.Node, name: string, kind: string, category: string, extra?: Partial<Hit>, origin?: string): Hit
  /** The initializer a name is bound to whole, as the engine follows it. */
  initializer(id: ts.Identifier): ts.Expression | undefined
  /** The whole file's text, for a model's cheap prefilters. */
  fileText: string
}

export interface SourceModel {
  /** The category a value so named carries (a variable, a parameter, a property, an import), or undefined. */
  nameCategory(name: string): string | undefined
  /**
   * The category of `object.key` read together when the key alone carries none (`user.name`, where `name` alone is any
   * name); optional.
   */
  memberCategory?(object: ts.Expression, key: string): string | undefined
  /** The category of `process.env.NAME` (and `import.meta.env.NAME`), or undefined. */
  envCategory(name: string): string | undefined
  /** The category of one request header read by name, or undefined. */
  headerCategory(name: string): string | undefined
  /** The category of the env object read whole (`logger.info(process.env)`), or undefined. */
  wholeEnvCategory?: string
  /**
   * Whether a variable initialised with a plain string literal may still be a source by its name: a hardcoded
   * `apiKey = 'sk_…'` is a secret, but `SYSTEM_PROMPT = 'You are…'` is nobody's personal data. Default true.
   */
  literalsCarry?: boolean
  /** A property that describes a value without holding it (`apiKeyId`, `tokenCount`): reading it carries nothing. */
  isMetadata(name: string): boolean
  /** Categories of string values: a variable so named but used as a structure (`token.type`) is not a source. */
  stringCategories: ReadonlySet<string>
  /** Request objects (`req`, `ctx.request`): their `headers` are a source of header reads. */
  requests: { names: RegExp; properties: RegExp; headerMethods: ReadonlySet<string>; headerFunctions: ReadonlyArray<{ package: string; name: string }> }
  /** What a call returns when the model knows (a decrypt call, a getter): hits, or undefined to let the engine go on. */
  call(expr: ts.CallExpression, calleeName: string | undefined, helpers: SourceHelpers): Hit[] | undefined
  /**
   * A parameter that is a source by where its function sits, not by its name (a geolocation callback's position, a
   * server action's form data): hits, or undefined; optional. Asked only of a parameter whose name carries nothing.
   */
  parameter?(binding: ParamBinding, helpers: SourceHelpers): Hit[] | undefined
}

/** The request model every source model shares (data/models/secrets.yaml `requests`), compiled once. */
let requests: SourceModel['requests'] | undefined
export function requestModel(): SourceModel['requests'] {
  if (!requests) {
    const r = loadFlowModels().secrets.requests
    requests = { names: new RegExp(r.names), properties: new RegExp(r.properties), headerMethods: new Set(r.headerMethods), headerFunctions: r.headerFunctions }
  }
  return requests
}

// .privaudit.yml: declared subprocessors kept outside the policy, custom vendors, ignores, excludes.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv } from 'ajv'
import Type, { type Static } from 'typebox'
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml'
import type { VendorInput } from '../catalog/index.js'
import { closed, SEVERITIES } from '../types/index.js'

const NonEmpty = Type.String({ minLength: 1 })

const IgnoreRuleSchema = closed({
  rule: Type.String({ minLength: 1, description: 'a check id, or * for every check' }),
  vendor: Type.Optional(Type.String({ minLength: 1, description: 'only findings about this vendor' })),
  path: Type.Optional(Type.String({ minLength: 1, description: 'only locations matching this .gitignore-style pattern' })),
  reason: Type.String({ minLength: 3, description: 'why: shown in every report beside what it suppressed' }),
})
export type IgnoreRule = Static<typeof IgnoreRuleSchema>

const DeclaredVendorSchema = closed({ vendor: NonEmpty, reason: Type.Optional(Type.String()) })
export type DeclaredVendor = Static<typeof DeclaredVendorSchema>

/** A check's severity, or `off`. */
const RuleSettingSchema = Type.Enum([...SEVERITIES, 'off'])

/**
 * `.privaudit.yml`, as written: loadConfig validates a file against it (its errors name the file, line and key) and
 * schema/config.schema.json is generated from it.
 */
export const CONFIG_SCHEMA = closed({
  policy: Type.Optional(Type.String({ minLength: 1, description: 'the privacy policy file, relative to the root' })),
  declared: Type.Optional(Type.Array(Type.Union([NonEmpty, DeclaredVendorSchema]), {
    description: 'subprocessors declared outside the policy (a DPA, a trust page): a vendor id, or the id with a reason',
  })),
  vendors: Type.Optional(Type.Array(Type.Unsafe<VendorInput>({ type: 'object', description: 'a vendor of your own, as data/vendors/schema.json describes one' }))),
  ignore: Type.Optional(Type.Array(IgnoreRuleSchema, { description: 'findings to leave out of reports, each with its reason' })),
  exclude: Type.Optional(Type.Array(NonEmpty, { description: '.gitignore-style patterns of files not to scan' })),
  rules: Type.Optional(Type.Record(Type.String(), RuleSettingSchema, { description: 'a severity per check id, or off' })),
  maxFileSize: Type.Optional(Type.Integer({ minimum: 1024, description: 'bytes; larger files are skipped' })),
}, {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://privaudit.dev/schema/config.schema.json',
  title: 'privaudit config',
  description: '.privaudit.yml in the scanned root (or --config FILE).',
})
type ConfigFile = Static<typeof CONFIG_SCHEMA>

/** The config a scan runs with: the file's settings, the defaults for those it leaves out. */
export type Config = Required<Omit<ConfigFile, 'policy' | 'declared'>> & {
  /** Where it was read from, relative to the root, or undefined for defaults. */
  file?: string
  policy?: string
  declared: DeclaredVendor[]
}

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024

export class ConfigError extends Error {}

export function defaultConfig(): Config {
  return { declared: [], vendors: [], ignore: [], exclude: [], rules: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE }
}

/** The YAML node at a JSON pointer, for the line of a validation error. */
function nodeAt(root: YamlNode | null, pointer: string): YamlNode | null {
  let node: YamlNode | null = root
  for (const key of pointer.split('/').filter(Boolean)) {
    if (isMap(node)) node = (node.get(key, true) as YamlNode | undefined) ?? node
    else if (isSeq(node)) node = (node.get(Number(key), true) as YamlNode | undefined) ?? node
    else break
  }
  return node
}

/**
 * Reads the config file. `explicit` (from --config) must exist; the default `.privaudit.yml` is optional.
 * Any problem throws ConfigError naming the file, line and key.
 */
export function loadConfig(root: string, explicit?: string): Config {
  const file = explicit ? path.resolve(explicit) : path.join(root, '.privaudit.yml')
  if (!existsSync(file)) {
    if (explicit) throw new ConfigError(`config file not found: ${explicit}`)
    return defaultConfig()
  }
  const display = explicit ?? '.privaudit.yml'
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new ConfigError(`cannot read config ${display}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`)
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false })
  if (doc.errors.length > 0) {
    const e = doc.errors[0]
    const line = lineCounter.linePos(e.pos[0]).line
    throw new ConfigError(`invalid config ${display}:${line}: ${e.message.split('\n')[0]}`)
  }
  const data: unknown = doc.toJS() ?? {}
  const validate = new Ajv({ allErrors: false, strict: false }).compile<ConfigFile>(CONFIG_SCHEMA)
  if (typeof data !== 'object' || Array.isArray(data) || !validate(data)) {
    const e = validate.errors?.[0]
    const pointer = e?.instancePath ?? ''
    const node = nodeAt(doc.contents as YamlNode | null, pointer)
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : 1
    const key = pointer ? pointer.slice(1).replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.') : '(top level)'
    const detail = e?.keyword === 'additionalProperties'
      ? `unknown key "${(e.params as { additionalProperty: string }).additionalProperty}"`
      : e?.keyword === 'required' ? `missing "${(e.params as { missingProperty: string }).missingProperty}"` : e?.message ?? 'must be a mapping'
    throw new ConfigError(`invalid config ${display}:${line}: ${key}: ${detail}`)
  }
  const config = defaultConfig()
  config.file = explicit ? path.relative(root, file).split(path.sep).join('/') : '.privaudit.yml'
  config.policy = data.policy
  config.declared = (data.declared ?? []).map((d) => (typeof d === 'string' ? { vendor: d } : d))
  config.vendors = data.vendors ?? []
  config.ignore = data.ignore ?? []
  config.exclude = data.exclude ?? []
  config.rules = data.rules ?? {}
  config.maxFileSize = data.maxFileSize ?? DEFAULT_MAX_FILE_SIZE
  return config
}

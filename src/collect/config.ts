// .privaudit.yml: declared subprocessors kept outside the policy, custom vendors, ignores, excludes.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv } from 'ajv'
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml'
import type { VendorInput } from '../catalog/index.js'
import type { Severity } from '../types/index.js'

export interface IgnoreRule {
  rule: string
  vendor?: string
  path?: string
  reason: string
}

export interface Config {
  /** Where it was read from, relative to the root, or undefined for defaults. */
  file?: string
  policy?: string
  declared: Array<{ vendor: string; reason?: string }>
  vendors: VendorInput[]
  ignore: IgnoreRule[]
  exclude: string[]
  rules: Record<string, Severity | 'off'>
  maxFileSize: number
}

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024

export class ConfigError extends Error {}

const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    policy: { type: 'string', minLength: 1 },
    declared: {
      type: 'array',
      items: {
        anyOf: [
          { type: 'string', minLength: 1 },
          { type: 'object', additionalProperties: false, required: ['vendor'], properties: { vendor: { type: 'string', minLength: 1 }, reason: { type: 'string' } } },
        ],
      },
    },
    vendors: { type: 'array', items: { type: 'object' } },
    ignore: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'reason'],
        properties: {
          rule: { type: 'string', minLength: 1 },
          vendor: { type: 'string', minLength: 1 },
          path: { type: 'string', minLength: 1 },
          reason: { type: 'string', minLength: 3 },
        },
      },
    },
    exclude: { type: 'array', items: { type: 'string', minLength: 1 } },
    rules: { type: 'object', additionalProperties: { enum: ['error', 'warning', 'note', 'off'] } },
    maxFileSize: { type: 'integer', minimum: 1024 },
  },
} as const

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
  const data = (doc.toJS() ?? {}) as Record<string, unknown>
  const validate = new Ajv({ allErrors: false, strict: false }).compile(CONFIG_SCHEMA)
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
  config.policy = data.policy as string | undefined
  config.declared = ((data.declared as unknown[]) ?? []).map((d) => (typeof d === 'string' ? { vendor: d } : (d as { vendor: string; reason?: string })))
  config.vendors = (data.vendors as VendorInput[]) ?? []
  config.ignore = (data.ignore as IgnoreRule[]) ?? []
  config.exclude = (data.exclude as string[]) ?? []
  config.rules = (data.rules as Config['rules']) ?? {}
  config.maxFileSize = (data.maxFileSize as number) ?? DEFAULT_MAX_FILE_SIZE
  return config
}

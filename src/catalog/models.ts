// The flow engine's models as data (data/models/*.yaml), the way CodeQL keeps its sources, sinks and summaries: where
// values are written out (logging.yaml), how they travel through library calls (propagation.yaml), where secrets come
// from (secrets.yaml). Vendor SDK sinks live in each vendor's own file (`sinks:`). Reviewed like code: the schema beside
// them is checked by test/catalog/models.test.ts.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { COMPILED_MODELS, readCompiled, type VendorSource } from './compiled.js'

export const MODELS_DIR = fileURLToPath(new URL('../../data/models/', import.meta.url))
export const MODEL_FILES = ['logging', 'propagation', 'secrets', 'storage'] as const

export interface LoggingModels {
  console: { global: string; methods: string[]; conditionFirst: string[] }
  streams: { receivers: string[]; methods: string[]; argument: number }
  loggers: {
    libraries: string[]
    instances: string[]
    factories: string[]
    children: string[]
    methods: string[]
    redact: Record<string, string>
    functions: string[]
    classes: Array<{ package: string; name: string }>
    names: string
  }
}

export interface PropagationModels {
  carry: {
    methods: string[]
    methodsWithArguments: string[]
    functions: string[]
    statics: string[]
    keepShape: string[]
    constructors: string
    slices: string[]
    revealLimit: number
  }
  clean: { globals: string[]; staticReceivers: string[]; verbs: string[]; stringMembers: string[]; sizes: string[] }
}

export interface SecretModels {
  decrypt: { words: string; commands: string; factories: string; methods: string[] }
  requests: { names: string; properties: string; headerMethods: string[]; headerFunctions: Array<{ package: string; name: string }> }
}

/** ORM and database writes (storage.yaml): a method chained on another call, or made on a client by name. */
export interface StorageModels {
  chains: Array<{ library: string; method: string; after: string; argument: number }>
  receivers: Array<{ library: string; clients: string; methods: Record<string, number>; properties?: string[]; depth: number }>
}

export interface FlowModels {
  logging: LoggingModels
  propagation: PropagationModels
  secrets: SecretModels
  storage: StorageModels
}

/** The model files' texts, by name: what the schema test validates and `loadFlowModels` parses. */
export function readModelSources(dir = MODELS_DIR): Record<(typeof MODEL_FILES)[number], string> {
  return Object.fromEntries(MODEL_FILES.map((name) => [name, readFileSync(`${dir}${name}.yaml`, 'utf8')])) as Record<(typeof MODEL_FILES)[number], string>
}

let cached: FlowModels | undefined

/** The model files as the sources their compiled form is stamped with (see compiled.ts). */
export function modelSources(): VendorSource[] {
  return Object.entries(readModelSources()).map(([name, text]) => ({ file: `${name}.yaml`, text }))
}

/** The models parsed from their YAML texts. */
export function parseFlowModels(sources = readModelSources()): FlowModels {
  return {
    logging: parseYaml(sources.logging) as LoggingModels,
    propagation: parseYaml(sources.propagation) as PropagationModels,
    secrets: parseYaml(sources.secrets) as SecretModels,
    storage: parseYaml(sources.storage) as StorageModels,
  }
}

/** The models, once per process: compiled at build time while the model files are unchanged, else parsed here. */
export function loadFlowModels(compiledFile = COMPILED_MODELS): FlowModels {
  if (!cached) cached = readCompiled<FlowModels>(modelSources(), compiledFile) ?? parseFlowModels()
  return cached
}

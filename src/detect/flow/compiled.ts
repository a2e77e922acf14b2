// The flow models (data/models/*.yaml and the vendors' `sinks:`) as the lookups the per-file analysis uses: sets and
// regular expressions made once per catalog, not per file.
import { loadFlowModels } from '../../catalog/models.js'
import { packageLookup, type Catalog } from '../../catalog/index.js'
import type { VendorSink } from '../../types/index.js'

export interface CompiledSink extends VendorSink {
  vendor: string
  methodSet: ReadonlySet<string>
}

export interface CompiledModels {
  console: { global: string; methods: ReadonlySet<string>; conditionFirst: ReadonlySet<string> }
  streams: { receivers: ReadonlySet<string>; methods: ReadonlySet<string>; argument: number }
  loggers: {
    libraries: ReadonlySet<string>
    instances: ReadonlySet<string>
    factories: ReadonlySet<string>
    children: ReadonlySet<string>
    methods: ReadonlySet<string>
    redact: Readonly<Record<string, string>>
    functions: ReadonlySet<string>
    classes: ReadonlyArray<{ package: string; name: string }>
    names: RegExp
  }
  carry: {
    methods: ReadonlySet<string>
    methodsWithArguments: ReadonlySet<string>
    functions: ReadonlySet<string>
    statics: ReadonlySet<string>
    keepShape: ReadonlySet<string>
    constructors: RegExp
    slices: ReadonlySet<string>
    revealLimit: number
  }
  clean: { globals: ReadonlySet<string>; staticReceivers: ReadonlySet<string>; verbs: ReadonlySet<string>; stringMembers: ReadonlySet<string>; sizes: ReadonlySet<string> }
  /** The vendor sink a module belongs to, when its package is one a sink names. */
  sinkOf(module: string): CompiledSink | undefined
  /** Receivers that are a vendor SDK without an import (`Sentry`, `scope`), and functions returning its scope. */
  sinkGlobals: ReadonlyMap<string, CompiledSink>
  sinkScopes: ReadonlyMap<string, CompiledSink>
}

const byCatalog = new WeakMap<Catalog, CompiledModels>()

export function compiledModels(catalog: Catalog): CompiledModels {
  let compiled = byCatalog.get(catalog)
  if (!compiled) {
    compiled = compile(catalog)
    byCatalog.set(catalog, compiled)
  }
  return compiled
}

function compile(catalog: Catalog): CompiledModels {
  const { logging, propagation } = loadFlowModels()
  const sinks: CompiledSink[] = catalog.vendors.flatMap((v) => (v.sinks ?? []).map((s) => ({ ...s, vendor: v.id, methodSet: new Set(s.methods) })))
  const sinkGlobals = new Map<string, CompiledSink>()
  const sinkScopes = new Map<string, CompiledSink>()
  for (const s of sinks) {
    for (const g of s.globals ?? []) sinkGlobals.set(g, s)
    for (const f of s.scopes ?? []) sinkScopes.set(f, s)
  }
  // the cheap test of a file: the literal start of each package pattern (`@sentry/`, `rollbar`) and each global
  return {
    console: { global: logging.console.global, methods: new Set(logging.console.methods), conditionFirst: new Set(logging.console.conditionFirst) },
    streams: { receivers: new Set(logging.streams.receivers), methods: new Set(logging.streams.methods), argument: logging.streams.argument },
    loggers: {
      libraries: new Set(logging.loggers.libraries),
      instances: new Set(logging.loggers.instances),
      factories: new Set(logging.loggers.factories),
      children: new Set(logging.loggers.children),
      methods: new Set(logging.loggers.methods),
      redact: logging.loggers.redact,
      functions: new Set(logging.loggers.functions),
      classes: logging.loggers.classes,
      names: new RegExp(logging.loggers.names),
    },
    carry: {
      methods: new Set(propagation.carry.methods),
      methodsWithArguments: new Set(propagation.carry.methodsWithArguments),
      functions: new Set(propagation.carry.functions),
      statics: new Set(propagation.carry.statics),
      keepShape: new Set(propagation.carry.keepShape),
      constructors: new RegExp(propagation.carry.constructors),
      slices: new Set(propagation.carry.slices),
      revealLimit: propagation.carry.revealLimit,
    },
    clean: {
      globals: new Set(propagation.clean.globals),
      staticReceivers: new Set(propagation.clean.staticReceivers),
      verbs: new Set(propagation.clean.verbs),
      stringMembers: new Set(propagation.clean.stringMembers),
      sizes: new Set(propagation.clean.sizes),
    },
    sinkOf: packageLookup(sinks),
    sinkGlobals,
    sinkScopes,
  }
}

// audit(): the pipeline, top to bottom. collect → detect → declare → diff → report.
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { CatalogError, loadCatalog, validateVendorShape } from '../catalog/index.js'
import { openCache, type CacheStats } from '../cache/index.js'
import { collectWorkspace } from '../collect/index.js'
import { unchangedSince, type UnchangedFiles } from '../collect/git.js'
import { ConfigError, loadConfig } from '../collect/config.js'
import { detect } from '../detect/index.js'
import { parsePolicy } from '../policy/index.js'
import { readsAsEnglish } from '../policy/language.js'
import type { Claim, FullReport, SkippedFile, VendorSummary, Workspace } from '../types/index.js'
import { strongestFirst } from '../model/locations.js'
import { buildCookieInventory } from '../model/cookies.js'
import { buildDataFlows } from '../model/data.js'
import { diff } from './diff.js'
import { redactReport } from './redact.js'
import { providerRules } from '../secrets/rules.js'
import type { VendorLedger } from '../model/ledger.js'
import { compareText } from '../util/order.js'

export const SCHEMA_VERSION = '1.0.0'

export const TOOL_VERSION: string = (JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string }).version

export interface AuditOptions {
  root: string
  policy?: string
  config?: string
  onStage?(stage: Stage, detail?: string): void
  /** The per-file cache's folder (see src/cache); without it every file is analysed afresh and nothing is written. */
  cacheDir?: string
  /**
   * A git ref: files unchanged since it are identified by their blob ids from git instead of being read, so with a
   * warm cache only the changed files are read and analysed. The report is the full report either way.
   */
  changedSince?: string
}

export type Stage = 'collect' | 'detect' | 'declare' | 'diff' | 'report'

/** The stages --timings shows: `parse` is the part of detect spent parsing source files. */
export type TimedStage = 'collect' | 'parse' | 'detect' | 'declare' | 'diff' | 'report'

export interface CacheSummary extends CacheStats {
  /** With changedSince: the files under the root that differ from the ref. */
  changed?: number
  /** Why the cache could not be read or saved; the report is the same either way. */
  notices: string[]
}

export interface AuditResult {
  report: FullReport
  timings: Record<TimedStage, number>
  /** How the per-file cache served the run, when one was given. */
  cache?: CacheSummary
}

export async function audit(options: AuditOptions): Promise<AuditResult> {
  const timings: Record<TimedStage, number> = { collect: 0, parse: 0, detect: 0, declare: 0, diff: 0, report: 0 }
  const time = <T>(stage: Stage, fn: () => T): T => {
    options.onStage?.(stage)
    const start = performance.now()
    try {
      return fn()
    } finally {
      timings[stage] += performance.now() - start
    }
  }

  // git lists what changed in the background while the config and catalog load
  const pendingUnchanged = options.changedSince === undefined ? undefined : unchangedSince(options.root, options.changedSince)
  pendingUnchanged?.catch(() => undefined) // awaited below; a config error thrown first must not leave it unhandled
  const config = loadConfig(options.root, options.config)
  for (const [i, v] of config.vendors.entries()) {
    const errors = validateVendorShape(v)
    if (errors.length) throw new ConfigError(`invalid config ${config.file}: vendors[${i}]${errors[0]}`)
  }
  let catalog
  try {
    catalog = loadCatalog({ extraVendors: config.vendors })
  } catch (error) {
    if (error instanceof CatalogError) throw new ConfigError(error.message)
    throw error
  }
  for (const d of config.declared) {
    if (!catalog.get(d.vendor)) throw new ConfigError(`invalid config ${config.file}: declared vendor "${d.vendor}" is not in the catalog`)
  }

  const waitStart = performance.now()
  const unchanged = await pendingUnchanged
  timings.collect += performance.now() - waitStart
  const workspace = time('collect', () => collectWorkspace(options.root, {
    policy: options.policy, configPolicy: config.policy, maxFileSize: config.maxFileSize, exclude: config.exclude, knownBlobIds: unchanged?.blobIds,
  }))
  const cacheNotices: string[] = []
  let cacheDir = options.cacheDir
  if (cacheDir !== undefined && isInside(workspace.root, cacheDir)) {
    // the scanned tree is never written to
    cacheNotices.push(`the cache folder ${cacheDir} is inside the scanned folder: no cache this run`)
    cacheDir = undefined
  }
  const cache = cacheDir === undefined ? undefined : time('detect', () => openCache(cacheDir!, TOOL_VERSION, catalog.hash, `maxFileSize=${config.maxFileSize}`))
  const detected = time('detect', () => detect(workspace, catalog, { cache, onFile: (done, total) => options.onStage?.('detect', `${done}/${total} files`) }))
  timings.detect -= detected.parseMs
  timings.parse += detected.parseMs
  const declared = time('declare', () => (workspace.policy ? parsePolicy(workspace.policy, catalog) : { claims: [] as Claim[] }))
  if (workspace.policy && !readsAsEnglish(workspace.policy.text)) {
    workspace.problems.push({ file: workspace.policy.path, reason: 'the policy does not read as English: privaudit reads English policies, so claims may be missed' })
  }
  const policyRef = workspace.policy ? { path: workspace.policy.path } : null
  const result = time('diff', () => diff({ evidence: detected.evidence, claims: declared.claims, catalog, config, policy: policyRef }))

  // every string of the report is scrubbed of the secrets the scan saw before any reporter runs
  const report = time('report', () => redactReport<FullReport>({
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'privaudit', version: TOOL_VERSION },
    root: workspace.root,
    policy: workspace.policy ? { path: workspace.policy.path, source: workspace.policy.source, claims: result.claims } : null,
    vendors: vendorSummaries(result.ledger),
    cookies: buildCookieInventory(detected.evidence, result.ledger),
    dataFlows: buildDataFlows(detected.evidence, result.claims, catalog),
    findings: result.findings,
    summary: {
      error: result.findings.filter((f) => f.severity === 'error').length,
      warning: result.findings.filter((f) => f.severity === 'warning').length,
      note: result.findings.filter((f) => f.severity === 'note').length,
    },
    skipped: sortFiles([...workspace.skipped, ...detected.skipped]),
    problems: sortFiles([...workspace.problems, ...detected.problems]),
    suppressed: result.suppressed,
  }, detected.secrets, providerRules(catalog)))
  if (cache) time('detect', () => cache.save())
  const cacheSummary = options.cacheDir === undefined ? undefined : {
    ...(cache?.stats ?? { hits: 0, misses: 0, written: 0 }), ...(unchanged ? { changed: changedSince(workspace, unchanged) } : {}), notices: [...cacheNotices, ...(cache?.notices ?? [])],
  }
  return { report, timings, ...(cacheSummary ? { cache: cacheSummary } : {}) }
}

/** The files that differ from the ref: what git diff names (deleted ones too), and collected files git did not know then. */
function changedSince(workspace: Workspace, unchanged: UnchangedFiles): number {
  const changed = new Set(unchanged.diffed)
  const collected = [...workspace.sourceFiles, ...workspace.configFiles, ...(workspace.dataFiles ?? [])].map((f) => f.path)
  for (const p of [...collected, ...workspace.manifests.map((m) => m.path), ...workspace.lockfiles]) if (!unchanged.blobIds.has(p)) changed.add(p)
  return changed.size
}

/** Whether `dir` is `root` or inside it, symlinks resolved as far as they exist. */
function isInside(root: string, dir: string): boolean {
  let real = path.resolve(dir)
  const tail: string[] = []
  // the folder may not exist yet: resolve its nearest existing ancestor
  while (!existsSync(real) && path.dirname(real) !== real) {
    tail.unshift(path.basename(real))
    real = path.dirname(real)
  }
  const resolved = path.join(realpathSync(real), ...tail)
  const rel = path.relative(root, resolved)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

function sortFiles(list: SkippedFile[]): SkippedFile[] {
  return [...list].sort((a, b) => compareText(a.file, b.file) || compareText(a.reason, b.reason))
}

function vendorSummaries(ledger: VendorLedger): VendorSummary[] {
  const ids = new Set<string>([...ledger.used.keys(), ...ledger.declared.keys()])
  const out: VendorSummary[] = []
  for (const id of [...ids].sort()) {
    const vendor = ledger.catalog.get(id)
    if (!vendor) continue
    const coverage = ledger.coverage(id)
    const claim = coverage?.by === 'policy' ? coverage.claim : undefined
    const coveringVendor = coverage ? ledger.catalog.lineage(id).find((v) => ledger.declared.get(v.id) === coverage) : undefined
    const usedThrough = ledger.used.has(id) ? [] : [...ledger.used.keys()].filter((u) => u !== id && ledger.catalog.lineage(u).some((v) => v.id === id)).sort()
    out.push({
      id,
      name: vendor.name,
      ...(vendor.legalName ? { legalName: vendor.legalName } : {}),
      category: vendor.category,
      purpose: vendor.purpose,
      ...(vendor.privacyUrl ? { privacyUrl: vendor.privacyUrl } : {}),
      ...(vendor.parent ? { parent: vendor.parent } : {}),
      declared: coverage !== undefined,
      detected: ledger.isUsed(id),
      // strongest evidence first: a dependency or import says more than an env name
      evidence: strongestFirst(ledger.used.get(id) ?? []).map((e) => ({ file: e.location.file, line: e.location.line, kind: e.kind, value: e.value })),
      ...(usedThrough.length ? { usedThrough } : {}),
      ...(coverage ? { declaredBy: { how: coverage.by === 'config' ? 'config' as const : claim?.strength === 'mentioned' ? 'mentioned' as const : 'listed' as const, ...(coveringVendor && coveringVendor.id !== id ? { vendor: coveringVendor.id } : {}) } } : {}),
      ...(claim ? { policy: { line: claim.line, quote: claim.quote } } : {}),
    })
  }
  return out
}

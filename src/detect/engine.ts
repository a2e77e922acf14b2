// The detect stage: workspace and config detectors, and ONE AST walk per source file shared by every code detector
// (src/detect/walk.ts), with per-file results from and to the cache (file-cache.ts), then each detector's cross-file step.
import type { Catalog } from '../catalog/index.js'
import { mergeInto } from '../cache/state.js'
import { UnreadableFileError } from '../collect/index.js'
import type { Evidence, SkippedFile, SourceFile, Workspace } from '../types/index.js'
import { compareText } from '../util/order.js'
import type { CodeDetector, ConfigDetector, DetectHooks, DetectorSet, DetectResult, EvidenceInput, FileResult, FinishContext } from './contracts.js'
import { FileCache } from './file-cache.js'
import { ModuleResolver, RepoSpecifiers } from './modules.js'
import { evidenceOf, lineLocation, walkFile } from './walk.js'

export type * from './contracts.js'

function sortEvidence(a: Evidence, b: Evidence): number {
  return compareText(a.location.file, b.location.file) || a.location.line - b.location.line || (a.location.column ?? 0) - (b.location.column ?? 0)
    || compareText(a.kind, b.kind) || compareText(a.value, b.value) || compareText(a.vendor ?? '', b.vendor ?? '') || compareText(a.detector, b.detector)
}

export function runDetectors(workspace: Workspace, catalog: Catalog, detectors: DetectorSet, hooks: DetectHooks = {}): DetectResult {
  const evidence: Evidence[] = []
  const skipped: SkippedFile[] = []
  const problems: SkippedFile[] = []
  const seen = new Set<string>()
  const secrets = new Set<string>()
  const keepSecret = (secret: string | undefined) => {
    if (secret) secrets.add(secret)
  }
  const push = (e: Evidence) => {
    const key = `${e.kind}\0${e.value}\0${e.vendor ?? ''}\0${e.location.file}\0${e.location.line}\0${e.detector}`
    if (seen.has(key)) return
    seen.add(key)
    evidence.push(e)
  }

  for (const detector of detectors.workspace) detector.detect(workspace, catalog, push)

  /** The file's text, or undefined after listing it as skipped (unreadable, not UTF-8, minified). */
  const readOrSkip = (file: SourceFile): string | undefined => {
    try {
      return workspace.read(file.path)
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error
      skipped.push({ file: file.path, reason: error.message })
      return undefined
    }
  }

  const specifiers = new RepoSpecifiers(workspace)
  const mayResolve = (spec: string) => specifiers.mayResolve(spec)
  const fileCache = new FileCache(workspace, hooks.cache, skipped, specifiers.fingerprint)
  const byId = new Map(detectors.code.map((d) => [d.id, d]))
  const shared = new Map<CodeDetector, Map<string, unknown>>(detectors.code.map((d) => [d, new Map()]))
  let filesCached = 0
  const apply = (file: SourceFile, result: FileResult) => {
    for (const e of result.evidence) push(e)
    for (const reason of result.problems) problems.push({ file: file.path, reason })
    if (result.skipped) skipped.push({ file: file.path, reason: result.skipped })
    for (const secret of result.secrets) secrets.add(secret)
    for (const [id, share] of Object.entries(result.shares)) {
      const detector = byId.get(id)
      if (detector) mergeInto(shared.get(detector)!, share)
    }
  }

  const readLines = (kind: 'config' | 'data', files: SourceFile[], textDetectors: ConfigDetector[]) => {
    if (textDetectors.length === 0) return
    for (const file of files) {
      // config files are few and read whole-repo facts (the deploy target): always analysed afresh
      const key = kind === 'data' ? fileCache.keyOf('data', file) : undefined
      if (key === null) continue
      const hit = fileCache.get(key, file)
      if (hit) {
        apply(file, hit)
        filesCached++
        continue
      }
      const text = readOrSkip(file)
      if (text === undefined) continue
      const result: FileResult = { evidence: [], problems: [], shares: {}, secrets: [], parsed: false }
      const lines = text.split(/\r?\n/)
      for (const detector of textDetectors) {
        const emit = (e: EvidenceInput) => {
          if (e.secret) result.secrets.push(e.secret)
          result.evidence.push(evidenceOf(e, lineLocation(file.path, e), detector.id, file.nonShipped))
        }
        detector.detect({ file, text, lines, catalog, emit, problem: (reason) => result.problems.push(reason) })
      }
      apply(file, result)
      fileCache.set(key, file, result)
    }
  }
  readLines('config', workspace.configFiles, detectors.config)
  readLines('data', workspace.dataFiles ?? [], detectors.data ?? [])

  const walked = new Set<string>()
  const parseTime = { ms: 0 }
  const total = workspace.sourceFiles.length
  for (const [index, file] of workspace.sourceFiles.entries()) {
    hooks.onFile?.(index, total)
    const key = fileCache.keyOf('code', file)
    if (key === null) continue
    const hit = fileCache.get(key, file)
    if (hit) {
      apply(file, hit)
      if (hit.parsed) walked.add(file.path)
      filesCached++
      continue
    }
    const text = readOrSkip(file)
    if (text === undefined) continue
    const result: FileResult = { evidence: [], problems: [], shares: {}, secrets: [], parsed: false }
    try {
      const syntaxError = walkFile(file, text, catalog, detectors.code, result, parseTime, mayResolve)
      if (syntaxError) result.problems.push(`${syntaxError}; analysed what parsed`)
      result.parsed = true
      walked.add(file.path)
    } catch (error) {
      if (!(error instanceof RangeError)) throw error
      // what the detectors saw before the overflow is dropped with the file: a skipped file yields nothing
      Object.assign(result, { evidence: [], problems: [], shares: {}, secrets: [], skipped: 'too deeply nested to analyse' })
    }
    apply(file, result)
    fileCache.set(key, file, result)
  }
  const resolver = new ModuleResolver(workspace, walked)
  const finishContext: FinishContext = { walked, resolve: (importer, spec) => resolver.resolve(importer, spec) }
  for (const detector of detectors.code) {
    detector.finish?.(shared.get(detector)!, ({ secret, ...e }) => {
      keepSecret(secret)
      push({ ...e, detector: detector.id })
    }, finishContext)
  }
  evidence.sort(sortEvidence)
  return { evidence, skipped, problems, filesParsed: walked.size, filesCached, parseMs: parseTime.ms, secrets: [...secrets].sort() }
}


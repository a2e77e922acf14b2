// The detect stage: manifest and config detectors, and ONE AST walk per source file shared by every code detector.
import { ts } from 'ts-morph'
import type { Catalog } from '../catalog/index.js'
import { fileKey, type CacheStore } from '../cache/index.js'
import { decodeTagged, encodeTagged, mergeInto } from '../cache/state.js'
import { UnreadableFileError } from '../collect/index.js'
import type { Evidence, Location, SkippedFile, SourceFile, Workspace } from '../types/index.js'
import { lookupTable } from '../util/table.js'
import { parseSource } from '../syntax/parse.js'
import { compareText } from '../util/order.js'

export type EvidenceInput = Omit<Evidence, 'location' | 'detector' | 'nonShipped'> & {
  node?: ts.Node
  pos?: number
  line?: number
  column?: number
  /**
   * The raw secret behind a `secret` evidence. It never enters the evidence: the engine keeps it aside
   * (DetectResult.secrets) so the report can be scrubbed of it before any reporter runs.
   */
  secret?: string
}

/** Evidence emitted after the walk, with its location already known. */
export type LocatedEvidenceInput = Omit<Evidence, 'detector'> & { secret?: string }

interface BaseContext {
  file: SourceFile
  text: string
  catalog: Catalog
  emit(evidence: EvidenceInput): void
}

export interface CodeContext extends BaseContext {
  /** The file's tree, every node's parent set. */
  sourceFile: ts.SourceFile
  locate(nodeOrPos: ts.Node | number): Location
  /**
   * This file's share of the detector's run-wide state, to add to (never to read other files' facts from): after the
   * walk it is merged into the run's state that `finish` gets (arrays append, Maps and objects merge) and cached with
   * the file, so it must hold plain data only — Maps, Sets, arrays, objects, strings, numbers.
   */
  shared: Map<string, unknown>
}

export type Visitor = (node: ts.Node) => void

/**
 * Visitors by the name of the node kind they visit (`CallExpression`, as in ts.SyntaxKind); an undefined visitor is
 * none. Names, not the kinds' numbers: an object literal keyed by numbers is slow to build and to enumerate, and a
 * detector builds one for every file.
 */
export type Visitors = Partial<Record<keyof typeof ts.SyntaxKind, Visitor | undefined>>

/** A code detector: visitors by node kind, created per file so per-file state stays local. */
export interface CodeDetector {
  id: string
  create(context: CodeContext): { visitors: Visitors; end?(): void }
  /**
   * After every file is walked: what one file cannot know alone (a logger exported by another module).
   * ASTs are gone by then, so `create` leaves plain data in `shared`. `walked` holds the path of every file walked
   * (this run or a cached one), which an import may resolve to.
   */
  finish?(shared: Map<string, unknown>, emit: (evidence: LocatedEvidenceInput) => void, walked: ReadonlySet<string>): void
}

/** A detector over the raw text of env and deploy-config files. */
export interface ConfigDetector {
  id: string
  /** `problem` records a warning about the file (e.g. it does not parse); the scan goes on. */
  detect(context: BaseContext & { lines: string[]; problem(reason: string): void }): void
}

/** A detector over the whole workspace (manifests, file names). */
export interface WorkspaceDetector {
  id: string
  detect(workspace: Workspace, catalog: Catalog, emit: (evidence: Evidence) => void): void
}

export interface DetectorSet {
  code: CodeDetector[]
  config: ConfigDetector[]
  workspace: WorkspaceDetector[]
  /** Detectors over the other text files (JSON, YAML, TOML, PEM keys…): content scanners such as the secret detector. */
  data?: ConfigDetector[]
}

export interface DetectResult {
  evidence: Evidence[]
  skipped: SkippedFile[]
  problems: SkippedFile[]
  filesParsed: number
  /** Source and data files whose analysis came from the cache. */
  filesCached: number
  /** Milliseconds spent parsing source files, inside the detect stage. */
  parseMs: number
  /** Raw secret values found by the secret detectors, for the report's redaction pass; never reported. */
  secrets: string[]
}

/** ts.SyntaxKind's names to numbers, without its reverse entries (numbers to names). */
const SYNTAX_KINDS: Record<string, ts.SyntaxKind> = lookupTable(Object.fromEntries(Object.entries(ts.SyntaxKind).filter(([, kind]) => typeof kind === 'number')) as Record<string, ts.SyntaxKind>)

function atLine(file: string, line: number, column: number | undefined): Location {
  return column === undefined ? { file, line } : { file, line, column }
}

function lineLocation(file: string, e: EvidenceInput): Location {
  return atLine(file, e.line ?? 1, e.column || undefined)
}

/**
 * The evidence of an emitted input, built field by field: object rest and spread cost a hundred times more, and
 * detectors emit thousands. Optional fields are left out, not set to undefined.
 */
function evidenceOf(e: EvidenceInput, location: Location, detector: string, nonShipped: boolean | undefined): Evidence {
  const evidence: Evidence = { kind: e.kind, value: e.value, reason: e.reason, location, detector }
  if (e.vendor !== undefined) evidence.vendor = e.vendor
  if (e.data !== undefined) evidence.data = e.data
  if (nonShipped) evidence.nonShipped = true
  return evidence
}

function sortEvidence(a: Evidence, b: Evidence): number {
  return compareText(a.location.file, b.location.file) || a.location.line - b.location.line || (a.location.column ?? 0) - (b.location.column ?? 0)
    || compareText(a.kind, b.kind) || compareText(a.value, b.value) || compareText(a.vendor ?? '', b.vendor ?? '') || compareText(a.detector, b.detector)
}

export interface DetectHooks {
  onFile?(done: number, total: number): void
  /** Per-file results are taken from and saved to this cache, keyed by content (the workspace's blob ids). */
  cache?: CacheStore
}

/**
 * What one file yields, all of it plain data so a cache can store it: evidence, warnings, and the file's share of each
 * code detector's run-wide state. A file with a secret in it is never stored (the cache would hold the secret).
 */
interface FileResult {
  evidence: Evidence[]
  problems: string[]
  skipped?: string
  shares: Record<string, Map<string, unknown>>
  secrets: string[]
  parsed: boolean
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

  const cache = hooks.cache
  /** The file's cache key, or undefined without a cache or when its content cannot be read (listed as skipped). */
  const keyOf = (kind: 'code' | 'data', file: SourceFile): string | undefined | null => {
    if (!cache || !workspace.blobId) return undefined
    try {
      return fileKey(kind, file, workspace.blobId(file.path))
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error
      skipped.push({ file: file.path, reason: error.message })
      return null
    }
  }
  const fromCache = (key: string | undefined, file: SourceFile): FileResult | undefined => {
    if (!cache || key === undefined) return undefined
    const json = cache.get(key)
    if (json === undefined) return undefined
    try {
      // only the detector shares hold Maps: the rest (most of an entry) is plain JSON, parsed without a reviver
      const result = JSON.parse(json) as FileResult
      if (!Array.isArray(result.evidence) || !Array.isArray(result.problems) || !Array.isArray(result.secrets) || typeof result.shares !== 'object') throw new TypeError('not a file result')
      for (const e of result.evidence) if (e.location.file === undefined) e.location = atLine(file.path, e.location.line, e.location.column)
      result.shares = decodeTagged(result.shares) as FileResult['shares']
      return result
    } catch {
      cache.reject(key)
      return undefined
    }
  }
  const toCache = (key: string | undefined, file: SourceFile, result: FileResult) => {
    if (!cache || key === undefined || result.secrets.length > 0) return
    try {
      // the file's own path is left out of its evidence's locations (the key holds it): a tenth of the cache
      const evidence = result.evidence.map((e) => {
        if (e.location.file !== file.path) return e
        return { ...e, location: e.location.column === undefined ? { line: e.location.line } : { line: e.location.line, column: e.location.column } }
      })
      cache.set(key, JSON.stringify({ ...result, evidence, shares: encodeTagged(result.shares) }))
    } catch {
      // state that is not plain data: this file is analysed afresh every run
    }
  }
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
      const key = kind === 'data' ? keyOf('data', file) : undefined
      if (key === null) continue
      const hit = fromCache(key, file)
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
      toCache(key, file, result)
    }
  }
  readLines('config', workspace.configFiles, detectors.config)
  readLines('data', workspace.dataFiles ?? [], detectors.data ?? [])

  const walked = new Set<string>()
  const parseTime = { ms: 0 }
  const total = workspace.sourceFiles.length
  for (const [index, file] of workspace.sourceFiles.entries()) {
    hooks.onFile?.(index, total)
    const key = keyOf('code', file)
    if (key === null) continue
    const hit = fromCache(key, file)
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
      const syntaxError = walkFile(file, text, catalog, detectors.code, result, parseTime)
      if (syntaxError) result.problems.push(`${syntaxError}; analysed what parsed`)
      result.parsed = true
      walked.add(file.path)
    } catch (error) {
      if (!(error instanceof RangeError)) throw error
      // what the detectors saw before the overflow is dropped with the file: a skipped file yields nothing
      Object.assign(result, { evidence: [], problems: [], shares: {}, secrets: [], skipped: 'too deeply nested to analyse' })
    }
    apply(file, result)
    toCache(key, file, result)
  }
  for (const detector of detectors.code) {
    detector.finish?.(shared.get(detector)!, ({ secret, ...e }) => {
      keepSecret(secret)
      push({ ...e, detector: detector.id })
    }, walked)
  }
  evidence.sort(sortEvidence)
  return { evidence, skipped, problems, filesParsed: walked.size, filesCached, parseMs: parseTime.ms, secrets: [...secrets].sort() }
}

function isEmptyContainer(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0
  if (value instanceof Map || value instanceof Set) return value.size === 0
  return false
}

/** The first syntax error the parser recovered from, as `syntax error at line N: message`. */
function firstSyntaxError(sourceFile: ts.SourceFile): string | undefined {
  // parseDiagnostics is internal but stable; the parser recovers, so the walk still sees most of the file
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics
  const first = diagnostics?.[0]
  if (!first) return undefined
  const line = sourceFile.getLineAndCharacterOfPosition(first.start).line + 1
  return `syntax error at line ${line}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`
}

/** Parses and walks one file with every code detector; returns the first syntax error, if any. */
function walkFile(file: SourceFile, text: string, catalog: Catalog, detectors: CodeDetector[], result: FileResult, parseTime: { ms: number }): string | undefined {
  const started = performance.now()
  const sourceFile = parseSource(file.path, text)
  parseTime.ms += performance.now() - started
  const locate = (nodeOrPos: ts.Node | number): Location => {
    const pos = typeof nodeOrPos === 'number' ? nodeOrPos : nodeOrPos.getStart(sourceFile)
    const lc = sourceFile.getLineAndCharacterOfPosition(pos)
    return { file: file.path, line: lc.line + 1, column: lc.character + 1 }
  }
  // One pass over the tree sets every node's parent (TypeScript's own pass for that costs a fifth of the parse) and
  // lists the nodes in source order; the detectors then get a tree whose parents are all in place, to look anywhere
  // around the nodes they visit.
  const nodes: ts.Node[] = []
  let parent: ts.Node | undefined
  const gather = (node: ts.Node): void => {
    ;(node as { parent: ts.Node | undefined }).parent = parent
    nodes.push(node)
    const above = parent
    parent = node
    ts.forEachChild(node, gather)
    parent = above
  }
  gather(sourceFile)
  // indexed by kind (a small integer): the walk looks up every node, and an array index is the cheapest lookup
  const handlers: Array<Visitor[] | undefined> = []
  const ends: Array<() => void> = []
  const shares: Array<[string, Map<string, unknown>]> = []
  for (const detector of detectors) {
    const emit = (e: EvidenceInput) => {
      if (e.secret) result.secrets.push(e.secret)
      const location = e.node !== undefined ? locate(e.node) : e.pos !== undefined ? locate(e.pos) : lineLocation(file.path, e)
      result.evidence.push(evidenceOf(e, location, detector.id, file.nonShipped))
    }
    // the file's own share of the detector's state: merged into the run's after the walk, and cached with the file
    const share = new Map<string, unknown>()
    shares.push([detector.id, share])
    const created = detector.create({ file, text, sourceFile, catalog, emit, locate, shared: share })
    const visitors = created.visitors
    for (const name in visitors) {
      const visitor = visitors[name as keyof Visitors]
      if (visitor === undefined) continue
      const kind = SYNTAX_KINDS[name]
      if (kind === undefined) continue
      const list = handlers[kind]
      if (list) list.push(visitor)
      else handlers[kind] = [visitor]
    }
    if (created.end) ends.push(created.end)
  }
  for (const node of nodes) {
    const hs = handlers[node.kind]
    if (hs !== undefined) for (const h of hs) h(node)
  }
  for (const end of ends) end()
  // a share of nothing but empty containers adds nothing when merged: not worth storing
  for (const [id, share] of shares) if (![...share.values()].every(isEmptyContainer)) result.shares[id] = share
  return firstSyntaxError(sourceFile)
}

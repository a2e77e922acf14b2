// What the detect stage promises its detectors and asks of them: the contexts they get, the shapes they register.
import type { ts } from 'ts-morph'
import type { Catalog } from '../catalog/index.js'
import type { CacheStore } from '../cache/index.js'
import type { DistributiveOmit, Evidence, Location, SkippedFile, SourceFile, Workspace } from '../types/index.js'
import type { Bindings } from './bindings.js'

export type EvidenceInput = DistributiveOmit<Evidence, 'location' | 'detector' | 'nonShipped'> & {
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
export type LocatedEvidenceInput = DistributiveOmit<Evidence, 'detector'> & { secret?: string }

export interface BaseContext {
  file: SourceFile
  text: string
  catalog: Catalog
  emit(evidence: EvidenceInput): void
}

export interface CodeContext extends BaseContext {
  /** The file's tree, every node's parent set. */
  sourceFile: ts.SourceFile
  locate(nodeOrPos: ts.Node | number): Location
  /** What each name of the file is bound to (imports, requires, declarations by scope) and what constants fold to. */
  bindings: Bindings
  /**
   * Whether an import of `spec` may lead to a file of the repo (src/detect/modules.ts RepoSpecifiers): false for a
   * registry package, so work kept only for `finish` to link the repo's modules can skip it.
   */
  mayResolve(spec: string): boolean
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

/** What `finish` knows of the whole run: the files walked, and where an import of one of them leads. */
export interface FinishContext {
  /** Every file walked, this run or from the cache: what an import may resolve to. */
  walked: ReadonlySet<string>
  /** The walked file a module specifier of `importer` names (relative, tsconfig paths, package imports, workspace packages). */
  resolve(importer: string, spec: string): string | undefined
}

/** A code detector: visitors by node kind, created per file so per-file state stays local. */
export interface CodeDetector {
  id: string
  create(context: CodeContext): { visitors: Visitors; end?(): void }
  /**
   * After every file is walked: what one file cannot know alone (a logger exported by another module).
   * ASTs are gone by then, so `create` leaves plain data in `shared`.
   */
  finish?(shared: Map<string, unknown>, emit: (evidence: LocatedEvidenceInput) => void, context: FinishContext): void
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

export interface DetectHooks {
  onFile?(done: number, total: number): void
  /** Per-file results are taken from and saved to this cache, keyed by content (the workspace's blob ids). */
  cache?: CacheStore
}

/**
 * What one file yields, all of it plain data so a cache can store it: evidence, warnings, and the file's share of each
 * code detector's run-wide state. A file with a secret in it is never stored (the cache would hold the secret).
 */
export interface FileResult {
  evidence: Evidence[]
  problems: string[]
  skipped?: string
  shares: Record<string, Map<string, unknown>>
  secrets: string[]
  parsed: boolean
}

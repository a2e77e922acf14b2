// Core types shared by every stage of the pipeline: collect → detect → declare → diff → report.
import type { Severity, SkippedFile } from './common.js'
import type { PolicySource } from './report.js'

export * from './common.js'
export * from './evidence.js'
export * from './claims.js'
export * from './report.js'

/** The key under which SARIF results carry a finding's fingerprint (`partialFingerprints`); a baseline reads it back. */
export const SARIF_FINGERPRINT_KEY = 'privaudit/v1'

// ---------------------------------------------------------------- catalog

// types only: the schemas they derive from are for generating data/vendors/schema.json, never built at run time
export type {
  CookielessOption, SecretValidatorName, SnippetGlobal, Vendor, VendorComponent, VendorCookie, VendorInput, VendorListField, VendorSecret, VendorSends, VendorSink,
} from './vendor.js'

// ---------------------------------------------------------------- collect

export interface SourceFile {
  /** POSIX path relative to the root. */
  path: string
  /** Test, story, fixture or build-config code: read, but its vendor use is not shipped. */
  nonShipped: boolean
  /** The policy page itself (a TSX/HTML privacy page): only the scripts it loads are evidence, not its prose. */
  isPolicy?: boolean
}

export type DependencyKind = 'dependencies' | 'devDependencies' | 'peerDependencies' | 'optionalDependencies'

export interface ManifestDependency {
  name: string
  range: string
  kind: DependencyKind
  line: number
  /** Version resolved by the lockfile, where one is present. */
  resolved?: string
}

export interface Manifest {
  /** package.json path relative to root. */
  path: string
  name?: string
  private: boolean
  isWorkspaceRoot: boolean
  dependencies: ManifestDependency[]
  /** What resolving an import of this package (or `#…` inside it) reads: its entry fields, as written. */
  entries?: { exports?: unknown; imports?: unknown; main?: string; module?: string; types?: string; source?: string }
}

/** A tsconfig.json or jsconfig.json of the repo: what module resolution needs of it. */
export interface TsconfigFile {
  /** POSIX path relative to the root. */
  path: string
  /** What it extends, as written (a relative path or a package's file). */
  extends: string[]
  compilerOptions: { baseUrl?: string; paths?: Record<string, string[]> }
}

export interface Policy {
  path: string
  text: string
  source: PolicySource
}

export interface Workspace {
  root: string
  /** Source files that get the AST walk (.ts .tsx .js .jsx .mjs .cjs .html …). */
  sourceFiles: SourceFile[]
  /** Env and deploy config files, read as text. */
  configFiles: SourceFile[]
  /** Other committed text files read only by content scanners (the secret detector): JSON, YAML, TOML, PEM keys, .npmrc. */
  dataFiles?: SourceFile[]
  manifests: Manifest[]
  /** The repo's tsconfig*.json and jsconfig*.json files, for resolving imports through their `paths` and `baseUrl`. */
  tsconfigs?: TsconfigFile[]
  workspaceGlobs: string[]
  lockfiles: string[]
  policy: Policy | null
  /** Warnings about the input that do not stop the scan (e.g. a malformed lockfile). */
  problems: SkippedFile[]
  skipped: SkippedFile[]
  /** Reads a collected file's text (cached, BOM stripped). Only collect/ touches the disk. */
  read(path: string): string
  /**
   * The git blob id of a collected file's content: from git for files a `--changed-since` run knows unchanged, else
   * hashed from the bytes (which the next `read` of the same file reuses). The per-file cache is keyed by it.
   */
  blobId?(path: string): string
}

// ---------------------------------------------------------------- report

/** What a reporter needs to know of a rule (SARIF's rule list, a report's legend), without importing the checks. */
export interface RuleMeta {
  id: string
  /** One line: what the rule finds. */
  description: string
  defaultSeverity: Severity
}

// Core types shared by every stage of the pipeline: collect → detect → declare → diff → report.
import type { CookiePurpose, Severity, SkippedFile, VendorCategory } from './common.js'
import type { PolicySource } from './report.js'

export * from './common.js'
export * from './evidence.js'
export * from './claims.js'
export * from './report.js'

/** The key under which SARIF results carry a finding's fingerprint (`partialFingerprints`); a baseline reads it back. */
export const SARIF_FINGERPRINT_KEY = 'privaudit/v1'

// ---------------------------------------------------------------- catalog

export interface VendorCookie {
  /** Exact cookie name, or a prefix when `prefix` is true (`ph_` matches `ph_abc_posthog`). */
  name: string
  prefix?: boolean
  party: 'first' | 'third'
  purpose: CookiePurpose
  retention?: string
  /** Where the row came from: `open-cookie-database` (Apache-2.0) or `catalog` (our own research). */
  source?: string
  /**
   * The vendor packages that set this cookie, browser SDKs or server middleware (`@clerk/express` sets `__session`
   * on the product's responses). Without it, any of the vendor's `browserPackages` sets it.
   */
  packages?: string[]
}

/** SDK calls that ship data to a vendor, for the flow analysis: an error reporter's capture calls. */
export interface VendorSink {
  kind: 'error-reporter'
  /** Packages of the SDK (`@sentry/*` matches a scope). */
  packages: string[]
  /** The methods that ship their arguments (`captureException`, `setExtra`). */
  methods: string[]
  /** Receivers that are the SDK without an import (`Sentry`, the `scope` of `Sentry.withScope`). */
  globals?: string[]
  /** Classes of those packages whose instances are the SDK (`new Rollbar()`). */
  classes?: string[]
  /** Functions that return the SDK's scope (`getCurrentScope()`). */
  scopes?: string[]
}

/** A named check in TypeScript for what a secret format's regex cannot say (src/secrets/validators.ts implements each). */
export type SecretValidatorName = 'aws-key-pair'

/**
 * A credential format the vendor publishes: found where it is committed, scrubbed from every report. The regex is data,
 * compiled once when the catalog loads; see README "Adding a vendor" for what each field means.
 */
export interface VendorSecret {
  /** The rule id findings carry (`stripe-secret-key`), unique across the catalog. */
  id: string
  /** What the credential is, for messages: "a Stripe secret key". */
  label: string
  /** A JavaScript regex, flags `g`: bounded repeats only, literal text first; a `body` group marks the random part. */
  pattern: string
  /** Literal substrings, one of which every match contains: the prefilter, and a condition on every match. */
  hints: string[]
  /** A literal the text must also contain before the regex runs. */
  requires?: string
  /** The body (or the whole match) must look random: this long, this many bits per character, no placeholder. */
  random?: { length: number; entropy: number; ignore?: string; mixedCase?: boolean }
  /** The prefixes that may be shown (the longest the value starts with); default: what precedes the `body` group. */
  prefix?: string[]
  /** live or test mode by the value's prefix (`sk_test_: test`). */
  modes?: Record<string, 'live' | 'test'>
  validate?: SecretValidatorName
}

/** A global function a vendor's page snippet defines (`fbq`), and the call of it that initialises the vendor. */
export interface SnippetGlobal {
  name: string
  /**
   * The first argument of a call that initialises it: `init` for `fbq('init', id)`, `config` for `gtag('config', id)`.
   * Without it, only an init method of the global does (`ttq.load(id)`), as with every global.
   */
  initArgument?: string
}

/** A framework component that loads the vendor: `GoogleAnalytics` of `@next/third-parties/google`. */
export interface VendorComponent {
  /** The import specifier it is exported from: a package or one of its subpaths. */
  package: string
  export: string
}

/**
 * An option of the vendor's SDK (or snippet's config) that keeps it off cookies: `persistence: 'memory'`. Found at
 * any depth of the options the SDK is initialised with (three levels).
 */
export interface CookielessOption {
  /** The option's key, or a path into an object-valued option (`storage.stores`). */
  option: string
  /** Values that keep cookies off: strings (any case) and booleans; an array value counts when each element is one. */
  values: Array<string | boolean>
}

export interface Vendor {
  id: string
  name: string
  /** Names a policy uses for the vendor: brand, legal entity, product names. */
  aliases: string[]
  legalName?: string
  category: VendorCategory
  /** What the vendor does for a product, in a few words ("product analytics"). */
  purpose: string
  /** Service-level entries name their platform (`aws-bedrock` → `aws`): declaring the parent covers them. */
  parent?: string
  /** npm package names; `@scope/*` matches a whole scope, `name/*` a family (`name-*` is not supported). */
  packages: string[]
  /** Packages matched by `packages` that are build/dev tools, never a sign of data sharing (`@sentry/cli`). */
  excludePackages: string[]
  /** Packages of this vendor that run in the browser (they may set cookies). */
  browserPackages: string[]
  /** API, ingest and script hosts. `example.com` matches the host and its subdomains. */
  hosts: string[]
  /** Environment variable names; a trailing `*` makes a prefix. Framework public prefixes are stripped first. */
  env: string[]
  /** Build/deploy tools that, even as devDependencies, show the product deploys here (`@sveltejs/adapter-vercel`). */
  deployPackages: string[]
  /** `host/path` prefixes more specific than a host (`www.googletagmanager.com/gtag/js` is Google Analytics). */
  urls: string[]
  /** An S3-compatible store: its host next to the AWS S3 SDK means the SDK talks to it, not to Amazon S3. */
  s3Compatible?: boolean
  /** Deploy-config files whose presence alone is evidence (`fly.toml`). */
  configFiles: string[]
  /** Literal strings that, in a deploy config or CI workflow, are evidence (`superfly/flyctl-actions`). */
  configPatterns: string[]
  cookies: VendorCookie[]
  secrets: VendorSecret[]
  /** Global functions of its page snippet (`fbq`, `gtag`): a call that initialises one is where its cookies start. */
  globals: SnippetGlobal[]
  /** Framework components that load it (`@next/third-parties/google`'s `GoogleAnalytics`). */
  components: VendorComponent[]
  /** SDK options that keep it off cookies; an init with one of them sets none. */
  cookieless: CookielessOption[]
  /** Names a policy or code might use that belong to someone else (`Clerk.io` is not Clerk). */
  lookalikes: string[]
  /** SDK calls that ship data to the vendor (models for the flow analysis). */
  sinks?: VendorSink[]
  privacyUrl: string
  dpaUrl?: string
  /** An entity of the third-party-web dataset (MIT) whose domains are merged into `hosts`. */
  thirdPartyWeb?: string
}

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

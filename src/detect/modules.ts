// Where an import leads, as the scanned repo's own configuration says: relative paths, the `paths` and `baseUrl` of the
// tsconfig/jsconfig that governs the importing file (extends followed within the repo; matched by get-tsconfig), the
// `imports` of its package.json (`#internal/x`), the workspace's own packages by name (their `exports`, `main`, …), and
// the aliases a framework defines in a tsconfig it generates at build (Nuxt's `~/`, SvelteKit's `$lib/`), which a
// checkout does not have. Nothing is guessed: a specifier no configuration maps leads nowhere.
import { createHash } from 'node:crypto'
import path from 'node:path'
import { createPathsMatcher } from 'get-tsconfig'
import type { Manifest, TsconfigFile, Workspace } from '../types/index.js'
import { compareText } from '../util/order.js'

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']
/** Conditions of an `exports` map, in the order a bundler resolving the repo's own source would take them. */
const CONDITIONS = ['source', 'development', 'import', 'module', 'browser', 'node', 'default', 'require', 'types']

type Matcher = (spec: string) => string[]

interface PackageInfo {
  dir: string
  manifest: Manifest
}

/** `a/b/c.ts` → `a/b`; a root file's folder is ''. */
function dirOf(file: string): string {
  const i = file.lastIndexOf('/')
  return i < 0 ? '' : file.slice(0, i)
}

function join(...parts: string[]): string {
  const joined = path.posix.normalize(path.posix.join(...parts.filter((p) => p !== '')))
  return joined === '.' ? '' : joined.replace(/\/$/, '')
}

/** A package specifier's name and subpath: `@a/b/c` → [`@a/b`, `./c`], `x` → [`x`, `.`]. */
function splitPackage(spec: string): [string, string] {
  const parts = spec.split('/')
  const n = spec.startsWith('@') ? 2 : 1
  const rest = parts.slice(n).join('/')
  return [parts.slice(0, n).join('/'), rest ? `./${rest}` : '.']
}

/** The target an `exports` (or `imports`) value gives for a subpath: a string, a conditions object, or an array of either. */
function pickTarget(value: unknown, star: string | undefined): string | undefined {
  if (typeof value === 'string') return star === undefined ? value : value.split('*').join(star)
  if (Array.isArray(value)) {
    for (const v of value) {
      const t = pickTarget(v, star)
      if (t) return t
    }
    return undefined
  }
  if (value && typeof value === 'object') {
    const map = value as Record<string, unknown>
    for (const c of CONDITIONS) if (c in map) {
      const t = pickTarget(map[c], star)
      if (t) return t
    }
  }
  return undefined
}

/** Looks a subpath up in an `exports`/`imports` map: exact keys first, then the longest `*` pattern. */
function lookupSubpath(map: unknown, subpath: string): string | undefined {
  if (typeof map === 'string' || Array.isArray(map)) return subpath === '.' ? pickTarget(map, undefined) : undefined
  if (!map || typeof map !== 'object') return undefined
  const entries = map as Record<string, unknown>
  const keys = Object.keys(entries)
  // a conditions object at the top (`"exports": { "import": "./x.js" }`) is the `.` entry
  if (keys.length > 0 && keys.every((k) => !k.startsWith('.') && !k.startsWith('#'))) return subpath === '.' ? pickTarget(entries, undefined) : undefined
  if (subpath in entries) return pickTarget(entries[subpath], undefined)
  let best: { key: string; star: string } | undefined
  for (const key of keys) {
    const i = key.indexOf('*')
    if (i < 0) continue
    const before = key.slice(0, i)
    const after = key.slice(i + 1)
    if (subpath.length >= key.length - 1 && subpath.startsWith(before) && subpath.endsWith(after) && (!best || before.length > best.key.indexOf('*'))) {
      best = { key, star: subpath.slice(before.length, subpath.length - after.length) }
    }
  }
  return best ? pickTarget(entries[best.key], best.star) : undefined
}

/** The aliases a framework writes into the tsconfig it generates (`.nuxt/tsconfig.json`), for the folder of its app. */
function frameworkAliases(manifest: Manifest | undefined, appDir: string, has: (file: string) => boolean): Array<[string, string]> {
  const deps = new Set(manifest?.dependencies.map((d) => d.name) ?? [])
  const out: Array<[string, string]> = []
  if (deps.has('nuxt') || deps.has('nuxt3')) {
    // Nuxt 4 keeps the app in app/ (srcDir); Nuxt 3 at the root
    const srcDir = [...EXTENSIONS, '.vue'].some((e) => has(join(appDir, `app/app${e}`))) || has(join(appDir, 'app/pages')) ? join(appDir, 'app') : appDir
    out.push(['~~/', appDir], ['@@/', appDir], ['~/', srcDir], ['@/', srcDir])
  }
  if (deps.has('@sveltejs/kit')) out.push(['$lib/', join(appDir, 'src/lib')])
  return out
}

/** Prefixes of the aliases frameworkAliases() may give, whatever the app's dependencies and layout. */
const FRAMEWORK_PREFIXES = ['~~/', '@@/', '~/', '@/', '$lib/']

/**
 * Which specifiers an import could lead into the repo by, decided before any file is walked: a superset of what
 * `ModuleResolver.resolve` can follow (relative paths, `#imports`, any tsconfig's `paths` keys, every bare specifier
 * when a tsconfig sets `baseUrl`, workspace package names, framework aliases), so that per-file work meant for links
 * between the repo's own modules skips calls into registry packages. What it depends on is digested in `fingerprint`,
 * part of each code file's cache key: a file's cached results stay right only while the same specifiers count.
 */
export class RepoSpecifiers {
  readonly fingerprint: string
  private readonly names: Set<string>
  /** `paths` keys without a `*`, which match only themselves. */
  private readonly exact: Set<string>
  private readonly prefixes: string[]
  private readonly anyBare: boolean

  constructor(workspace: Pick<Workspace, 'manifests' | 'tsconfigs'>) {
    this.names = new Set(workspace.manifests.flatMap((m) => (m.name ? [m.name] : [])))
    const prefixes = new Set(FRAMEWORK_PREFIXES)
    this.exact = new Set()
    let baseUrl = false
    for (const c of workspace.tsconfigs ?? []) {
      if (c.compilerOptions.baseUrl !== undefined) baseUrl = true
      for (const key of Object.keys(c.compilerOptions.paths ?? {})) {
        if (key.includes('*')) prefixes.add(key.split('*')[0])
        else this.exact.add(key)
      }
    }
    this.anyBare = baseUrl || prefixes.has('')
    this.prefixes = [...prefixes].filter((k) => k !== '').sort(compareText)
    const digest = JSON.stringify([this.anyBare, [...this.names].sort(compareText), [...this.exact].sort(compareText), this.prefixes])
    this.fingerprint = createHash('sha256').update(digest).digest('hex').slice(0, 16)
  }

  /** Whether an import of `spec` may resolve to a file of the repo. */
  mayResolve(spec: string): boolean {
    if (spec.startsWith('.') || spec.startsWith('#')) return true
    if (spec.startsWith('/')) return false
    if (this.anyBare || this.exact.has(spec) || this.names.has(splitPackage(spec)[0])) return true
    for (const prefix of this.prefixes) if (spec.startsWith(prefix)) return true
    return false
  }
}

export class ModuleResolver {
  private readonly configs = new Map<string, TsconfigFile>()
  private readonly matchers = new Map<string, Matcher | null>()
  private readonly packagesByName = new Map<string, PackageInfo>()
  private readonly packagesByDir = new Map<string, PackageInfo>()
  private readonly memo = new Map<string, string | undefined>()
  private readonly has: (file: string) => boolean

  /** `known`: the files an import may resolve to (the walked source files). */
  constructor(workspace: Pick<Workspace, 'manifests' | 'tsconfigs'>, known: ReadonlySet<string>) {
    this.has = (file) => known.has(file)
    for (const c of workspace.tsconfigs ?? []) this.configs.set(c.path, c)
    for (const manifest of workspace.manifests) {
      const info = { dir: dirOf(manifest.path), manifest }
      this.packagesByDir.set(info.dir, info)
      if (manifest.name && !this.packagesByName.has(manifest.name)) this.packagesByName.set(manifest.name, info)
    }
  }

  /** The known file `spec` names when `importer` imports it, or undefined (a package from the registry, or nothing maps it). */
  resolve(importer: string, spec: string): string | undefined {
    const key = `${dirOf(importer)}\0${spec}`
    if (this.memo.has(key)) return this.memo.get(key)
    const found = this.resolveUncached(importer, spec)
    this.memo.set(key, found)
    return found
  }

  private resolveUncached(importer: string, spec: string): string | undefined {
    if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') return this.probe(join(dirOf(importer), spec))
    if (spec.startsWith('/')) return undefined
    if (spec.startsWith('#')) {
      const pkg = this.nearestPackage(importer)
      const target = pkg && lookupSubpath(pkg.manifest.entries?.imports, spec)
      if (target) return target.startsWith('./') || target.startsWith('../') ? this.probeTarget(pkg.dir, target) : this.resolvePackage(target)
    }
    const config = this.nearestConfig(importer)
    if (config) {
      for (const candidate of this.matcher(config)?.(spec) ?? []) {
        const found = this.probe(candidate.replace(/^\//, ''))
        if (found) return found
      }
    }
    if (!config || this.generated(config)) {
      const pkg = this.nearestPackage(importer)
      for (const [prefix, dir] of frameworkAliases(pkg?.manifest, pkg?.dir ?? '', this.has)) {
        if (spec.startsWith(prefix)) return this.probe(join(dir, spec.slice(prefix.length)))
      }
    }
    return this.resolvePackage(spec)
  }

  /** A workspace package by name and subpath: its `exports`, else `source`/`module`/`main`/`types`, else its index. */
  private resolvePackage(spec: string): string | undefined {
    const [name, subpath] = splitPackage(spec)
    const pkg = this.packagesByName.get(name)
    if (!pkg) return undefined
    const entries = pkg.manifest.entries
    if (entries?.exports !== undefined) {
      const target = lookupSubpath(entries.exports, subpath)
      return target ? this.probeTarget(pkg.dir, target) : undefined
    }
    if (subpath !== '.') return this.probe(join(pkg.dir, subpath))
    for (const field of [entries?.source, entries?.module, entries?.main, entries?.types]) {
      const found = field ? this.probeTarget(pkg.dir, field) : undefined
      if (found) return found
    }
    return this.probe(join(pkg.dir, 'index')) ?? this.probe(join(pkg.dir, 'src/index'))
  }

  /**
   * A package's target file; one that points at build output the checkout lacks (`./dist/index.js`) is looked for in
   * the sources it is built from (`./src/index.ts`).
   */
  private probeTarget(dir: string, target: string): string | undefined {
    const file = join(dir, target)
    return this.probe(file) ?? this.probe(file.replace(/(^|\/)(?:dist|build|lib|out)\//, '$1src/').replace(/\.d\.[mc]?ts$/, ''))
  }

  /** The known file at `base`: itself, with a source extension (a `.js` specifier may name a `.ts` file), or its index. */
  private probe(base: string): string | undefined {
    if (this.has(base)) return base
    const stem = base.replace(/\.(?:[mc]?js|jsx)$/, '')
    for (const e of EXTENSIONS) if (this.has(stem + e)) return stem + e
    for (const e of EXTENSIONS) if (this.has(`${base}/index${e}`)) return `${base}/index${e}`
    return undefined
  }

  private nearestPackage(file: string): PackageInfo | undefined {
    for (let dir = dirOf(file); ; dir = dirOf(dir)) {
      const pkg = this.packagesByDir.get(dir)
      if (pkg) return pkg
      if (dir === '') return undefined
    }
  }

  /** The tsconfig.json (or jsconfig.json) of the importing file's folder or the nearest above it. */
  private nearestConfig(file: string): TsconfigFile | undefined {
    for (let dir = dirOf(file); ; dir = dirOf(dir)) {
      const config = this.configs.get(join(dir, 'tsconfig.json')) ?? this.configs.get(join(dir, 'jsconfig.json'))
      if (config) return config
      if (dir === '') return undefined
    }
  }

  /** The config a config extends, when it is in the repo: a relative path, or a file of a workspace package. */
  private extended(from: TsconfigFile, spec: string): TsconfigFile | undefined {
    const candidates: string[] = []
    if (spec.startsWith('.')) candidates.push(join(dirOf(from.path), spec))
    else {
      const [name, subpath] = splitPackage(spec)
      const pkg = this.packagesByName.get(name)
      if (pkg) candidates.push(join(pkg.dir, subpath === '.' ? 'tsconfig.json' : subpath))
    }
    for (const c of candidates) {
      const config = this.configs.get(c) ?? this.configs.get(`${c}.json`) ?? this.configs.get(join(c, 'tsconfig.json'))
      if (config) return config
    }
    return undefined
  }

  /** Whether a config extends one a framework generates at build, absent from a checkout (`./.nuxt/tsconfig.json`). */
  private generated(config: TsconfigFile): boolean {
    return config.extends.some((e) => /(?:^|\/)\.(?:nuxt|svelte-kit|astro|output)\//.test(e))
  }

  /** The config's paths matcher, `paths` and `baseUrl` taken along its `extends` chain, each relative to the file that sets it. */
  private matcher(config: TsconfigFile): Matcher | null {
    if (this.matchers.has(config.path)) return this.matchers.get(config.path)!
    let baseUrl: string | undefined
    let paths: { value: Record<string, string[]>; dir: string } | undefined
    const seen = new Set<string>()
    const visit = (c: TsconfigFile) => {
      if (seen.has(c.path)) return
      seen.add(c.path)
      // the chain is applied base first, so what a config sets itself wins
      for (const e of c.extends) {
        const base = this.extended(c, e)
        if (base) visit(base)
      }
      if (c.compilerOptions.baseUrl !== undefined) baseUrl = join(dirOf(c.path), c.compilerOptions.baseUrl)
      if (c.compilerOptions.paths) paths = { value: c.compilerOptions.paths, dir: dirOf(c.path) }
    }
    visit(config)
    let matcher: Matcher | null = null
    if (baseUrl !== undefined || paths) {
      // get-tsconfig resolves paths against baseUrl, else against the folder of the config file it is given
      const at = baseUrl ?? paths!.dir
      try {
        matcher = createPathsMatcher({ path: `/${join(at, 'tsconfig.json')}`, config: { compilerOptions: { ...(baseUrl !== undefined ? { baseUrl: '.' } : {}), ...(paths ? { paths: paths.value } : {}) } } })
      } catch {
        // a config TypeScript itself refuses (non-relative paths without baseUrl) maps nothing
      }
    }
    this.matchers.set(config.path, matcher)
    return matcher
  }
}

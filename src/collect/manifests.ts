// package.json files, workspace layout and lockfiles.
import semver from 'semver'
import { parse as parseYaml } from 'yaml'
import type { DependencyKind, Manifest, ManifestDependency, SkippedFile } from '../types/index.js'

const DEPENDENCY_KINDS: DependencyKind[] = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']

/** Parses a package.json; the line of each dependency comes from the text, since JSON.parse forgets it. */
export function parseManifest(file: string, text: string): Manifest {
  const data = JSON.parse(text) as Record<string, unknown>
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('not a JSON object')
  const lines = text.split(/\r?\n/)
  const lineOf = new Map<string, number>()
  let section: string | undefined
  let depth = 0
  lines.forEach((line, i) => {
    const open = /^\s*"([A-Za-z]+)"\s*:\s*\{/.exec(line)
    if (depth === 0 && open && (DEPENDENCY_KINDS as string[]).includes(open[1])) {
      section = open[1]
      depth = 1
      if (/\}\s*,?\s*$/.test(line.slice(open[0].length))) {
        // a one-line section: `"dependencies": { "a": "1" }`
        for (const m of line.slice(open[0].length).matchAll(/"([^"]+)"\s*:/g)) lineOf.set(`${section}:${m[1]}`, i + 1)
        section = undefined
        depth = 0
      }
      return
    }
    if (!section) return
    const dep = /^\s*"([^"]+)"\s*:/.exec(line)
    if (dep && depth === 1) lineOf.set(`${section}:${dep[1]}`, i + 1)
    depth += (line.match(/\{/g)?.length ?? 0) - (line.match(/\}/g)?.length ?? 0)
    if (depth <= 0) {
      section = undefined
      depth = 0
    }
  })
  const dependencies: ManifestDependency[] = []
  for (const kind of DEPENDENCY_KINDS) {
    const deps = data[kind]
    if (!deps || typeof deps !== 'object') continue
    for (const [name, range] of Object.entries(deps as Record<string, unknown>)) {
      dependencies.push({ name, range: String(range), kind, line: lineOf.get(`${kind}:${name}`) ?? 1 })
    }
  }
  return {
    path: file,
    name: typeof data.name === 'string' ? data.name : undefined,
    private: data.private === true,
    isWorkspaceRoot: workspaceGlobsOf(data).length > 0,
    dependencies,
    ...entriesOf(data),
  }
}

const ENTRY_FIELDS = ['main', 'module', 'types', 'source'] as const

/** The fields that say which file an import of the package (or a `#…` import inside it) means. */
function entriesOf(data: Record<string, unknown>): Pick<Manifest, 'entries'> {
  const entries: NonNullable<Manifest['entries']> = {}
  if (data.exports !== undefined && data.exports !== null) entries.exports = data.exports
  if (data.imports && typeof data.imports === 'object') entries.imports = data.imports
  for (const field of ENTRY_FIELDS) if (typeof data[field] === 'string') entries[field] = data[field] as string
  return Object.keys(entries).length ? { entries } : {}
}

function workspaceGlobsOf(data: Record<string, unknown>): string[] {
  const ws = data.workspaces
  if (Array.isArray(ws)) return ws.filter((w): w is string => typeof w === 'string')
  if (ws && typeof ws === 'object' && Array.isArray((ws as { packages?: unknown }).packages)) {
    return ((ws as { packages: unknown[] }).packages).filter((w): w is string => typeof w === 'string')
  }
  return []
}

export function workspaceGlobs(rootManifestText: string | undefined, pnpmWorkspaceText: string | undefined): string[] {
  const globs: string[] = []
  if (rootManifestText) {
    try {
      globs.push(...workspaceGlobsOf(JSON.parse(rootManifestText)))
    } catch {
      // reported when the manifest itself is parsed
    }
  }
  if (pnpmWorkspaceText) {
    const data = parseYaml(pnpmWorkspaceText) as { packages?: unknown } | null
    if (data && Array.isArray(data.packages)) globs.push(...data.packages.filter((p): p is string => typeof p === 'string'))
  }
  return [...new Set(globs)].sort()
}

/** Resolved versions by manifest folder ('' = root) and package name. */
export type ResolvedVersions = Map<string, Map<string, string>>

function put(map: ResolvedVersions, dir: string, name: string, version: unknown) {
  const clean = typeof version === 'string' ? semver.valid(semver.coerce(version.split('(')[0]) ?? '') : null
  if (!clean) return
  if (!map.has(dir)) map.set(dir, new Map())
  map.get(dir)!.set(name, clean)
}

/** Reads npm, pnpm and yarn lockfiles. Throws on a malformed file; the caller reports it and goes on. */
export function parseLockfile(file: string, text: string): ResolvedVersions {
  const out: ResolvedVersions = new Map()
  const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : ''
  const join = (dir: string) => [base, dir].filter(Boolean).join('/')
  if (file.endsWith('package-lock.json')) {
    const data = JSON.parse(text) as { packages?: Record<string, { version?: string }>; dependencies?: Record<string, { version?: string }> }
    for (const [key, entry] of Object.entries(data.packages ?? {})) {
      const i = key.lastIndexOf('node_modules/')
      if (i < 0) continue
      const dir = key.slice(0, Math.max(0, i - 1))
      // a dependency hoisted to the root serves every workspace
      put(out, join(dir), key.slice(i + 'node_modules/'.length), entry.version)
    }
    for (const [name, entry] of Object.entries(data.dependencies ?? {})) put(out, base, name, entry.version)
    return out
  }
  if (file.endsWith('pnpm-lock.yaml')) {
    const data = parseYaml(pnpmSections(text)) as { importers?: Record<string, Record<string, Record<string, { version?: string } | string>>>; dependencies?: Record<string, unknown> } | null
    if (!data || typeof data !== 'object') throw new Error('not a pnpm lockfile')
    const importers = data.importers ?? { '.': data as unknown as Record<string, Record<string, { version?: string } | string>> }
    for (const [dir, importer] of Object.entries(importers)) {
      for (const kind of DEPENDENCY_KINDS) {
        for (const [name, entry] of Object.entries(importer?.[kind] ?? {})) {
          put(out, join(dir === '.' ? '' : dir), name, typeof entry === 'string' ? entry : entry?.version)
        }
      }
    }
    return out
  }
  if (file.endsWith('yarn.lock')) {
    let names: string[] = []
    let sawEntry = false
    for (const line of text.split(/\r?\n/)) {
      if (line && !line.startsWith(' ') && !line.startsWith('#') && line.trimEnd().endsWith(':')) {
        sawEntry = true
        names = line.slice(0, -1).split(',').map((s) => s.trim().replace(/^"|"$/g, '')).map((s) => s.slice(0, s.lastIndexOf('@') > 0 ? s.lastIndexOf('@') : s.length))
      } else {
        const v = /^\s+version:?\s+"?([^"\s]+)"?/.exec(line)
        if (v) for (const n of names) put(out, base, n, v[1])
      }
    }
    if (!sawEntry && text.trim()) throw new Error('no entries')
    return out
  }
  return out
}

const PNPM_SECTIONS = new Set(['importers', ...DEPENDENCY_KINDS])

/**
 * The top-level sections of a pnpm lockfile that say which versions the manifests resolved to: `importers` (a
 * workspace, lockfile v6+), or the dependency lists of a single project (v5). The rest (`packages`, `snapshots`) is
 * most of the file and most of its parse: on a real monorepo's 730 kB lockfile, parsing it all took longer than
 * walking the repo. A file with no top-level key at all is handed over whole, for the parser to say what is wrong.
 */
function pnpmSections(text: string): string {
  const keep: string[] = []
  let keeping = false
  let sawKey = false
  // pnpm 11 writes two YAML documents, an environment's lockfile then the project's: the project's is the last one
  const documents = text.split(/^---[ \t]*\r?$/m).filter((d) => d.trim() !== '')
  for (const line of (documents.at(-1) ?? text).split('\n')) {
    const top = /^([A-Za-z][\w-]*):/.exec(line)
    if (top) {
      sawKey = true
      keeping = PNPM_SECTIONS.has(top[1])
    }
    if (keeping) keep.push(line.endsWith('\r') ? line.slice(0, -1) : line)
  }
  return sawKey ? keep.join('\n') || '{}' : text
}

/** Attaches lockfile versions to manifest dependencies: the manifest's own folder first, then the root's. */
export function attachResolved(manifests: Manifest[], resolved: ResolvedVersions): void {
  for (const m of manifests) {
    const dir = m.path.includes('/') ? m.path.slice(0, m.path.lastIndexOf('/')) : ''
    for (const d of m.dependencies) d.resolved = resolved.get(dir)?.get(d.name) ?? resolved.get('')?.get(d.name)
  }
}

export function problem(file: string, what: string, error: unknown): SkippedFile {
  const message = (error as Error)?.message?.split('\n')[0] ?? String(error)
  return { file, reason: `${what}: ${message}` }
}

// collect: the tree, its manifests, env/deploy config and the policy file → Workspace.
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { gitBlobId } from '../cache/index.js'
import type { Manifest, Policy, SkippedFile, SourceFile, TsconfigFile, Workspace } from '../types/index.js'
import { attachResolved, parseLockfile, parseManifest, problem, workspaceGlobs, type ResolvedVersions } from './manifests.js'
import { choosePolicy, readsLikePolicy } from './policy.js'
import { parseTsconfig, TSCONFIG } from './tsconfig.js'
import { looksBinary, sizeProblem, walk } from './walk.js'

export class InputError extends Error {}

/** Thrown by Workspace.read for a file that cannot be analysed; the caller lists it as skipped. */
export class UnreadableFileError extends Error {}

export interface CollectOptions {
  policy?: string
  configPolicy?: string
  maxFileSize: number
  maxLineLength?: number
  exclude: string[]
  /** Blob ids of files known to equal their committed content (`--changed-since`): their bytes need not be read. */
  knownBlobIds?: ReadonlyMap<string, string>
}

const SOURCE = /\.(m?[jt]sx?|c[jt]s|html?|vue|svelte|astro|ejs|hbs|handlebars|njk|liquid|pug|erb|twig)$/i
/** Text files no detector but the secret scanner reads: structured config and key material. */
const DATA = /(?:\.(?:jsonc?|ya?ml|toml|pem|key|p8|prisma)|(?:^|\/)\.npmrc)$/i
const LOCKFILES = /(^|\/)(package-lock\.json|pnpm-lock\.yaml|yarn\.lock)$/
const DEPLOY_CONFIG_NAMES = new Set([
  'vercel.json', 'fly.toml', 'netlify.toml', 'render.yaml', 'render.yml', 'wrangler.toml', 'wrangler.json', 'wrangler.jsonc',
  'railway.json', 'railway.toml', 'firebase.json', 'serverless.yml', 'serverless.yaml', 'amplify.yml', 'app.json', 'Procfile',
  'cloudbuild.yaml', 'cloudbuild.yml', 'apprunner.yaml', '.gitlab-ci.yml', 'bitbucket-pipelines.yml', 'azure-pipelines.yml',
  'Jenkinsfile', 'nixpacks.toml', 'zeabur.json', 'koyeb.yaml', 'sst.config.ts', 'cdk.json', 'pulumi.yaml', 'Pulumi.yaml',
])

/** Code and config that do not ship: tests, stories, mocks, fixtures and build-tool configs. */
export function isNonShipped(rel: string): boolean {
  if (/(^|\/)(tests?|__tests__|__mocks__|mocks|e2e|cypress|playwright|fixtures|__fixtures__|stories|\.storybook|examples?)\//i.test(rel)) return true
  const base = rel.slice(rel.lastIndexOf('/') + 1)
  if (/\.(test|spec|stories|story|e2e|bench)\.[a-z]+$/i.test(base)) return true
  // framework configs (next, nuxt, astro, svelte, remix) are not here: they carry runtime config, head scripts and deploy adapters
  if (/^(vite|vitest|jest|eslint|prettier|tailwind|postcss|babel|webpack|rollup|tsup|playwright|cypress|commitlint|lint-staged|turbo|stylelint|drizzle|knip|typedoc)\.config\.[a-z]+$/i.test(base)) return true
  if (/^\.?(eslintrc|prettierrc|babelrc|stylelintrc)(\.[a-z]+)?$/i.test(base)) return true
  return /^\.env\.(test|testing|ci)$/i.test(base)
}

export function isConfigFile(rel: string): boolean {
  const base = rel.slice(rel.lastIndexOf('/') + 1)
  if (/^\.env(\..+)?$/i.test(base)) return true
  if (/^(Dockerfile|Containerfile)(\..+)?$/i.test(base) || /\.dockerfile$/i.test(base)) return true
  if (/^(docker-)?compose(\.[\w-]+)*\.ya?ml$/i.test(base)) return true
  if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(rel) || /(^|\/)\.circleci\/config\.ya?ml$/.test(rel)) return true
  return DEPLOY_CONFIG_NAMES.has(base)
}

/** What a listed file is to collect, from its path alone; `other` is prose (the policy's candidates) and the rest. */
function kindOf(rel: string): 'manifest' | 'lockfile' | 'config' | 'source' | 'data' | 'other' {
  if (rel === 'package.json' || rel.endsWith('/package.json')) return 'manifest'
  if (LOCKFILES.test(rel)) return 'lockfile'
  if (isConfigFile(rel)) return 'config'
  if (SOURCE.test(rel)) return 'source'
  return DATA.test(rel) ? 'data' : 'other'
}

function decodeUtf8(buf: Buffer, rel: string): string {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf)
  } catch {
    throw new UnreadableFileError('not valid UTF-8 text')
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  void rel
  return text
}

/** The file's bytes, unless `tooBig` finds its size a problem: one open, the size checked before reading. */
function readWithin(abs: string, tooBig: (size: number) => string | undefined): Buffer {
  const fd = openSync(abs, 'r')
  try {
    const size = fstatSync(fd).size
    const problem = tooBig(size)
    if (problem) throw new UnreadableFileError(problem)
    const buf = Buffer.allocUnsafe(size)
    let at = 0
    while (at < size) {
      const n = readSync(fd, buf, at, size - at, at)
      if (n === 0) break
      at += n
    }
    return at < size ? buf.subarray(0, at) : buf
  } finally {
    closeSync(fd)
  }
}

function longestLine(text: string): number {
  let max = 0
  let start = 0
  for (let i = text.indexOf('\n'); ; i = text.indexOf('\n', start)) {
    const end = i < 0 ? text.length : i
    if (end - start > max) max = end - start
    if (i < 0) break
    start = i + 1
  }
  return max
}

export function collectWorkspace(rootArg: string, options: CollectOptions): Workspace {
  if (!existsSync(rootArg)) throw new InputError(`path not found: ${rootArg}`)
  if (!statSync(rootArg).isDirectory()) throw new InputError(`not a folder: ${rootArg}`)
  const root = realpathSync(rootArg)
  const maxLineLength = options.maxLineLength ?? 5000
  // Code and data files, which are read whole anyway, get their size and binary checks when read (see readBytes), with
  // the walk's reasons: a stat and a sniff of each in the walk would open every file twice. Manifests, lockfiles,
  // config and policy prose are checked by the walk.
  const trusted = (rel: string) => { const kind = kindOf(rel); return kind === 'source' || kind === 'data' }
  const { files, skipped } = walk(root, { maxFileSize: options.maxFileSize, maxLineLength, exclude: options.exclude, trusted })
  const unchecked = new Set(files.filter((f) => f.size === undefined).map((f) => f.path))
  const problems: SkippedFile[] = []

  // the bytes blobId hashed, kept for the read of the same file that follows a cache miss
  let lastBytes: { rel: string; buf: Buffer } | undefined
  const readBytes = (rel: string): Buffer => {
    if (lastBytes?.rel === rel) {
      const { buf } = lastBytes
      lastBytes = undefined
      return buf
    }
    const abs = path.join(root, rel)
    let buf: Buffer
    try {
      // a file the walk trusted unseen gets the walk's checks now, with the walk's reasons
      buf = unchecked.has(rel) ? readWithin(abs, (size) => sizeProblem(rel, size, options.maxFileSize)) : readFileSync(abs)
    } catch (error) {
      if (error instanceof UnreadableFileError) throw error
      throw new UnreadableFileError(`unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
    }
    if (unchecked.has(rel) && looksBinary(buf)) throw new UnreadableFileError('binary file')
    return buf
  }
  const readRaw = (rel: string): string => decodeUtf8(readBytes(rel), rel)
  const blobId = (rel: string): string => {
    const known = options.knownBlobIds?.get(rel)
    if (known) return known
    const buf = readBytes(rel)
    lastBytes = { rel, buf }
    return gitBlobId(buf)
  }
  const sourcePaths = new Set<string>()
  const read = (rel: string): string => {
    const text = readRaw(rel)
    // minified or generated code: one huge line makes an AST walk slow and tells us nothing new
    if (sourcePaths.has(rel) && longestLine(text) > maxLineLength) throw new UnreadableFileError(`a line longer than ${maxLineLength} characters (minified or generated)`)
    return text
  }

  const sourceFiles: SourceFile[] = []
  const configFiles: SourceFile[] = []
  const dataFiles: SourceFile[] = []
  const manifests: Manifest[] = []
  const tsconfigs: TsconfigFile[] = []
  const lockfiles: string[] = []
  let rootManifestText: string | undefined
  let pnpmWorkspaceText: string | undefined
  const resolved: ResolvedVersions = new Map()

  for (const f of files) {
    const kind = kindOf(f.path)
    const entry: SourceFile = { path: f.path, nonShipped: isNonShipped(f.path) }
    if (kind === 'manifest') {
      try {
        const text = readRaw(f.path)
        if (f.path === 'package.json') rootManifestText = text
        manifests.push(parseManifest(f.path, text))
      } catch (error) {
        problems.push(problem(f.path, 'malformed package.json', error))
      }
      continue
    }
    if (kind === 'lockfile') {
      lockfiles.push(f.path)
      try {
        for (const [dir, versions] of parseLockfile(f.path, readRaw(f.path))) {
          if (!resolved.has(dir)) resolved.set(dir, new Map())
          for (const [name, v] of versions) resolved.get(dir)!.set(name, v)
        }
      } catch (error) {
        problems.push(problem(f.path, 'malformed lockfile', error))
      }
      continue
    }
    if (f.path === 'pnpm-workspace.yaml') {
      try {
        pnpmWorkspaceText = readRaw(f.path)
      } catch (error) {
        problems.push(problem(f.path, 'unreadable', error))
      }
    }
    if (kind === 'data' && TSCONFIG.test(f.path)) {
      try {
        tsconfigs.push(parseTsconfig(f.path, readRaw(f.path)))
      } catch (error) {
        problems.push(problem(f.path, 'malformed tsconfig', error))
      }
    }
    if (kind === 'config') configFiles.push(entry)
    else if (kind === 'source') {
      sourceFiles.push(entry)
      sourcePaths.add(f.path)
    } else if (kind === 'data') dataFiles.push(entry)
  }
  attachResolved(manifests, resolved)
  let globs: string[] = []
  try {
    globs = workspaceGlobs(rootManifestText, pnpmWorkspaceText)
  } catch (error) {
    problems.push(problem('pnpm-workspace.yaml', 'malformed YAML', error))
  }

  const policy = findPolicy(root, files.map((f) => f.path), options, readRaw, problems)
  // the policy page is prose about vendors, not use of them: detectors read only what it loads
  const markPolicy = (f: SourceFile): SourceFile => (f.path === policy?.path ? { ...f, isPolicy: true } : f)
  return {
    root,
    sourceFiles: sourceFiles.map(markPolicy),
    configFiles,
    dataFiles,
    manifests,
    tsconfigs,
    workspaceGlobs: globs,
    lockfiles,
    policy,
    problems,
    skipped,
    read,
    blobId,
  }
}

export const MAX_POLICY_SIZE = 2 * 1024 * 1024

/** Why a policy file cannot be read as a policy, or undefined when it can. */
export function unusablePolicy(text: string): string | undefined {
  if (text.includes('\u0000')) return 'is a binary file'
  if (!text.trim()) return 'is empty'
  if (text.length > MAX_POLICY_SIZE) return `is larger than ${MAX_POLICY_SIZE / 1024 / 1024} MB`
  return undefined
}

function findPolicy(root: string, paths: string[], options: CollectOptions, readRaw: (rel: string) => string, problems: SkippedFile[]): Policy | null {
  const given = options.policy ?? options.configPolicy
  if (given) {
    const abs = path.resolve(options.policy ? process.cwd() : root, given)
    if (!existsSync(abs) || !statSync(abs).isFile()) throw new InputError(`policy file not found: ${given}`)
    const rel = path.relative(root, abs).split(path.sep).join('/')
    let text: string
    try {
      text = decodeUtf8(readFileSync(abs), rel)
    } catch (error) {
      throw new InputError(`policy file ${given}: ${(error as Error).message}`)
    }
    const display = rel.startsWith('..') ? abs : rel
    const unusable = unusablePolicy(text)
    if (unusable) {
      problems.push({ file: display, reason: `policy ${unusable}: no claims can be read from it` })
      return null
    }
    return { path: display, text, source: options.policy ? '--policy' : 'config' }
  }
  const texts = new Map<string, string>()
  const chosen = choosePolicy(paths, (p, named) => {
    try {
      const text = readRaw(p)
      texts.set(p, text)
      return !unusablePolicy(text) && readsLikePolicy(text, named)
    } catch {
      return false
    }
  })
  return chosen ? { path: chosen, text: texts.get(chosen)!, source: 'discovered' } : null
}

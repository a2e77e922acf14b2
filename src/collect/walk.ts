// Walks the scanned tree: the only place (with the rest of collect/) that lists or reads the disk.
import { lstatSync, openSync, readSync, closeSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs'
import path from 'node:path'
import ignore, { type Ignore } from 'ignore'
import type { SkippedFile } from '../types/index.js'

/** Directories that never hold a product's own source: dependencies, VCS data and build output. */
export const SKIPPED_DIRS = new Set([
  '.git', '.hg', '.svn', 'node_modules', 'bower_components', 'jspm_packages', '.yarn', '.pnpm-store',
  'dist', 'build', '.next', 'out', 'coverage', '.turbo', '.vercel', '.netlify', '.nuxt', '.output',
  '.svelte-kit', '.cache', '.parcel-cache', '.expo', '.serverless', '.wrangler', '.docusaurus', 'storybook-static',
])

export interface WalkOptions {
  maxFileSize: number
  /** Lines longer than this mark minified or generated code. */
  maxLineLength: number
  /** gitignore-style patterns from the config's `exclude`. */
  exclude: string[]
  /**
   * Files that are neither stat'ed nor sniffed here: whoever reads one checks its size and bytes then (see
   * collect/index.ts readBytes), with the same reasons.
   */
  trusted?(rel: string): boolean
}

export interface WalkedFile {
  path: string
  /** Undefined for a trusted file, which is not stat'ed. */
  size?: number
}

const LOCKFILE = /(package-lock\.json|pnpm-lock\.yaml|yarn\.lock)$/

/** Why a file of this size cannot be read, or undefined: lockfiles may be big and get a larger limit. */
export function sizeProblem(rel: string, size: number, maxFileSize: number): string | undefined {
  if (size <= maxFileSize) return undefined
  if (LOCKFILE.test(rel) && size <= maxFileSize * 32) return undefined
  return `larger than ${formatBytes(maxFileSize)} (${formatBytes(size)})`
}

/** A NUL byte in the first 8000 bytes, as git decides: binary. */
export function looksBinary(head: Uint8Array): boolean {
  return head.subarray(0, 8000).includes(0)
}

export interface WalkResult {
  files: WalkedFile[]
  skipped: SkippedFile[]
}

const GENERATED = /\.min\.(js|mjs|cjs|css)$|\.bundle\.js$|\.map$|(^|\/)(package-lock\.json|pnpm-lock\.yaml|yarn\.lock|bun\.lockb?)$/

/** Files worth reading as text at all; everything else is passed over silently (images, fonts, archives…). */
export function isInteresting(rel: string): boolean {
  const base = rel.slice(rel.lastIndexOf('/') + 1)
  if (/^\.env(\..+)?$/i.test(base) || /^(Dockerfile|Containerfile|Procfile|Jenkinsfile)(\..+)?$/i.test(base) || /\.dockerfile$/i.test(base)) return true
  // key files and registry credentials are read for committed secrets only
  if (base === '.npmrc' || /\.(pem|key|p8)$/i.test(base)) return true
  return /\.(m?[jt]sx?|c[jt]s|html?|vue|svelte|astro|ejs|hbs|handlebars|njk|liquid|pug|erb|twig|json|jsonc|ya?ml|toml|md|mdx|markdown|txt)$/i.test(base)
}

/** Adds a folder's .gitignore rules; false when it has none. */
function loadGitignore(dir: string, relDir: string, ig: Ignore): boolean {
  let text: string
  try {
    text = readFileSync(path.join(dir, '.gitignore'), 'utf8')
  } catch {
    return false // unreadable: as if absent
  }
  let added = false
  // nested .gitignore patterns are relative to their own folder: re-root them
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    added = true
    if (!relDir) {
      ig.add(line)
      continue
    }
    const negated = line.startsWith('!')
    let pattern = negated ? line.slice(1) : line
    const anchored = pattern.startsWith('/') || pattern.slice(0, -1).includes('/')
    pattern = pattern.replace(/^\//, '')
    const rerooted = anchored ? `${relDir}/${pattern}` : `${relDir}/**/${pattern}`
    ig.add(negated ? `!${rerooted}` : rerooted)
  }
  return added
}

function sniff(abs: string, size: number): 'binary' | 'text' {
  const fd = openSync(abs, 'r')
  try {
    const buf = Buffer.alloc(Math.min(size, 8000))
    readSync(fd, buf, 0, buf.length, 0)
    return looksBinary(buf) ? 'binary' : 'text'
  } finally {
    closeSync(fd)
  }
}

/**
 * Lists the text files of the tree that privaudit reads, with every file it passed over and why.
 * Symlinks are followed only when they resolve inside the root, and each real folder is visited once (no loops).
 */
export function walk(root: string, options: WalkOptions): WalkResult {
  const realRoot = realpathSync(root)
  const files: WalkedFile[] = []
  const skipped: SkippedFile[] = []
  const ig = ignore()
  if (options.exclude.length) ig.add(options.exclude)
  // no .gitignore or exclude seen yet: nothing can be ignored, so nothing is asked
  let hasRules = options.exclude.length > 0
  const visited = new Set<string>()

  /** `real` is the folder's resolved path when known: a plain subfolder of a resolved folder needs no realpath call. */
  const visit = (absDir: string, relDir: string, knownReal?: string) => {
    let real: string
    try {
      real = knownReal ?? realpathSync.native(absDir)
    } catch {
      return
    }
    if (visited.has(real)) {
      skipped.push({ file: relDir || '.', reason: 'symlink loop' })
      return
    }
    visited.add(real)
    let entries: Dirent[]
    try {
      entries = readdirSync(absDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    } catch (error) {
      skipped.push({ file: relDir || '.', reason: `unreadable folder (${(error as NodeJS.ErrnoException).code ?? 'error'})` })
      return
    }
    if (entries.some((e) => e.name === '.gitignore')) hasRules = loadGitignore(absDir, relDir, ig) || hasRules
    for (const entry of entries) {
      const name = entry.name
      const abs = absDir + path.sep + name
      const rel = relDir ? `${relDir}/${name}` : name
      // the entry's type comes with the listing: only files that get checked, and symlinks, cost a stat
      if (entry.isDirectory()) {
        if (SKIPPED_DIRS.has(name)) continue
        if (hasRules && ig.ignores(`${rel}/`)) continue
        visit(abs, rel, real + path.sep + name)
        continue
      }
      if (entry.isFile() && (!isInteresting(rel) || (hasRules && ig.ignores(rel)))) continue
      if (entry.isFile() && options.trusted?.(rel) && !GENERATED.test(rel)) {
        files.push({ path: rel })
        continue
      }
      let st
      try {
        st = lstatSync(abs)
      } catch {
        continue
      }
      if (st.isSymbolicLink()) {
        let target: string
        try {
          target = realpathSync.native(abs)
        } catch {
          skipped.push({ file: rel, reason: 'broken symlink' })
          continue
        }
        if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
          skipped.push({ file: rel, reason: 'symlink points outside the scanned root' })
          continue
        }
        st = statSync(abs)
      }
      if (st.isDirectory()) {
        if (SKIPPED_DIRS.has(name)) continue
        if (hasRules && ig.ignores(`${rel}/`)) continue
        visit(abs, rel)
        continue
      }
      if (!st.isFile() || !isInteresting(rel) || (hasRules && ig.ignores(rel))) continue
      if (GENERATED.test(rel)) {
        if (!/(^|\/)(package-lock\.json|pnpm-lock\.yaml|yarn\.lock|bun\.lockb?)$/.test(rel)) {
          skipped.push({ file: rel, reason: 'minified or generated file' })
          continue
        }
      }
      const tooBig = sizeProblem(rel, st.size, options.maxFileSize)
      if (tooBig) {
        skipped.push({ file: rel, reason: tooBig })
        continue
      }
      try {
        if (st.size > 0 && sniff(abs, st.size) === 'binary') {
          skipped.push({ file: rel, reason: 'binary file' })
          continue
        }
      } catch (error) {
        skipped.push({ file: rel, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` })
        continue
      }
      files.push({ path: rel, size: st.size })
    }
  }
  visit(realRoot, '')
  return { files, skipped }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`
  if (n >= 1024) return `${Math.round(n / 1024)} KB`
  return `${n} B`
}

// Walks the scanned tree: the only place (with the rest of collect/) that lists or reads the disk.
import { lstatSync, openSync, readSync, closeSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
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
}

export interface WalkedFile {
  path: string
  size: number
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

function loadGitignore(dir: string, relDir: string, ig: Ignore): void {
  let text: string
  try {
    text = readFileSync(path.join(dir, '.gitignore'), 'utf8')
  } catch {
    return
  }
  // nested .gitignore patterns are relative to their own folder: re-root them
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
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
}

function sniff(abs: string, size: number): 'binary' | 'text' {
  const fd = openSync(abs, 'r')
  try {
    const buf = Buffer.alloc(Math.min(size, 8000))
    readSync(fd, buf, 0, buf.length, 0)
    return buf.includes(0) ? 'binary' : 'text'
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
  const visited = new Set<string>()

  const visit = (absDir: string, relDir: string) => {
    let real: string
    try {
      real = realpathSync(absDir)
    } catch {
      return
    }
    if (visited.has(real)) {
      skipped.push({ file: relDir || '.', reason: 'symlink loop' })
      return
    }
    visited.add(real)
    loadGitignore(absDir, relDir, ig)
    let entries: string[]
    try {
      entries = readdirSync(absDir).sort()
    } catch (error) {
      skipped.push({ file: relDir || '.', reason: `unreadable folder (${(error as NodeJS.ErrnoException).code ?? 'error'})` })
      return
    }
    for (const name of entries) {
      const abs = path.join(absDir, name)
      const rel = relDir ? `${relDir}/${name}` : name
      let st
      try {
        st = lstatSync(abs)
      } catch {
        continue
      }
      if (st.isSymbolicLink()) {
        let target: string
        try {
          target = realpathSync(abs)
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
        if (ig.ignores(`${rel}/`)) continue
        visit(abs, rel)
        continue
      }
      if (!st.isFile() || !isInteresting(rel) || ig.ignores(rel)) continue
      if (GENERATED.test(rel)) {
        if (!/(^|\/)(package-lock\.json|pnpm-lock\.yaml|yarn\.lock|bun\.lockb?)$/.test(rel)) {
          skipped.push({ file: rel, reason: 'minified or generated file' })
          continue
        }
      }
      if (st.size > options.maxFileSize) {
        // lockfiles may be big; they get their own, larger limit
        const isLock = /(package-lock\.json|pnpm-lock\.yaml|yarn\.lock)$/.test(rel)
        if (!isLock || st.size > options.maxFileSize * 32) {
          skipped.push({ file: rel, reason: `larger than ${formatBytes(options.maxFileSize)} (${formatBytes(st.size)})` })
          continue
        }
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

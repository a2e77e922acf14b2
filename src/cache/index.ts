// The per-file analysis cache: what a file yields depends only on its content, its path and how it is classified, and
// on the analyser (this build of privaudit, its catalog and region table). Content is identified by its git blob id,
// so a `--changed-since` run can take the ids of unchanged files from git without reading them.
import { CATEGORIES_FILE } from '../catalog/categories.js'
import { readModelSources } from '../catalog/models.js'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { REGIONS_FILE } from '../catalog/regions.js'
import type { SourceFile } from '../types/index.js'
import { CacheStore } from './store.js'

export { CacheStore, defaultCacheDir, type CacheStats } from './store.js'

/** Bumped when the shape of a cache entry changes. */
const FORMAT = 1

/** The id git gives this content: sha1 of `blob <size>\0<bytes>`. */
export function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}

/** Every file the analysis code is made of, hashed: a rebuilt privaudit never reads a cache an older build wrote. */
function codeFingerprint(): string {
  const hash = createHash('sha256')
  const here = fileURLToPath(import.meta.url)
  const top = path.dirname(path.dirname(here))
  const dirs = ['detect', 'catalog', 'cache', 'collect'].map((d) => path.join(top, d))
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.[cm]?[jt]s$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full)
    }
  }
  try {
    for (const dir of dirs) walk(dir)
  } catch {
    files.length = 0
  }
  // bundled (the GitHub Action): the one file holds it all
  if (files.length === 0) files.push(here)
  for (const file of files.sort()) hash.update(file.slice(top.length)).update('\0').update(readFileSync(file)).update('\0')
  return hash.digest('hex')
}

let fingerprint: string | undefined

/**
 * The cache folder's name for this build, catalog and the settings that decide whether a file is analysed at all
 * (the size limit): `v<format>-<hash>`.
 */
export function cacheNamespace(toolVersion: string, catalogHash: string, settings: string): string {
  fingerprint ??= codeFingerprint()
  const hash = createHash('sha256').update(`${FORMAT}\0${toolVersion}\0${catalogHash}\0${settings}\0${fingerprint}\0`)
  // the data the detectors read besides the catalog: regions, the flow models, the personal data categories
  hash.update(readFileSync(REGIONS_FILE))
  for (const text of Object.values(readModelSources())) hash.update(text)
  hash.update(readFileSync(CATEGORIES_FILE))
  return `v${FORMAT}-${hash.digest('hex').slice(0, 24)}`
}

/** The key of one file's analysis: its content, what it is, how it is classified, and where it is (last: any text). */
export function fileKey(kind: 'code' | 'data', file: SourceFile, blobId: string): string {
  return `${blobId}:${kind}:${file.nonShipped ? 1 : 0}${file.isPolicy ? 1 : 0}:${file.path}`
}

export function openCache(dir: string, toolVersion: string, catalogHash: string, settings: string): CacheStore {
  return new CacheStore(dir, cacheNamespace(toolVersion, catalogHash, settings))
}


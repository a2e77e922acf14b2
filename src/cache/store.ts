// The on-disk cache of per-file analysis: one folder per namespace (privaudit build + catalog), holding segment files
// of `key<TAB>json` lines. A run reads every segment once, and writes what it analysed afresh as ONE new segment,
// created under a temporary name and renamed into place, so concurrent runs never see a partial segment and never
// write to the same file. When segments pile up, a run folds them into one and deletes the ones it read: a concurrent
// reader that misses a deleted segment only re-analyses those files. Every cache error degrades to a miss.
import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const SEGMENT = /^seg-[\w-]+\.jsonl$/
/** More segments than this and a run compacts them. */
const MAX_SEGMENTS = 8
/** Entries kept by a compaction: the run's own first, then the newest others, up to this many. */
const MAX_ENTRIES = 200_000
/** Namespaces (older builds or catalogs) untouched this long are removed. */
const STALE_NAMESPACE_MS = 14 * 24 * 3600 * 1000

export interface CacheStats {
  hits: number
  misses: number
  written: number
}

/** Where the cache lives unless `--cache-dir` says: $PRIVAUDIT_CACHE_DIR, $XDG_CACHE_HOME/privaudit or ~/.cache/privaudit. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PRIVAUDIT_CACHE_DIR) return path.resolve(env.PRIVAUDIT_CACHE_DIR)
  const base = env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(os.homedir(), '.cache')
  return path.join(base, 'privaudit')
}

export class CacheStore {
  readonly stats: CacheStats = { hits: 0, misses: 0, written: 0 }
  /** Why the cache could not be used or saved; the scan itself never fails on it. */
  readonly notices: string[] = []
  private readonly entries = new Map<string, string>()
  private readonly segmentsRead: string[] = []
  private readonly fresh = new Map<string, string>()
  private readonly used = new Set<string>()
  private readonly dir: string

  constructor(cacheDir: string, namespace: string) {
    this.dir = path.join(cacheDir, namespace)
    let names: string[] = []
    try {
      names = readdirSync(this.dir).filter((n) => SEGMENT.test(n)).sort()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.notices.push(`cache not read: ${(error as Error).message}`)
    }
    for (const name of names) {
      let text: string
      try {
        text = readFileSync(path.join(this.dir, name), 'utf8')
      } catch {
        continue // compacted away by a concurrent run
      }
      this.segmentsRead.push(name)
      for (const line of text.split('\n')) {
        const tab = line.indexOf('\t')
        if (tab > 0) this.entries.set(line.slice(0, tab), line.slice(tab + 1))
      }
    }
  }

  /** The stored JSON text under `key`, or undefined. */
  get(key: string): string | undefined {
    const value = this.entries.get(key)
    if (value === undefined) {
      this.stats.misses++
      return undefined
    }
    this.stats.hits++
    this.used.add(key)
    return value
  }

  /** A lookup that turned out unusable (a corrupt entry): counted as a miss. */
  reject(key: string): void {
    this.stats.hits--
    this.stats.misses++
    this.used.delete(key)
  }

  set(key: string, json: string): void {
    // a line holds `key<TAB>json`: a path with a tab or newline in it is simply not cached (JSON never has a raw one)
    if (/[\t\n\r]/.test(key) || json.includes('\n')) return
    this.fresh.set(key, json)
  }

  /** Writes this run's fresh entries as one new segment, compacting when segments pile up. */
  save(): void {
    if (this.fresh.size === 0 && this.segmentsRead.length <= MAX_SEGMENTS) return
    try {
      mkdirSync(this.dir, { recursive: true })
      const compact = this.segmentsRead.length + 1 > MAX_SEGMENTS
      const lines: string[] = []
      if (compact) {
        const kept = new Map<string, string>()
        for (const [k, v] of this.fresh) kept.set(k, v)
        for (const k of this.used) if (!kept.has(k)) kept.set(k, this.entries.get(k)!)
        // newest segments first: what recent runs saw is likelier to be seen again
        for (const [k, v] of [...this.entries].reverse()) {
          if (kept.size >= MAX_ENTRIES) break
          if (!kept.has(k)) kept.set(k, v)
        }
        for (const [k, v] of kept) lines.push(`${k}\t${v}`)
      } else {
        for (const [k, v] of this.fresh) lines.push(`${k}\t${v}`)
      }
      // the time first makes name order the write order; pid and random bytes keep concurrent names apart
      const name = `seg-${Date.now().toString(36).padStart(9, '0')}-${process.pid}-${randomBytes(4).toString('hex')}.jsonl`
      const tmp = path.join(this.dir, `.${name}.tmp`)
      writeFileSync(tmp, `${lines.join('\n')}\n`)
      renameSync(tmp, path.join(this.dir, name))
      this.stats.written = this.fresh.size
      if (compact) for (const old of this.segmentsRead) rmSync(path.join(this.dir, old), { force: true })
      this.pruneStaleNamespaces()
    } catch (error) {
      this.notices.push(`cache not saved: ${(error as Error).message}`)
    }
  }

  private pruneStaleNamespaces(): void {
    const parent = path.dirname(this.dir)
    const now = Date.now()
    for (const name of readdirSync(parent)) {
      const dir = path.join(parent, name)
      if (dir === this.dir || !/^v\d+-[0-9a-f]+$/.test(name)) continue
      try {
        if (now - statSync(dir).mtimeMs > STALE_NAMESPACE_MS) rmSync(dir, { recursive: true, force: true })
      } catch {
        // removed by a concurrent run
      }
    }
  }
}

// A file's results in the per-file cache: keyed by content, stored as plain data, restored exactly.
import { fileKey, type CacheStore } from '../cache/index.js'
import { decodeTagged, encodeTagged } from '../cache/state.js'
import { UnreadableFileError } from '../collect/index.js'
import type { SkippedFile, SourceFile, Workspace } from '../types/index.js'
import type { FileResult } from './contracts.js'
import { atLine } from './walk.js'

export class FileCache {
  /**
   * `codeContext`: what a code file's results depend on besides its content and the run's settings (which imports may
   * lead into the repo), part of its key.
   */
  constructor(private readonly workspace: Workspace, private readonly cache: CacheStore | undefined, private readonly skipped: SkippedFile[], private readonly codeContext: string) {}

  /** The file's cache key, or undefined without a cache, or null when its content cannot be read (listed as skipped). */
  keyOf(kind: 'code' | 'data', file: SourceFile): string | undefined | null {
    if (!this.cache || !this.workspace.blobId) return undefined
    try {
      const key = fileKey(kind, file, this.workspace.blobId(file.path))
      return kind === 'code' ? `${key}:${this.codeContext}` : key
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error
      this.skipped.push({ file: file.path, reason: error.message })
      return null
    }
  }

  get(key: string | undefined, file: SourceFile): FileResult | undefined {
    const cache = this.cache
    if (!cache || key === undefined) return undefined
    const json = cache.get(key)
    if (json === undefined) return undefined
    try {
      // only the detector shares hold Maps: the rest (most of an entry) is plain JSON, parsed without a reviver
      const result = JSON.parse(json) as FileResult
      if (!Array.isArray(result.evidence) || !Array.isArray(result.problems) || !Array.isArray(result.secrets) || typeof result.shares !== 'object') throw new TypeError('not a file result')
      for (const e of result.evidence) if (e.location.file === undefined) e.location = atLine(file.path, e.location.line, e.location.column)
      result.shares = decodeTagged(result.shares) as FileResult['shares']
      return result
    } catch {
      cache.reject(key)
      return undefined
    }
  }

  set(key: string | undefined, file: SourceFile, result: FileResult): void {
    const cache = this.cache
    if (!cache || key === undefined || result.secrets.length > 0) return
    try {
      // the file's own path is left out of its evidence's locations (the key holds it): a tenth of the cache
      const evidence = result.evidence.map((e) => {
        if (e.location.file !== file.path) return e
        return { ...e, location: e.location.column === undefined ? { line: e.location.line } : { line: e.location.line, column: e.location.column } }
      })
      cache.set(key, JSON.stringify({ ...result, evidence, shares: encodeTagged(result.shares) }))
    } catch {
      // state that is not plain data: this file is analysed afresh every run
    }
  }
}

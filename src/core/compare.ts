// Comparing two runs: what a change adds and what it fixes, matched by finding fingerprints (rule, vendor, file and a
// normalised value, never a line number). Used by `scan --baseline`, `privaudit diff` and the GitHub Action.
import path from 'node:path'
import { gitToplevel, pathInTree, resolveCommit, withWorktree } from '../collect/git.js'
import { InputError } from '../collect/index.js'
import type { FullReport } from '../types/index.js'
import { withComparison } from '../model/findings.js'
import { audit, type AuditOptions } from './audit.js'

export interface RefComparisonOptions extends Omit<AuditOptions, 'root'> {
  /** The folder to scan, inside a git work tree (default: the current directory). */
  path?: string
  /** The ref to compare with (a branch, tag or commit). */
  base: string
  /** The ref to scan; without it, the work tree as it is on disk. */
  head?: string
  /** Where relative `path`, `policy` and `config` are resolved (default: the process's directory). */
  cwd?: string
  /** How the base is named in the report (default: the ref and its short commit). */
  baseLabel?: string
}

export interface RefComparison {
  /** The head report, its findings only those the base lacks, with `comparison`. */
  report: FullReport
  /** The head report with all its findings (SARIF for code scanning wants them all). */
  headReport: FullReport
  /** The git work tree's top folder and the scanned folder relative to it (`''` for the top). */
  repo: string
  subpath: string
  baseSha: string
  headSha?: string
  /** Why the cache could not be used, if it could not (the reports are the same either way). */
  cacheNotices: string[]
}

/**
 * Scans the head (the work tree, or a checkout of `head`) and a temporary checkout of `base`, and reports what the head
 * changes. The base is scanned with the same folder, policy and config paths, where they exist in it.
 */
export async function compareRefs(options: RefComparisonOptions): Promise<RefComparison> {
  const cwd = options.cwd ?? process.cwd()
  const root = path.resolve(cwd, options.path ?? '.')
  const repo = gitToplevel(root)
  const subpath = path.relative(repo, root).split(path.sep).join('/')
  const baseSha = resolveCommit(repo, options.base)
  if (!baseSha) throw new InputError(`unknown git revision: ${options.base}`)
  const headSha = options.head === undefined ? undefined : resolveCommit(repo, options.head)
  if (options.head !== undefined && !headSha) throw new InputError(`unknown git revision: ${options.head}`)

  const onStage = options.onStage
  // both sides share the cache; each side names only the files that differ from the base, so the base's scan fills
  // the cache and the head's reads just what the change touches
  const notices: string[] = []
  const cached = { cacheDir: options.cacheDir, ...(options.cacheDir === undefined ? {} : { changedSince: baseSha }) }
  const scanTree = (side: 'base' | 'head') => async (tree: string | undefined): Promise<FullReport | undefined> => {
    if (!tree) {
      const policy = options.policy && path.resolve(cwd, options.policy)
      const config = options.config && path.resolve(cwd, options.config)
      const result = await audit({ root, policy, config, onStage, ...cached })
      notices.push(...(result.cache?.notices ?? []))
      return result.report
    }
    const treeRoot = pathInTree(root, repo, tree, cwd)
    // a folder the base does not have yet: everything in it is new
    if (!treeRoot) return undefined
    const policy = pathInTree(options.policy, repo, tree, cwd)
    const config = pathInTree(options.config, repo, tree, cwd)
    // the head must have what was asked for; the base may predate it (a PR that adds the policy)
    if (side === 'head' && options.policy && !policy) throw new InputError(`policy file not found at ${options.head}: ${options.policy}`)
    if (side === 'head' && options.config && !config) throw new InputError(`config file not found at ${options.head}: ${options.config}`)
    const { report, cache } = await audit({ root: treeRoot, policy, config, onStage, ...cached })
    notices.push(...(cache?.notices ?? []))
    return { ...report, root }
  }

  const base = await withWorktree(repo, baseSha, scanTree('base'))
  const head = headSha ? await withWorktree(repo, headSha, scanTree('head')) : await scanTree('head')(undefined)
  if (!head) throw new InputError(`path not found at ${options.head}: ${subpath || '.'}`)
  const label = {
    base: options.baseLabel ?? `${options.base} (${baseSha.slice(0, 7)})`,
    ...(headSha ? { head: `${options.head} (${headSha.slice(0, 7)})` } : {}),
  }
  return { report: withComparison(head, base?.findings ?? [], label), headReport: head, repo, subpath, baseSha, headSha, cacheNotices: [...new Set(notices)] }
}

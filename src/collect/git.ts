// Git, for comparing runs: resolve refs, check a commit out into a throwaway worktree, list the lines a change adds.
import { execFile, execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { InputError } from './index.js'

export class GitError extends InputError {}

const GIT_OPTIONS = {
  encoding: 'utf8' as const,
  maxBuffer: 256 * 1024 * 1024,
  // never prompt for credentials: a CI run would hang instead of failing
  env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
}

function gitError(args: string[], error: unknown): GitError {
  const e = error as NodeJS.ErrnoException & { stderr?: string }
  if (e.code === 'ENOENT') return new GitError('git is not installed')
  const detail = (e.stderr ?? '').trim().split('\n').filter(Boolean).pop() ?? e.message
  return new GitError(`git ${args[0]} failed: ${detail}`)
}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, { ...GIT_OPTIONS, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  } catch (error) {
    throw gitError(args, error)
  }
}

/** git in the background: the scan goes on parsing the catalog while git lists the tree. */
function gitAsync(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { ...GIT_OPTIONS, cwd }, (error, stdout, stderr) => {
      if (error) reject(gitError(args, Object.assign(error, { stderr })))
      else resolve(stdout)
    })
  })
}

/** The top folder of the git work tree holding `dir`. */
export function gitToplevel(dir: string): string {
  if (!existsSync(dir)) throw new InputError(`path not found: ${dir}`)
  try {
    return realpathSync(git(dir, ['rev-parse', '--show-toplevel']).trim())
  } catch {
    throw new InputError(`not a git repository: ${dir}`)
  }
}

/** The commit a ref names, or undefined when the repo has no such commit. */
export function resolveCommit(repo: string, ref: string): string | undefined {
  if (ref.startsWith('-')) return undefined
  try {
    return git(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).trim() || undefined
  } catch {
    return undefined
  }
}

/** Fetches one commit from a remote (a shallow CI checkout lacks the PR's base); false when it cannot. */
export function fetchCommit(repo: string, sha: string, remote = 'origin'): boolean {
  try {
    git(repo, ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', remote, sha])
    return resolveCommit(repo, sha) !== undefined
  } catch {
    return false
  }
}

/**
 * Runs `fn` on a detached checkout of `sha` in a temporary worktree, then removes it. Hooks are off: checking out a
 * commit for analysis must not run code.
 */
export async function withWorktree<T>(repo: string, sha: string, fn: (tree: string) => Promise<T>): Promise<T> {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'privaudit-worktree-'))
  const tree = path.join(parent, 'tree')
  try {
    git(repo, ['-c', 'core.hooksPath=/dev/null', 'worktree', 'add', '--detach', '--force', tree, sha])
    return await fn(realpathSync(tree))
  } finally {
    try {
      git(repo, ['worktree', 'remove', '--force', tree])
    } catch {
      // already gone or never made: prune below forgets it either way
    }
    rmSync(parent, { recursive: true, force: true })
    try {
      git(repo, ['worktree', 'prune'])
    } catch {
      // a failed prune leaves a stale entry that git prunes itself later
    }
  }
}

/** `file` (absolute, or relative to `cwd`) moved from `repo` into a checkout of it, or undefined if it is not there. */
export function pathInTree(file: string | undefined, repo: string, tree: string, cwd = process.cwd()): string | undefined {
  if (!file) return undefined
  const abs = path.resolve(cwd, file)
  const rel = path.relative(repo, abs)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return existsSync(abs) ? abs : undefined
  const moved = path.join(tree, rel)
  return existsSync(moved) ? moved : undefined
}

/**
 * The lines a change adds or rewrites, by repo-relative file: `git diff base [head]` (the work tree when no head).
 * Annotations go on these lines, where a pull request's diff view shows them.
 */
export function addedLines(repo: string, base: string, head?: string): Map<string, Set<number>> {
  const out = git(repo, ['diff', '--no-color', '--no-ext-diff', '--unified=0', '--end-of-options', base, ...(head ? [head] : []), '--'])
  const lines = new Map<string, Set<number>>()
  let current: Set<number> | undefined
  for (const line of out.split('\n')) {
    if (line.startsWith('+++ ')) {
      // git ends a name holding a space with a tab, and quotes names with unusual bytes
      const name = line.slice(4).replace(/\t$/, '')
      current = name === '/dev/null' ? undefined : new Set()
      if (current) lines.set(unquote(name).replace(/^b\//, ''), current)
      continue
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line)
    if (hunk && current) {
      const start = Number(hunk[1])
      const count = hunk[2] === undefined ? 1 : Number(hunk[2])
      for (let i = 0; i < count; i++) current.add(start + i)
    }
  }
  return lines
}

/** git quotes paths with unusual characters: `"b/caf\303\251.ts"`. */
function unquote(name: string): string {
  if (!name.startsWith('"')) return name
  const bytes: number[] = []
  const body = name.slice(1, -1)
  for (let i = 0; i < body.length; i++) {
    const c = body[i]
    if (c !== '\\') {
      bytes.push(...Buffer.from(c))
      continue
    }
    const next = body[++i]
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8))
      i += 2
    } else {
      bytes.push(({ n: 10, t: 9, '"': 34, '\\': 92 } as Record<string, number>)[next] ?? next.charCodeAt(0))
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

export interface UnchangedFiles {
  /** The commit `ref` names. */
  commit: string
  /** Blob ids of the files under `root` whose content on disk is the committed one, by path relative to `root`. */
  blobIds: Map<string, string>
  /** Files under `root` that git says differ from the commit (changed, added to the index, deleted), relative to it. */
  diffed: string[]
}

/**
 * Which files under `root` still hold what they held at `ref`, with their blob ids, so their content need not be
 * read: everything in `ref`'s tree, minus what `git diff ref` (the work tree against it) names. Untracked files need
 * no listing (an expensive walk for git): they are not in `ref`'s tree, or if they are, git diff names them deleted.
 */
export async function unchangedSince(root: string, ref: string): Promise<UnchangedFiles> {
  const repo = gitToplevel(root)
  const commit = resolveCommit(repo, ref)
  if (!commit) throw new GitError(`unknown git ref: ${ref}`)
  const prefix = path.relative(repo, realpathSync(root)).split(path.sep).join('/')
  const under = (p: string): string | undefined => (prefix === '' ? p : p.startsWith(`${prefix}/`) ? p.slice(prefix.length + 1) : undefined)
  const [diffed, tree] = await Promise.all([
    gitAsync(repo, ['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--end-of-options', commit, '--']),
    gitAsync(repo, ['ls-tree', '-r', '-z', '--full-tree', commit]),
  ])
  const changedPaths = new Set<string>()
  for (const p of diffed.split('\0')) if (p) changedPaths.add(p)
  const blobIds = new Map<string, string>()
  for (const entry of tree.split('\0')) {
    // `<mode> <type> <id>\t<path>`: regular files only (no symlinks 120000, no submodules)
    const tab = entry.indexOf('\t')
    if (tab < 0) continue
    const [mode, type, id] = entry.slice(0, tab).split(' ')
    const file = entry.slice(tab + 1)
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755') || changedPaths.has(file)) continue
    const rel = under(file)
    if (rel !== undefined) blobIds.set(rel, id)
  }
  const changed: string[] = []
  for (const p of changedPaths) {
    const rel = under(p)
    if (rel !== undefined) changed.push(rel)
  }
  return { commit, blobIds, diffed: changed }
}

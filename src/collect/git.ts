// Git, for comparing runs: resolve refs, check a commit out into a throwaway worktree, list the lines a change adds.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { InputError } from './index.js'

export class GitError extends InputError {}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
      // never prompt for credentials: a CI run would hang instead of failing
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
    })
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string }
    if (e.code === 'ENOENT') throw new GitError('git is not installed')
    const detail = (e.stderr ?? '').trim().split('\n').filter(Boolean).pop() ?? e.message
    throw new GitError(`git ${args[0]} failed: ${detail}`)
  }
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

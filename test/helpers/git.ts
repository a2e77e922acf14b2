// Real git repos for comparison tests: a temp folder, commits with fixed authors and dates, small trees.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { makeRepo, type Tree } from './tmp.js'

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'privaudit test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_NAME: 'privaudit test', GIT_COMMITTER_EMAIL: 'test@example.com', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
}

export function git(repo: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, ...GIT_ENV }, stdio: ['ignore', 'pipe', 'pipe'] }).trim()
}

/** A repo whose first commit is `tree`, on branch main. */
export function makeGitRepo(tree: Tree): string {
  const repo = makeRepo(tree)
  git(repo, 'init', '-q', '-b', 'main')
  git(repo, 'add', '-A')
  git(repo, 'commit', '-q', '-m', 'base')
  return repo
}

/** Writes (string) or deletes (null) files, commits, and returns the new commit. */
export function commit(repo: string, changes: Record<string, string | null>, message = 'change'): string {
  for (const [rel, content] of Object.entries(changes)) {
    const abs = path.join(repo, rel)
    if (content === null) rmSync(abs, { force: true })
    else {
      mkdirSync(path.dirname(abs), { recursive: true })
      writeFileSync(abs, content)
    }
  }
  git(repo, 'add', '-A')
  git(repo, 'commit', '-q', '-m', message)
  return git(repo, 'rev-parse', 'HEAD')
}

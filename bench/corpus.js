// What a bench runs on, named by its arguments: a commit of a local git mirror (`--repo <git dir> --commit <sha>`),
// extracted to a temporary folder that is removed on exit (`git archive` only reads the mirror: no checkout, no index,
// no worktree entry); a folder; or a synthetic corpus of N source files (bench/generate.js, made once under
// bench/corpus/).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))

/** The value of `name value` in args, taken out of them; undefined when absent. */
export function option(args, name) {
  const at = args.indexOf(name)
  return at >= 0 ? args.splice(at, 2)[1] : undefined
}

/** The synthetic corpus of `size` source files, generated on first use. */
export function generated(size) {
  const dir = path.join(here, 'corpus', String(size))
  if (!existsSync(path.join(dir, 'package.json'))) execFileSync(process.execPath, [path.join(here, 'generate.js'), String(size), dir], { stdio: 'inherit' })
  return dir
}

/** The tree of `commit` in the bare repository `gitDir`, written to a new temporary folder removed when the process exits. */
function extract(gitDir, commit) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'privaudit-bench-repo-'))
  const cleanup = () => rmSync(work, { recursive: true, force: true })
  process.on('exit', cleanup)
  // exit handlers do not run when a signal ends the process
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) process.once(signal, () => process.exit(code))
  const tar = path.join(work, 'tree.tar')
  const dir = path.join(work, 'tree')
  execFileSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', `--output=${tar}`, commit], { stdio: ['ignore', 'ignore', 'inherit'] })
  mkdirSync(dir)
  execFileSync('tar', ['-xf', tar, '-C', dir])
  rmSync(tar)
  return dir
}

/**
 * The corpus the arguments name, its arguments taken out of `args`: `--repo/--commit`, else the first argument when it
 * is a folder or a size, else `fallback` (a size). Returns the folder and a label for the output.
 */
export function corpusFrom(args, fallback) {
  const repo = option(args, '--repo')
  const commit = option(args, '--commit')
  if (repo !== undefined || commit !== undefined) {
    if (!repo || !commit) throw new Error('--repo <bare git dir> and --commit <sha> go together')
    return { dir: extract(repo, commit), label: `${repo} at ${commit.slice(0, 12)}` }
  }
  const first = args[0]
  if (first !== undefined && !first.startsWith('--') && !/^\d+$/.test(first)) {
    if (!existsSync(first) || !statSync(first).isDirectory()) throw new Error(`not a folder: ${first}`)
    args.shift()
    return { dir: path.resolve(first), label: first }
  }
  const size = first !== undefined && /^\d+$/.test(first) ? Number(args.shift()) : fallback
  return { dir: generated(size), label: `${size} files`, size }
}

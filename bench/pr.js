#!/usr/bin/env node
// PR-mode benchmark: the cost of rescanning a big repo after a 10-file change, beyond start-up.
// A git repo is made from the generated corpus; a first `scan --changed-since HEAD` fills the cache; then 10 source
// files are edited (uncommitted) and `scan --changed-since HEAD` is timed as a real CLI process, against the start-up
// of the same CLI on an empty repo. The PR run's report is checked byte-identical to a full scan without the cache.
// Usage: node bench/pr.js [size, default 20000] [changed files, default 10]. Build first (npm run build).
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generated } from './corpus.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const bin = path.join(here, '..', 'bin', 'run.js')
const size = Number(process.argv[2] ?? 20000)
const changedCount = Number(process.argv[3] ?? 10)
const RUNS = 5

const corpus = generated(size)

const work = mkdtempSync(path.join(os.tmpdir(), 'privaudit-bench-pr-'))
const repo = path.join(work, 'repo')
const cacheDir = path.join(work, 'cache')
const empty = path.join(work, 'empty')
try {
  cpSync(corpus, repo, { recursive: true })
  const git = (...args) => execFileSync('git', args, { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' } }).toString()
  git('init', '-q', '-b', 'main')
  git('add', '-A')
  git('commit', '-q', '-m', 'corpus')
  mkdirSync(empty)
  writeFileSync(path.join(empty, 'package.json'), '{"name":"empty"}\n')

  const cli = (args) => {
    const start = performance.now()
    const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, CI: 'true' } })
    const ms = performance.now() - start
    if (r.status !== 0 && r.status !== 1) throw new Error(`privaudit ${args.join(' ')} exited ${r.status}: ${r.stderr}`)
    return { ms, stdout: r.stdout, stderr: r.stderr }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  const pr = ['scan', repo, '--format', 'json', '--cache-dir', cacheDir, '--changed-since', 'HEAD', '--timings']

  const cold = cli(pr)
  // the change: a vendor import and a log line added to files spread over the repo; each timed run changes them
  // again, so every run reads and analyses its 10 files afresh, as the first scan of a new push does
  const sources = git('ls-files', '*.ts').split('\n').filter((f) => f.includes('/src/')).sort()
  const step = Math.floor(sources.length / changedCount)
  const originals = Array.from({ length: changedCount }, (_, i) => path.join(repo, sources[i * step])).map((file) => [file, readFileSync(file, 'utf8')])
  const change = (run) => {
    for (const [i, [file, text]] of originals.entries()) writeFileSync(file, `import mixpanel from 'mixpanel-browser'\nmixpanel.track('changed ${i} in push ${run}')\n${text}`)
  }
  const startup = median(Array.from({ length: RUNS }, () => cli(['scan', empty, '--format', 'json', '--no-cache']).ms))
  const prRuns = Array.from({ length: RUNS }, (_, run) => {
    change(run)
    return cli(pr)
  })
  const prMs = median(prRuns.map((r) => r.ms))
  const warmFull = median(Array.from({ length: 3 }, () => cli(['scan', repo, '--format', 'json', '--cache-dir', cacheDir]).ms))
  const full = cli(['scan', repo, '--format', 'json', '--no-cache'])
  const identical = prRuns.at(-1).stdout === full.stdout
  const cacheLine = prRuns[0].stderr.split('\n').find((l) => l.startsWith('cache:'))
  const stages = Object.fromEntries(prRuns[0].stderr.split('\n').map((l) => /^(\w+)\s+(\d+)$/.exec(l)).filter(Boolean).map((m) => [m[1], Number(m[2])]))

  console.log(`${size} files, ${changedCount} changed since HEAD (medians of ${RUNS} CLI runs)`)
  console.log(`  start-up (scan of an empty repo)      ${(startup / 1000).toFixed(2)} s`)
  console.log(`  scan --changed-since HEAD, warm cache  ${(prMs / 1000).toFixed(2)} s  → ${((prMs - startup) / 1000).toFixed(2)} s beyond start-up`)
  console.log(`    ${cacheLine}; stages ${JSON.stringify(stages)}`)
  console.log(`  scan, warm cache, no ref (reads and hashes every file)  ${(warmFull / 1000).toFixed(2)} s`)
  console.log(`  scan --changed-since, cold cache (fills it)             ${(cold.ms / 1000).toFixed(2)} s`)
  console.log(`  scan --no-cache (full)                                  ${(full.ms / 1000).toFixed(2)} s`)
  console.log(`  last PR report byte-identical to a full scan's of the same tree: ${identical ? 'yes' : 'NO'}`)
  if (!identical) process.exitCode = 1
} finally {
  rmSync(work, { recursive: true, force: true })
}

#!/usr/bin/env node
// The ratio to the floor in instructions executed, counted by valgrind's callgrind: the same count run after run
// whatever else the machine does, where wall-clock times here swing by up to 2× from one minute to the next.
// Each of the floor (with parents), the bare floor and the scan runs twice, with the work and with `--skip` (the
// same process stopping before the work); the difference is the work's count. Runs two at a time; a 1k corpus takes
// about five minutes. Needs valgrind (Debian: apt-get install valgrind). Build first.
// `--detectors` counts the parts of collect + detect instead, each a one-round bench/detectors.js run (one pass, as
// the scan makes) minus the one before it: collect with config and catalog, the walk with no detector (reads, parse,
// the engine's walk), the detectors of env, config and data files and manifests, the code detectors; with `--each`,
// each code detector's own too (all minus all but it: one more run per detector).
// Usage: node bench/instructions.js [size, default 1000 | dir | --repo <bare git dir> --commit <sha>] [--detectors [--each]]
import { execFile } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DETECTORS } from '../dist/detect/index.js'
import { corpusFrom } from './corpus.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const byDetector = process.argv.includes('--detectors')
const each = process.argv.includes('--each')
const { dir, label } = corpusFrom(process.argv.slice(2).filter((a) => a !== '--detectors' && a !== '--each'), 1000)

/**
 * Instructions executed by `node script ...args`, as callgrind counts them. A run killed by a signal (something else
 * on this shared machine ended it) is taken again, once.
 */
const count = (script, ...args) => new Promise((resolve, reject) => {
  const run = (retry) => execFile('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, path.join(here, script), dir, ...args], { maxBuffer: 1 << 24 }, (error, _stdout, stderr) => {
    const m = /Collected\s*:\s*(\d+)/.exec(stderr)
    if (error?.signal && retry) {
      console.error(`valgrind ${script} ${args.join(' ')} ended by ${error.signal}: again`)
      run(false)
    } else if (error || !m) reject(new Error(`valgrind ${script} ${args.join(' ')}: ${error?.message ?? stderr.slice(-500)}`))
    else {
      // each count as it comes: a long run on a busy machine keeps what it measured if it is stopped
      console.error(`${script} ${args.join(' ')}: ${Number(m[1])}`)
      resolve(Number(m[1]))
    }
  })
  run(true)
})

/** The counts of `jobs` ([script, ...args]), two at a time. */
async function countAll(jobs) {
  const results = []
  for (let i = 0; i < jobs.length; i += 2) results.push(...(await Promise.all(jobs.slice(i, i + 2).map((job) => count(...job)))))
  return results
}
const g = (n) => `${(n / 1e9).toFixed(2)} G`

if (byDetector) {
  const once = (...args) => ['detectors.js', ...args, '--rounds', '1']
  const ids = each ? DETECTORS.code.map((d) => d.id) : []
  const [skip, collect, walk, none, all, ...without] = await countAll([['detectors.js', '--skip'], once('--collect-only'), once('walk'), once('none'), once('all'), ...ids.map((id) => once(`-${id}`))])
  console.log(`${label}, instructions of each part, one pass:`)
  console.log(`  collect, config and catalog                  ${g(collect - skip)}`)
  console.log(`  reads, parse and the walk, no detector       ${g(walk - collect)}`)
  console.log(`  env, config, data and manifest detectors     ${g(none - walk)}`)
  console.log(`  code detectors (all − none)                  ${g(all - none)}`)
  ids.forEach((id, i) => console.log(`    ${id.padEnd(42)} ${g(all - without[i])}`))
} else {
  const [floor, floorSkip, bare, scan, scanSkip] = await countAll([['floor.js'], ['floor.js', '--skip'], ['floor.js', '--bare'], ['scan.js'], ['scan.js', '--skip']])
  const floorWork = floor - floorSkip
  const bareWork = bare - floorSkip
  const scanWork = scan - scanSkip
  console.log(`${label}, instructions of the work alone: floor ${g(floorWork)}, bare floor ${g(bareWork)}, scan ${g(scanWork)}`)
  console.log(`ratio ${(scanWork / floorWork).toFixed(2)}x to the floor, ${(scanWork / bareWork).toFixed(2)}x to the bare floor`)
}

#!/usr/bin/env node
// The ratio to the floor in instructions executed, counted by valgrind's callgrind: the same count run after run
// whatever else the machine does, where wall-clock times here swing by up to 2× from one minute to the next.
// Each of the floor (with parents), the bare floor and the scan runs twice, with the work and with `--skip` (the
// same process stopping before the work); the difference is the work's count. Runs two at a time; a 1k corpus takes
// about five minutes. Needs valgrind (Debian: apt-get install valgrind). Build first.
// Usage: node bench/instructions.js [size, default 1000 | dir | --repo <bare git dir> --commit <sha>] (see bench/corpus.js)
import { execFile } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { corpusFrom } from './corpus.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const { dir, label } = corpusFrom(process.argv.slice(2), 1000)

/** Instructions executed by `node script ...args`, as callgrind counts them. */
const count = (script, ...args) => new Promise((resolve, reject) => {
  execFile('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, path.join(here, script), dir, ...args], { maxBuffer: 1 << 24 }, (error, _stdout, stderr) => {
    const m = /Collected\s*:\s*(\d+)/.exec(stderr)
    if (error || !m) reject(new Error(`valgrind ${script} ${args.join(' ')}: ${error?.message ?? stderr.slice(-500)}`))
    else resolve(Number(m[1]))
  })
})

const jobs = [['floor.js'], ['floor.js', '--skip'], ['floor.js', '--bare'], ['scan.js'], ['scan.js', '--skip']]
const results = []
for (let i = 0; i < jobs.length; i += 2) results.push(...(await Promise.all(jobs.slice(i, i + 2).map((job) => count(...job)))))
const [floor, floorSkip, bare, scan, scanSkip] = results
const g = (n) => `${(n / 1e9).toFixed(2)} G`
const floorWork = floor - floorSkip
const bareWork = bare - floorSkip
const scanWork = scan - scanSkip
console.log(`${label}, instructions of the work alone: floor ${g(floorWork)}, bare floor ${g(bareWork)}, scan ${g(scanWork)}`)
console.log(`ratio ${(scanWork / floorWork).toFixed(2)}x to the floor, ${(scanWork / bareWork).toFixed(2)}x to the bare floor`)

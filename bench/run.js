#!/usr/bin/env node
// Benchmark: for each corpus size, the floor (bare parse + walk) and privaudit's full scan on the same files, each in a
// fresh process, alternated over several rounds (this machine's speed swings between minutes: pairs taken close
// together, and medians, are what compare). Prints files/s, the ratio to the floor and peak RSS, and the ratio to the
// bare floor (createSourceFile's defaults: no parent pointers; `floor.js --bare`). Build first.
// Usage: node bench/run.js [sizes, default 1000,5000,20000] [--runs N, default 5]
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const runsAt = args.indexOf('--runs')
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 5
const sizes = (args[0] ?? '1000,5000,20000').split(',').map(Number)
const node = (script, ...rest) => JSON.parse(execFileSync(process.execPath, [path.join(here, script), ...rest], { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').pop())
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const rows = []
for (const size of sizes) {
  const dir = path.join(here, 'corpus', String(size))
  if (!existsSync(path.join(dir, 'package.json'))) execFileSync(process.execPath, [path.join(here, 'generate.js'), String(size), dir], { stdio: 'inherit' })
  const floors = []
  const bares = []
  const scans = []
  for (let round = 0; round < runs; round++) {
    floors.push(node('floor.js', dir))
    bares.push(node('floor.js', dir, '--bare'))
    scans.push(node('scan.js', dir))
  }
  const floorMs = median(floors.map((f) => f.ms))
  const bareMs = median(bares.map((f) => f.ms))
  const scanMs = median(scans.map((s) => s.ms))
  const scan = scans.find((s) => s.ms === scanMs)
  const maxRssMb = Math.max(...scans.map((s) => s.maxRssMb))
  const pairRatios = scans.map((s, i) => (s.ms / floors[i].ms).toFixed(2))
  rows.push({ size, maxRssMb })
  console.log(`${String(size).padStart(6)} files  floor ${(floorMs / 1000).toFixed(2)} s  scan ${(scanMs / 1000).toFixed(2)} s  ` +
    `${Math.round(size / (scanMs / 1000))} files/s  ratio ${(scanMs / floorMs).toFixed(2)}x (pairs ${pairRatios.join(' ')})  ` +
    `bare floor ${(bareMs / 1000).toFixed(2)} s, ratio ${(scanMs / bareMs).toFixed(2)}x (pairs ${scans.map((s, i) => (s.ms / bares[i].ms).toFixed(2)).join(' ')})  ` +
    `peak RSS ${maxRssMb} MB (floor ${Math.max(...floors.map((f) => f.maxRssMb))} MB)  stages ${JSON.stringify(scan.stages)}`)
}
const five = rows.find((r) => r.size === 5000)
const twenty = rows.find((r) => r.size === 20000)
if (five && twenty) console.log(`memory growth 5k → 20k: ${(twenty.maxRssMb / five.maxRssMb).toFixed(2)}x`)

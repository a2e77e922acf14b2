#!/usr/bin/env node
// Benchmark: for each corpus size, the floor (bare parse + walk) and privaudit's full scan on the same files,
// each in a fresh process; prints files/s, the ratio to the floor and peak RSS. Build first (npm run build).
// Usage: node bench/run.js [sizes, default 1000,5000,20000]
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const sizes = (process.argv[2] ?? '1000,5000,20000').split(',').map(Number)
const node = (script, ...args) => JSON.parse(execFileSync(process.execPath, [path.join(here, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').pop())

const rows = []
for (const size of sizes) {
  const dir = path.join(here, 'corpus', String(size))
  if (!existsSync(path.join(dir, 'package.json'))) execFileSync(process.execPath, [path.join(here, 'generate.js'), String(size), dir], { stdio: 'inherit' })
  const floor = node('floor.js', dir)
  const scan = node('scan.js', dir)
  rows.push({ size, floor, scan })
  console.log(`${String(size).padStart(6)} files  floor ${(floor.ms / 1000).toFixed(2)} s  scan ${(scan.ms / 1000).toFixed(2)} s  ` +
    `${Math.round(size / (scan.ms / 1000))} files/s  ratio ${(scan.ms / floor.ms).toFixed(2)}x  peak RSS ${scan.maxRssMb} MB (floor ${floor.maxRssMb} MB)  ` +
    `stages ${JSON.stringify(scan.stages)}`)
}
if (rows.length > 1) {
  const five = rows.find((r) => r.size === 5000)
  const twenty = rows.find((r) => r.size === 20000)
  if (five && twenty) console.log(`memory growth 5k → 20k: ${(twenty.scan.maxRssMb / five.scan.maxRssMb).toFixed(2)}x`)
}

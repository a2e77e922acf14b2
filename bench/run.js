#!/usr/bin/env node
// Benchmark: for each corpus size, the floor (parse + walk, with parents), the bare floor (createSourceFile's
// defaults: no parent pointers; `floor.js --bare`) and privaudit's full scan on the same files, alternated over
// several rounds in fresh processes (bench/rounds.js). Prints files/s, the ratios, peak RSS and the scan's stages.
// bench/real.js does the same on a real repository. Build first.
// Usage: node bench/run.js [sizes, default 1000,5000,20000] [--runs N, default 5]
import { generated, option } from './corpus.js'
import { describe, rounds } from './rounds.js'

const args = process.argv.slice(2)
const runs = Number(option(args, '--runs') ?? 5)
const sizes = (args[0] ?? '1000,5000,20000').split(',').map(Number)

const rss = {}
for (const size of sizes) {
  const r = rounds(generated(size), runs)
  rss[size] = r.maxRssMb
  console.log(describe(`${size} files`, size, r))
}
if (rss[5000] && rss[20000]) console.log(`memory growth 5k → 20k: ${(rss[20000] / rss[5000]).toFixed(2)}x`)

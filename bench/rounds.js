// The floor (floor.js), the bare floor (floor.js --bare) and the full scan (scan.js) on one folder, each in a fresh
// process, alternated over several rounds: this machine's speed swings between minutes, so pairs taken close
// together, and medians, are what compare.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))

/** The last line of `node bench/<script> …args`'s output, parsed as JSON. */
export const runJson = (script, ...args) => JSON.parse(execFileSync(process.execPath, [path.join(here, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').pop())

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** `runs` rounds of floor, bare floor and scan on `dir`, their medians and per-round ratios. */
export function rounds(dir, runs) {
  const floors = []
  const bares = []
  const scans = []
  for (let round = 0; round < runs; round++) {
    floors.push(runJson('floor.js', dir))
    bares.push(runJson('floor.js', dir, '--bare'))
    scans.push(runJson('scan.js', dir))
  }
  const stages = Object.keys(scans[0].stages)
  return {
    floorMs: median(floors.map((f) => f.ms)),
    bareMs: median(bares.map((f) => f.ms)),
    scanMs: median(scans.map((s) => s.ms)),
    files: floors[0].files,
    toFloor: scans.map((s, i) => s.ms / floors[i].ms),
    toBare: scans.map((s, i) => s.ms / bares[i].ms),
    maxRssMb: Math.max(...scans.map((s) => s.maxRssMb)),
    floorRssMb: Math.max(...floors.map((f) => f.maxRssMb)),
    // each stage's median over the rounds, with its range
    stages: Object.fromEntries(stages.map((k) => {
      const ms = scans.map((s) => s.stages[k])
      return [k, { median: median(ms), min: Math.min(...ms), max: Math.max(...ms) }]
    })),
  }
}

const s = (ms) => `${(ms / 1000).toFixed(2)} s`

/** The rounds as a few lines: medians, files/s over `files` source files, the ratios, peak RSS and the scan's stages. */
export function describe(label, files, r) {
  return [
    `${label}: floor ${s(r.floorMs)}, bare floor ${s(r.bareMs)}, scan ${s(r.scanMs)}, ${Math.round(files / (r.scanMs / 1000))} files/s`,
    `  ratio ${(r.scanMs / r.floorMs).toFixed(2)}x to the floor (rounds ${r.toFloor.map((x) => x.toFixed(2)).join(' ')}), ` +
      `${(r.scanMs / r.bareMs).toFixed(2)}x to the bare floor (rounds ${r.toBare.map((x) => x.toFixed(2)).join(' ')})`,
    `  peak RSS ${r.maxRssMb} MB (floor ${r.floorRssMb} MB)`,
    `  scan stages, median ms (range): ${Object.entries(r.stages).map(([k, v]) => `${k} ${v.median} (${v.min}–${v.max})`).join(', ')}`,
  ].join('\n')
}

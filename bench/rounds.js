// The floor (floor.js), the bare floor (floor.js --bare) and the full scan (scan.js) on one folder, each in a fresh
// process, alternated over several rounds: this machine's speed swings between minutes, so pairs taken close
// together, and medians, are what compare.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))

/** The last line of `node bench/<script> …args`'s output, parsed as JSON. */
export const runJson = (script, ...args) => JSON.parse(execFileSync(process.execPath, [path.join(here, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').pop())

/**
 * Milliseconds of CPU (user + system, every thread of the process) since `start`, a process.cpuUsage(): on a machine
 * other processes share, less swayed by them than wall-clock time, which counts the waits for a core.
 */
export function cpuMsSince(start) {
  const used = process.cpuUsage(start)
  return Math.round((used.user + used.system) / 1000)
}

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
  const med = (list, key) => median(list.map((x) => x[key]))
  const ratio = (key, base) => ({ ratio: med(scans, key) / med(base, key), rounds: scans.map((x, i) => x[key] / base[i][key]) })
  return {
    // wall-clock and CPU time (user + system of the work), each a median over the rounds
    ms: { floor: med(floors, 'ms'), bare: med(bares, 'ms'), scan: med(scans, 'ms') },
    cpuMs: { floor: med(floors, 'cpuMs'), bare: med(bares, 'cpuMs'), scan: med(scans, 'cpuMs') },
    toFloor: { ms: ratio('ms', floors), cpuMs: ratio('cpuMs', floors) },
    toBare: { ms: ratio('ms', bares), cpuMs: ratio('cpuMs', bares) },
    maxRssMb: Math.max(...scans.map((x) => x.maxRssMb)),
    floorRssMb: Math.max(...floors.map((f) => f.maxRssMb)),
    // each stage's median over the rounds, with its range
    stages: Object.fromEntries(stages.map((k) => {
      const ms = scans.map((x) => x.stages[k])
      return [k, { median: median(ms), min: Math.min(...ms), max: Math.max(...ms) }]
    })),
  }
}

const s = (ms) => `${(ms / 1000).toFixed(2)} s`
const shown = (r) => `${r.ratio.toFixed(2)}x (rounds ${r.rounds.map((x) => x.toFixed(2)).join(' ')})`

/**
 * The rounds as a few lines: wall-clock medians and files/s over `files` source files, the ratios in wall-clock and in
 * CPU time, peak RSS and the scan's stages (wall-clock).
 */
export function describe(label, files, r) {
  return [
    `${label}: floor ${s(r.ms.floor)}, bare floor ${s(r.ms.bare)}, scan ${s(r.ms.scan)}, ${Math.round(files / (r.ms.scan / 1000))} files/s`,
    `  ratio ${shown(r.toFloor.ms)} to the floor, ${shown(r.toBare.ms)} to the bare floor`,
    `  CPU time: floor ${s(r.cpuMs.floor)}, bare floor ${s(r.cpuMs.bare)}, scan ${s(r.cpuMs.scan)}; ratio ${shown(r.toFloor.cpuMs)} to the floor, ${shown(r.toBare.cpuMs)} to the bare floor`,
    `  peak RSS ${r.maxRssMb} MB (floor ${r.floorRssMb} MB)`,
    `  scan stages, median ms (range): ${Object.entries(r.stages).map(([k, v]) => `${k} ${v.median} (${v.min}–${v.max})`).join(', ')}`,
  ].join('\n')
}

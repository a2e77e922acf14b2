#!/usr/bin/env node
// What each code detector costs: the detect stage run in one process on one corpus, with every detector, with none,
// with all but one and with one alone, each the least of several rounds (JIT warm, the machine's swings damped), in
// CPU time (user + system: what other processes on the machine sway least) and in wall-clock time.
// "all − none" is the code detectors' whole cost over the walk; "all − (all but X)" is X's own. `none` still runs the
// detectors of env, deploy-config and data files and of manifests; `walk` runs no detector at all (the reads, the
// parse, the engine's walk). `--collect-only` stops after collect and the catalog, `--skip` before them: one-round
// runs of these are what bench/instructions.js --detectors counts.
// Usage: node bench/detectors.js [dir | size, default 5000 | --repo <bare git dir> --commit <sha>] [sets, default all,
// none and each -id / +id] [--rounds N, default 4] [--collect-only | --skip]. Build first.
import { DETECTORS, detect } from '../dist/detect/index.js'
import { corpusFrom, option } from './corpus.js'
import { cpuMsSince } from './rounds.js'
import { catalogAsScan, collectAsScan } from './workspace.js'

if (process.argv.includes('--skip')) process.exit(0)
const collectOnly = process.argv.includes('--collect-only')
const args = process.argv.slice(2).filter((a) => a !== '--collect-only')
const rounds = Number(option(args, '--rounds') ?? 4)
const { dir, label } = corpusFrom(args, 5000)
const catalog = catalogAsScan(dir)
const workspace = collectAsScan(dir)
if (collectOnly) process.exit(0)
const sets = { all: DETECTORS, none: { ...DETECTORS, code: [] }, walk: { code: [], config: [], workspace: [], data: [] } }
for (const d of DETECTORS.code) sets[`-${d.id}`] = { ...DETECTORS, code: DETECTORS.code.filter((x) => x !== d) }
for (const d of DETECTORS.code) sets[`+${d.id}`] = { ...DETECTORS, code: [d] }
const names = args[0] ? args[0].split(',') : Object.keys(sets).filter((name) => name !== 'walk')
const best = {}
const bestCpu = {}
const evidence = {}
for (let round = 0; round < rounds; round++) {
  for (const name of names) {
    const started = performance.now()
    const cpu = process.cpuUsage()
    const result = detect(workspace, catalog, {}, sets[name])
    bestCpu[name] = Math.min(bestCpu[name] ?? Infinity, cpuMsSince(cpu))
    best[name] = Math.min(best[name] ?? Infinity, performance.now() - started)
    evidence[name] = result.evidence.length
  }
}
console.log(`${label}: ${workspace.sourceFiles.length} source files, least of ${rounds} rounds: CPU ms, wall-clock ms`)
for (const name of names) console.log(`${name.padEnd(22)} ${String(bestCpu[name]).padStart(6)}  ${String(Math.round(best[name])).padStart(6)}  ${evidence[name]} evidence`)
if (best.all !== undefined && best.none !== undefined) console.log(`code detectors over the walk (all − none): CPU ${bestCpu.all - bestCpu.none} ms, wall-clock ${Math.round(best.all - best.none)} ms`)

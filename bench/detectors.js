#!/usr/bin/env node
// What each code detector costs: the detect stage run in one process on one corpus, with every detector, with none,
// with all but one and with one alone, each the fastest of several rounds (JIT warm, the machine's swings damped).
// "all − none" is the detectors' whole cost over the walk; "all − (all but X)" is X's own.
// Usage: node bench/detectors.js [dir | size, default 5000 | --repo <bare git dir> --commit <sha>] [sets, default all,
// none and each -id / +id] [--rounds N, default 4]. Build first.
import { DETECTORS, detect } from '../dist/detect/index.js'
import { corpusFrom, option } from './corpus.js'
import { catalogAsScan, collectAsScan } from './workspace.js'

const args = process.argv.slice(2)
const rounds = Number(option(args, '--rounds') ?? 4)
const { dir, label } = corpusFrom(args, 5000)
const catalog = catalogAsScan(dir)
const workspace = collectAsScan(dir)
const sets = { all: DETECTORS, none: { ...DETECTORS, code: [] } }
for (const d of DETECTORS.code) sets[`-${d.id}`] = { ...DETECTORS, code: DETECTORS.code.filter((x) => x !== d) }
for (const d of DETECTORS.code) sets[`+${d.id}`] = { ...DETECTORS, code: [d] }
const names = args[0] ? args[0].split(',') : Object.keys(sets)
const best = {}
const evidence = {}
for (let round = 0; round < rounds; round++) {
  for (const name of names) {
    const started = performance.now()
    const result = detect(workspace, catalog, {}, sets[name])
    best[name] = Math.min(best[name] ?? Infinity, performance.now() - started)
    evidence[name] = result.evidence.length
  }
}
console.log(`${label}: ${workspace.sourceFiles.length} source files, fastest of ${rounds} rounds`)
for (const name of names) console.log(`${name.padEnd(22)} ${String(Math.round(best[name])).padStart(6)} ms  ${evidence[name]} evidence`)
if (best.all !== undefined && best.none !== undefined) console.log(`detectors over the walk (all − none): ${Math.round(best.all - best.none)} ms`)

#!/usr/bin/env node
// Summarises V8 CPU profiles of a scan: time per pipeline part (the parse, each detector with the TypeScript helpers it
// calls, collect, catalog…), then the hottest functions by self time. Several profiles are averaged: runs are noisy.
// Usage: node --cpu-prof --cpu-prof-dir=prof bench/scan.js bench/corpus/5000   (a few times), then
//        node bench/cpuprofile.js prof/*.cpuprofile [top N functions, default 30] [--part REGEX: hottest functions of
//        the matching parts only, e.g. --part secret-flow]
import { readFileSync } from 'node:fs'

const args = process.argv.slice(2)
const partAt = args.indexOf('--part')
const partFilter = partAt >= 0 ? new RegExp(args.splice(partAt, 2)[1]) : undefined
const top = /^\d+$/.test(args.at(-1) ?? '') ? Number(args.pop()) : 30
if (args.length === 0) {
  console.error('usage: node bench/cpuprofile.js <file.cpuprofile>… [N]')
  process.exit(2)
}

// a dependency by its package (node_modules/yaml/dist/…), privaudit's own code from its dist/
const short = (url) => url.replace(/^.*\/node_modules\//, 'node_modules/').replace(/^(?!node_modules\/).*?\/dist\//, 'dist/')

/**
 * The part of the pipeline a stack belongs to: its outermost frame in a detector, collect, the catalog… Work on env,
 * deploy-config and data files (the engine's readLines) is told from work on source files; collect's frames are split
 * three ways: the reads the detect stage asks for, manifests and lockfiles, the rest.
 */
function partOf(stack) {
  const inEngine = stack.some((f) => /dist\/detect\/engine/.test(f.url))
  const files = stack.some((f) => f.functionName === 'readLines' && /dist\/detect\/engine/.test(f.url)) ? 'config and data files' : 'source files'
  for (const f of stack) {
    if (/dist\/detect\/(detectors\/|urls)/.test(f.url)) return files === 'source files' ? short(f.url) : `${short(f.url)} (${files})`
    if (/dist\/catalog\//.test(f.url)) return 'catalog'
    if (/dist\/collect\//.test(f.url)) {
      if (inEngine) return `read (${files}, in detect)`
      return stack.some((g) => /dist\/collect\/manifests/.test(g.url)) ? 'collect (manifests, lockfiles)' : 'collect (walk, config, policy)'
    }
    if (f.functionName === 'parseSource' && /dist\/syntax\/parse/.test(f.url)) return 'parse (TypeScript)'
    if (/dist\/(policy|checks|reporters)\/|dist\/core\/(?!audit)/.test(f.url)) return 'declare, diff, report'
  }
  if (inEngine) return `engine (${files === 'source files' ? 'walk, dispatch, emit' : 'config and data files: lines, dispatch'})`
  return stack.some((f) => f.functionName === 'audit') ? 'audit (other)' : 'outside audit (start-up, module loading)'
}

const parts = new Map()
const self = new Map()
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms / args.length)
for (const file of args) {
  const profile = JSON.parse(readFileSync(file, 'utf8'))
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const ms = new Map()
  profile.samples.forEach((id, i) => ms.set(id, (ms.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000))
  for (const [id, t] of ms) {
    const node = byId.get(id)
    const stack = []
    for (let at = id; at !== undefined; at = parent.get(at)) stack.unshift(byId.get(at).callFrame)
    const part = node.callFrame.functionName === '(garbage collector)' ? 'GC' : partOf(stack)
    add(parts, part, t)
    if (partFilter && !partFilter.test(part)) continue
    add(self, `${node.callFrame.functionName || '(anonymous)'}  ${short(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`, t)
  }
}
const print = (title, map, n) => {
  console.log(`\n${title}`)
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${v.toFixed(0).padStart(7)} ms  ${k}`)
}
print(`time per part (average of ${args.length} profile${args.length > 1 ? 's' : ''})`, parts, 40)
print('hottest functions (self time)', self, top)

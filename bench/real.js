#!/usr/bin/env node
// The benchmark of bench/run.js on a real repository: one commit of a local bare git mirror, extracted to a temporary
// folder (the mirror is only read), or a folder. First checks that the floors parse exactly the files and code the
// scan parses (`floor.js --check`), then alternates floor / bare floor / scan and prints the medians, the ratios,
// files/s, peak RSS and the scan's stages. `--profile DIR` then takes V8 CPU profiles of three scans into DIR and
// summarises them (bench/cpuprofile.js; rerun it on DIR/*.cpuprofile with --part to look into one part). Build first.
// Usage: node bench/real.js (--repo <bare git dir> --commit <sha> | <dir>) [--runs N, default 5] [--profile DIR]
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { corpusFrom, option } from './corpus.js'
import { describe, rounds, runJson } from './rounds.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const runs = Number(option(args, '--runs') ?? 5)
const profileDir = option(args, '--profile')
const { dir, label } = corpusFrom(args)

const check = runJson('floor.js', dir, '--check')
if (check.differ.length > 0) {
  console.error(`the floors and the scan do not parse the same code: ${JSON.stringify(check.differ.slice(0, 20))}`)
  process.exit(1)
}
console.log(`${label}: ${check.files} source files parsed by the floors and the scan alike (${check.nodes} nodes)`)
console.log(describe(label, check.files, rounds(dir, runs)))

if (profileDir) {
  mkdirSync(profileDir, { recursive: true })
  const before = new Set(readdirSync(profileDir))
  for (let i = 0; i < 3; i++) execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, path.join(here, 'scan.js'), dir], { stdio: 'ignore' })
  const profiles = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile') && !before.has(f)).map((f) => path.join(profileDir, f))
  console.log(execFileSync(process.execPath, [path.join(here, 'cpuprofile.js'), ...profiles], { encoding: 'utf8', maxBuffer: 1 << 26 }))
}

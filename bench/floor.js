// The floor: read every source file privaudit would analyse, then a TypeScript parse + ts.forEachChild walk. By
// default the parse sets parent pointers, as any analysis that looks around a node needs; `--bare` calls
// createSourceFile with its defaults (no parents), the strictest reading of "a bare parse".
// `--skip` stops before the parse loop: the same process minus the work, for bench/instructions.js.
// `--check` also runs the scan's detect stage with a detector that only counts, and compares the files and nodes it
// walked with the floor's (the same files, the same code: HTML-like files reduced to their scripts as the scan does).
// Usage: node bench/floor.js <dir> [--bare] [--skip] [--check]  → JSON { ms, cpuMs, files, nodes, maxRssMb }
import path from 'node:path'
import { ts } from 'ts-morph'
import { scriptOnly } from '../dist/syntax/parse.js'
import { cpuMsSince } from './rounds.js'
import { collectAsScan } from './workspace.js'

const root = path.resolve(process.argv[2])
const bare = process.argv.includes('--bare')
const check = process.argv.includes('--check')
const ws = collectAsScan(root)
if (process.argv.includes('--skip')) ws.sourceFiles = []

const SCRIPT = /\.(m?[jt]sx?|c[jt]s)$/i
/** The file name and code the scan's parseSource parses: markup and template syntax are blanked, lines kept. */
function code(file, text) {
  if (SCRIPT.test(file)) return [file, text]
  return [`${file}.ts`, /\.(html?|vue|svelte|astro)$/i.test(file) ? scriptOnly(text, /\.astro$/i.test(file)) : text.replace(/[^\n]/g, ' ')]
}

/** Nodes under `node`, itself included, as ts.forEachChild reaches them. */
function countNodes(node) {
  let n = 0
  const visit = (child) => {
    n++
    ts.forEachChild(child, visit)
  }
  visit(node)
  return n
}

const start = performance.now()
const cpu = process.cpuUsage()
let nodes = 0
const walked = new Map()
for (const file of ws.sourceFiles) {
  let text
  try {
    text = ws.read(file.path)
  } catch {
    continue
  }
  const [name, source] = code(file.path, text)
  const sf = bare ? ts.createSourceFile(name, source, ts.ScriptTarget.Latest) : ts.createSourceFile(name, source, ts.ScriptTarget.Latest, true)
  const n = countNodes(sf)
  nodes += n
  walked.set(file.path, n)
}
const ms = performance.now() - start
const result = { ms: Math.round(ms), cpuMs: cpuMsSince(cpu), files: walked.size, nodes, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }
if (check) {
  const { detect } = await import('../dist/detect/index.js')
  const { catalogAsScan } = await import('./workspace.js')
  const seen = new Map()
  const counter = { id: 'counter', create: ({ file, sourceFile }) => (seen.set(file.path, countNodes(sourceFile)), { visitors: {} }) }
  detect(collectAsScan(root), catalogAsScan(root), {}, { code: [counter], config: [], workspace: [] })
  const differ = [...new Set([...walked.keys(), ...seen.keys()])].filter((p) => walked.get(p) !== seen.get(p)).sort()
  Object.assign(result, { scanFiles: seen.size, scanNodes: [...seen.values()].reduce((a, b) => a + b, 0), differ: differ.map((p) => ({ file: p, floor: walked.get(p) ?? null, scan: seen.get(p) ?? null })) })
}
console.log(JSON.stringify(result))

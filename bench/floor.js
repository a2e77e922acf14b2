// The floor: read every source file privaudit would analyse, then a TypeScript parse + ts.forEachChild walk. By
// default the parse sets parent pointers, as any analysis that looks around a node needs; `--bare` calls
// createSourceFile with its defaults (no parents), the strictest reading of "a bare parse".
// `--skip` stops before the parse loop: the same process minus the work, for bench/instructions.js.
// Usage: node bench/floor.js <dir> [--bare] [--skip]  → JSON { ms, files, maxRssMb }
import path from 'node:path'
import { ts } from 'ts-morph'
import { collectWorkspace } from '../dist/collect/index.js'

const root = path.resolve(process.argv[2])
const bare = process.argv.includes('--bare')
const ws = collectWorkspace(root, { maxFileSize: 1024 * 1024, exclude: [] })
if (process.argv.includes('--skip')) ws.sourceFiles = []
const start = performance.now()
let nodes = 0
let parsed = 0
for (const file of ws.sourceFiles) {
  let text
  try {
    text = ws.read(file.path)
  } catch {
    continue
  }
  const sf = bare ? ts.createSourceFile(file.path, text, ts.ScriptTarget.Latest) : ts.createSourceFile(file.path, text, ts.ScriptTarget.Latest, true)
  const visit = (node) => {
    nodes++
    ts.forEachChild(node, visit)
  }
  visit(sf)
  parsed++
}
const ms = performance.now() - start
console.log(JSON.stringify({ ms: Math.round(ms), files: parsed, nodes, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }))

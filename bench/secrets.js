#!/usr/bin/env node
// What the secret detectors cost: the detect stage on a generated corpus with and without them, in CPU time
// (user + system, best of five: wall time lies on a shared machine). Build first (npm run build).
// Usage: node bench/secrets.js [files, default 5000]
// Figures and the secretlint comparison: bench/secrets.md.
import { loadCatalog } from '../dist/catalog/index.js'
import { collectWorkspace } from '../dist/collect/index.js'
import { DETECTORS, detect } from '../dist/detect/index.js'
import { generated } from './corpus.js'

const size = Number(process.argv[2] ?? 5000)
const dir = generated(size)

const catalog = loadCatalog()
const workspace = collectWorkspace(dir, { maxFileSize: 1024 * 1024, exclude: [] })
const SECRET_DETECTORS = new Set(['hardcoded-secrets', 'secret-flow'])
const without = {
  code: DETECTORS.code.filter((d) => !SECRET_DETECTORS.has(d.id)),
  config: DETECTORS.config.filter((d) => !SECRET_DETECTORS.has(d.id)),
  workspace: DETECTORS.workspace,
  data: [],
}

function best(detectors) {
  let ms = Infinity
  let result
  for (let i = 0; i < 5; i++) {
    const start = process.cpuUsage()
    result = detect(workspace, catalog, {}, detectors)
    const used = process.cpuUsage(start)
    ms = Math.min(ms, (used.user + used.system) / 1000)
  }
  return { ms, result }
}

const base = best(without)
const full = best(DETECTORS)
const count = (kind, detector) => full.result.evidence.filter((e) => e.kind === kind && e.detector === detector).length
console.log(JSON.stringify({
  files: workspace.sourceFiles.length + workspace.configFiles.length + (workspace.dataFiles?.length ?? 0),
  detectCpuMsWithoutSecrets: Math.round(base.ms),
  detectCpuMsWithSecrets: Math.round(full.ms),
  overheadPct: Math.round(((full.ms - base.ms) / base.ms) * 100),
  secretsFound: count('secret', 'hardcoded-secrets'),
  flowsFound: count('log-call', 'secret-flow'),
  decryptSites: count('secret', 'secret-flow'),
}))

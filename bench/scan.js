// The full privaudit pipeline in-process on a folder, timed per stage. `--skip` loads the same modules and stops:
// the same process minus the work, for bench/instructions.js. Usage: node bench/scan.js <dir> [--skip]
import path from 'node:path'
import { audit } from '../dist/core/audit.js'
import { cpuMsSince } from './rounds.js'

if (process.argv.includes('--skip')) process.exit(0)
const root = path.resolve(process.argv[2])
const start = performance.now()
const cpu = process.cpuUsage()
const { report, timings } = await audit({ root })
const ms = performance.now() - start
console.log(JSON.stringify({
  ms: Math.round(ms),
  cpuMs: cpuMsSince(cpu),
  stages: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])),
  findings: report.findings.length,
  skipped: report.skipped.length,
  maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
}))

// Reads a baseline for `scan --baseline`: a privaudit JSON report, or a SARIF log privaudit wrote.
import { existsSync, readFileSync } from 'node:fs'
import { baselineFindings } from '../core/compare.js'
import type { Finding } from '../types/index.js'
import { InputError } from './index.js'

export function readBaseline(file: string): Finding[] {
  if (!existsSync(file)) throw new InputError(`baseline file not found: ${file}`)
  let data: unknown
  try {
    data = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    throw new InputError(`invalid baseline ${file}: not JSON (give a report from --format json or --format sarif)`)
  }
  const findings = baselineFindings(data)
  if (!findings) throw new InputError(`invalid baseline ${file}: not a privaudit report (give a report from --format json or --format sarif)`)
  return findings
}

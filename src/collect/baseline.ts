// Reads a baseline for `scan --baseline`: a privaudit JSON report, or a SARIF log privaudit wrote.
import { existsSync, readFileSync } from 'node:fs'
import { SARIF_FINGERPRINT_KEY, type Finding, type Location, type Severity } from '../types/index.js'
import { lookupTable } from '../util/table.js'
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

const LEVELS: Record<string, Severity> = lookupTable({ error: 'error', warning: 'warning', note: 'note', none: 'note' })

/** The findings of a baseline: a privaudit JSON report, or a SARIF log privaudit wrote. Undefined for anything else. */
export function baselineFindings(data: unknown): Finding[] | undefined {
  if (!data || typeof data !== 'object') return undefined
  const doc = data as { findings?: unknown; runs?: unknown }
  if (Array.isArray(doc.findings)) {
    const findings = doc.findings as Finding[]
    return findings.every((f) => f && typeof f.fingerprint === 'string' && typeof f.ruleId === 'string') ? findings : undefined
  }
  if (!Array.isArray(doc.runs)) return undefined
  const out: Finding[] = []
  for (const run of doc.runs as Array<{ tool?: { driver?: { name?: string } }; results?: unknown[] }>) {
    if (run?.tool?.driver?.name !== 'privaudit') return undefined
    for (const raw of run.results ?? []) {
      const r = raw as { ruleId?: string; level?: string; message?: { text?: string }; partialFingerprints?: Record<string, string>; locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }>; properties?: { vendor?: string } }
      const fp = r.partialFingerprints?.[SARIF_FINGERPRINT_KEY]
      if (!r.ruleId || !fp) return undefined
      const locations: Location[] = (r.locations ?? []).map((l) => ({ file: decodeURIComponent(l.physicalLocation?.artifactLocation?.uri ?? '.'), line: l.physicalLocation?.region?.startLine ?? 1 }))
      out.push({
        ruleId: r.ruleId,
        severity: LEVELS[r.level ?? 'warning'] ?? 'warning',
        ...(r.properties?.vendor ? { vendor: r.properties.vendor } : {}),
        message: r.message?.text ?? r.ruleId,
        locations: locations.length ? locations : [{ file: '.', line: 1 }],
        fingerprint: fp,
      })
    }
  }
  return out
}

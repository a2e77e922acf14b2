// Findings as data: their fingerprints and order, and matching two runs' findings (what a change adds and fixes), as
// `scan --baseline`, `privaudit diff` and the GitHub Action compare them. No disk, no git: core/compare.ts runs the scans,
// collect/baseline.ts reads a baseline.
import { createHash } from 'node:crypto'
import type { Comparison, Finding, FullReport } from '../types/index.js'
import { compareText } from '../util/order.js'
import { compareSeverity, summarize } from './severity.js'

export function fingerprint(ruleId: string, vendor: string | undefined, file: string, key: string): string {
  return createHash('sha256').update([ruleId, vendor ?? '', file, key].join('\0')).digest('hex').slice(0, 24)
}

/**
 * A message without the positions it quotes (`file.ts:14:3`, `line 14`, `and 2 more place(s)`): the fallback fingerprint
 * key for a check that gives none, so moving a line does not make its finding new.
 */
export function withoutPositions(message: string): string {
  return message.replace(/(\S):\d+(?::\d+)?\b/g, '$1').replace(/\b(lines?|L)\s?\d+(?:[-–]\d+)?\b/g, '$1').replace(/\b\d+ more\b/g, 'more')
}

export function compareFindings(a: Finding, b: Finding): number {
  return compareSeverity(a.severity, b.severity) || compareText(a.ruleId, b.ruleId)
    || compareText(a.vendor ?? '', b.vendor ?? '') || compareText(a.locations[0]?.file ?? '', b.locations[0]?.file ?? '')
    || (a.locations[0]?.line ?? 0) - (b.locations[0]?.line ?? 0) || compareText(a.message, b.message)
}

export interface FindingChanges {
  /** Head findings the base does not have. */
  added: Finding[]
  /** Base findings the head no longer has. */
  fixed: Finding[]
  /** Head findings the base has too. */
  unchanged: Finding[]
}

/** Matches findings by fingerprint, as a multiset: two identical base findings excuse at most two head findings. */
export function matchFindings(base: Finding[], head: Finding[]): FindingChanges {
  const remaining = new Map<string, Finding[]>()
  for (const f of base) {
    const list = remaining.get(f.fingerprint)
    if (list) list.push(f)
    else remaining.set(f.fingerprint, [f])
  }
  const added: Finding[] = []
  const unchanged: Finding[] = []
  for (const f of head) {
    const same = remaining.get(f.fingerprint)
    if (same?.length) {
      same.shift()
      unchanged.push(f)
    } else {
      added.push(f)
    }
  }
  const fixed = [...remaining.values()].flat().sort(compareFindings)
  return { added, fixed, unchanged }
}

/** The report with only the findings the base lacks; the rest is counted in `comparison`. */
export function withComparison(report: FullReport, base: Finding[], label: { base: string; head?: string }): FullReport {
  const { added, fixed, unchanged } = matchFindings(base, report.findings)
  const comparison: Comparison = { base: label.base, ...(label.head ? { head: label.head } : {}), unchanged: unchanged.length, fixed }
  return { ...report, findings: added, summary: summarize(added), comparison }
}

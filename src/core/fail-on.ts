// `--fail-on`: which findings make the exit code 1. Shared by `scan`, `diff` and the GitHub Action.
import type { Finding, Severity } from '../types/index.js'

export const FAIL_ON = ['error', 'warning', 'note', 'none'] as const
export type FailOn = (typeof FAIL_ON)[number]

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, note: 1 }

export function isFailOn(value: string): value is FailOn {
  return (FAIL_ON as readonly string[]).includes(value)
}

/** The findings at or above the threshold (`none`: never any). */
export function failingFindings(findings: Finding[], failOn: FailOn): Finding[] {
  if (failOn === 'none') return []
  return findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn])
}

export function summarize(findings: Finding[]): { error: number; warning: number; note: number } {
  const summary = { error: 0, warning: 0, note: 0 }
  for (const f of findings) summary[f.severity]++
  return summary
}

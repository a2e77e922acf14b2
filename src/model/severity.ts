// Severities: their order, `--fail-on` (which findings make the exit code 1), counts. Shared by the diff stage, the
// reporters, `scan`, `diff` and the GitHub Action.
import type { Finding, Severity } from '../types/index.js'

export const FAIL_ON = ['error', 'warning', 'note', 'none'] as const
export type FailOn = (typeof FAIL_ON)[number]

/** How grave a severity is: a higher rank is graver. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, note: 1 }

/** Graver first: the order findings are listed in. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_RANK[b] - SEVERITY_RANK[a]
}

export function isFailOn(value: string): value is FailOn {
  return (FAIL_ON as readonly string[]).includes(value)
}

/** Whether a finding of this severity is at or above the threshold (`none`: never). */
export function fails(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'none' && SEVERITY_RANK[severity] >= SEVERITY_RANK[failOn]
}

/** The findings at or above the threshold (`none`: never any). */
export function failingFindings(findings: Finding[], failOn: FailOn): Finding[] {
  return findings.filter((f) => fails(f.severity, failOn))
}

export function summarize(findings: Finding[]): { error: number; warning: number; note: number } {
  const summary = { error: 0, warning: 0, note: 0 }
  for (const f of findings) summary[f.severity]++
  return summary
}

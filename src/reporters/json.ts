import type { FullReport } from '../types/index.js'

/** The documented JSON report (schema/report.schema.json): stable key order, two-space indent, final newline. */
export function renderJson(report: FullReport): string {
  return `${JSON.stringify(report, null, 2)}\n`
}

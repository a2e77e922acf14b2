import { table } from './text.js'

/** The `--timings` table: milliseconds per pipeline stage and the total. */
export function renderTimings(timings: Record<string, number>): string {
  const rows = [['stage', 'ms']]
  let total = 0
  for (const [stage, ms] of Object.entries(timings)) {
    rows.push([stage, String(Math.round(ms))])
    total += ms
  }
  rows.push(['total', String(Math.round(total))])
  return `${table(rows, '').join('\n')}\n`
}

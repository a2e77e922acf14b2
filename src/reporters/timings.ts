import { table } from './text.js'

export interface CacheFigures {
  hits: number
  misses: number
  written: number
  changed?: number
}

/** The `--timings` table: milliseconds per pipeline stage and the total; then how the cache served the run. */
export function renderTimings(timings: Record<string, number>, cache?: CacheFigures): string {
  const rows = [['stage', 'ms']]
  let total = 0
  for (const [stage, ms] of Object.entries(timings)) {
    rows.push([stage, String(Math.round(ms))])
    total += ms
  }
  rows.push(['total', String(Math.round(total))])
  let out = `${table(rows, '').join('\n')}\n`
  if (cache) {
    const changed = cache.changed === undefined ? '' : `, ${cache.changed} changed since the ref`
    out += `cache: ${cache.hits} files reused, ${cache.misses} analysed, ${cache.written} saved${changed}\n`
  }
  return out
}

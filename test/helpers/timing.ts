// Timing checks for "no ReDoS" tests: generous absolute bounds plus a linear-scaling check, so a loaded 2-core runner
// never flakes while a quadratic or exponential pattern (100x at 10x the input, or worse) still fails.
import { expect } from 'vitest'

/** Per-call bound for inputs of up to ~60k characters. Linear code takes a few ms here. */
export const CALL_BOUND_MS = 250

/** The fastest of a few tries: one slow try (a GC pause, JIT tier-up, a busy core) is not a blow-up. */
export function fastest(fn: () => unknown, tries = 3, goodEnough = CALL_BOUND_MS / 5): number {
  let best = Infinity
  for (let i = 0; i < tries && best > goodEnough; i++) {
    const started = performance.now()
    fn()
    best = Math.min(best, performance.now() - started)
  }
  return best
}

/** Time at n and at 10n characters: linear code scales ~10x; a ratio over 30 (with a 2 ms floor) is super-linear. */
export function expectLinear(make: (n: number) => string, fn: (text: string) => unknown, n = 10_000): void {
  const small = make(n)
  const large = make(n * 10)
  fn(small)
  fn(large) // warm-up: regex compilation, JIT
  const tSmall = fastest(() => fn(small), 5, 0)
  const tLarge = fastest(() => fn(large), 3, 0)
  const detail = `${tSmall.toFixed(2)} ms at ${small.length} chars, ${tLarge.toFixed(2)} ms at ${large.length} chars`
  expect(tLarge, detail).toBeLessThan(30 * Math.max(tSmall, 2))
  expect(tLarge, detail).toBeLessThan(1000)
}

/** `unit` repeated to exactly n characters. */
export const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)

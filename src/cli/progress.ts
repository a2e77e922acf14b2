// The progress line of a scan on a terminal: the stage, and files done / total while detecting.
import ora from 'ora'

export interface Progress {
  update(stage: string, detail?: string): void
  stop(): void
}

/** How often a stage's detail (files done) is redrawn. */
const DETAIL_INTERVAL_MS = 100

/**
 * A spinner on stderr when that is a terminal (with a width; not in CI), else undefined. The scan's stages run
 * without yielding to the event loop, so the spinner's own timer would not fire until the end: each update draws the
 * line itself — every change of stage, a stage's first detail, then its details at most every 100 ms.
 */
export function startProgress(wanted: boolean, stream: NodeJS.WriteStream = process.stderr): Progress | undefined {
  if (!wanted || !stream.isTTY || !stream.columns || process.env.CI) return undefined
  const spinner = ora({ text: 'collecting files', stream }).start()
  let stage = ''
  /** When a detail of the current stage was last drawn; undefined until its first (which is always drawn). */
  let detailDrawn: number | undefined
  return {
    update(next, detail) {
      const now = performance.now()
      if (next !== stage) detailDrawn = undefined
      else if (detail !== undefined && detailDrawn !== undefined && now - detailDrawn < DETAIL_INTERVAL_MS) return
      stage = next
      if (detail !== undefined) detailDrawn = now
      spinner.text = detail ? `${next}: ${detail}` : next
      spinner.render()
    },
    stop: () => spinner.stop(),
  }
}

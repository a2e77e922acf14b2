import { renameSync, writeFileSync, rmSync } from 'node:fs'
import path from 'node:path'

/** Writes a file atomically (temp file + rename), so an interrupted run never leaves a truncated report. */
export function writeFileAtomic(file: string, content: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`)
  try {
    writeFileSync(tmp, content)
    renameSync(tmp, file)
  } catch (error) {
    rmSync(tmp, { force: true })
    throw error
  }
}

// Builds throwaway repos on disk for tests: real files, real symlinks, real permissions.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'

const made: string[] = []
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

export type Tree = Record<string, string | Buffer | { symlink: string }>

export function makeRepo(tree: Tree): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'privaudit-test-'))
  made.push(root)
  for (const [rel, content] of Object.entries(tree)) {
    const abs = path.join(root, rel)
    mkdirSync(path.dirname(abs), { recursive: true })
    if (typeof content === 'object' && !Buffer.isBuffer(content)) symlinkSync(content.symlink, abs)
    else writeFileSync(abs, content)
  }
  return root
}

// The committed Action bundle is what the sources build to: rebuild it (esbuild, same options) and compare bytes.
// On a mismatch, run `npm run build:action` and commit action/dist/index.mjs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
import { afterAll, describe, expect, it } from 'vitest'
// @ts-expect-error a plain .mjs build script, no type declarations
import { ACTION_BUNDLE, actionBuildOptions } from '../../scripts/build-action.mjs'
import { ROOT } from '../helpers/cli.js'

const dir = mkdtempSync(path.join(os.tmpdir(), 'privaudit-bundle-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('action/dist/index.mjs', () => {
  it('is up to date with the sources (npm run build:action)', async () => {
    const fresh = path.join(dir, 'index.mjs')
    await build(actionBuildOptions(fresh))
    const committed = readFileSync(path.join(ROOT, ACTION_BUNDLE))
    const rebuilt = readFileSync(fresh)
    // compare sizes first: a 8 MB diff in the failure message helps nobody
    expect(committed.length, 'action/dist/index.mjs is stale: run `npm run build:action` and commit it').toBe(rebuilt.length)
    expect(committed.equals(rebuilt), 'action/dist/index.mjs is stale: run `npm run build:action` and commit it').toBe(true)
  })

  it('carries no absolute path of the machine that built it', () => {
    const text = readFileSync(path.join(ROOT, ACTION_BUNDLE), 'utf8')
    expect(text.includes(ROOT), 'the bundle embeds the build machine\'s checkout path').toBe(false)
  })
})

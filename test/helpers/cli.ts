// Runs the built CLI as a real process (build first: `npm test` does, through `pretest`).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Ajv } from 'ajv'

export const ROOT = path.join(import.meta.dirname, '../..')
export const BIN = path.join(ROOT, 'bin/run.js')
export const FIXTURES = path.join(ROOT, 'fixtures')

/** The CLI caches per-file analysis by default: tests keep theirs in a temp folder, never the user's ~/.cache. */
export const TEST_CACHE_DIR = mkdtempSync(path.join(os.tmpdir(), 'privaudit-test-cache-'))

export interface CliResult {
  status: number
  stdout: string
  stderr: string
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', NO_COLOR: '1', PRIVAUDIT_CACHE_DIR: TEST_CACHE_DIR, ...options.env },
    timeout: 120_000,
  })
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

const ajv = new Ajv({ allErrors: true, strict: false })
const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schema/report.schema.json'), 'utf8')))

/** Validates a report against schema/report.schema.json; returns the errors, [] when valid. */
export function schemaErrors(report: unknown): string[] {
  return validate(report) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}

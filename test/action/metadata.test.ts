// The Action's metadata and every workflow the project ships or documents, read as GitHub reads them: parsed by a
// strict YAML parser and validated with @action-validator/cli (offline, run as a process).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Code } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { ROOT } from '../helpers/cli.js'

const VALIDATOR = path.join(ROOT, 'node_modules/@action-validator/cli/cli.mjs')
const scratch = mkdtempSync(path.join(os.tmpdir(), 'privaudit-action-meta-'))

interface ValidatorError { code: string; path: string; title?: string; detail?: string; states?: Array<{ errors: ValidatorError[] }> }

/** Runs action-validator on `text` saved under `name` (it tells an action from a workflow by the file name). */
function validate(name: string, text: string): { status: number; errors: ValidatorError[] } {
  const dir = mkdtempSync(path.join(scratch, 'v-'))
  const file = path.join(dir, name)
  writeFileSync(file, text)
  const r = spawnSync(process.execPath, [VALIDATOR, file], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } })
  const errors = r.status === 0 ? [] : (JSON.parse(r.stderr) as { errors: ValidatorError[] }).errors
  return { status: r.status ?? -1, errors }
}

/** Parses YAML strictly: any error or warning fails. */
function parseStrict(text: string, where: string): unknown {
  const doc = parseDocument(text, { strict: true, prettyErrors: true, uniqueKeys: true })
  expect([...doc.errors, ...doc.warnings].map((e) => `${where}: ${e.message}`)).toEqual([])
  return doc.toJS()
}

/** The fenced YAML blocks of a Markdown file, from a real Markdown parser. */
function yamlBlocks(file: string): Array<{ text: string; line: number }> {
  const tree = fromMarkdown(readFileSync(file, 'utf8'))
  const out: Array<{ text: string; line: number }> = []
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'code' && /^ya?ml$/i.test((node as Code).lang ?? '')) out.push({ text: (node as Code).value, line: (node as Code).position!.start.line })
    for (const child of (node.children ?? []) as Array<{ type: string; children?: unknown[] }>) visit(child)
  }
  visit(tree)
  return out
}

function markdownFiles(): string[] {
  const docs = path.join(ROOT, 'docs')
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []))
  return [path.join(ROOT, 'README.md'), ...walk(docs)]
}

const isWorkflow = (value: unknown): boolean => typeof value === 'object' && value !== null && 'jobs' in value && 'on' in value

interface ActionMetadata { runs: { using: string; main: string }; inputs: Record<string, { default?: string; description: string }> }

describe('action.yml', () => {
  const text = readFileSync(path.join(ROOT, 'action.yml'), 'utf8')

  it('parses as YAML, runs the bundled entry on node24, and every input default is what the README documents', () => {
    const action = parseStrict(text, 'action.yml') as ActionMetadata
    expect(action.runs).toEqual({ using: 'node24', main: 'action/dist/index.mjs' })
    expect(existsSync(path.join(ROOT, action.runs.main))).toBe(true)
    const defaults = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default]))
    expect(defaults).toEqual({
      path: '.', policy: undefined, config: undefined, 'fail-on': 'error', comment: 'true', 'sarif-file': '', cache: 'true', 'cache-dir': '',
      'github-token': '${{ github.token }}',
    })
    for (const [name, input] of Object.entries(action.inputs)) expect(typeof input.description, name).toBe('string')
    // a description with `(default: …)` in it must stay one string, not a nested mapping
    expect(action.inputs.policy.description).toContain('default: discovered')
  })

  it('validates with action-validator, whose schema differs from GitHub only in not knowing node24', () => {
    // the one allowed difference: the copy says node20 where action.yml says node24, and nothing else changes
    const doc = parseDocument(text)
    doc.setIn(['runs', 'using'], 'node20')
    const copy = doc.toString()
    const asRead = parseStrict(copy, 'copy') as ActionMetadata
    expect({ ...asRead, runs: { ...asRead.runs, using: 'node24' } }).toEqual(parseStrict(text, 'action.yml'))
    expect(validate('action.yml', copy)).toEqual({ status: 0, errors: [] })
    // as it is, only runs.using is refused: a schema difference, not a defect
    const original = validate('action.yml', text)
    expect(original.status).toBe(1)
    expect(original.errors.map((e) => e.path)).toEqual(['/runs'])
    const usingErrors = original.errors[0].states!.flatMap((s) => s.errors).filter((e) => e.path === '/runs/using')
    expect(usingErrors.length).toBeGreaterThan(0)
  })

  it('the validator is not vacuous: it rejects the unquoted description this file once had', () => {
    const broken = text.replace(/description: "The privacy policy file \(default: discovered in the scanned folder\)\."/, 'description: The privacy policy file (default: discovered in the scanned folder).')
    expect(broken).not.toBe(text)
    expect(validate('action.yml', broken.replace('using: node24', 'using: node20')).errors.map((e) => e.code)).toContain('parse_error')
  })
})

describe('workflows', () => {
  const shipped = existsSync(path.join(ROOT, '.github/workflows'))
    ? readdirSync(path.join(ROOT, '.github/workflows')).filter((f) => /\.ya?ml$/.test(f)).map((f) => ({ where: `.github/workflows/${f}`, text: readFileSync(path.join(ROOT, '.github/workflows', f), 'utf8') }))
    : []
  const documented = markdownFiles().flatMap((file) => yamlBlocks(file).map((b) => ({ where: `${path.relative(ROOT, file)}:${b.line}`, text: b.text })))

  it('every YAML block of the README and docs parses', () => {
    expect(documented.length).toBeGreaterThan(5)
    for (const block of documented) parseStrict(block.text, block.where)
  })

  it('every shipped and documented workflow validates with action-validator', () => {
    const workflows = [...shipped, ...documented.filter((b) => isWorkflow(parseStrict(b.text, b.where)))]
    // the README's pull-request workflow at least
    expect(workflows.some((w) => w.where.startsWith('README.md'))).toBe(true)
    for (const w of workflows) expect(validate('workflow.yml', w.text), w.where).toEqual({ status: 0, errors: [] })
  })
})

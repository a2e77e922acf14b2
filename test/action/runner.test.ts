// The runner interface without @actions/core: inputs, outputs, annotations; and the changed lines annotations go on.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { annotation, getBooleanInput, getInput, setOutput } from '../../src/action/runner.js'
import { addedLines } from '../../src/collect/git.js'
import { commit, makeGitRepo } from '../helpers/git.js'

describe('runner interface', () => {
  it('reads inputs the way the runner names them', () => {
    const env = { 'INPUT_FAIL-ON': ' warning ', INPUT_COMMENT: 'False', 'INPUT_SARIF-FILE': '' }
    expect(getInput(env, 'fail-on')).toBe('warning')
    expect(getInput(env, 'sarif-file')).toBe('')
    expect(getBooleanInput(env, 'comment', true)).toBe(false)
    expect(getBooleanInput(env, 'missing', true)).toBe(true)
    expect(() => getBooleanInput({ INPUT_COMMENT: 'maybe' }, 'comment', true)).toThrow(/must be true or false/)
  })

  it('writes outputs in the heredoc form, safe for multi-line values', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'privaudit-out-')), 'output')
    writeFileSync(file, '')
    setOutput({ GITHUB_OUTPUT: file }, 'report', '/tmp/a\nerrors=99')
    expect(readFileSync(file, 'utf8')).toMatch(/^report<<(privaudit_[\w-]+)\n\/tmp\/a\nerrors=99\n\1\n$/)
  })

  it('escapes annotation data and properties', () => {
    expect(annotation('error', 'line one\nline 100%', { file: 'a,b:c.ts', line: 3, title: 'privaudit: x' }))
      .toBe('::error file=a%2Cb%3Ac.ts,line=3,title=privaudit%3A x::line one%0Aline 100%25')
    expect(annotation('notice', 'plain')).toBe('::notice::plain')
  })
})

describe('addedLines', () => {
  it('lists the lines a change adds or rewrites, including files with unusual names', () => {
    const repo = makeGitRepo({ 'a.ts': 'one\ntwo\nthree\n', 'gone.ts': 'x\n' })
    commit(repo, { 'a.ts': 'one\nTWO\nthree\nfour\n', 'gone.ts': null, 'café ü.ts': 'hi\n', 'plain name.ts': 'p\nq\n' })
    const lines = addedLines(repo, 'main~1', 'HEAD')
    expect([...lines.get('plain name.ts')!]).toEqual([1, 2])
    expect([...lines.get('a.ts')!]).toEqual([2, 4])
    expect([...lines.get('café ü.ts')!]).toEqual([1])
    expect(lines.has('gone.ts')).toBe(false)
  })
})

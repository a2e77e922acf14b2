// .privaudit.yml: validated against its schema (schema/config.schema.json is generated from the same definition), with
// errors that name the file, the line and the key; and what a valid file gives a scan.
import { describe, expect, it } from 'vitest'
import { ConfigError, DEFAULT_MAX_FILE_SIZE, loadConfig } from '../../src/collect/config.js'
import { makeRepo } from '../helpers/tmp.js'

const load = (text: string) => loadConfig(makeRepo({ '.privaudit.yml': text }))
const errorOf = (text: string): string => {
  try {
    load(text)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error(`no error for ${JSON.stringify(text)}`)
}

describe('.privaudit.yml errors', () => {
  it.each([
    ['ignore:\n  - rule: undeclared-subprocessor\n    vendor: posthog\n', 'invalid config .privaudit.yml:2: ignore[0]: missing "reason"'],
    ['ignore:\n  - rule: a\n    reason: ok ok\n  - rule: b\n    vendor: v\n', 'invalid config .privaudit.yml:4: ignore[1]: missing "reason"'],
    ['ignore:\n  - rule: x\n    reason: ab\n', 'invalid config .privaudit.yml:3: ignore[0].reason: must NOT have fewer than 3 characters'],
    ['ignore:\n  - rule: x\n    reason: abcd\n    extra: 1\n', 'invalid config .privaudit.yml:2: ignore[0]: unknown key "extra"'],
    ['ignore:\n  - rule: x\n    reason: abcd\n    path: 3\n', 'invalid config .privaudit.yml:4: ignore[0].path: must be string'],
    ['policy: PRIVACY.md\nfailOn: error\n', 'invalid config .privaudit.yml:1: (top level): unknown key "failOn"'],
    ['policy: ""\n', 'invalid config .privaudit.yml:1: policy: must NOT have fewer than 1 characters'],
    ['declared: stripe\n', 'invalid config .privaudit.yml:1: declared: must be array'],
    ['declared:\n  - reason: x\n', 'invalid config .privaudit.yml:2: declared[0]: must be string'],
    ['vendors:\n  - 3\n', 'invalid config .privaudit.yml:2: vendors[0]: must be object'],
    ['exclude: [1]\n', 'invalid config .privaudit.yml:1: exclude[0]: must be string'],
    ['rules:\n  foo: error\n  bar: fatal\n', 'invalid config .privaudit.yml:3: rules.bar: must be equal to one of the allowed values'],
    ['maxFileSize: 10\n', 'invalid config .privaudit.yml:1: maxFileSize: must be >= 1024'],
    ['maxFileSize: 2048.5\n', 'invalid config .privaudit.yml:1: maxFileSize: must be integer'],
    ['- a\n- b\n', 'invalid config .privaudit.yml:1: (top level): must be a mapping'],
    ['42\n', 'invalid config .privaudit.yml:1: (top level): must be a mapping'],
  ])('%j', (text, message) => {
    expect(errorOf(text)).toBe(message)
  })

  it('names the YAML error and its line', () => {
    expect(errorOf('declared:\n  - vendor: [oops\n')).toMatch(/^invalid config \.privaudit\.yml:3: Flow sequence/)
  })
})

describe('a valid .privaudit.yml', () => {
  it('gives every setting, declared vendors as objects', () => {
    const text = 'policy: PRIVACY.md\ndeclared:\n  - stripe\n  - vendor: neon\n    reason: db\nignore:\n  - rule: "*"\n    path: test/**\n    reason: tests\nexclude: [x]\nrules:\n  a: off\n  b: note\nmaxFileSize: 4096\n'
    expect(load(text)).toEqual({
      file: '.privaudit.yml', policy: 'PRIVACY.md', declared: [{ vendor: 'stripe' }, { vendor: 'neon', reason: 'db' }], vendors: [],
      ignore: [{ rule: '*', path: 'test/**', reason: 'tests' }], exclude: ['x'], rules: { a: 'off', b: 'note' }, maxFileSize: 4096,
    })
  })

  it('leaves what it does not set to the defaults', () => {
    expect(load('# nothing yet\n')).toEqual({ file: '.privaudit.yml', declared: [], vendors: [], ignore: [], exclude: [], rules: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE })
  })
})

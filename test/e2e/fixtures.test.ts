// The built CLI on every fixture repo: exactly the planted findings, the documented exit code, a schema-valid report.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Report } from '../../src/types/index.js'
import { FIXTURES, runCli, schemaErrors } from '../helpers/cli.js'

interface Expected {
  exitCode: number
  findings: Array<{ ruleId: string; severity: string; vendor?: string; files?: string[] }>
}

const fixtures = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(FIXTURES, d.name, 'expected.json')))
  .map((d) => d.name)
  .sort()

describe('privaudit scan on the fixture repos', () => {
  it('has fixtures to run', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(6)
  })
  for (const name of fixtures) {
    it(`${name}: exactly the planted findings`, () => {
      const expected = JSON.parse(readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected
      const { status, stdout, stderr } = runCli(['scan', `fixtures/${name}`, '--format', 'json'])
      expect(stderr).toBe('')
      const report = JSON.parse(stdout) as Report
      expect(schemaErrors(report)).toEqual([])
      const key = (f: { ruleId: string; severity: string; vendor?: string }) => `${f.ruleId} ${f.severity} ${f.vendor ?? '-'}`
      expect(report.findings.map(key).sort()).toEqual(expected.findings.map(key).sort())
      for (const want of expected.findings) {
        const got = report.findings.find((f) => key(f) === key(want))!
        for (const file of want.files ?? []) expect(got.locations.map((l) => l.file)).toContain(file)
      }
      expect(status).toBe(expected.exitCode)
    })
  }
})

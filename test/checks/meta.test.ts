// Every check is registered, documented, tested and named the same way.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHECKS } from '../../src/checks/index.js'

const ROOT = path.join(import.meta.dirname, '../..')

describe('checks', () => {
  it('every check folder is registered', () => {
    const folders = readdirSync(path.join(ROOT, 'src/checks'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    expect(CHECKS.map((c) => c.meta.id).sort()).toEqual(folders)
  })
  for (const check of CHECKS) {
    it(`${check.meta.id} has a kebab-case id, a description, docs and tests`, () => {
      expect(check.meta.id).toMatch(/^[a-z]+(-[a-z]+)+$/)
      expect(check.meta.description.length).toBeGreaterThan(10)
      const docs = path.join(ROOT, 'docs/checks', `${check.meta.id}.md`)
      expect(existsSync(docs)).toBe(true)
      expect(readFileSync(docs, 'utf8')).toContain(`# ${check.meta.id}`)
      expect(existsSync(path.join(ROOT, 'test/checks', `${check.meta.id}.test.ts`))).toBe(true)
    })
  }
})

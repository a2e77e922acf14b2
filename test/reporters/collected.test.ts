// What a product's own forms ask for, through every report format: the JSON report's dataFlows (validated against
// the published schema), the data map's row in HTML (parsed as a browser parses it), Markdown and text, and the
// findings it raises against the policy's collection list and its denial.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv } from 'ajv'
import { beforeAll, describe, expect, it } from 'vitest'
import { audit } from '../../src/core/audit.js'
import { renderHtml } from '../../src/reporters/html.js'
import { renderJson } from '../../src/reporters/json.js'
import { renderMarkdown } from '../../src/reporters/markdown.js'
import { renderText } from '../../src/reporters/text.js'
import type { FullReport } from '../../src/types/index.js'
import { elements, parseHtml, textOf } from '../helpers/html.js'
import { makeRepo } from '../helpers/tmp.js'

const POLICY = `# Privacy Policy

## What we collect

- Your email address, to sign you in.

We do not collect your date of birth.
`

const SIGNUP = `export default function SignUp() {
  return (
    <form action="/api/signup" method="post">
      <input type="email" name="email" required />
      <input name="phone" type="tel" />
      <input name="birthday" type="date" />
      <input type="search" name="q" />
    </form>
  )
}
`

let report: FullReport
beforeAll(async () => {
  const root = makeRepo({
    'PRIVACY.md': POLICY,
    'package.json': `${JSON.stringify({ name: 'signup', private: true, dependencies: { react: '^19.0.0' } }, null, 2)}\n`,
    'app/signup/page.tsx': SIGNUP,
  })
  report = (await audit({ root })).report
})

describe('what the forms ask for, in the reports', () => {
  it('JSON: each field a collected flow, declared where the collection list names it, and the report fits its schema', () => {
    const json = JSON.parse(renderJson(report)) as FullReport
    const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../schema/report.schema.json'), 'utf8')) as object
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema)
    expect(validate(json) ? [] : validate.errors).toEqual([])
    expect(json.dataFlows.map((f) => [f.category, f.source.name, f.sink.kind, f.sink.call, `${f.sink.file}:${f.sink.line}`, f.declared, f.policy?.line])).toEqual([
      ['user.contact.email', 'email', 'collected', '<input>', 'app/signup/page.tsx:4', true, 5],
      ['user.contact.phone_number', 'phone', 'collected', '<input>', 'app/signup/page.tsx:5', false, undefined],
      ['user.demographic.date_of_birth', 'birthday', 'collected', '<input>', 'app/signup/page.tsx:6', false, undefined],
    ])
    // the date of birth breaks "we do not collect your date of birth"; the list names neither it nor the phone number
    expect(json.findings.map((f) => [f.ruleId, f.severity, f.locations.map((l) => `${l.file}:${l.line}`), f.policy?.line])).toEqual([
      ['data-claim-contradicted', 'error', ['app/signup/page.tsx:6'], 7],
      ['undeclared-data-collection', 'warning', ['app/signup/page.tsx:5'], 5],
      ['undeclared-data-collection', 'warning', ['app/signup/page.tsx:6'], 5],
    ])
  })

  it('HTML: the data map has a row for the forms, its categories split by what the policy declares', () => {
    const doc = parseHtml(renderHtml(report))
    const map = elements(doc).find((e) => e.tagName === 'table' && textOf(e).startsWith('Receives Declared in the policy Not declared'))!
    const rows = elements(map).filter((e) => e.tagName === 'tr').map((tr) => elements(tr).filter((e) => e.tagName === 'td').map(textOf)).filter((cells) => cells.length > 0)
    expect(rows).toEqual([['Forms and input schemas', 'email address', 'phone number, date of birth']])
  })

  it('Markdown and text: the same row', () => {
    expect(renderMarkdown(report).split('\n')).toContain('| Forms and input schemas | email address | **phone number, date of birth** |')
    const text = renderText(report, { color: false }).split('\n')
    const row = text.find((l) => l.trimStart().startsWith('Forms and input schemas'))
    expect(row?.trim().split(/\s{2,}/)).toEqual(['Forms and input schemas', 'email address', 'phone number, date of birth'])
  })
})

// The PR comment's wording for each kind of undeclared vendor, the fixed list, and its size limit.
import { beforeAll, describe, expect, it } from 'vitest'
import { commentMarker, renderPrComment } from '../../src/action/comment.js'
import { withComparison } from '../../src/model/findings.js'
import type { FullReport } from '../../src/types/index.js'
import { sampleReport } from '../helpers/report.js'

let report: FullReport
beforeAll(async () => {
  report = await sampleReport()
})

const link = (l: { file: string; line: number }) => `https://github.com/o/r/blob/head/${l.file}#L${l.line}`
const baseLink = (l: { file: string; line: number }) => `https://github.com/o/r/blob/base/${l.file}#L${l.line}`

describe('renderPrComment', () => {
  it('says what the PR adds, in the words legal reads: not declared, denied, disclosed only by kind', () => {
    const neon = report.findings.find((f) => f.vendor === 'neon')!
    const compared = withComparison(report, [neon], { base: 'main (abc1234)' })
    const body = renderPrComment(compared, { marker: commentMarker('.'), link, baseLink })
    expect(body.startsWith('<!-- privaudit:pr-comment path=. -->\n')).toBe(true)
    expect(body).toContain('This pull request adds **4 findings** (2 errors, 2 warnings, 0 notes).')
    expect(body).toContain('- ✖ adds **Sentry** through `@sentry/node` in [`package.json`](https://github.com/o/r/blob/head/package.json#L8); [`PRIVACY.md`](https://github.com/o/r/blob/head/PRIVACY.md#L1) does not declare it.')
    expect(body).toMatch(/- ✖ adds \*\*Intercom\*\* through `widget\.intercom\.io` in \[`src\/layout\.tsx`\]\(\S+#L1\); \[`PRIVACY\.md`\]\(\S+#L8\) says it is not used: “We do not use Intercom[^”]*widget”\n/)
    expect(body).toMatch(/- ▲ adds \*\*PostHog\*\* through `posthog-js` in \[`package\.json`\]\(\S+\) \(and 2 more places\); \[`PRIVACY\.md`\]\(\S+#L7\) names it only by kind: “We share usage data with our analytics providers”\n/)
    expect(body).toContain('<details><summary>Evidence and suggested policy sentences</summary>') // more than 3 findings: folded
    expect(body).toMatch(/<sub>compared with `main \(abc1234\)`; 1 finding already there before this pull request/)
  })

  it('lists what the PR fixes, linked to where it was on the base', () => {
    const compared = withComparison({ ...report, findings: [] }, [report.findings[1]], { base: 'main (abc1234)' })
    const body = renderPrComment(compared, { marker: commentMarker('apps/web'), link, baseLink })
    expect(body).toContain('<!-- privaudit:pr-comment path=apps/web -->')
    expect(body).toContain('This pull request fixes **1 finding**.')
    expect(body).toMatch(/- ✔ Sentry .* \(was at \[`package\.json:8`\]\(https:\/\/github\.com\/o\/r\/blob\/base\/package\.json#L8\)\)/)
  })

  it('stays under GitHub\'s comment size limit', () => {
    const many = Array.from({ length: 400 }, (_, i) => ({ ...report.findings[0], fingerprint: i.toString(16).padStart(24, '0'), message: `${'x'.repeat(200)} ${i}` }))
    const body = renderPrComment(withComparison({ ...report, findings: many }, [], { base: 'main' }), { marker: commentMarker('.') })
    expect(body.length).toBeLessThan(65_536)
    expect(body).toMatch(/… \(cut: the full report is in the job summary/)
  })
})

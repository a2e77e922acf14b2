// The HTML report in a real browser: headless Chromium (Debian's `chromium`) parses it, every section is in the DOM it
// builds, and a screenshot is saved to test-artifacts/ for a person to look at. Skipped, saying so, without chromium.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderHtml } from '../../src/reporters/html.js'
import { ROOT } from '../helpers/cli.js'
import { sampleReport } from '../helpers/report.js'

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[]
const CHROMIUM = CANDIDATES.find((p) => existsSync(p))
const ARTIFACTS = path.join(ROOT, 'test-artifacts')

const work = mkdtempSync(path.join(os.tmpdir(), 'privaudit-html-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function chromium(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const profile = mkdtempSync(path.join(work, 'profile-'))
  // the flags keep Chromium off the network (none here) and out of first-run work
  const r = spawnSync(CHROMIUM!, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-extensions', '--no-first-run', '--no-default-browser-check', `--user-data-dir=${profile}`, ...args,
  ], { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe.skipIf(!CHROMIUM)(`HTML report in headless Chromium${CHROMIUM ? '' : ' (skipped: no chromium binary; install it with `apt-get install -y chromium` or set CHROMIUM_PATH)'}`, () => {
  let file: string
  beforeAll(async () => {
    file = path.join(work, 'report.html')
    writeFileSync(file, renderHtml(await sampleReport()))
  })

  it('renders every section: findings with both sides, subprocessors, cookies, claims coverage', () => {
    const { status, stdout, stderr } = chromium(['--dump-dom', pathToFileURL(file).href])
    expect(status, stderr).toBe(0)
    const dom = stdout
    expect(dom).toMatch(/<title>privaudit report · PRIVACY\.md<\/title>/)
    for (const [id, heading] of [['findings', 'Findings'], ['subprocessors', 'Subprocessors'], ['cookies', 'Cookies'], ['claims', 'Claims coverage']]) {
      expect(dom).toMatch(new RegExp(`<section id="${id}"><h2>${heading}</h2>`))
    }
    const findings = [...dom.matchAll(/<article class="finding sev-(\w+)" data-rule="([\w-]+)"(?: data-vendor="([\w-]+)")?/g)].map((m) => `${m[1]} ${m[2]} ${m[3] ?? '-'}`)
    expect(findings).toEqual([
      'error undeclared-subprocessor intercom', 'error undeclared-subprocessor sentry',
      'warning undeclared-subprocessor posthog', 'warning undeclared-subprocessor segment', 'note declared-subprocessor-unused neon',
    ])
    expect(dom).toMatch(/<div class="side code-side"><h4>In the code<\/h4><ul><li><code>src\/layout\.tsx:1:\d+<\/code> — script from <code>widget\.intercom\.io<\/code><\/li>/)
    expect(dom).toMatch(/<div class="side policy-side"><h4>In the policy<\/h4><p><code>PRIVACY\.md:8<\/code><\/p><blockquote>We do not use Intercom/)
    const vendorRows = [...dom.matchAll(/<tr data-vendor="([\w-]+)">/g)].map((m) => m[1])
    expect(vendorRows).toEqual(['intercom', 'posthog', 'segment', 'sentry', 'stripe', 'neon'])
    expect(dom).toMatch(/<td><code>ph_\*<\/code><\/td>/)
    expect(dom).toMatch(/<td class="status-contradicted">contradicted<\/td>/)
    expect(dom).toMatch(/<td class="status-confirmed">confirmed<\/td>/)
  })

  it('takes a screenshot (test-artifacts/html-report.png)', () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    const png = path.join(ARTIFACTS, 'html-report.png')
    rmSync(png, { force: true })
    const { status, stderr } = chromium(['--hide-scrollbars', '--window-size=1280,3000', `--screenshot=${png}`, pathToFileURL(file).href])
    expect(status, stderr).toBe(0)
    const bytes = readFileSync(png)
    expect(bytes.subarray(1, 4).toString()).toBe('PNG')
    expect(bytes.readUInt32BE(16)).toBe(1280) // IHDR width
    expect(statSync(png).size).toBeGreaterThan(50_000) // a page with content, not a blank one
  })
})

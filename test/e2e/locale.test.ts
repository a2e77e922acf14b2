// Same input, byte-identical report, whatever the machine's locale: every list is sorted by code units.
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { makeRepo } from '../helpers/tmp.js'

const POLICY = '# Privacy Policy\n\n## Subprocessors\n\nWe use Stripe (payments) to process your payments.\n'

/** Files and vendors whose names sort differently by locale: `ä` after `z` in Swedish, before it in English. */
const repo = makeRepo({
  'PRIVACY.md': POLICY,
  'package.json': JSON.stringify({ name: 'shop', private: true, dependencies: { 'posthog-js': '1.0.0', '@sentry/node': '8.0.0', stripe: '14.0.0' } }, null, 2),
  'src/ä.ts': "import posthog from 'posthog-js'\nposthog.init('phc_x')\ndocument.cookie = 'Zeta=1; Max-Age=60'\n",
  'src/z.ts': "import posthog from 'posthog-js'\nposthog.capture('z')\ndocument.cookie = 'beta=1; Max-Age=60'\n",
  'src/Å.ts': "import * as Sentry from '@sentry/node'\nSentry.init({})\n",
  'src/a.ts': "import * as Sentry from '@sentry/node'\nSentry.captureMessage('a')\ndocument.cookie = 'alpha=1; Max-Age=60'\n",
})

const LOCALES = ['en_US.UTF-8', 'sv_SE.UTF-8']

function scan(format: string, lang: string): string {
  const r = runCli(['scan', repo, '--format', format, '--no-cache', '--fail-on', 'none'], { env: { LANG: lang, LC_ALL: lang } })
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  return r.stdout
}

describe('reports under different locales', () => {
  it.each(['json', 'sarif', 'text', 'markdown', 'html'])('%s is byte-identical under en_US and sv_SE', (format) => {
    const [first, ...rest] = LOCALES.map((lang) => scan(format, lang))
    for (const other of rest) expect(other).toBe(first)
  })

  it('orders by code units: upper case before lower case, and Å and ä after z', () => {
    const report = JSON.parse(scan('json', 'sv_SE.UTF-8')) as { vendors: Array<{ id: string; evidence: Array<{ file: string }> }>; cookies: Array<{ name: string }> }
    const posthog = report.vendors.find((v) => v.id === 'posthog')!
    const files = [...new Set(posthog.evidence.map((e) => e.file))].filter((f) => f.startsWith('src/'))
    expect(files).toEqual(['src/z.ts', 'src/ä.ts'])
    const sentryFiles = [...new Set(report.vendors.find((v) => v.id === 'sentry')!.evidence.map((e) => e.file))].filter((f) => f.startsWith('src/'))
    expect(sentryFiles).toEqual(['src/a.ts', 'src/Å.ts'])
    expect(report.cookies.filter((c) => ['alpha', 'beta', 'Zeta'].includes(c.name)).map((c) => c.name)).toEqual(['Zeta', 'alpha', 'beta'])
  })
})

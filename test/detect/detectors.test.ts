// Detector cases: files with `privaudit:expect kind:vendor` on the line above each hit; anything missing or extra fails.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { detect } from '../../src/detect/index.js'
import type { Workspace } from '../../src/types/index.js'
import { testCatalog } from '../helpers/catalog.js'

const CASES = path.join(import.meta.dirname, 'cases')

function expectations(text: string): string[] {
  const lines = text.split('\n')
  const out: string[] = []
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/privaudit:expect ([a-z-]+):([a-z0-9-]+)/g)) out.push(`${i + 2} ${m[1]}:${m[2]}`)
  })
  return out.sort()
}

function workspaceOf(file: string, text: string, config = false): Workspace {
  const entry = { path: file, size: text.length, nonShipped: false }
  return {
    root: CASES, sourceFiles: config ? [] : [entry], configFiles: config ? [entry] : [], manifests: [], workspaceGlobs: [], lockfiles: [],
    policy: null, problems: [], skipped: [], read: () => text,
  }
}

describe('code detectors', () => {
  for (const file of readdirSync(CASES).filter((f) => !f.startsWith('config.')).sort()) {
    it(`finds exactly the expected evidence in ${file}`, () => {
      const text = readFileSync(path.join(CASES, file), 'utf8')
      const { evidence } = detect(workspaceOf(file, text), testCatalog())
      const found = evidence.map((e) => `${e.location.line} ${e.kind}:${e.vendor}`).sort()
      expect(found).toEqual(expectations(text))
    })
  }
})

describe('config detectors', () => {
  const cases: Array<[string, string, string[]]> = [
    ['.env.example', 'STRIPE_SECRET_KEY=\n# SENTRY_DSN=commented out\nDATABASE_URL=postgres://u:p@ep-x-1.eu-central-1.aws.neon.tech/db\nUPSTASH_REDIS_REST_URL=\nNODE_ENV=production\n',
      ['1 env:stripe', '3 host:neon', '4 env:upstash']],
    ['docker-compose.yml', 'services:\n  api:\n    environment:\n      - DD_API_KEY=${DD_API_KEY}\n      DATADOG_SITE: datadoghq.eu\n      PORT: "3000"\n',
      ['4 env:datadog', '5 env:datadog']],
    ['Dockerfile', 'FROM node:20\nARG SENTRY_AUTH_TOKEN\nENV NODE_ENV=production POSTHOG_HOST=https://eu.i.posthog.com\nRUN npm ci\n',
      ['2 env:sentry', '3 env:posthog', '3 host:posthog']],
    ['.github/workflows/deploy.yml', 'jobs:\n  deploy:\n    steps:\n      - uses: superfly/flyctl-actions/setup-flyctl@master\n      - run: flyctl deploy\n        env:\n          FLY_API_TOKEN: ${{ secrets.FLY_API_TOKEN }}\n      - uses: aws-actions/configure-aws-credentials@v4\n',
      ['4 config:fly-io', '7 env:fly-io', '8 config:aws']],
    ['fly.toml', 'app = "api"\nprimary_region = "fra"\n[env]\n  PORT = "8080"\n', ['1 config:fly-io']],
  ]
  for (const [file, text, expected] of cases) {
    it(`reads ${file}`, () => {
      const { evidence } = detect(workspaceOf(file, text, true), testCatalog())
      expect(evidence.map((e) => `${e.location.line} ${e.kind}:${e.vendor}`).sort()).toEqual([...expected].sort())
    })
  }

  it('reports a malformed config file and still scans it', () => {
    const { evidence, problems } = detect(workspaceOf('vercel.json', '{ "env": { "STRIPE_KEY": "x" ', true), testCatalog())
    expect(problems).toEqual([{ file: 'vercel.json', reason: expect.stringMatching(/^malformed JSON/) }])
    expect(evidence.map((e) => `${e.kind}:${e.vendor}`).sort()).toEqual(['config:vercel', 'env:stripe'])
  })
})

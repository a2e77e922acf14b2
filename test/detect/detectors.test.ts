// Detector cases: files with `privaudit:expect kind:vendor` on the line above each hit; anything missing or extra fails.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { detect } from '../../src/detect/index.js'
import type { Evidence, Workspace } from '../../src/types/index.js'
import { collectWorkspace } from '../../src/collect/index.js'
import { loadCatalog, type Catalog } from '../../src/catalog/index.js'
import { testCatalog } from '../helpers/catalog.js'

const CASES = path.join(import.meta.dirname, 'cases')

function expectations(text: string): string[] {
  const lines = text.split('\n')
  const out: string[] = []
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/privaudit:expect ([a-z-]+):(\S+)/g)) out.push(`${i + 2} ${m[1]}:${m[2]}`)
  })
  return out.sort()
}

/**
 * `kind:vendor`, except cookie evidence: `cookie:<name>` for a cookie set (`cookie:pref_*`, `cookie:(dynamic)`),
 * `cookie-sdk:<vendor>` for a vendor SDK that sets cookies loaded, `cookie-init:<vendor>` where it is initialised
 * (`cookie-init-off:<vendor>` when its config keeps it off cookies), `cookie-call:<helper>` for a call of the product's
 * own cookie helper from another file (`setCookie('theme', …)`). Cookie evidence is compared only in files that
 * expect some, so the other cases need not list every SDK they import.
 */
function key(e: Evidence): string {
  // ciphers, endpoints and regions have no vendor: `crypto-call:aes-256-gcm`, `transport:api.example.io`, `region:fra`
  if (VALUE_KINDS.has(e.kind)) return `${e.location.line} ${e.kind}:${e.value}`
  // a secret reaching a sink: `log-call:<source>-<sink kind>` (`log-call:decrypt-logger`); a secret in the repo or a decrypt site: `secret:<rule or role>`
  if (e.kind === 'log-call') return `${e.location.line} log-call:${e.data.source}-${e.data.sinkKind}`
  if (e.kind === 'secret') return `${e.location.line} secret:${e.data.role ?? e.data.rule}`
  // personal data reaching a call, a declared column or a form field: `data-flow:<category>-<vendor, log, storage or collected>` (`data-flow:user.contact.email-posthog`)
  if (e.kind === 'data-flow') return `${e.location.line} data-flow:${e.data.category}-${e.vendor ?? e.data.sinkKind}`
  if (e.kind === 'privacy-signal') return `${e.location.line} privacy-signal:${e.data.signal}-${e.data.how}`
  if (e.kind !== 'cookie') return `${e.location.line} ${e.kind}:${e.vendor}`
  const { data } = e
  if (data.role === 'vendor-load') return `${e.location.line} cookie-sdk:${data.vendor}`
  if (data.role === 'vendor-init') return `${e.location.line} cookie-init${data.cookies === false ? '-off' : ''}:${data.vendor}`
  if (data.role === 'helper-call') return `${e.location.line} cookie-call:${e.value}`
  return `${e.location.line} cookie:${e.value}`
}

const VALUE_KINDS = new Set(['crypto-call', 'transport', 'region'])
/** Kinds compared only where the case expects some, so other cases need not list every cookie SDK, cipher, URL or region. */
const OPT_IN_KINDS = ['cookie', 'crypto-call', 'transport', 'region', 'log-call', 'secret', 'data-flow', 'privacy-signal']

function compared(e: Evidence, expected: string): boolean {
  return !OPT_IN_KINDS.includes(e.kind) || expected.includes(` ${e.kind}`)
}

function workspaceOf(file: string, text: string, config = false): Workspace {
  const entry = { path: file, size: text.length, nonShipped: false }
  return {
    root: CASES, sourceFiles: config ? [] : [entry], configFiles: config ? [entry] : [], manifests: [], workspaceGlobs: [], lockfiles: [],
    policy: null, problems: [], skipped: [], read: () => text,
  }
}

/**
 * The small test catalog, or for a case marked `privaudit:catalog real` the real one: a case that checks the vendor
 * files' own models (their `sends:`), which the test catalog does not copy.
 */
function catalogFor(text: string): Catalog {
  return text.includes('privaudit:catalog real') ? loadCatalog() : testCatalog()
}

describe('code detectors', () => {
  for (const file of readdirSync(CASES, { withFileTypes: true }).filter((f) => f.isFile() && !f.name.startsWith('config.')).map((f) => f.name).sort()) {
    it(`finds exactly the expected evidence in ${file}`, () => {
      const text = readFileSync(path.join(CASES, file), 'utf8')
      const { evidence } = detect(workspaceOf(file, text), catalogFor(text))
      const expected = text.match(/privaudit:expect [a-z-]+/g)?.map((m) => m.slice('privaudit:expect'.length)).join('') ?? ''
      const found = evidence.filter((e) => compared(e, expected)).map(key).sort()
      expect(found).toEqual(expectations(text))
    })
  }
})

/** A folder of cases is one workspace: what one file cannot know alone (an imported logger, an exported secret). */
describe('code detectors across files', () => {
  for (const dir of readdirSync(CASES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    it(`finds exactly the expected evidence in ${dir}/`, () => {
      const root = path.join(CASES, dir)
      // collected as a scan collects it: tsconfig paths, manifests and all
      const workspace = collectWorkspace(root, { maxFileSize: 1_000_000, exclude: [] })
      const files = workspace.sourceFiles.map((f) => f.path)
      const texts = new Map(files.map((f) => [f, readFileSync(path.join(root, f), 'utf8')]))
      const { evidence } = detect(workspace, testCatalog())
      // a kind expected anywhere in the folder is compared in every file of it
      const expected = [...texts.values()].join('\n').match(/privaudit:expect [a-z-]+/g)?.map((m) => m.slice('privaudit:expect'.length)).join('') ?? ''
      for (const file of files) {
        const text = texts.get(file)!
        const found = evidence.filter((e) => e.location.file === file && compared(e, expected)).map(key).sort()
        expect(found, file).toEqual(expectations(text))
      }
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
    // regions and transport in deploy config
    ['apps/api/fly.toml', 'app = "api"\nprimary_region = "lhr"\n\n[http_service]\n  force_https = true\n',
      ['1 config:fly-io', '2 region:lhr', '5 transport:force_https']],
    ['vercel.json', '{\n  "regions": [\n    "fra1",\n    "hnd1"\n  ],\n  "headers": [{ "key": "Strict-Transport-Security", "value": "max-age=63072000" }]\n}\n',
      ['1 config:vercel', '3 region:fra1', '4 region:hnd1', '6 transport:strict-transport-security']],
    ['compose.yaml', 'services:\n  api:\n    environment:\n      AWS_REGION: ${AWS_REGION:-ap-southeast-2}\n      WEBHOOK_URL: http://hooks.partner-api.com/in\n      INTERNAL_URL: http://api:3000\n      LOCAL_URL: http://localhost:8080\n',
      ['4 env:aws', '4 region:ap-southeast-2', '5 transport:hooks.partner-api.com']],
    ['.github/workflows/release.yml', 'jobs:\n  deploy:\n    steps:\n      - run: flyctl deploy --region syd\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          aws-region: eu-west-2\n      # - run: curl http://hooks.partner-api.com\n',
      ['4 region:syd', '5 config:aws', '7 region:eu-west-2']],
    ['render.yaml', 'services:\n  - type: web\n    region: frankfurt\n    regions:\n      - oregon\n    name: api\n', ['3 region:frankfurt', '5 region:oregon']],
    ['.env.production', 'DATABASE_HOST=ep-x.us-east-2.aws.neon.tech\nAPI_BASE=http://api.legacy-crm.com\nSCHEMA_ID=http://json-schema.org/draft-07/schema#\nREGION_COUNT=3\nAWS_DEFAULT_REGION=${AWS_REGION}\n',
      ['1 region:us-east-2', '2 transport:api.legacy-crm.com', '5 env:aws', '5 env:aws']],
  ]
  for (const [file, text, expected] of cases) {
    it(`reads ${file}`, () => {
      const { evidence } = detect(workspaceOf(file, text, true), testCatalog())
      const kinds = expected.map((x) => ` ${x.split(' ')[1]}`).join('')
      expect(evidence.filter((e) => compared(e, kinds)).map(key).sort()).toEqual([...expected].sort())
    })
  }

  it('reports a malformed config file and still scans it', () => {
    const { evidence, problems } = detect(workspaceOf('vercel.json', '{ "env": { "STRIPE_KEY": "x" ', true), testCatalog())
    expect(problems).toEqual([{ file: 'vercel.json', reason: expect.stringMatching(/^malformed JSON/) }])
    expect(evidence.map((e) => `${e.kind}:${e.vendor}`).sort()).toEqual(['config:vercel', 'env:stripe'])
  })
})

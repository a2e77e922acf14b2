#!/usr/bin/env node
// privaudit's provider rules vs secretlint's recommended preset, on a labelled synthetic corpus: speed, hits, misses.
// secretlint is not a dependency: install it next to the repo first (it declares Node >= 22; 13.x runs on Node 20):
//   npm install --no-save @secretlint/core@13 @secretlint/secretlint-rule-preset-recommend@13
// then build (npm run build) and run: node bench/secretlint-compare.js [files, default 3000]. Figures: bench/secrets.md.
import { loadCatalog } from '../dist/catalog/index.js'
import { findProviderSecrets } from '../dist/secrets/patterns.js'
import { providerRules } from '../dist/secrets/rules.js'

let lintSource, preset, presetRules
try {
  ;({ lintSource } = await import('@secretlint/core'))
  ;({ creator: preset, rules: presetRules } = await import('@secretlint/secretlint-rule-preset-recommend'))
} catch {
  console.error('secretlint is not installed: npm install --no-save @secretlint/core@13 @secretlint/secretlint-rule-preset-recommend@13')
  process.exit(2)
}

const N = Number(process.argv[2] ?? 3000)
let seed = 42
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const B64 = ALNUM + '+/'
const body = (n, set = ALNUM) => Array.from({ length: n }, () => set[Math.floor(rand() * set.length)]).join('')
const hex = (n) => body(n, '0123456789abcdef')

// Positives: real formats with random bodies. Negatives: placeholders and public values.
const positives = () => [
  ['stripe-live', `STRIPE_SECRET_KEY=sk_live_${body(99)}`],
  ['stripe-test', `const key = 'sk_test_${body(24)}'`],
  ['stripe-restricted', `rk_live_${body(40)}`],
  ['github', `GITHUB_TOKEN=ghp_${body(36)}`],
  ['github-pat', `token: github_pat_${body(22)}_${body(59)}`],
  ['openai', `OPENAI_API_KEY=sk-proj-${body(74)}T3BlbkFJ${body(74)}`],
  ['openai-legacy', `const openai = new OpenAI({ apiKey: 'sk-${body(20)}T3BlbkFJ${body(20)}' })`],
  ['anthropic', `ANTHROPIC_API_KEY=sk-ant-api03-${body(93, ALNUM + '_-')}AA`],
  ['slack', `SLACK_BOT_TOKEN=xoxb-${Math.floor(rand() * 1e12)}-${Math.floor(rand() * 1e12)}-${body(24)}`],
  ['google', `GOOGLE_API_KEY=AIza${body(35)}`],
  ['aws-pair', `aws_access_key_id = AKIA${body(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}\naws_secret_access_key = ${body(40, B64)}`],
  ['pem', `-----BEGIN RSA PRIVATE KEY-----\nMII${body(61, B64)}\n${body(64, B64)}\n-----END RSA PRIVATE KEY-----`],
  ['npm', `//registry.npmjs.org/:_authToken=npm_${body(36)}`],
  ['sendgrid', `SENDGRID_API_KEY=SG.${body(22)}.${body(43)}`],
  ['db-url', `DATABASE_URL=postgres://app:${body(20)}@db.internal:5432/app`],
  ['resend', `RESEND_API_KEY=re_${body(8)}_${body(24)}`],
  ['clerk', `CLERK_SECRET_KEY=sk_live_${body(40)}`],
]
const negatives = () => [
  ['placeholder-x', 'STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  ['placeholder-your', 'STRIPE_SECRET_KEY=sk_live_your_stripe_secret_key_here'],
  ['publishable', `NEXT_PUBLIC_STRIPE_KEY=pk_live_${body(99)}`],
  ['posthog-public', `NEXT_PUBLIC_POSTHOG_KEY=phc_${body(43)}`],
  ['sentry-dsn', `SENTRY_DSN=https://${hex(32)}@o${Math.floor(rand() * 1e6)}.ingest.us.sentry.io/${Math.floor(rand() * 1e7)}`],
  ['env-ref', 'OPENAI_API_KEY=${OPENAI_API_KEY}'],
  ['empty', 'ANTHROPIC_API_KEY='],
  ['aws-example', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  ['pem-empty', '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----'],
  ['db-local', 'DATABASE_URL=postgres://postgres:postgres@localhost:5432/app'],
  ['db-ref', 'DATABASE_URL=postgres://${DB_USER}:${DB_PASSWORD}@db:5432/app'],
  ['stripe-placeholder-0', 'sk_test_000000000000000000000000'],
]

function codeFile(i) {
  const lines = [`import { z } from 'zod'`, `import { logger } from '../lib/logger'`, '']
  for (let f = 0; f < 6; f++) {
    lines.push(`export async function handler${i}_${f}(input: { id: string; tokenCount: number }) {`)
    lines.push(`  const url = \`https://api.example.com/items/\${input.id}?page=${f}\``)
    lines.push(`  const res = await fetch(url, { headers: { 'content-type': 'application/json', 'x-request-id': '${hex(32)}' } })`)
    lines.push(`  if (!res.ok) throw new Error(\`request failed: \${res.status}\`)`)
    lines.push(`  const sha = '${hex(40)}' // a commit sha, not a secret`)
    lines.push(`  logger.info({ tokenCount: input.tokenCount, etag: '${body(27)}' }, 'loaded')`)
    lines.push(`  return (await res.json()) as unknown`)
    lines.push('}', '')
  }
  return lines.join('\n')
}

// corpus: N files; every 10th file carries one labelled sample
const files = []
const labels = []
for (let i = 0; i < N; i++) {
  let text = codeFile(i)
  if (i % 10 === 0) {
    const pos = i % 20 === 0
    const list = pos ? positives() : negatives()
    const [label, sample] = list[Math.floor(rand() * list.length)]
    text += `\n${sample}\n`
    labels.push({ file: i, label, positive: pos })
  }
  files.push({ path: `src/mod${i}.ts`, text })
}
const bytes = files.reduce((n, f) => n + f.text.length, 0)

/** @secretlint/core as its CLI uses it: async, one lintSource per file. */
async function runCore() {
  const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: preset, options: {} }] }
  const hits = new Set()
  for (const [i, f] of files.entries()) {
    const r = await lintSource({ source: { content: f.text, filePath: f.path, ext: '.ts', contentType: 'text' }, options: { config, maskSecrets: true } })
    if (r.messages.length) hits.add(i)
  }
  return hits
}

/** The preset's rules as plain functions, driven synchronously (how privaudit could have embedded them). */
function runSync() {
  const hits = new Set()
  let current = -1
  const handlers = presetRules.map((rule) => rule.create({
    createTranslator: () => (id) => id,
    report: () => hits.add(current),
    ignore: () => {},
    getSourceFilePath: () => undefined,
  }, {}))
  for (const [i, f] of files.entries()) {
    current = i
    const source = { content: f.text, filePath: f.path, ext: '.ts', contentType: 'text' }
    for (const h of handlers) h.file?.(source)
  }
  return hits
}

// the catalog's rules, loaded once as a scan loads them, outside the timed runs
const rules = providerRules(loadCatalog())

function runOwn() {
  const hits = new Set()
  for (const [i, f] of files.entries()) if (findProviderSecrets(f.text, rules).length) hits.add(i)
  return hits
}

function score(hits) {
  const byLabel = {}
  let tp = 0, fn = 0, fp = 0
  for (const l of labels) {
    const hit = hits.has(l.file)
    if (l.positive && hit) tp++
    else if (l.positive) { fn++; byLabel[l.label] = (byLabel[l.label] ?? 0) + 1 }
    else if (hit) { fp++; byLabel[l.label] = (byLabel[l.label] ?? 0) + 1 }
  }
  const unlabelled = [...hits].filter((i) => !labels.some((l) => l.file === i)).length
  return { tp, fn, fp, unlabelledHits: unlabelled, misses: byLabel }
}

async function time(name, fn) {
  const start = performance.now()
  const hits = await fn()
  const ms = performance.now() - start
  console.log(JSON.stringify({ name, files: N, mb: +(bytes / 1e6).toFixed(1), ms: Math.round(ms), filesPerSec: Math.round(N / (ms / 1000)), ...score(hits) }))
}

await time('own-rules', runOwn)
await time('secretlint-rules-sync', runSync)
await time('secretlint-core-async', runCore)

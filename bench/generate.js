#!/usr/bin/env node
// Generates a synthetic monorepo shaped like a real product: workspaces, TS/TSX mix, vendor SDK imports, loggers,
// cookie setters, URLs, env files, a few minified bundles and very large files. Deterministic for a given size.
// Usage: node bench/generate.js <files> [outDir]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const files = Number(process.argv[2] ?? 1000)
const out = path.resolve(process.argv[3] ?? `bench/corpus/${files}`)

let seed = files * 7919
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
const pick = (list) => list[Math.floor(rand() * list.length)]

const VENDOR_IMPORTS = [
  "import Stripe from 'stripe'", "import posthog from 'posthog-js'", "import * as Sentry from '@sentry/nextjs'",
  "import { Resend } from 'resend'", "import OpenAI from 'openai'", "import { S3Client } from '@aws-sdk/client-s3'",
  "import { clerkClient } from '@clerk/nextjs/server'", "import { Redis } from '@upstash/redis'",
]
const PLAIN_IMPORTS = ["import { useState, useEffect } from 'react'", "import { z } from 'zod'", "import clsx from 'clsx'", "import { format } from 'date-fns'"]

function moduleSource(i, tsx) {
  const lines = []
  lines.push(pick(PLAIN_IMPORTS), pick(PLAIN_IMPORTS))
  if (rand() < 0.15) lines.push(pick(VENDOR_IMPORTS))
  lines.push(`import { logger } from '../lib/logger'`, '')
  lines.push(`const API_URL = '${pick(['https://api.example.com/v1', 'https://api.stripe.com/v1/charges', 'http://localhost:3000', 'https://eu.i.posthog.com'])}'`)
  lines.push(`export interface Item${i} { id: string; name: string; tokenCount: number; createdAt: Date; tags: string[] }`, '')
  for (let f = 0; f < 1 + Math.floor(rand() * 3); f++) {
    lines.push(`export async function handler${i}_${f}(input: Item${i}, options: { retries?: number } = {}): Promise<Item${i}[]> {`)
    lines.push(`  const url = \`\${API_URL}/items/\${input.id}?page=${f}\``)
    lines.push(`  const response = await fetch(url, { method: 'GET', headers: { 'content-type': 'application/json' } })`)
    lines.push(`  if (!response.ok) throw new Error(\`request failed: \${response.status} for \${input.name}\`)`)
    lines.push(`  const items = (await response.json()) as Item${i}[]`)
    lines.push(`  logger.info({ count: items.length, tokenCount: input.tokenCount }, 'loaded items')`)
    lines.push(`  return items.filter((item) => item.tags.includes('${pick(['a', 'b', 'c'])}')).map((item) => ({ ...item, name: item.name.trim() }))`)
    lines.push('}', '')
  }
  if (rand() < 0.05) lines.push(`export function setTheme(value: string) { document.cookie = \`theme=\${value}; path=/; max-age=31536000\` }`)
  if (rand() < 0.05) lines.push(`export function debugKey(apiKey: string) { console.log('key', apiKey) }`)
  if (tsx) {
    lines.push(`export function View${i}({ items }: { items: Item${i}[] }) {`)
    lines.push(`  const [open, setOpen] = useState(false)`)
    lines.push(`  return (`, `    <ul className="list">`, `      {items.map((item) => <li key={item.id} onClick={() => setOpen(!open)}>{item.name}</li>)}`, `    </ul>`, `  )`, '}')
  }
  return lines.join('\n') + '\n'
}

rmSync(out, { recursive: true, force: true })
const write = (rel, text) => {
  const abs = path.join(out, rel)
  mkdirSync(path.dirname(abs), { recursive: true })
  writeFileSync(abs, text)
}
const apps = Math.max(2, Math.round(files / 1500))
write('package.json', JSON.stringify({ name: 'bench-mono', private: true, workspaces: ['apps/*', 'packages/*'] }, null, 2))
write('PRIVACY.md', '# Privacy Policy\n\n## Subprocessors\n\nWe use Stripe (payments), Clerk (authentication) and Amazon Web Services (hosting). We do not use third-party analytics cookies.\n')
for (let a = 0; a < apps; a++) {
  write(`apps/app${a}/package.json`, JSON.stringify({ name: `app${a}`, dependencies: { stripe: '^14.0.0', '@clerk/nextjs': '^5.0.0', react: '^18.0.0', 'posthog-js': '^1.0.0' }, devDependencies: { vitest: '^1.0.0' } }, null, 2))
  write(`apps/app${a}/.env.example`, 'STRIPE_SECRET_KEY=\nNEXT_PUBLIC_POSTHOG_KEY=\nDATABASE_URL=\n')
  write(`apps/app${a}/lib/logger.ts`, "import pino from 'pino'\nexport const logger = pino()\n")
}
for (let i = 0; i < files; i++) {
  const tsx = rand() < 0.4
  const app = i % apps
  write(`apps/app${app}/src/feature${Math.floor(i / 50)}/module${i}.${tsx ? 'tsx' : 'ts'}`, moduleSource(i, tsx))
}
// what real repos also hold: minified bundles and a very large generated file, which must be skipped, not parsed
for (let m = 0; m < 3; m++) write(`apps/app0/public/vendor${m}.min.js`, 'var a=' + '1+'.repeat(200000) + '1;')
write('apps/app0/src/generated/huge.ts', `export const data = ${JSON.stringify(Array.from({ length: 60000 }, (_, k) => ({ k, v: `value-${k}` })))}\n`)
console.log(`generated ${files} source files in ${out}`)

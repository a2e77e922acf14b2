// The per-file cache never changes a report: cold, warm, corrupted or partly stale, every run equals a run without it.
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { audit } from '../../src/core/audit.js'
import { FIXTURES } from '../helpers/cli.js'
import { fakeSecrets } from '../helpers/fake-secrets.js'
import { makeRepo } from '../helpers/tmp.js'

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'privaudit-cache-audit-'))
const fixtures = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()

function cacheText(dir: string): string {
  let out = ''
  for (const ns of readdirSync(dir)) for (const seg of readdirSync(path.join(dir, ns))) out += readFileSync(path.join(dir, ns, seg), 'utf8')
  return out
}

describe('audit with the per-file cache', () => {
  for (const name of fixtures) {
    it(`${name}: the report is the same without the cache, with a cold one and with a warm one`, async () => {
      const root = path.join(FIXTURES, name)
      const cacheDir = tmp()
      const plain = await audit({ root })
      const cold = await audit({ root, cacheDir })
      const warm = await audit({ root, cacheDir })
      expect(JSON.stringify(cold.report)).toBe(JSON.stringify(plain.report))
      expect(JSON.stringify(warm.report)).toBe(JSON.stringify(plain.report))
      expect(plain.cache).toBeUndefined()
      expect(cold.cache).toMatchObject({ hits: 0, notices: [] })
      expect(cold.cache!.written).toBeGreaterThan(0)
      // only files holding a secret are analysed afresh every time (the cache would hold the secret)
      expect(warm.cache!.hits).toBe(cold.cache!.written)
      expect(warm.cache!.written).toBe(0)
    })
  }

  it('a change of which imports lead into the repo (a tsconfig path) is not answered from the cache', async () => {
    // billing.ts stays the same; once a path maps audit-lib to the repo's own module, its call there ships the key to a log
    const root = makeRepo({
      'package.json': JSON.stringify({ name: 'shop', dependencies: { 'audit-lib': '^1.0.0' } }),
      'src/billing.ts': "import { audit } from 'audit-lib'\nexport function charge() {\n  audit('charge', process.env.STRIPE_SECRET_KEY)\n}\n",
      'src/audit.ts': 'export function audit(event: string, detail: unknown) {\n  console.log(event, detail)\n}\n',
    })
    const cacheDir = tmp()
    const logged = (report: { findings: Array<{ ruleId: string }> }) => report.findings.filter((f) => f.ruleId === 'secret-logged').length
    expect(logged((await audit({ root, cacheDir })).report)).toBe(0)
    writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { paths: { 'audit-lib': ['./src/audit.ts'] } } }))
    const plain = await audit({ root })
    const cached = await audit({ root, cacheDir })
    expect(logged(plain.report)).toBe(1)
    expect(JSON.stringify(cached.report)).toBe(JSON.stringify(plain.report))
  })

  it('never stores a secret: a file with one is analysed afresh each run', async () => {
    const fake = fakeSecrets(11)
    const inCode = fake.stripe('live')
    const inData = fake.github()
    const root = makeRepo({
      'src/billing.ts': `import Stripe from 'stripe'\nexport const stripe = new Stripe('${inCode}')\n`,
      'config/ci.json': JSON.stringify({ token: inData }),
      'src/clean.ts': "export const x = 1\n",
    })
    const cacheDir = tmp()
    const first = await audit({ root, cacheDir })
    const second = await audit({ root, cacheDir })
    expect(first.report.findings.filter((f) => f.ruleId === 'hardcoded-secret')).toHaveLength(2)
    expect(second.cache).toMatchObject({ hits: 1, misses: 2 })
    expect(JSON.stringify(second.report)).toBe(JSON.stringify(first.report))
    const stored = cacheText(cacheDir)
    expect(stored).toContain('src/clean.ts')
    for (const secret of [inCode, inData]) expect(stored).not.toContain(secret)
  })

  it('a corrupted cache is read as misses: same report, rebuilt entries', async () => {
    const root = path.join(FIXTURES, 'codecloud')
    const cacheDir = tmp()
    const plain = await audit({ root })
    await audit({ root, cacheDir })
    const ns = readdirSync(cacheDir)[0]
    const [segment] = readdirSync(path.join(cacheDir, ns))
    const file = path.join(cacheDir, ns, segment)
    // every entry's JSON cut short, plus a line of garbage
    const torn = readFileSync(file, 'utf8').split('\n').map((line) => line.slice(0, Math.max(line.indexOf('\t') + 5, 0))).join('\n')
    writeFileSync(file, torn)
    appendFileSync(file, '\u0000\u0001 garbage\n')
    const damaged = await audit({ root, cacheDir })
    expect(JSON.stringify(damaged.report)).toBe(JSON.stringify(plain.report))
    expect(damaged.cache!.hits).toBe(0)
    const healed = await audit({ root, cacheDir })
    expect(healed.cache!.misses).toBe(damaged.cache!.misses - damaged.cache!.written)
  })

  it('one changed file is analysed afresh; cross-file facts (a logger in another module) still resolve', async () => {
    const files = {
      'PRIVACY.md': '# Privacy\n\nAPI keys are never logged.\n',
      'package.json': JSON.stringify({ name: 'x', dependencies: { pino: '^9' } }),
      'src/logger.ts': "import pino from 'pino'\nexport const log = pino()\n",
      'src/handler.ts': "import { log } from './logger'\nexport function handle(apiKey: string) {\n  log.info({ ok: true })\n}\n",
    }
    const root = makeRepo(files)
    const cacheDir = tmp()
    const before = await audit({ root, cacheDir })
    expect(before.report.findings.filter((f) => f.ruleId === 'secret-logged')).toEqual([])
    writeFileSync(path.join(root, 'src/handler.ts'), "import { log } from './logger'\nexport function handle(apiKey: string) {\n  log.info({ apiKey })\n}\n")
    const after = await audit({ root, cacheDir })
    expect(after.cache).toMatchObject({ misses: 1, written: 1 })
    expect(after.report.findings.map((f) => f.ruleId)).toContain('secret-logged')
    expect(JSON.stringify(after.report)).toBe(JSON.stringify((await audit({ root })).report))
  })

  it('a cache folder inside the scanned tree is refused: the tree is never written to', async () => {
    const root = makeRepo({ 'src/a.ts': "import Stripe from 'stripe'\n" })
    const result = await audit({ root, cacheDir: path.join(root, '.cache-here') })
    expect(result.cache?.notices).toEqual([`the cache folder ${path.join(root, '.cache-here')} is inside the scanned folder: no cache this run`])
    expect(readdirSync(root).sort()).toEqual(['src'])
  })

  it('a folder beside the scanned tree whose name starts like it is outside it, and is used', async () => {
    const root = makeRepo({ 'src/a.ts': "import Stripe from 'stripe'\n" })
    const beside = `${root}-cache`
    const result = await audit({ root, cacheDir: beside })
    expect(result.cache).toMatchObject({ notices: [], written: 1 })
    expect(readdirSync(beside)).toHaveLength(1)
    expect(readdirSync(root).sort()).toEqual(['src'])
  })
})

// The vendor catalog is data reviewed like code: this test is its linter.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { readCompiled } from '../../src/catalog/compiled.js'
import { readRegionFile, readRegionSources } from '../../src/catalog/regions.js'
import { Catalog, lintCatalog, loadCatalog, normalizeVendor, packageNameOf, parseVendorSources, readVendorFiles, readVendorSources } from '../../src/catalog/index.js'
import { testCatalog } from '../helpers/catalog.js'

describe('the vendor catalog (data/vendors)', () => {
  const { vendors, issues } = readVendorFiles()
  const normalized = vendors.map(normalizeVendor)

  it('every file validates against data/vendors/schema.json and is named after its id', () => {
    expect(issues).toEqual([])
  })
  it('has no id, package, host, env name or alias claimed twice; every vendor is detectable and nameable', () => {
    expect(lintCatalog(normalized)).toEqual([])
  })
  it('covers at least 150 vendors across the common SaaS categories', () => {
    expect(normalized.length).toBeGreaterThanOrEqual(150)
    const categories = new Set(normalized.map((v) => v.category))
    for (const c of ['analytics', 'auth', 'payments', 'hosting', 'cloud', 'database', 'monitoring', 'email', 'messaging', 'support', 'llm', 'sandbox', 'storage', 'feature-flags', 'ads', 'search', 'cms']) {
      expect(categories, c).toContain(c)
    }
  })
  it('covers every vendor of the three seed policies', () => {
    const ids = new Set(normalized.map((v) => v.id))
    for (const id of ['clerk', 'convex', 'github', 'e2b', 'posthog', 'stripe', 'anthropic', 'openai', 'google', 'google-gemini', 'workos', 'fly-io', 'vercel', 'neon', 'aws', 'aws-ecs', 'aws-efs', 'aws-secrets-manager', 'aws-kms', 'aws-bedrock']) {
      expect(ids, id).toContain(id)
    }
  })
  it('records the look-alikes a name match must not confuse', () => {
    const lookalikes = (id: string) => normalized.find((v) => v.id === id)?.lookalikes ?? []
    expect(lookalikes('clerk')).toContain('Clerk.io')
    expect(lookalikes('fly-io')).toContain('AppsFlyer')
    expect(lookalikes('aws-bedrock').join(' ')).toMatch(/Bedrock/)
  })
})

describe('catalog matching', () => {
  const catalog = loadCatalog()
  it.each([
    ['posthog-js/react', 'posthog'],
    ['@aws-sdk/client-bedrock-runtime', 'aws-bedrock'],
    ['@aws-sdk/client-s3', 'aws-s3'],
    ['@sentry/nextjs', 'sentry'],
    ['@workos-inc/authkit-nextjs', 'workos'],
    ['@neondatabase/serverless', 'neon'],
    ['stripe', 'stripe'],
  ])('package %s → %s', (spec, id) => {
    expect(catalog.matchPackage(spec)?.vendor.id).toBe(id)
  })
  it.each(['@sentry/cli', 'react', 'vitest', 'typescript', 'pg', './stripe', 'node:crypto'])('package %s → no vendor', (spec) => {
    expect(catalog.matchPackage(spec)).toBeUndefined()
  })
  it.each([
    ['api.machines.dev', 'fly-io'],
    ['bedrock-runtime.us-east-1.amazonaws.com', 'aws-bedrock'],
    ['ep-cool-rain-123.eu-central-1.aws.neon.tech', 'neon'],
    ['api.stripe.com', 'stripe'],
    ['widget.intercom.io', 'intercom'],
    ['static.hotjar.com', 'hotjar'],
  ])('host %s → %s', (host, id) => {
    expect(catalog.matchHost(host)?.vendor.id).toBe(id)
  })
  it.each(['localhost', 'example.com', 'stripe.com.evil.example', 'notposthog.com', 'github.com'])('host %s → no vendor', (host) => {
    expect(catalog.matchHost(host)).toBeUndefined()
  })
  it.each([
    ['NEXT_PUBLIC_POSTHOG_KEY', 'posthog'],
    ['UPSTASH_REDIS_REST_URL', 'upstash'],
    ['STRIPE_SECRET_KEY', 'stripe'],
    ['WORKOS_API_KEY', 'workos'],
  ])('env %s → %s', (name, id) => {
    expect(catalog.matchEnv(name)?.vendor.id).toBe(id)
  })
  it.each(['DATABASE_URL', 'NODE_ENV', 'PORT', 'NEXT_PUBLIC_APP_URL'])('env %s → no vendor', (name) => {
    expect(catalog.matchEnv(name)).toBeUndefined()
  })
  it('adds third-party-web trackers the curated catalog lacks, with attribution in the purpose', () => {
    const tpw = catalog.vendors.filter((v) => v.id.startsWith('tpw-'))
    expect(tpw.length).toBeGreaterThan(100)
    expect(tpw.every((v) => v.purpose.endsWith('(third-party-web)'))).toBe(true)
  })
})

describe('Catalog unit behaviour', () => {
  it('resolves the most specific package, host and env prefix', () => {
    const c = testCatalog()
    expect(c.matchPackage('@aws-sdk/client-bedrock-runtime')?.vendor.id).toBe('aws-bedrock')
    expect(c.matchPackage('@aws-sdk/client-ecs')?.vendor.id).toBe('aws')
    expect(c.matchHost('bedrock-runtime.eu-west-1.amazonaws.com')?.vendor.id).toBe('aws-bedrock')
    expect(c.matchHost('sts.amazonaws.com')?.vendor.id).toBe('aws')
    expect(c.lineage('aws-bedrock').map((v) => v.id)).toEqual(['aws-bedrock', 'aws'])
  })
  it('lints a bad catalog', () => {
    const bad = [
      { id: 'a', name: 'A', aliases: ['Acme'], category: 'other', purpose: 'x', privacyUrl: 'https://a', packages: ['shared'] },
      { id: 'b', name: 'B', aliases: ['acme'], category: 'other', purpose: 'x', privacyUrl: 'https://b', packages: ['shared'], parent: 'zzz' },
      { id: 'c', name: 'C', aliases: ['C Corp'], category: 'other', purpose: 'x', privacyUrl: 'https://c' },
    ].map((v) => normalizeVendor(v as never))
    const messages = lintCatalog(bad).map((i) => `${i.file}: ${i.message}`)
    expect(messages).toEqual([
      'b.yaml: package "shared" is also claimed by a',
      'b.yaml: alias "acme" is also claimed by a',
      'c.yaml: no detection signal (packages, hosts, env, configFiles or configPatterns)',
      'b.yaml: parent zzz is not in the catalog',
    ])
    expect(new Catalog(bad).matchPackage('shared')).toBeDefined()
  })
  it('reads package names from import specifiers', () => {
    expect(packageNameOf('@scope/pkg/sub/path')).toBe('@scope/pkg')
    expect(packageNameOf('pkg/sub')).toBe('pkg')
    expect(packageNameOf('node:fs')).toBeUndefined()
    expect(packageNameOf('#internal')).toBeUndefined()
  })
})

describe('the compiled catalog (npm run build)', () => {
  const compiledFile = path.join(import.meta.dirname, '../../dist/catalog/vendors.compiled.json')
  const sources = readVendorSources()

  it('holds exactly what parsing and validating the YAML gives', () => {
    expect(readCompiled(sources, compiledFile)).toEqual(parseVendorSources(sources).vendors)
  })

  it('is ignored once a vendor file changes, so an edit never loads stale data', () => {
    const edited = sources.map((s, i) => (i === 0 ? { ...s, text: `${s.text}\n# edited\n` } : s))
    expect(readCompiled(edited, compiledFile)).toBeUndefined()
    expect(readCompiled(sources.slice(1), compiledFile)).toBeUndefined()
    expect(readCompiled(sources, path.join(import.meta.dirname, 'no-such.json'))).toBeUndefined()
  })
})

describe('the compiled region table (npm run build)', () => {
  const compiledFile = path.join(import.meta.dirname, '../../dist/catalog/regions.compiled.json')
  const sources = readRegionSources()
  const text = sources[0].text

  it('holds exactly what parsing data/regions.yaml gives', () => {
    expect(readCompiled(sources, compiledFile)).toEqual(parseYaml(text))
    expect(readRegionFile(compiledFile)).toEqual(parseYaml(text))
  })

  it('is ignored once the YAML changes: the table is parsed from the YAML instead', () => {
    expect(readCompiled([{ file: 'regions.yaml', text: `${text}\n# edited\n` }], compiledFile)).toBeUndefined()
    expect(readRegionFile(path.join(import.meta.dirname, 'no-such.json'))).toEqual(parseYaml(text))
  })
})

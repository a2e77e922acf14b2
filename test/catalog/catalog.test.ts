// The vendor catalog is data reviewed like code: this test is its linter.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { readCompiled } from '../../src/catalog/compiled.js'
import { readRegionFile, readRegionSources } from '../../src/catalog/regions.js'
import { categoriesSource, parseCategories } from '../../src/catalog/categories.js'
import { modelSources, parseFlowModels } from '../../src/catalog/models.js'
import { Catalog, lintCatalog, loadCatalog, normalizeVendor, packageNameOf, parseVendorSources, readVendorFiles, readVendorSources, validateVendorShape, type VendorInput } from '../../src/catalog/index.js'
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

describe('snippet globals, components and cookieless options', () => {
  const catalog = loadCatalog()
  const vendor = (extra: Partial<VendorInput>): VendorInput => ({ id: 'acme', name: 'Acme', aliases: ['Acme'], category: 'analytics', purpose: 'analytics', privacyUrl: 'https://acme.example/privacy', packages: ['acme-js'], ...extra })

  it('names the page-snippet globals and the Next.js components of the vendors they load', () => {
    const initsOf = (name: string) => catalog.snippetGlobal(name)?.map((i) => `${i.vendor.id}${i.initArgument ? ` ${i.initArgument}` : ''}`)
    expect(initsOf('fbq')).toEqual(['meta-pixel init'])
    expect(initsOf('gtag')).toEqual(['google-analytics config', 'google-tag-manager config'])
    expect(initsOf('ttq')).toEqual(['tiktok'])
    expect(initsOf('lintrk')).toEqual(['linkedin-insight'])
    expect(initsOf('clarity')).toEqual(['microsoft-clarity'])
    expect(initsOf('analytics')).toBeUndefined()
    expect(initsOf('constructor')).toBeUndefined()
    const components = ['GoogleAnalytics', 'GoogleTagManager', 'YouTubeEmbed', 'GoogleMapsEmbed', 'sendGAEvent'].map((c) => catalog.component('@next/third-parties/google', c)?.id)
    expect(components).toEqual(['google-analytics', 'google-tag-manager', 'youtube', 'google-maps', undefined])
    expect(catalog.component('@next/third-parties', 'GoogleAnalytics')).toBeUndefined()
    expect(catalog.isComponentModule('@next/third-parties/google')).toBe(true)
    expect(catalog.isComponentModule('@next/third-parties')).toBe(false)
  })

  it('tells a text that names a global as a word from one that does not', () => {
    for (const text of ["gtag('config', id)", 'window.fbq = n', 'ttq.load(id)']) expect(catalog.snippetMention.test(text), text).toBe(true)
    for (const text of ['mygtag()', 'fbqueue', 'ttq_load', 'gtagjs']) expect(catalog.snippetMention.test(text), text).toBe(false)
    expect(new Catalog([normalizeVendor(vendor({}))]).snippetMention.test("gtag('config') fbq('init')")).toBe(false)
  })

  it('compiles cookieless options by the key an options object holds them under', () => {
    const segment = catalog.cookielessRules('segment')
    expect(segment?.get('storage')).toEqual([{ path: ['stores'], strings: new Set(['localstorage', 'memory']), booleans: new Set() }])
    expect(segment?.get('disableClientPersistence')).toEqual([{ path: [], strings: new Set(), booleans: new Set([true]) }])
    expect(catalog.cookielessRules('posthog')?.get('persistence')?.[0].strings).toEqual(new Set(['memory', 'localstorage', 'sessionstorage']))
    expect(catalog.cookielessRules('intercom')).toBeUndefined()
  })

  it('validates their shape', () => {
    expect(validateVendorShape(vendor({ globals: [{ name: 'acmeq', initArgument: 'init' }], components: [{ package: '@acme/next/client', export: 'AcmeScript' }], cookieless: [{ option: 'storage.type', values: ['none', false] }] }))).toEqual([])
    expect(validateVendorShape(vendor({ globals: [{ name: 'acme.q' }] }))).not.toEqual([])
    expect(validateVendorShape(vendor({ globals: [{ name: 'acmeq', initArgument: '' }] }))).not.toEqual([])
    expect(validateVendorShape(vendor({ components: [{ package: '@acme/next' } as never] }))).not.toEqual([])
    expect(validateVendorShape(vendor({ components: [{ package: './local', export: 'X' }] }))).not.toEqual([])
    expect(validateVendorShape(vendor({ cookieless: [{ option: 'persistence', values: [] }] }))).not.toEqual([])
    expect(validateVendorShape(vendor({ cookieless: [{ option: 'persistence', values: [0 as never] }] }))).not.toEqual([])
    expect(validateVendorShape(vendor({ cookieless: [{ option: 'storage..stores', values: ['memory'] }] }))).not.toEqual([])
  })

  it('lints them across vendors', () => {
    const vendors = [
      vendor({ id: 'a', aliases: ['A'], packages: ['a-js'], globals: [{ name: 'q', initArgument: 'init' }], components: [{ package: 'kit/x', export: 'Tag' }] }),
      vendor({ id: 'b', aliases: ['B'], packages: ['b-js'], globals: [{ name: 'q', initArgument: 'config' }], components: [{ package: 'kit/x', export: 'Tag' }] }),
      vendor({ id: 'c', aliases: ['C'], packages: [], hosts: ['c.example'], cookieless: [{ option: 'persistence', values: ['memory'] }] }),
      vendor({ id: 'd', aliases: ['D'], packages: ['d-js'], cookieless: [{ option: 'persistence', values: ['memory'] }, { option: 'persistence', values: ['none'] }] }),
      vendor({ id: 'e', aliases: ['E'], packages: [], hosts: ['e.example'], globals: [{ name: 'q', initArgument: 'init' }, { name: 'eq' }], cookieless: [{ option: 'off', values: [true] }] }),
    ].map(normalizeVendor)
    expect(lintCatalog(vendors).map((i) => `${i.file}: ${i.message}`)).toEqual([
      'b.yaml: component "Tag of kit/x" is also claimed by a',
      'b.yaml: global q is initialised by config here, by init in a',
      'c.yaml: cookieless options but no SDK to give them to (packages, globals or components)',
      'd.yaml: cookieless option persistence is listed twice',
    ])
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

describe('the compiled data categories and flow models (npm run build)', () => {
  const dist = path.join(import.meta.dirname, '../../dist/catalog')
  const categories = categoriesSource()
  const models = modelSources()

  it('hold exactly what parsing (and, for the categories, validating) the YAML gives', () => {
    expect(readCompiled(categories, path.join(dist, 'categories.compiled.json'))).toEqual(parseCategories(categories[0].text))
    expect(readCompiled(models, path.join(dist, 'models.compiled.json'))).toEqual(parseFlowModels())
  })

  it('are ignored once a YAML file changes', () => {
    expect(readCompiled([{ ...categories[0], text: `${categories[0].text}\n# edited\n` }], path.join(dist, 'categories.compiled.json'))).toBeUndefined()
    expect(readCompiled(models.map((m, i) => (i === 1 ? { ...m, text: `${m.text}\n# edited\n` } : m)), path.join(dist, 'models.compiled.json'))).toBeUndefined()
  })
})

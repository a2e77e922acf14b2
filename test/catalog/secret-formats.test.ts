// Secret formats are vendor data: a vendor file's `secrets:` becomes a rule of the matcher, the detector and the
// report's redaction, and a format that could run long on hostile text is a catalog error.
//
// Credential-shaped values are built at run time (see test/helpers/fake-secrets.ts): this file holds none.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { audit } from '../../src/core/audit.js'
import { Catalog, CatalogError, lintCatalog, loadCatalog, normalizeVendor, parseVendorSources, type VendorInput } from '../../src/catalog/index.js'
import { findProviderSecrets } from '../../src/secrets/patterns.js'
import { providerRules } from '../../src/secrets/rules.js'
import { SECRET_VALIDATORS } from '../../src/secrets/validators.js'
import { fakeSecrets } from '../helpers/fake-secrets.js'
import { makeRepo } from '../helpers/tmp.js'

const f = fakeSecrets(41)
const join = (...parts: string[]) => parts.join('')

/** A vendor file as a contributor writes it, with the given formats (YAML flow maps, one per line). */
const vendorFile = (id: string, secrets: string[]) => [
  `id: ${id}`, `name: ${id}`, `aliases: [${id}]`, 'category: payments', 'purpose: payment processing', `privacyUrl: https://${id}.example/privacy`,
  `env: [${id.toUpperCase().replace(/-/g, '_')}_*]`, 'secrets:', ...secrets.map((s) => `  - ${s}`), '',
].join('\n')

const ACME = vendorFile('acme-pay', [
  String.raw`{ id: acme-pay-key, label: an Acme Pay key, pattern: '(?<![A-Za-z0-9_])acme_(?:live|test)_(?<body>[A-Za-z0-9-]{20,40})(?![A-Za-z0-9-])', hints: [acme_live_, acme_test_], random: { length: 24, entropy: 3.5, ignore: '-' }, modes: { acme_live_: live, acme_test_: test } }`,
  String.raw`{ id: acme-pay-hook, label: an Acme Pay hook URL, pattern: 'https://hooks\.acme-pay\.example/(?<body>[A-Za-z]{30})(?![A-Za-z0-9])', hints: [hooks.acme-pay.example/], random: { length: 30, entropy: 3.5, mixedCase: true } }`,
  String.raw`{ id: acme-pay-token, label: an Acme Pay token, pattern: '(?<![A-Za-z0-9_])apt_(?:v2_)?[A-Za-z0-9]{32}(?![A-Za-z0-9])', hints: [apt_], prefix: [apt_, apt_v2_] }`,
  String.raw`{ id: acme-pay-key-id, label: an Acme Pay key pair, pattern: '(?<![A-Z0-9])ACME[A-Z0-9]{16}(?![A-Z0-9])', hints: [ACME], prefix: [ACME], validate: aws-key-pair }`,
])

function acmeRules() {
  const { vendors, issues } = parseVendorSources([{ file: 'acme-pay.yaml', text: ACME }])
  expect(issues).toEqual([])
  return providerRules(new Catalog(vendors.map(normalizeVendor)))
}

describe('a vendor file\'s secret formats', () => {
  const rules = acmeRules()
  const find = (text: string) => findProviderSecrets(text, rules).map((m) => ({ id: m.rule.id, vendor: m.rule.vendor, value: m.value, shown: m.rule.prefix(m.value), mode: m.mode }))

  it('are found, attributed to the vendor, shown by what precedes their body, and given a mode by prefix', () => {
    const live = join('acme', '_live_', f.alnum(28))
    const test = join('acme', '_test_', f.alnum(12), '-', f.alnum(12))
    expect(find(`KEY=${live}\nOTHER=${test}\n`)).toEqual([
      { id: 'acme-pay-key', vendor: 'acme-pay', value: live, shown: 'acme_live_', mode: 'live' },
      { id: 'acme-pay-key', vendor: 'acme-pay', value: test, shown: 'acme_test_', mode: 'test' },
    ])
    const hook = join('https://hooks.', 'acme-pay.example/', f.alnum(60).replace(/[^A-Za-z]/g, '').slice(0, 30))
    expect(find(`url: ${hook}\n`)).toEqual([{ id: 'acme-pay-hook', vendor: 'acme-pay', value: hook, shown: 'https://hooks.acme-pay.example/', mode: undefined }])
  })

  it('a body must look random: placeholders, and bodies random only with their ignored separators or in one case, are not secrets', () => {
    expect(find(join('acme', '_live_', 'x'.repeat(30)))).toEqual([])
    // 24 characters with the dash, 23 without: too short once the separator is ignored
    expect(find(join('acme', '_live_', f.alnum(12), '-', f.alnum(11)))).toEqual([])
    // the body is measured, not the prefix: 20 random characters are too few, though `acme_live_` makes the match 30
    expect(find(join('acme', '_live_', f.alnum(20)))).toEqual([])
    const lower = f.alnum(90).replace(/[^a-z]/g, '').slice(0, 30)
    expect(lower).toHaveLength(30)
    expect(find(join('https://hooks.', 'acme-pay.example/', lower))).toEqual([])
  })

  it('the shown prefix is the longest listed one the value starts with', () => {
    const v1 = join('ap', 't_', f.alnum(32))
    const v2 = join('ap', 't_v2_', f.alnum(32))
    expect(find(`${v1} ${v2}`).map((m) => m.shown)).toEqual(['apt_', 'apt_v2_'])
  })

  it('a named validator decides what the regex cannot: a key id counts only with its secret beside it', () => {
    const id = join('AC', 'ME', f.alnum(40).replace(/[^A-Z0-9]/g, '').slice(0, 16).padEnd(16, 'Q'))
    expect(find(`key_id = ${id}\n`)).toEqual([])
    expect(find(`key_id = ${id}\nsecret = ${f.awsSecret()}\n`).map((m) => m.id)).toEqual(['acme-pay-key-id'])
  })

  it('a match holding none of its hints is dropped, whatever else the text holds', () => {
    // with an Acme Pay key elsewhere the prefilter lets the regex run: `apt_` appears, yet a hint-less match must not count
    const { vendors } = parseVendorSources([{ file: 'acme-pay.yaml', text: ACME.replace('hints: [apt_]', 'hints: [apt_v2_]') }])
    const only = providerRules(new Catalog(vendors.map(normalizeVendor)))
    const v1 = join('ap', 't_', f.alnum(32))
    const v2 = join('ap', 't_v2_', f.alnum(32))
    expect(findProviderSecrets(`${v1}\n${v2}`, only).map((m) => m.value)).toEqual([v2])
    // the OpenAI format relies on it: a `sk-` string without the marker is no key, even beside a real one
    const real = f.openai()
    const lookalike = join('sk-', f.alnum(48))
    expect(findProviderSecrets(`A=${lookalike}\nB=${real}\n`, providerRules(loadCatalog())).map((m) => m.value)).toEqual([real])
  })
})

describe('the README\'s example vendor', () => {
  it('is a valid vendor file whose secret format finds what its comments say', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const block = /### Adding a vendor\n[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1].replace(/^ {3}/gm, '')
    const { vendors, issues } = parseVendorSources([{ file: 'acme-analytics.yaml', text: block }])
    expect(issues).toEqual([])
    const key = join('acme', '_test_', f.alnum(40))
    const [m] = findProviderSecrets(`ACME_ANALYTICS_KEY=${key}\n`, providerRules(new Catalog(vendors.map(normalizeVendor))))
    expect([m.rule.id, m.rule.vendor, m.mode, m.rule.prefix(m.value)]).toEqual(['acme-analytics-secret-key', 'acme-analytics', 'test', 'acme_test_'])
  })
})

describe('checking formats when the catalog is parsed', () => {
  const issuesOf = (...formats: string[]) => parseVendorSources([{ file: 'acme-pay.yaml', text: vendorFile('acme-pay', formats) }]).issues.map((i) => i.message)
  const format = (pattern: string, extra = '') => `{ id: acme-pay-key, label: an Acme Pay key, pattern: '${pattern}', hints: [acme_]${extra} }`
  const UNBOUNDED = 'secret acme-pay-key: the pattern repeats without an upper bound (*, + or {n,}): give every repeat a maximum'
  const NO_LITERAL = 'secret acme-pay-key: the pattern must start with literal text (2 characters or more, after any lookbehind)'

  it.each([
    ['a lookbehind, then literal text', String.raw`(?<![A-Za-z0-9_])acme_[A-Za-z0-9]{20,40}`],
    ['a class of a few characters first', String.raw`[ax]cme_(?:live|test)_[A-Za-z0-9]{20}`],
    ['alternatives of literal text', String.raw`(?:acme|ACME)_\d{1,20}-[A-Z]{4}`],
    ['escaped characters', String.raw`ac\.me\/\x41_[a-z]{4}`],
    ['a lookahead inside, bounded', String.raw`acme_(?![a-z]{0,3}x)[a-z]{8}`],
  ])('accepts %s', (_name, pattern) => {
    expect(issuesOf(format(pattern))).toEqual([])
  })

  it.each([
    ['+', String.raw`acme_\d+-[a-z]{4}`, [UNBOUNDED]],
    ['* inside a lookahead', String.raw`acme_(?=[a-z]*x)[a-z]{4}`, [UNBOUNDED]],
    ['{n,}', String.raw`acme_[a-z]{20,}`, [UNBOUNDED]],
    ['a wide class first', String.raw`[a-z]{4}_acme`, [NO_LITERAL]],
    ['one literal character, then a range', String.raw`a[a-z]{4}`, [NO_LITERAL]],
    ['an alternative without literal text', String.raw`(?:acme|[a-z])_[a-z]{4}`, [NO_LITERAL]],
    ['a top-level alternative too short', String.raw`acme_[a-z]{4}|x[a-z]{4}`, [NO_LITERAL]],
    ['an optional head', String.raw`(?:acme_)?[a-z]{4}`, [NO_LITERAL]],
    ['any character first', String.raw`.acme_`, [NO_LITERAL]],
    ['a repeated group literal only at its start', String.raw`(?:a\d){2}[a-z]{4}`, [NO_LITERAL]],
  ])('rejects a pattern with %s', (_name, pattern, expected) => {
    expect(issuesOf(format(pattern))).toEqual(expected)
  })

  it('rejects a pattern that does not compile, and a validator no code implements', () => {
    expect(issuesOf(format(String.raw`acme_(?<body>[a-z]{4}`))[0]).toMatch(/^secret acme-pay-key: the pattern does not compile: .*Unterminated group/)
    expect(issuesOf(format(String.raw`acme_[a-z]{4}`, ', validate: acme-checksum'))).toEqual(['/secrets/0/validate must be equal to one of the allowed values'])
  })

  it('the schema names exactly the validators the code implements', () => {
    const schema = JSON.parse(readFileSync(new URL('../../data/vendors/schema.json', import.meta.url), 'utf8'))
    expect([...schema.properties.secrets.items.properties.validate.enum].sort()).toEqual(Object.keys(SECRET_VALIDATORS).sort())
  })

  it('a vendor added in the config with a bad format is a catalog error', () => {
    const vendor = { ...parseVendorSources([{ file: 'acme-pay.yaml', text: ACME }]).vendors[0], id: 'acme-pay', secrets: [{ id: 'acme-pay-key', label: 'an Acme Pay key', pattern: String.raw`acme_\w+`, hints: ['acme_'] }] } as VendorInput
    let error: unknown
    try {
      loadCatalog({ extraVendors: [vendor] })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(CatalogError)
    expect((error as Error).message).toMatch(/acme-pay.*upper bound/)
  })

  it('lints a format id claimed by two vendors', () => {
    const [a] = parseVendorSources([{ file: 'acme-pay.yaml', text: ACME }]).vendors
    const b = { ...a, id: 'acme-pay-eu', aliases: ['Acme Pay EU'], env: ['ACME_PAY_EU_KEY'], secrets: [a.secrets![0]] }
    expect(lintCatalog([a, b].map((v) => normalizeVendor(v as VendorInput))).map((i) => `${i.file}: ${i.message}`)).toEqual(['acme-pay-eu.yaml: secret "acme-pay-key" is also claimed by acme-pay'])
  })
})

describe('the real catalog\'s rules', () => {
  const catalog = loadCatalog()
  const rules = providerRules(catalog)

  it('are every vendor format in vendor order, then the generic ones, each id once', () => {
    const vendorFormats = catalog.vendors.flatMap((v) => v.secrets.map((s) => s.id))
    expect(rules.map((r) => r.id)).toEqual([...vendorFormats, 'private-key', 'npm-token', 'url-credentials'])
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length)
    expect(vendorFormats).toContain('stripe-secret-key')
    expect(rules.find((r) => r.id === 'openai-api-key')?.vendor).toBe('openai')
  })

  it('none at all find nothing (and do not loop on an empty alternation of hints)', () => {
    expect(findProviderSecrets(`A=${f.stripe('live')}\n`, [])).toEqual([])
  })

  it('are built once per catalog, on the regexes compiled when it loaded', () => {
    expect(providerRules(catalog)).toBe(rules)
    expect(rules.slice(0, catalog.secretFormats.length).map((r) => r.pattern)).toEqual(catalog.secretFormats.map((s) => s.regex))
    expect(rules[0].pattern).toBe(catalog.secretFormats[0].regex)
  })
})

describe('a format from the config reaches the whole pipeline', () => {
  it('is found by the hardcoded-secret check and scrubbed from every string of the report, file paths included', async () => {
    const key = join('acme', '_live_', f.alnum(30))
    const inPath = join('acme', '_live_', f.alnum(30))
    const format = String.raw`{ id: acme-pay-key, label: an Acme Pay key, pattern: '(?<![A-Za-z0-9_])acme_(?:live|test)_(?<body>[A-Za-z0-9]{20,40})(?![A-Za-z0-9])', hints: [acme_live_, acme_test_], random: { length: 20, entropy: 3.5 } }`
    const root = makeRepo({
      'package.json': '{"name":"shop","version":"1.0.0"}',
      '.privaudit.yml': `vendors:\n${vendorFile('acme-pay', [format]).split('\n').map((l) => (l.startsWith('id:') ? `  - ${l}` : `    ${l}`)).join('\n')}\n`,
      [`src/${inPath}.ts`]: `export const key = '${key}'\n`,
    })
    const { report } = await audit({ root })
    const finding = report.findings.find((x) => x.ruleId === 'hardcoded-secret')
    expect(finding?.vendor).toBe('acme-pay')
    expect(finding?.message).toContain(`acme_live_…${key.slice(-4)}`)
    const json = JSON.stringify(report)
    expect(json).not.toContain(key)
    expect(json).not.toContain(inPath)
    expect(finding?.locations[0].file).toBe(`src/acme_live_…${inPath.slice(-4)}.ts`)
  })
})

// A vendor file is checked against data/vendors/schema.json (generated from src/types/vendor.ts) before anything reads
// it: what does not fit is named, with where and why, and what fits passes, however close to the line.
import { describe, expect, it } from 'vitest'
import { parseVendorSources } from '../../src/catalog/index.js'

const VALID = `id: acme-analytics
name: Acme Analytics
aliases: [Acme Analytics]
category: analytics
purpose: product analytics
privacyUrl: https://acme-analytics.example/privacy
packages: [acme-analytics]
`

/** The issues parsing the file gives, as `file: message`. */
const issuesOf = (text: string) => parseVendorSources([{ file: 'acme-analytics.yaml', text }]).issues.map((i) => `${i.file}: ${i.message}`)

describe('a vendor file', () => {
  it.each([
    ['an unknown field', `${VALID}website: https://acme.example\n`, '/ must NOT have additional properties'],
    ['an unknown field of a cookie', `${VALID}cookies: [{ name: a, party: first, purpose: analytics, expires: 1y }]\n`, '/cookies/0 must NOT have additional properties'],
    ['a missing required field', VALID.replace('purpose: product analytics\n', ''), '/ must have required property \'purpose\''],
    ['a missing required field of a secret', `${VALID}secrets: [{ id: acme-key, label: an Acme key, pattern: 'acme_[a-z]{8}' }]\n`, '/secrets/0 must have required property \'hints\''],
    ['an id that is not a slug', VALID.replace('id: acme-analytics', 'id: Acme_Analytics'), '/id must match pattern "^[a-z0-9]+(-[a-z0-9]+)*$"'],
    ['a package name with a capital', VALID.replace('packages: [acme-analytics]', 'packages: [Acme]'), '/packages/0 must match pattern "^(@[a-z0-9._-]+/)?[a-z0-9._-]+(/\\*)?$|^@[a-z0-9._-]+/\\*$"'],
    ['a privacy page over http', VALID.replace('https://acme-analytics', 'http://acme-analytics'), '/privacyUrl must match pattern "^https://"'],
    ['an env name in lower case', `${VALID}env: [acme_key]\n`, '/env/0 must match pattern "^[A-Z][A-Z0-9_]*\\*?$"'],
    ['an unknown category', VALID.replace('category: analytics', 'category: crypto'), '/category must be equal to one of the allowed values'],
    ['a cookie of an unknown purpose', `${VALID}cookies: [{ name: a, party: first, purpose: marketing }]\n`, '/cookies/0/purpose must be equal to one of the allowed values'],
    ['a secret mode other than live or test', `${VALID}secrets: [{ id: acme-key, label: an Acme key, pattern: 'acme_[a-z]{8}', hints: [acme_], modes: { acme_: demo } }]\n`, '/secrets/0/modes/acme_ must be equal to one of the allowed values'],
    // every key, even one that a pattern's `.` would not match
    ['a secret mode under a key with a line break', `${VALID}secrets: [{ id: acme-key, label: an Acme key, pattern: 'acme_[a-z]{8}', hints: [acme_], modes: { "acme_\\n": demo } }]\n`, '/secrets/0/modes/acme_\n must be equal to one of the allowed values'],
    ['no secret modes at all', `${VALID}secrets: [{ id: acme-key, label: an Acme key, pattern: 'acme_[a-z]{8}', hints: [acme_], modes: {} }]\n`, '/secrets/0/modes must NOT have fewer than 1 properties'],
    ['a fractional randomness length', `${VALID}secrets: [{ id: acme-key, label: an Acme key, pattern: 'acme_[a-z]{8}', hints: [acme_], random: { length: 1.5, entropy: 3 } }]\n`, '/secrets/0/random/length must be integer'],
    ['a cookieless value that is a number', `${VALID}cookieless: [{ option: persistence, values: [0] }]\n`, '/cookieless/0/values/0 must be string,boolean'],
    ['an empty alias list', VALID.replace('aliases: [Acme Analytics]', 'aliases: []'), '/aliases must NOT have fewer than 1 items'],
  ])('with %s is rejected, saying where and why', (_name, text, message) => {
    expect(issuesOf(text)).toEqual([`acme-analytics.yaml: ${message}`])
  })

  it('names every problem it has, not only the first', () => {
    expect(issuesOf(VALID.replace('purpose: product analytics\n', 'website: https://acme.example\n').replace('category: analytics', 'category: crypto'))).toEqual([
      'acme-analytics.yaml: / must have required property \'purpose\'',
      'acme-analytics.yaml: / must NOT have additional properties',
      'acme-analytics.yaml: /category must be equal to one of the allowed values',
    ])
  })

  it.each([
    ['the least it may hold', VALID],
    ['a scope and a family of packages', VALID.replace('packages: [acme-analytics]', 'packages: ["@acme/*", acme-js/*]')],
    ['a host with a wildcard label and an env prefix', `${VALID}hosts: [ingest.*.acme.example]\nenv: [ACME_*]\n`],
    ['a cookieless value that is a boolean or a string', `${VALID}cookieless: [{ option: storage.type, values: [false, none] }]\n`],
    ['secret modes and every optional field of a secret', `${VALID}secrets: [{ id: acme-key, label: an Acme key, pattern: 'acme_[a-z]{8}', hints: [acme_], requires: ACME, random: { length: 8, entropy: 0, ignore: '-', mixedCase: true }, prefix: [acme_], modes: { acme_: live }, validate: aws-key-pair }]\n`],
    ['a sink of every kind of receiver', `${VALID}sinks: [{ kind: error-reporter, packages: [acme-analytics], methods: [capture], globals: [Acme], classes: [AcmeClient], scopes: [getScope] }]\n`],
  ])('with %s is accepted', (_name, text) => {
    expect(issuesOf(text)).toEqual([])
    expect(parseVendorSources([{ file: 'acme-analytics.yaml', text }]).vendors).toHaveLength(1)
  })
})

// Loads, validates and indexes the vendor catalog (data/vendors/*.yaml).
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
// a static import, not a runtime require: the Action's bundle must carry the dataset (it runs without node_modules)
import thirdPartyWeb from 'third-party-web'
import { parse as parseYaml } from 'yaml'
import type { CookielessOption, Vendor, VendorCategory, VendorInput, VendorListField } from '../types/index.js'
import { readCompiled, type VendorSource } from './compiled.js'
import { compileSecretFormats, secretFormatIssues, type SecretFormat } from './secret-formats.js'
import { lookupTable } from '../util/table.js'
import { compareText } from '../util/order.js'

export const CATALOG_DIR = fileURLToPath(new URL('../../data/vendors/', import.meta.url))

/** Framework prefixes that expose an env var to the browser; `NEXT_PUBLIC_POSTHOG_KEY` is PostHog's `POSTHOG_KEY`. */
const PUBLIC_ENV_PREFIXES = ['NEXT_PUBLIC_', 'VITE_', 'REACT_APP_', 'EXPO_PUBLIC_', 'NUXT_PUBLIC_', 'NUXT_', 'GATSBY_', 'PUBLIC_', 'STORYBOOK_']

/** third-party-web categories that are about tracking or talking to users: worth a vendor of their own. */
const TPW_CATEGORIES = new Set(['ad', 'analytics', 'social', 'customer-success', 'marketing', 'tag-manager', 'consent-provider'])
const TPW_CATEGORY_MAP: Record<string, VendorCategory> = lookupTable({
  ad: 'ads', analytics: 'analytics', social: 'ads', 'customer-success': 'support',
  marketing: 'analytics', 'tag-manager': 'analytics', 'consent-provider': 'consent',
})

export class CatalogError extends Error {}

export interface CatalogIssue {
  file: string
  message: string
}

export type { VendorInput }

// an object, not an array, so that the compiler names a list the type has and this lacks
const LIST_FIELDS = Object.keys({
  packages: true, excludePackages: true, browserPackages: true, deployPackages: true, hosts: true, urls: true, env: true, configFiles: true,
  configPatterns: true, cookies: true, lookalikes: true, secrets: true, globals: true, components: true, cookieless: true,
} satisfies Record<VendorListField, true>) as VendorListField[]

/** A vendor as written in its file, with the lists it leaves out as []. */
export function normalizeVendor(input: VendorInput): Vendor {
  const vendor = { ...input } as Vendor
  for (const field of LIST_FIELDS) (vendor as unknown as Record<string, unknown[]>)[field] = [...((input[field] as unknown[]) ?? [])]
  return vendor
}

let validator: ReturnType<Ajv['compile']> | undefined
export function validateVendorShape(data: unknown): string[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(new URL('schema.json', `file://${CATALOG_DIR}`), 'utf8'))
    validator = new Ajv({ allErrors: true, strict: false }).compile(schema)
  }
  if (validator(data)) return []
  return (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`)
}

/** The vendor files' names and texts, in name order. */
export function readVendorSources(dir = CATALOG_DIR): VendorSource[] {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((file) => ({ file, text: readFileSync(`${dir}/${file}`, 'utf8') }))
}

/** Parses and validates vendor files; shape errors are returned, not thrown, so a test can list them all. */
export function parseVendorSources(sources: VendorSource[]): { vendors: VendorInput[]; issues: CatalogIssue[] } {
  const vendors: VendorInput[] = []
  const issues: CatalogIssue[] = []
  for (const { file, text } of sources) {
    let data: unknown
    try {
      data = parseYaml(text)
    } catch (error) {
      issues.push({ file, message: `invalid YAML: ${(error as Error).message.split('\n')[0]}` })
      continue
    }
    const errors = validateVendorShape(data)
    if (errors.length > 0) {
      issues.push(...errors.map((message) => ({ file, message })))
      continue
    }
    const vendor = data as VendorInput
    if (`${vendor.id}.yaml` !== file) issues.push({ file, message: `id "${vendor.id}" does not match the file name` })
    issues.push(...secretFormatIssues(vendor).map((message) => ({ file, message })))
    vendors.push(vendor)
  }
  return { vendors, issues }
}

/** Every vendor file, from the build's compiled catalog while the YAML is unchanged (see compiled.ts), else parsed. */
export function readVendorFiles(dir = CATALOG_DIR): { vendors: VendorInput[]; issues: CatalogIssue[] } {
  const sources = readVendorSources(dir)
  const compiled = dir === CATALOG_DIR ? readCompiled<VendorInput[]>(sources) : undefined
  return Array.isArray(compiled) ? { vendors: compiled, issues: [] } : parseVendorSources(sources)
}

/** Cross-vendor rules: unique ids, no signal claimed twice, every vendor detectable and nameable. */
export function lintCatalog(vendors: Vendor[]): CatalogIssue[] {
  const issues: CatalogIssue[] = []
  const ids = new Set<string>()
  const owners = new Map<string, string>()
  const claim = (kind: string, key: string, id: string) => {
    const k = `${kind}:${key}`
    const owner = owners.get(k)
    if (owner && owner !== id) issues.push({ file: `${id}.yaml`, message: `${kind} "${key}" is also claimed by ${owner}` })
    else owners.set(k, id)
  }
  for (const v of vendors) {
    if (ids.has(v.id)) issues.push({ file: `${v.id}.yaml`, message: `duplicate id ${v.id}` })
    ids.add(v.id)
    for (const p of v.packages) claim('package', p, v.id)
    for (const h of v.hosts) claim('host', h, v.id)
    for (const e of v.env) claim('env', e, v.id)
    for (const f of v.configFiles) claim('config file', f, v.id)
    for (const d of v.deployPackages) claim('deploy package', d, v.id)
    for (const u of v.urls) claim('url', u, v.id)
    for (const a of v.aliases) claim('alias', a.toLowerCase(), v.id)
    for (const s of v.secrets) claim('secret', s.id, v.id)
    for (const c of v.components) claim('component', `${c.export} of ${c.package}`, v.id)
    const signals = v.packages.length + v.hosts.length + v.env.length + v.configFiles.length + v.configPatterns.length + v.deployPackages.length + v.urls.length
    if (signals === 0) issues.push({ file: `${v.id}.yaml`, message: 'no detection signal (packages, hosts, env, configFiles or configPatterns)' })
    for (const b of v.browserPackages) {
      if (!v.packages.some((p) => packageMatches(p, b))) issues.push({ file: `${v.id}.yaml`, message: `browser package ${b} is not one of its packages` })
    }
    for (const c of v.cookies) {
      for (const p of c.packages ?? []) {
        if (!v.packages.some((q) => packageMatches(q, p))) issues.push({ file: `${v.id}.yaml`, message: `cookie ${c.name}: package ${p} is not one of its packages` })
      }
    }
  }
  issues.push(...lintSnippets(vendors))
  for (const v of vendors) {
    if (v.parent && !ids.has(v.parent)) issues.push({ file: `${v.id}.yaml`, message: `parent ${v.parent} is not in the catalog` })
  }
  return issues
}

/**
 * A memoised lookup of the first entry whose `packages` (`@scope/*` patterns included) a module specifier belongs to,
 * itself or one of its subpaths: the flow models' sink and sends lookups.
 */
export function packageLookup<T extends { packages: readonly string[] }>(list: readonly T[]): (module: string) => T | undefined {
  const memo = new Map<string, T | null>()
  return (module) => {
    let hit = memo.get(module)
    if (hit === undefined) {
      hit = list.find((entry) => entry.packages.some((p) => packageMatches(p, module) || module.startsWith(`${p}/`))) ?? null
      memo.set(module, hit)
    }
    return hit ?? undefined
  }
}

/**
 * Snippet globals and cookieless options: a global is one function whatever vendors share it (gtag is Google
 * Analytics' and Tag Manager's), so they must agree on what initialises it; cookieless options need an SDK to be
 * given to, and an option listed twice would leave one of its lists unread.
 */
function lintSnippets(vendors: Vendor[]): CatalogIssue[] {
  const issues: CatalogIssue[] = []
  const inits = new Map<string, { id: string; initArgument?: string }>()
  for (const v of vendors) {
    for (const g of v.globals) {
      const first = inits.get(g.name)
      if (!first) inits.set(g.name, { id: v.id, initArgument: g.initArgument })
      else if (first.initArgument !== g.initArgument) issues.push({ file: `${v.id}.yaml`, message: `global ${g.name} is initialised by ${g.initArgument ?? 'no argument'} here, by ${first.initArgument ?? 'no argument'} in ${first.id}` })
    }
    if (v.cookieless.length > 0 && v.packages.length + v.globals.length + v.components.length === 0) {
      issues.push({ file: `${v.id}.yaml`, message: 'cookieless options but no SDK to give them to (packages, globals or components)' })
    }
    const options = new Set<string>()
    for (const c of v.cookieless) {
      if (options.has(c.option)) issues.push({ file: `${v.id}.yaml`, message: `cookieless option ${c.option} is listed twice` })
      options.add(c.option)
    }
  }
  return issues
}

export function packageMatches(pattern: string, name: string): boolean {
  if (pattern.endsWith('/*')) return name.startsWith(pattern.slice(0, -1)) || name === pattern.slice(0, -2)
  return name === pattern
}

function hostPatternMatches(pattern: string, host: string): boolean {
  if (!pattern.includes('*')) return host === pattern || host.endsWith(`.${pattern}`)
  const p = pattern.split('.')
  const h = host.split('.')
  // a wildcard pattern matches the host or any subdomain of a host it matches exactly: aligned on the last label,
  // so `logs.*.amazonaws.com` never matches inside `logs.x.amazonaws.com.evil.example`
  const start = h.length - p.length
  return start >= 0 && p.every((label, i) => label === '*' || label === h[start + i])
}

/** Strips the framework prefixes that expose a variable to the browser. */
export function baseEnvName(name: string): string {
  for (const prefix of PUBLIC_ENV_PREFIXES) if (name.startsWith(prefix) && name.length > prefix.length + 2) return name.slice(prefix.length)
  return name
}

/** A vendor whose snippet defines a global, and the first argument of a call of it that initialises the vendor. */
export interface SnippetInit {
  vendor: Vendor
  initArgument?: string
}

/** One cookieless option compiled: the path below its first key, and its values by type (strings in lower case). */
export interface CookielessRule {
  path: string[]
  strings: Set<string>
  booleans: Set<boolean>
}

/** A vendor's cookieless options by the key an options object holds them under. */
export type CookielessRules = Map<string, CookielessRule[]>

function compileCookieless(options: CookielessOption[]): CookielessRules {
  const rules: CookielessRules = new Map()
  for (const { option, values } of options) {
    const [key, ...path] = option.split('.')
    const rule: CookielessRule = {
      path,
      strings: new Set(values.filter((x) => typeof x === 'string').map((x) => x.toLowerCase())),
      booleans: new Set(values.filter((x) => typeof x === 'boolean')),
    }
    rules.set(key, [...(rules.get(key) ?? []), rule])
  }
  return rules
}

export interface VendorMatch {
  vendor: Vendor
  reason: string
}

export class Catalog {
  readonly vendors: Vendor[]
  private hashMemo: string | undefined
  private readonly byId = new Map<string, Vendor>()
  private readonly exactPackages = new Map<string, Vendor>()
  private readonly prefixPackages: Array<[string, Vendor]> = []
  private readonly exactHosts = new Map<string, Vendor>()
  private readonly wildcardHosts: Array<[string, Vendor]> = []
  /** `*.example.com` patterns: proper subdomains only, and never `www.` (that is the website). */
  private readonly subdomainHosts = new Map<string, Vendor>()
  private readonly exactEnv = new Map<string, Vendor>()
  private readonly prefixEnv: Array<[string, Vendor]> = []
  private readonly configFileIndex = new Map<string, Vendor>()
  private readonly deployPackageIndex = new Map<string, Vendor>()
  /** Every vendor's deploy-config patterns, flattened once: each config line is checked against all of them. */
  private readonly configPatterns: Array<[string, Vendor]> = []
  private readonly urlPrefixes: Array<[string, Vendor]> = []
  /** The credential formats the hardcoded-secret check and the report's redaction match, regexes compiled once. */
  readonly secretFormats: SecretFormat[]
  private readonly snippetGlobals = new Map<string, SnippetInit[]>()
  /** Component vendors by import specifier, then by export name. */
  private readonly components = new Map<string, Map<string, Vendor>>()
  private readonly cookieless = new Map<string, CookielessRules>()
  /** Matches a text that names any snippet global as a word: files without one need no look for snippet inits. */
  readonly snippetMention: RegExp

  /** `formatsFrom`: the vendors whose secret formats it matches: its own, or (a test catalog of a few vendors) the real catalog's. */
  constructor(vendors: Vendor[], formatsFrom: Vendor[] = vendors) {
    this.vendors = [...vendors].sort((a, b) => compareText(a.id, b.id))
    this.secretFormats = compileSecretFormats(formatsFrom === vendors ? this.vendors : [...formatsFrom].sort((a, b) => compareText(a.id, b.id)))
    for (const v of this.vendors) {
      this.byId.set(v.id, v)
      for (const p of v.packages) {
        if (p.endsWith('/*')) this.prefixPackages.push([p.slice(0, -1), v])
        else this.exactPackages.set(p, v)
      }
      for (const h of v.hosts) {
        if (h.startsWith('*.') && !h.slice(2).includes('*')) {
          if (!this.subdomainHosts.has(h.slice(2))) this.subdomainHosts.set(h.slice(2), v)
        } else if (h.includes('*')) this.wildcardHosts.push([h, v])
        else if (!this.exactHosts.has(h)) this.exactHosts.set(h, v)
      }
      for (const e of v.env) {
        if (e.endsWith('*')) this.prefixEnv.push([e.slice(0, -1), v])
        else this.exactEnv.set(e, v)
      }
      for (const f of v.configFiles) this.configFileIndex.set(f, v)
      for (const d of v.deployPackages) this.deployPackageIndex.set(d, v)
      for (const p of v.configPatterns) this.configPatterns.push([p, v])
      for (const u of v.urls) this.urlPrefixes.push([u, v])
      for (const g of v.globals) this.snippetGlobals.set(g.name, [...(this.snippetGlobals.get(g.name) ?? []), { vendor: v, initArgument: g.initArgument }])
      for (const c of v.components) {
        const byExport = this.components.get(c.package) ?? new Map<string, Vendor>()
        byExport.set(c.export, v)
        this.components.set(c.package, byExport)
      }
      if (v.cookieless.length > 0) this.cookieless.set(v.id, compileCookieless(v.cookieless))
    }
    const globals = [...this.snippetGlobals.keys()].sort(compareText)
    // `(?!)` never matches: a catalog without snippets finds none
    this.snippetMention = new RegExp(globals.length > 0 ? `\\b(?:${globals.join('|')})\\b` : '(?!)')
    // longest prefix first, so `@aws-sdk/client-bedrock-runtime` beats `@aws-sdk/*`
    this.prefixPackages.sort((a, b) => b[0].length - a[0].length || compareText(a[0], b[0]))
    this.prefixEnv.sort((a, b) => b[0].length - a[0].length || compareText(a[0], b[0]))
    this.wildcardHosts.sort((a, b) => b[0].length - a[0].length || compareText(a[0], b[0]))
  }

  /** A digest of the catalog's content, computed on first use: a scan never asks for it. */
  get hash(): string {
    this.hashMemo ??= createHash('sha256').update(JSON.stringify(this.vendors)).digest('hex').slice(0, 16)
    return this.hashMemo
  }

  get(id: string): Vendor | undefined {
    return this.byId.get(id)
  }

  /** The vendor and its ancestors, nearest first. */
  lineage(id: string): Vendor[] {
    const out: Vendor[] = []
    let v = this.byId.get(id)
    while (v && !out.includes(v)) {
      out.push(v)
      v = v.parent ? this.byId.get(v.parent) : undefined
    }
    return out
  }

  /** Specifiers repeat across files (`react`, `zod`) and most match nothing only after the whole prefix list: remember each answer. */
  private readonly packageMemo = new Map<string, VendorMatch | undefined>()

  /** The vendor owning an npm package, given the package name or an import specifier (`posthog-js/react`). */
  matchPackage(specifier: string): VendorMatch | undefined {
    if (this.packageMemo.has(specifier)) return this.packageMemo.get(specifier)
    const match = this.matchPackageUncached(specifier)
    if (this.packageMemo.size < 100_000) this.packageMemo.set(specifier, match)
    return match
  }

  private matchPackageUncached(specifier: string): VendorMatch | undefined {
    const name = packageNameOf(specifier)
    if (!name) return undefined
    const exact = this.exactPackages.get(name)
    let match: VendorMatch | undefined = exact ? { vendor: exact, reason: 'package-match' } : undefined
    if (!match) {
      for (const [prefix, vendor] of this.prefixPackages) {
        if (name.startsWith(prefix) || name === prefix.slice(0, -1)) {
          match = { vendor, reason: 'package-scope-match' }
          break
        }
      }
    }
    if (match && match.vendor.excludePackages.some((p) => packageMatches(p, name))) return undefined
    return match
  }

  /** Hosts repeat across a repo (every call to the same API): remember each answer. */
  private readonly hostMemo = new Map<string, VendorMatch | undefined>()

  matchHost(rawHost: string): VendorMatch | undefined {
    if (this.hostMemo.has(rawHost)) return this.hostMemo.get(rawHost)
    const match = this.matchHostUncached(rawHost)
    if (this.hostMemo.size < 100_000) this.hostMemo.set(rawHost, match)
    return match
  }

  private matchHostUncached(rawHost: string): VendorMatch | undefined {
    // no DNS name is longer; a longer "host" is junk, and its many labels would make the suffix search quadratic
    if (rawHost.length > 254) return undefined
    const host = rawHost.toLowerCase().replace(/\.$/, '')
    const labels = host.split('.')
    // most specific exact pattern first: the host itself, then each parent domain
    for (let i = 0; i < labels.length - 1; i++) {
      const candidate = labels.slice(i).join('.')
      let exact = this.exactHosts.get(candidate)
      if (!exact && i > 0 && !(i === 1 && labels[0] === 'www')) exact = this.subdomainHosts.get(candidate)
      if (exact) {
        // a wildcard pattern more specific than this suffix wins (bedrock-runtime.*.amazonaws.com over amazonaws.com)
        const wildcard = this.wildcardHosts.find(([p]) => p.split('.').length > labels.length - i && hostPatternMatches(p, host))
        if (wildcard) return { vendor: wildcard[1], reason: 'host-match' }
        return { vendor: exact, reason: 'host-match' }
      }
    }
    const wildcard = this.wildcardHosts.find(([p]) => hostPatternMatches(p, host))
    return wildcard ? { vendor: wildcard[1], reason: 'host-match' } : undefined
  }

  /** The vendors whose page snippet defines this global function, in id order. */
  snippetGlobal(name: string): readonly SnippetInit[] | undefined {
    return this.snippetGlobals.get(name)
  }

  /** The vendor a framework component loads: `component('@next/third-parties/google', 'GoogleAnalytics')`. */
  component(specifier: string, exported: string): Vendor | undefined {
    return this.components.get(specifier)?.get(exported)
  }

  /** Whether an import specifier exports a vendor's component. */
  isComponentModule(specifier: string): boolean {
    return this.components.has(specifier)
  }

  /** The vendor's cookieless options, compiled; undefined when it has none. */
  cookielessRules(id: string): CookielessRules | undefined {
    return this.cookieless.get(id)
  }

  /** A build/deploy tool package (even a devDependency) that names where the product deploys. */
  matchDeployPackage(name: string): VendorMatch | undefined {
    const vendor = this.deployPackageIndex.get(name)
    return vendor ? { vendor, reason: 'deploy-package' } : undefined
  }

  /** A full URL: a `host/path` prefix of the catalog wins over the host's owner (gtag.js is Google Analytics). */
  matchUrl(host: string, pathAndQuery: string): VendorMatch | undefined {
    const target = `${host.toLowerCase()}${pathAndQuery}`
    for (const [prefix, vendor] of this.urlPrefixes) if (target.startsWith(prefix)) return { vendor, reason: 'url-match' }
    return this.matchHost(host)
  }

  matchEnv(name: string): VendorMatch | undefined {
    for (const candidate of new Set([name, baseEnvName(name)])) {
      const exact = this.exactEnv.get(candidate)
      if (exact) return { vendor: exact, reason: 'env-match' }
      for (const [prefix, vendor] of this.prefixEnv) if (candidate.startsWith(prefix)) return { vendor, reason: 'env-prefix' }
    }
    return undefined
  }

  matchConfigFile(basename: string): VendorMatch | undefined {
    const vendor = this.configFileIndex.get(basename)
    return vendor ? { vendor, reason: 'config-file' } : undefined
  }

  /** Literal deploy-config patterns found in a line of text. */
  matchConfigPatterns(text: string): VendorMatch[] {
    return this.configPatterns.filter(([p]) => text.includes(p)).map(([, vendor]) => ({ vendor, reason: 'config-pattern' }))
  }
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`; relative and node: specifiers → undefined. */
export function packageNameOf(specifier: string): string | undefined {
  if (!specifier || specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('#') || /^[a-z]+:/.test(specifier)) return undefined
  const parts = specifier.split('/')
  if (specifier.startsWith('@')) return parts.length >= 2 ? `${parts[0]}/${parts[1]}` : undefined
  return parts[0]
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}

/** Vendors from third-party-web (MIT, © Patrick Hulce) for tracking/engagement hosts the curated catalog lacks. */
function thirdPartyWebVendors(curated: Vendor[]): { extra: Vendor[]; hostsFor: Map<string, string[]> } {
  const { entities } = thirdPartyWeb
  const claimed = new Set(curated.flatMap((v) => v.hosts))
  const byEntity = new Map(curated.filter((v) => v.thirdPartyWeb).map((v) => [v.thirdPartyWeb!, v]))
  const hostsFor = new Map<string, string[]>()
  const extra: Vendor[] = []
  const curatedIds = new Set(curated.map((v) => v.id))
  for (const entity of [...entities].sort((a, b) => compareText(a.name, b.name))) {
    // `*.linkedin.com` stays subdomains-only: the apex and www. are the public website, whose links are not tracking
    // an ad or social network's www. host is its public site (profile and share links), even where the dataset lists it
    const website = (d: string) => (entity.category === 'ad' || entity.category === 'social') && d.startsWith('www.')
    const domains = entity.domains.map((d) => d.toLowerCase()).filter((d) => /^(\*\.)?[a-z0-9.-]+\.[a-z]{2,}$/.test(d) && !website(d) && !claimed.has(d) && !claimed.has(d.replace(/^\*\./, '')))
    const owner = byEntity.get(entity.name)
    if (owner) {
      hostsFor.set(owner.id, domains)
      domains.forEach((d) => claimed.add(d))
      continue
    }
    if (!TPW_CATEGORIES.has(entity.category) || domains.length === 0) continue
    const id = `tpw-${slug(entity.name)}`
    if (curatedIds.has(id)) continue
    domains.forEach((d) => claimed.add(d))
    extra.push(normalizeVendor({
      id,
      name: entity.name,
      aliases: [entity.name],
      legalName: entity.company,
      category: TPW_CATEGORY_MAP[entity.category] ?? 'other',
      purpose: `${entity.category.replace('-', ' ')} (third-party-web)`,
      hosts: domains,
      privacyUrl: entity.homepage ?? '',
    }))
  }
  return { extra, hostsFor }
}

let cached: Catalog | undefined

/** The catalog: curated YAML, plus third-party-web hosts and tracker entities. Throws CatalogError if invalid. */
export function loadCatalog(options: { extraVendors?: VendorInput[]; thirdPartyWeb?: boolean } = {}): Catalog {
  const useDefault = !options.extraVendors?.length && options.thirdPartyWeb !== false
  if (useDefault && cached) return cached
  const { vendors: inputs, issues } = readVendorFiles()
  if (issues.length > 0) throw new CatalogError(`invalid vendor catalog: ${issues[0].file}: ${issues[0].message}`)
  for (const v of options.extraVendors ?? []) {
    const [issue] = secretFormatIssues(v)
    if (issue) throw new CatalogError(`invalid vendor ${v.id}: ${issue}`)
  }
  const curated = [...inputs, ...(options.extraVendors ?? [])].map(normalizeVendor)
  let vendors = curated
  if (options.thirdPartyWeb !== false) {
    const { extra, hostsFor } = thirdPartyWebVendors(curated)
    vendors = curated.map((v) => (hostsFor.has(v.id) ? { ...v, hosts: [...v.hosts, ...hostsFor.get(v.id)!] } : v)).concat(extra)
  }
  const catalog = new Catalog(vendors)
  if (useDefault) cached = catalog
  return catalog
}

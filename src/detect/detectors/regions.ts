// Where the product runs and keeps data: provider region codes in code (`new S3Client({ region: 'eu-central-1' })`,
// `export const preferredRegion = 'fra1'`, `const REGIONS = ['fra', 'iad']`), in deploy config (`fly.toml
// primary_region`, `vercel.json regions`, `AWS_REGION=` in env, compose and workflows, `--region` flags) and in
// regional hosts (`ep-x.eu-central-1.aws.neon.tech`, `aws-0-us-east-1.pooler.supabase.com`, `eu1-x.upstash.io`).
// Evidence kind `region`, value the code; data/regions.yaml says where it is.
import { ts } from 'ts-morph'
import { loadRegionTable, type RegionInfo, type RegionTable } from '../../catalog/regions.js'
import type { RegionEvidence, RegionSource } from '../../types/index.js'
import type { CodeDetector, ConfigDetector } from '../engine.js'
import { bareHost, findUrls } from '../urls.js'

/** AWS and GCP codes look like nothing else: matched as a whole literal anywhere. */
const AWS_CODE = /^(?:us|eu|ap|sa|ca|me|af|il|mx)(?:-gov)?-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d$/
const GCP_CODE = /^(?:us|europe|asia|australia|northamerica|southamerica|me|africa)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)\d{1,2}$/
/** Names that make a value a region: `region`, `regions`, `primary_region`, `AWS_REGION`, `preferredRegion`. */
const REGION_NAME = /region/i
/** GCP and Azure call it a location. */
const LOCATION_NAME = /^(?:location|gcp_?location|azure_?location)$/i
const TOKEN = /[a-z0-9]+(?:-[a-z0-9]+)*/gi
const REGION_FLAG = /--regions?[=\s]+([A-Za-z0-9,-]+)/g

function regionEvidence(table: RegionTable, region: RegionInfo, source: RegionSource): Omit<RegionEvidence, 'location' | 'detector'> {
  return {
    kind: 'region',
    value: region.code,
    reason: `region-${source}`,
    data: { place: table.describe(region), ...(region.country ? { country: region.country } : {}), areas: region.areas, providers: region.providers, source },
  }
}

/** `aws-eu-central-1` (Neon region ids) and `aws-0-us-east-1` (Supabase pooler hosts) are AWS codes. */
function awsPrefixed(token: string): string | undefined {
  const m = /^aws-(?:\d+-)?(.+)$/.exec(token)
  return m && AWS_CODE.test(m[1]) ? m[1] : undefined
}

/** A region code standing where a region is expected (any provider's code). */
export function lookupRegionValue(table: RegionTable, raw: string, location = false): RegionInfo | undefined {
  const v = raw.trim().toLowerCase()
  if (!v || v.length > 40) return undefined
  const region = table.lookup(v) ?? table.lookup(awsPrefixed(v) ?? '')
  if (!region) return undefined
  // "location" is a common word: only GCP and Azure codes count there
  if (location && !region.providers.some((p) => p === 'gcp' || p === 'azure')) return undefined
  return region
}

/** Regions a host names: an AWS/GCP code label, Supabase's `aws-0-<code>`, Upstash's legacy `eu1-` prefix. */
export function regionsInHost(table: RegionTable, host: string): RegionInfo[] {
  const out: RegionInfo[] = []
  const labels = host.toLowerCase().split('.')
  for (const label of labels.slice(0, -1)) {
    const code = AWS_CODE.test(label) || GCP_CODE.test(label) ? label : awsPrefixed(label)
    const region = code ? table.lookup(code) : undefined
    if (region && !out.includes(region)) out.push(region)
  }
  if (host.endsWith('.upstash.io')) {
    const m = /^([a-z]{2}\d)-/.exec(labels[0])
    const region = m ? table.lookup(m[1]) : undefined
    if (region?.providers.includes('upstash')) out.push(region)
  }
  if (/(?:^|\.)(?:azure\.com|azurecontainerapps\.io)$/.test(host)) {
    for (const label of labels) {
      const region = table.lookup(label)
      if (region?.providers.includes('azure') && !out.includes(region)) out.push(region)
    }
  }
  return out
}

function unwrapUp(node: ts.Node): ts.Node {
  let cur = node
  for (let i = 0; i < 6 && cur.parent; i++) {
    const p: ts.Node = cur.parent
    const passThrough = ts.isArrayLiteralExpression(p) || ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p)
      || ts.isTypeAssertionExpression(p) || ts.isJsxExpression(p)
      || (ts.isConditionalExpression(p) && p.condition !== cur)
      || (ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || p.operatorToken.kind === ts.SyntaxKind.BarBarToken))
    if (!passThrough) break
    cur = p
  }
  return cur
}

/** The name a literal is bound to: a property, variable, parameter default, JSX attribute, or assignment target. */
export function bindingName(node: ts.Node): string | undefined {
  const top = unwrapUp(node)
  const p = top.parent
  if (!p) return undefined
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) && p.initializer === top) {
    return ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : undefined
  }
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p)) && p.initializer === top && ts.isIdentifier(p.name)) return p.name.text
  if (ts.isJsxAttribute(p)) return p.name.getText()
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === top) {
    const left = p.left
    if (ts.isIdentifier(left)) return left.text
    if (ts.isPropertyAccessExpression(left)) return left.name.text
    if (ts.isElementAccessExpression(left) && ts.isStringLiteralLike(left.argumentExpression)) return left.argumentExpression.text
  }
  return undefined
}

/** What a literal's text alone says: the regions of the host it is, or the region code it is, or nothing. */
type LiteralRegions = { host: RegionInfo[] } | { code: RegionInfo; value: string } | null

const LONGEST_LITERAL = 40

function literalRegions(table: RegionTable, value: string): LiteralRegions {
  const v = value.trim().toLowerCase()
  if (v.length > LONGEST_LITERAL) return null
  const host = bareHost(v)
  if (host) return { host: regionsInHost(table, host) }
  const region = lookupRegionValue(table, v)
  return region ? { code: region, value: v } : null
}

/** The same literals and URL hosts recur across a repo (`'GET'`, `api.stripe.com`): each is judged once per table. */
const LITERAL_MEMO = new WeakMap<RegionTable, { literals: Map<string, LiteralRegions>; hosts: Map<string, RegionInfo[]> }>()
const MEMO_LIMIT = 50_000

function memoized<T>(memo: Map<string, T>, key: string, compute: (key: string) => T): T {
  // a long literal is rarely repeated, and would make the memo heavy
  if (key.length > 256) return compute(key)
  let found = memo.get(key)
  if (found === undefined) {
    found = compute(key)
    if (memo.size >= MEMO_LIMIT) memo.clear()
    memo.set(key, found)
  }
  return found
}

export const regionCodeDetector: CodeDetector = {
  id: 'regions',
  create({ emit }) {
    const table = loadRegionTable()
    let memo = LITERAL_MEMO.get(table)
    if (!memo) {
      memo = { literals: new Map(), hosts: new Map() }
      LITERAL_MEMO.set(table, memo)
    }
    const { literals, hosts } = memo
    const visit = (node: ts.Node) => {
      const value = (node as ts.LiteralLikeNode).text
      if (!value || value.length > 2048) return
      if (value.includes('://')) {
        for (const url of findUrls(value)) {
          for (const r of memoized(hosts, url.host, (host) => regionsInHost(table, host))) emit({ ...regionEvidence(table, r, 'host'), node })
        }
        return
      }
      // a literal longer than any host or region code (a class list, a sentence) says nothing: not worth a memo entry
      if (value.length > LONGEST_LITERAL && value.trim().length > LONGEST_LITERAL) return
      const found = memoized(literals, value, (v) => literalRegions(table, v))
      if (!found) return
      if ('host' in found) {
        for (const r of found.host) emit({ ...regionEvidence(table, r, 'host'), node })
        return
      }
      // the table first: most strings are no region code, and the binding walk is the costly part
      const { code: region, value: v } = found
      const name = bindingName(node)
      const inRegionSlot = name !== undefined && REGION_NAME.test(name)
      const inLocationSlot = !inRegionSlot && name !== undefined && LOCATION_NAME.test(name) && lookupRegionValue(table, v, true) !== undefined
      if (inRegionSlot || inLocationSlot || AWS_CODE.test(v) || GCP_CODE.test(v)) emit({ ...regionEvidence(table, region, 'code'), node })
    }
    return {
      visitors: {
        StringLiteral: visit,
        NoSubstitutionTemplateLiteral: visit,
      },
    }
  },
}

/** `KEY = value`, `KEY: value`, `"key": value`, `- KEY=value`, `export KEY=value`. */
const DOCKER_ENV = /^\s*(?:ENV|ARG)\s+/i
const KEY_VALUE = /^\s*(?:-\s+)?(?:export\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*(.*)$/

export const regionConfigDetector: ConfigDetector = {
  id: 'regions-config',
  detect({ lines, emit }) {
    const table = loadRegionTable()
    /** A region list opened on a key line and continued on the lines below (`regions:` then `- fra1`, or `[` … `]`). */
    let openList: { indent: number; bracket: boolean } | undefined
    const emitTokens = (text: string, line: number, offset: number, source: RegionSource, location = false) => {
      for (const m of text.matchAll(TOKEN)) {
        const region = lookupRegionValue(table, m[0], location)
        if (region) emit({ ...regionEvidence(table, region, source), line, column: offset + (m.index ?? 0) + 1 })
      }
    }
    lines.forEach((line, i) => {
      if (line.length > 5000) return
      const trimmed = line.trimStart()
      if (trimmed.startsWith('#') || trimmed.startsWith('//')) return
      const indent = line.length - trimmed.length
      if (openList?.bracket) {
        const end = line.indexOf(']')
        emitTokens(end >= 0 ? line.slice(0, end) : line, i + 1, 0, 'config-key')
        if (end >= 0) openList = undefined
        return
      }
      if (openList) {
        if (trimmed.startsWith('-') && indent >= openList.indent) {
          emitTokens(line, i + 1, 0, 'config-key')
          return
        }
        openList = undefined
      }
      const kv = KEY_VALUE.exec(line.replace(DOCKER_ENV, ''))
      if (kv && (REGION_NAME.test(kv[1]) || LOCATION_NAME.test(kv[1]))) {
        const value = kv[2].replace(/\s+#.*$/, '')
        emitTokens(value, i + 1, line.length - kv[2].length, 'config-key', !REGION_NAME.test(kv[1]))
        const rest = value.trim()
        if (rest === '') openList = { indent, bracket: false }
        else if (rest.startsWith('[') && !rest.includes(']')) openList = { indent, bracket: true }
      }
      for (const m of line.matchAll(REGION_FLAG)) emitTokens(m[1], i + 1, (m.index ?? 0) + m[0].length - m[1].length, 'flag')
      if (line.includes('://')) {
        for (const url of findUrls(line)) for (const r of regionsInHost(table, url.host)) emit({ ...regionEvidence(table, r, 'host'), line: i + 1, column: url.index + 1 })
      } else if (kv) {
        const host = bareHost(kv[2].trim().replace(/^["']|["']$/g, ''))
        if (host) for (const r of regionsInHost(table, host)) emit({ ...regionEvidence(table, r, 'host'), line: i + 1 })
      }
    })
  },
}

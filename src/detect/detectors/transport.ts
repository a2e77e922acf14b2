// Remote endpoints and how they are reached: `http://`/`ws://` (plain text) or `https://`/`wss://` (TLS), in
// string and template literals and in env/deploy config, plus config that enforces TLS (fly.toml `force_https`,
// a Strict-Transport-Security header). Local, private and reserved hosts and identifier URLs (XML namespaces,
// JSON Schema ids, licences) are not endpoints and give no evidence. Evidence kind `transport`, value the host.
import { ts } from 'ts-morph'
import type { TransportEvidence } from '../../types/index.js'
import type { CodeDetector, ConfigDetector } from '../engine.js'
import { findUrls, isIdentifierHost, isLocalHost, redactUrl, type FoundUrl } from '../urls.js'
import { loadedUrlsInMarkup, owningName } from './hosts.js'
import { lookupTable } from '../../util/table.js'

const SCHEMES: Record<string, boolean> = lookupTable({ http: false, ws: false, https: true, wss: true })
/** Attributes and properties whose URL a person follows or that only names something. */
const NOT_ENDPOINTS = new Set(['href', 'homepage', 'website', 'docs', 'docsUrl', 'learnMore', 'learnMoreUrl', 'link', 'privacyUrl', 'termsUrl', 'xmlns', '$schema', '$id', '$ref', '@context', '@id', '@type', 'namespace', 'namespaceURI', 'license', 'licenseUrl'])
/** Calls whose URL argument is a namespace: `document.createElementNS('http://www.w3.org/2000/svg', 'svg')`. */
const NAMESPACE_CALLS = /NS$/
const HTML_LIKE = /\.(html?|vue|svelte|astro)$/i

/** A URL that is a remote endpoint: a known scheme, a public host, not an identifier. */
export function endpointOf(url: FoundUrl): { secure: boolean } | undefined {
  const secure = SCHEMES[url.scheme]
  if (secure === undefined) return undefined
  if (isLocalHost(url.host) || isIdentifierHost(url.host)) return undefined
  return { secure }
}

function evidenceFor(url: FoundUrl, secure: boolean): Omit<TransportEvidence, 'location' | 'detector'> {
  return { kind: 'transport', value: url.host, reason: secure ? 'tls-url' : 'plaintext-url', data: { scheme: url.scheme, url: redactUrl(url.url), secure } }
}

function notAnEndpoint(owner: string | undefined): boolean {
  return owner !== undefined && (NOT_ENDPOINTS.has(owner) || owner.startsWith('xmlns') || owner.startsWith('xlink'))
}

function isNamespaceArgument(node: ts.Node): boolean {
  const call = node.parent
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(node as ts.Expression)) return false
  const callee = call.expression
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : ''
  return NAMESPACE_CALLS.test(name)
}

function isModuleSpecifier(node: ts.Node): boolean {
  const p = node.parent
  return !!p && (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isExternalModuleReference(p) || (ts.isCallExpression(p) && p.arguments[0] === node && (p.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(p.expression) && p.expression.text === 'require'))))
}

type EndpointEvidence = ReturnType<typeof evidenceFor>

/** The endpoints of a literal's text, each with its offset: the same URL literals recur across a repo. */
const ENDPOINTS = new Map<string, Array<{ index: number; evidence: EndpointEvidence }>>()

function endpointsIn(text: string): Array<{ index: number; evidence: EndpointEvidence }> {
  let found = ENDPOINTS.get(text)
  if (!found) {
    found = []
    for (const url of findUrls(text)) {
      const endpoint = endpointOf(url)
      if (endpoint) found.push({ index: url.index, evidence: evidenceFor({ ...url, url: url.url.replace(/§/g, '${…}') }, endpoint.secure) })
    }
    if (text.length <= 512) {
      if (ENDPOINTS.size >= 50_000) ENDPOINTS.clear()
      ENDPOINTS.set(text, found)
    }
  }
  return found
}

export const transportCodeDetector: CodeDetector = {
  id: 'transport',
  create({ emit, sourceFile, file, text: fileText }) {
    // no scheme anywhere in the file: no endpoint to judge, and no need to visit its literals
    if (!fileText.includes('://')) return { visitors: {} }
    if (HTML_LIKE.test(file.path)) {
      for (const { url, index } of loadedUrlsInMarkup(fileText)) {
        for (const found of findUrls(url)) {
          const endpoint = endpointOf(found)
          if (endpoint) emit({ ...evidenceFor(found, endpoint.secure), pos: index })
        }
      }
    }
    const visit = (node: ts.Node) => {
      // a substitution stands in as '§', which no host contains: `http://${host}/x` names no host we can judge.
      // It also splits the template: a `://` can only sit within one literal part, so those are checked before joining
      if (ts.isTemplateExpression(node) && !node.head.text.includes('://') && !node.templateSpans.some((span) => span.literal.text.includes('://'))) return
      const text = ts.isTemplateExpression(node)
        ? node.head.text + node.templateSpans.map((span) => `§${span.literal.text}`).join('')
        : (node as ts.LiteralLikeNode).text
      if (!text || text.length < 10 || !text.includes('://')) return
      const endpoints = endpointsIn(text)
      if (endpoints.length === 0) return
      if (isModuleSpecifier(node) || isNamespaceArgument(node) || notAnEndpoint(owningName(node))) return
      const start = node.getStart(sourceFile) + 1
      for (const { index, evidence } of endpoints) emit({ ...evidence, data: { ...evidence.data }, pos: start + index })
    }
    return {
      visitors: {
        StringLiteral: visit,
        NoSubstitutionTemplateLiteral: visit,
        TemplateExpression: visit,
      },
    }
  },
}

/** Keys of config lines whose URL names something rather than calling it. */
const CONFIG_NOT_ENDPOINT = /^\s*["']?(?:\$schema|\$id|xmlns[\w:]*|homepage|license|documentation|org\.opencontainers\.image\.[\w.]+)["']?\s*[:=]/i
const LABEL_LINE = /^\s*LABEL\s/i

export const transportConfigDetector: ConfigDetector = {
  id: 'transport-config',
  detect({ file, lines, emit }) {
    const base = file.path.slice(file.path.lastIndexOf('/') + 1)
    lines.forEach((line, i) => {
      if (line.length > 5000) return
      const trimmed = line.trimStart()
      if (trimmed.startsWith('#') || trimmed.startsWith('//')) return
      if (line.includes('://') && !CONFIG_NOT_ENDPOINT.test(line) && !LABEL_LINE.test(line)) {
        for (const url of findUrls(line)) {
          const endpoint = endpointOf(url)
          if (endpoint) emit({ ...evidenceFor(url, endpoint.secure), line: i + 1, column: url.index + 1 })
        }
      }
      // config that makes the platform refuse plain HTTP
      if (base === 'fly.toml' && /^\s*force_https\s*=\s*true\b/.test(line)) {
        emit({ kind: 'transport', value: 'force_https', reason: 'tls-enforced', line: i + 1, data: { secure: true, enforcement: 'fly force_https' } })
      }
      if (/strict-transport-security/i.test(line) && /max-age\s*=\s*[1-9]/i.test(line)) {
        emit({ kind: 'transport', value: 'strict-transport-security', reason: 'tls-enforced', line: i + 1, data: { secure: true, enforcement: 'HSTS header' } })
      }
    })
  },
}

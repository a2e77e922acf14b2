// Vendor API, ingest and script hosts in string and template literals (`https://api.segment.io/v1/track`).
import { ts } from 'ts-morph'
import type { CodeDetector } from '../engine.js'
import { bareHost, findUrls } from '../urls.js'

/** Attribute and property names whose URL is a link a person follows, not a call the product makes. */
const LINK_NAMES = new Set([
  'href', 'to', 'homepage', 'website', 'docs', 'docsUrl', 'learnMore', 'learnMoreUrl', 'link', 'privacyUrl', 'termsUrl', 'xmlns',
  'profileUrl', 'shareUrl', 'twitter', 'linkedin', 'github', 'facebook', 'instagram', 'youtube', 'discord', 'social',
])
const LOAD_ATTRIBUTES = new Set(['src', 'data-src', 'script', 'scriptSrc'])

function nameOf(node: ts.Node): string | undefined {
  if (ts.isJsxAttribute(node)) return node.name.getText()
  if ((ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node)) && node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) return node.name.text
  return undefined
}

/** The attribute or property a literal is the value of, looking through `{…}` and template wrappers. */
export function owningName(node: ts.Node): string | undefined {
  let cur: ts.Node = node
  for (let i = 0; i < 4 && cur.parent; i++) {
    const parent: ts.Node = cur.parent
    const name = nameOf(parent)
    if (name !== undefined) return name
    if (!(ts.isJsxExpression(parent) || ts.isTemplateExpression(parent) || ts.isTemplateSpan(parent) || ts.isParenthesizedExpression(parent))) return undefined
    cur = parent
  }
  return undefined
}

/** The first argument of `window.open(url)` / `open(url)` is a page a person views, not a call. */
function isOpenedLink(node: ts.Node): boolean {
  let cur: ts.Node = node
  while (cur.parent && (ts.isTemplateExpression(cur.parent) || ts.isTemplateSpan(cur.parent) || ts.isParenthesizedExpression(cur.parent))) cur = cur.parent
  const call = cur.parent
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== cur) return false
  const callee = call.expression
  return (ts.isIdentifier(callee) && callee.text === 'open') || (ts.isPropertyAccessExpression(callee) && callee.name.text === 'open' && ts.isIdentifier(callee.expression) && callee.expression.text === 'window')
}

function isModuleSpecifier(node: ts.Node): boolean {
  const p = node.parent
  return !!p && (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isExternalModuleReference(p) || (ts.isCallExpression(p) && p.arguments[0] === node && (p.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(p.expression) && p.expression.text === 'require'))))
}

export const HTML_LIKE = /\.(html?|vue|svelte|astro|ejs|hbs|handlebars|njk|liquid|pug|erb|twig)$/i
/** A substitution in a template literal stands in as this one host label, reported as `*`. */
const PLACEHOLDER = 'tpl-x'
const LOADING_TAGS = ['<script', '<iframe', '<img', '<embed', '<source']

/** `<script src>`, `<iframe src>` and tracking-pixel `<img src>` of an HTML-like file: the tags the AST walk never sees. */
export function loadedUrlsInMarkup(text: string): Array<{ url: string; index: number }> {
  const lower = text.toLowerCase()
  const out: Array<{ url: string; index: number }> = []
  for (const tag of LOADING_TAGS) {
    for (let at = lower.indexOf(tag); at >= 0; at = lower.indexOf(tag, at + 1)) {
      const end = lower.indexOf('>', at)
      if (end < 0) break
      const attrs = text.slice(at, Math.min(end, at + 4000))
      const m = /\ssrc\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)
      if (m) out.push({ url: m[1], index: at + m.index + m[0].length - m[1].length })
    }
  }
  // a stylesheet or preloaded resource is fetched by every visitor's browser (Google Fonts, a widget's CSS)
  for (let at = lower.indexOf('<link'); at >= 0; at = lower.indexOf('<link', at + 1)) {
    const end = lower.indexOf('>', at)
    if (end < 0) break
    const attrs = text.slice(at, Math.min(end, at + 4000))
    if (!RESOURCE_REL.test(attrs)) continue
    const m = /\shref\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)
    if (m) out.push({ url: m[1], index: at + m.index + m[0].length - m[1].length })
  }
  return out.sort((a, b) => a.index - b.index)
}

const RESOURCE_REL = /\srel\s*=\s*["']?(?:stylesheet|preload|modulepreload)\b/i

/** `href` of a JSX `<link rel="stylesheet">`: a load, unlike the href of an anchor. */
function isResourceLinkHref(node: ts.Node): boolean {
  let cur: ts.Node = node
  while (cur.parent && !ts.isJsxAttribute(cur)) cur = cur.parent
  if (!ts.isJsxAttribute(cur) || cur.name.getText() !== 'href') return false
  const element = cur.parent?.parent
  if (!element || !(ts.isJsxOpeningElement(element) || ts.isJsxSelfClosingElement(element)) || element.tagName.getText() !== 'link') return false
  return element.attributes.properties.some((a) => ts.isJsxAttribute(a) && a.name.getText() === 'rel' && a.initializer !== undefined
    && ts.isStringLiteral(a.initializer) && /^(stylesheet|preload|modulepreload)\b/.test(a.initializer.text))
}

export const hostsDetector: CodeDetector = {
  id: 'hosts',
  create({ catalog, emit, sourceFile, file, text: fileText }) {
    if (HTML_LIKE.test(file.path)) {
      for (const { url, index } of loadedUrlsInMarkup(fileText)) {
        for (const found of findUrls(url.startsWith('//') ? `https:${url}` : url)) {
          const match = catalog.matchUrl(found.host, found.path)
          if (match) emit({ kind: 'script', value: found.host, vendor: match.vendor.id, reason: match.reason, pos: index, data: { url: url.slice(0, 200) } })
        }
      }
    }
    const visit = (node: ts.Node) => {
      // a template is read whole, each substitution standing in as one host label: `https://${sub}.posthog.com`
      const raw = ts.isTemplateExpression(node)
        ? node.head.text + node.templateSpans.map((span) => `${PLACEHOLDER}${span.literal.text}`).join('')
        : (node as ts.LiteralLikeNode).text
      if (!raw || raw.length < 4) return
      // most literals hold neither a URL nor a bare host name: settle that before the walks up the tree
      const maybeUrl = raw.includes('://') || raw.startsWith('//')
      if (!maybeUrl && (!raw.includes('.') || bareHost(raw) === undefined)) return
      if (isModuleSpecifier(node)) return
      const owner = owningName(node)
      const resource = owner === 'href' && isResourceLinkHref(node)
      if ((owner && LINK_NAMES.has(owner) && !resource) || isOpenedLink(node)) return
      const kind = resource || (owner && LOAD_ATTRIBUTES.has(owner)) ? 'script' : 'host'
      // a protocol-relative script URL (`//js.hs-scripts.com/1.js`) is as much a load as an https one
      const text = kind === 'script' && raw.startsWith('//') ? `https:${raw}` : raw
      // the policy page is prose about vendors: only what it loads counts, not the names and links it shows
      if (file.isPolicy && kind !== 'script') return
      const offset = text.length - raw.length
      for (const url of findUrls(text)) {
        const match = catalog.matchUrl(url.host, url.path)
        if (!match) continue
        const value = url.host.replaceAll(PLACEHOLDER, '*')
        const start = node.getStart(sourceFile) + 1
        emit({ kind, value, vendor: match.vendor.id, reason: match.reason, pos: start + Math.max(0, url.index - offset), data: { url: url.url.replaceAll(PLACEHOLDER, '*').slice(0, 200) } })
      }
      const host = bareHost(text)
      if (host) {
        const match = catalog.matchHost(host)
        if (match) emit({ kind: 'host', value: host, vendor: match.vendor.id, reason: match.reason, node })
      }
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

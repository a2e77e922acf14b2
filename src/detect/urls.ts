// URL and host extraction shared by the code and config detectors. Linear scans: no backtracking regexes.

export interface FoundUrl {
  scheme: string
  host: string
  /** Offset of the scheme in the scanned text. */
  index: number
  /** The URL up to the first whitespace or quote. */
  url: string
  /** Path and query after the host (`/gtag/js?id=G-1`), '' when none. */
  path: string
}

const HOST_CHARS = /[a-z0-9.-]/i
const SCHEME_CHARS = /[a-z0-9+.-]/i
const URL_END = /[\s"'`<>()[\]{}\\^|]/

/** Every `scheme://host` in a text; credentials (`user:pass@`) are skipped, the host lower-cased. */
export function findUrls(text: string): FoundUrl[] {
  // most literals hold no URL at all; the same literal is read by the host and transport detectors, and recurs across files
  if (!text.includes('://')) return NO_URLS
  if (text.length > 512) return scanUrls(text)
  let found = urlMemo.get(text)
  if (!found) {
    found = scanUrls(text)
    if (urlMemo.size > 50_000) urlMemo.clear()
    urlMemo.set(text, found)
  }
  return found
}

const NO_URLS: FoundUrl[] = []
const urlMemo = new Map<string, FoundUrl[]>()

function scanUrls(text: string): FoundUrl[] {
  const out: FoundUrl[] = []
  let from = 0
  // where the URL that contains `from` ends: found once and reused, so `http://http://…` stays linear
  let stop = -1
  for (;;) {
    const sep = text.indexOf('://', from)
    if (sep < 0) break
    from = sep + 3
    let s = sep
    while (s > 0 && SCHEME_CHARS.test(text[s - 1]) && sep - s < 20) s--
    while (s < sep && !/[a-z]/i.test(text[s])) s++
    const scheme = text.slice(s, sep).toLowerCase()
    if (!scheme) continue
    if (stop < from) {
      stop = from
      // an IPv6 literal host (`http://[2001:db8::1]:8080/`): its brackets belong to the URL, they do not end it
      if (text[from] === '[') {
        const close = text.indexOf(']', from)
        if (close > from && close - from <= 64 && /^\[[0-9a-z:.%]+\]$/i.test(text.slice(from, close + 1))) stop = close + 1
      }
      while (stop < text.length && !URL_END.test(text[stop])) stop++
    }
    const end = Math.min(stop, from + 2048)
    const url = text.slice(s, end)
    let authority = text.slice(from, end)
    const slash = authority.search(/[/?#]/)
    const path = slash >= 0 ? authority.slice(slash) : ''
    if (slash >= 0) authority = authority.slice(0, slash)
    const at = authority.lastIndexOf('@')
    if (at >= 0) authority = authority.slice(at + 1)
    let host = authority
    if (host.startsWith('[')) host = host.slice(0, host.indexOf(']') + 1)
    else {
      const colon = host.indexOf(':')
      if (colon >= 0) host = host.slice(0, colon)
    }
    host = host.toLowerCase()
    if (!host || (!host.startsWith('[') && ![...host].every((c) => HOST_CHARS.test(c)))) continue
    out.push({ scheme, host, index: s, url, path })
  }
  return out
}

/** A literal whose whole value is a host name (`us.i.posthog.com`), not a file name like `index.js`. */
export function bareHost(value: string): string | undefined {
  const v = value.trim().toLowerCase()
  if (v.length > 253 || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(v)) return undefined
  const tld = v.slice(v.lastIndexOf('.') + 1)
  if (!/^[a-z]{2,}$/.test(tld) || /^(js|ts|tsx|jsx|mjs|cjs|json|css|scss|html|md|txt|png|jpg|svg|yml|yaml|toml|env|map|lock|log|sh|py|go|rs)$/.test(tld)) return undefined
  return v
}

const RESERVED_SUFFIXES = ['.local', '.localhost', '.test', '.example', '.invalid', '.internal', '.home.arpa', '.lan']
const EXAMPLE_DOMAINS = ['example.com', 'example.org', 'example.net']

function ipv4(host: string): number[] | undefined {
  const parts = host.split('.')
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return undefined
  const n = parts.map(Number)
  return n.every((x) => x <= 255) ? n : undefined
}

/**
 * A host that never leaves the machine or the private network, or that cannot be on the internet: loopback,
 * RFC 1918 and link-local addresses, reserved names (RFC 2606/6761: `.test`, `.example`, `.localhost`, …),
 * `.internal`/`.local`, and dotless names (`api`, `db`: a compose service or an intranet host).
 */
export function isLocalHost(rawHost: string): boolean {
  const host = rawHost.toLowerCase().replace(/\.$/, '')
  if (host.startsWith('[')) {
    const v6 = host.slice(1, -1)
    return v6 === '::1' || v6 === '::' || v6.startsWith('2001:db8:') || /^f[cd][0-9a-f]{0,2}:/.test(v6) || /^fe[89ab][0-9a-f]?:/.test(v6) || v6.startsWith('::ffff:127.')
  }
  const ip = ipv4(host)
  if (ip) {
    const [a, b] = ip
    return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127)
  }
  if (!host.includes('.')) return true
  if (RESERVED_SUFFIXES.some((s) => host.endsWith(s))) return true
  return EXAMPLE_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`))
}

/**
 * Hosts whose `http://` URLs are names, not endpoints: XML and RDF namespaces, JSON Schema ids, DTDs, licences.
 * A product never sends data to them; the URL only identifies a vocabulary.
 */
const IDENTIFIER_HOSTS = new Set([
  'www.w3.org', 'w3.org', 'json-schema.org', 'schema.org', 'purl.org', 'xmlns.com', 'ns.adobe.com', 'schemas.xmlsoap.org',
  'schemas.microsoft.com', 'schemas.openxmlformats.org', 'schemas.android.com', 'docbook.org', 'www.opengis.net',
  'www.apache.org', 'opensource.org', 'www.gnu.org', 'creativecommons.org', 'ogp.me', 'rdfs.org', 'www.sitemaps.org',
  'xml.org', 'www.xml.org', 'relaxng.org', 'java.sun.com', 'xmlns.jcp.org', 'ns.google.com', 'search.yahoo.com',
  // signed OS package mirrors fetched at build time (apt/apk verify signatures; no user data travels)
  'deb.debian.org', 'security.debian.org', 'archive.ubuntu.com', 'security.ubuntu.com', 'ports.ubuntu.com', 'dl-cdn.alpinelinux.org',
])

export function isIdentifierHost(host: string): boolean {
  return IDENTIFIER_HOSTS.has(host) || host.endsWith('.archive.ubuntu.com')
}

/** The URL without credentials, query or fragment: safe to print (tokens ride in `?key=` and `user:pass@`). */
export function redactUrl(url: string): string {
  const sep = url.indexOf('://')
  if (sep < 0) return url.slice(0, 200)
  let rest = url.slice(sep + 3)
  const cut = rest.search(/[?#]/)
  if (cut >= 0) rest = rest.slice(0, cut)
  const slash = rest.indexOf('/')
  const authority = slash >= 0 ? rest.slice(0, slash) : rest
  const at = authority.lastIndexOf('@')
  if (at >= 0) rest = rest.slice(at + 1)
  // a long mixed letters-and-digits path segment is likely a token (Slack/Discord-style webhook URLs carry one)
  rest = rest.split('/').map((seg, i) => (i > 0 && seg.length >= 16 && /[a-z]/i.test(seg) && /\d/.test(seg) ? '…' : seg)).join('/')
  return `${url.slice(0, sep + 3)}${rest}`.slice(0, 200)
}

// URL and host extraction shared by the code and config detectors. Linear scans: no backtracking regexes.

export interface FoundUrl {
  scheme: string
  host: string
  /** Offset of the scheme in the scanned text. */
  index: number
  /** The URL up to the first whitespace or quote. */
  url: string
}

const HOST_CHARS = /[a-z0-9.-]/i
const SCHEME_CHARS = /[a-z0-9+.-]/i
const URL_END = /[\s"'`<>()[\]{}\\^|]/

/** Every `scheme://host` in a text; credentials (`user:pass@`) are skipped, the host lower-cased. */
export function findUrls(text: string): FoundUrl[] {
  const out: FoundUrl[] = []
  let from = 0
  for (;;) {
    const sep = text.indexOf('://', from)
    if (sep < 0) break
    from = sep + 3
    let s = sep
    while (s > 0 && SCHEME_CHARS.test(text[s - 1]) && sep - s < 20) s--
    while (s < sep && !/[a-z]/i.test(text[s])) s++
    const scheme = text.slice(s, sep).toLowerCase()
    if (!scheme) continue
    let end = from
    while (end < text.length && !URL_END.test(text[end]) && end - from < 2048) end++
    const url = text.slice(s, end)
    let authority = text.slice(from, end)
    const slash = authority.search(/[/?#]/)
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
    out.push({ scheme, host, index: s, url })
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

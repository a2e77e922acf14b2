// Policy file → text blocks that keep the source's line numbers. Pure: the caller passes the text.
// Picks the parser by format: parse-text (plain text), parse-markdown (Markdown, MDX), html (HTML and
// Svelte/Vue/Astro templates), jsx (React pages).
import { looksBinary, markNameColumns, normalizeText, type PolicyBlock } from './blocks.js'
import { blankFrontMatter, extractHtml } from './html.js'
import { extractJsx } from './jsx.js'
import { extractMarkdown } from './parse-markdown.js'
import { extractPlainText } from './parse-text.js'

export type { PolicyBlock } from './blocks.js'

/** `svelte`, `vue` and `astro` are HTML with template syntax: read by the HTML extractor. */
export type PolicyFormat = 'markdown' | 'mdx' | 'html' | 'jsx' | 'svelte' | 'vue' | 'astro' | 'text'

export function detectFormat(path: string, text: string): PolicyFormat {
  const name = path.toLowerCase()
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : ''
  if (ext === 'md' || ext === 'markdown' || ext === 'mdown' || ext === 'mkd') return 'markdown'
  if (ext === 'mdx') return 'mdx'
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html'
  if (ext === 'svelte' || ext === 'vue' || ext === 'astro') return ext
  if (['tsx', 'jsx', 'ts', 'js', 'mjs', 'cjs', 'mts', 'cts'].includes(ext)) return 'jsx'
  if (ext === 'txt' || ext === 'text') return 'text'
  // an unknown extension: a saved web page still deserves tag stripping
  const head = text.slice(0, 512).trimStart().slice(0, 15).toLowerCase()
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html'
  return 'text'
}

/**
 * Turns a policy file into text blocks. Never throws: binary or empty input gives `[]`, and a
 * format-specific failure falls back to plain text.
 */
export function extractPolicyText(path: string, raw: string): PolicyBlock[] {
  try {
    if (typeof raw !== 'string' || raw.length === 0 || looksBinary(raw)) return []
    const text = normalizeText(raw)
    const format = detectFormat(typeof path === 'string' ? path : '', text)
    try {
      return markNameColumns(extractAs(format, path, text))
    } catch {
      // e.g. a stack overflow on absurdly nested JSX: the text is still worth reading
      return format === 'jsx' ? extractHtml(text, { jsx: true }) : extractPlainText(text)
    }
  } catch {
    return []
  }
}

function extractAs(format: PolicyFormat, path: string, text: string): PolicyBlock[] {
  switch (format) {
    case 'markdown':
      return extractMarkdown(text, false)
    case 'mdx':
      return extractMarkdown(text, true)
    case 'html':
      return extractHtml(text)
    case 'svelte':
    case 'vue':
      return extractHtml(text, { template: format })
    case 'astro':
      // the front matter is component code; the markup below it takes JSX-like {expressions}
      return extractHtml(blankFrontMatter(text), { template: format })
    case 'jsx':
      return extractJsx(path, text)
    default:
      return extractPlainText(text)
  }
}

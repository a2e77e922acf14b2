// Parsing a source file for the detectors: TypeScript's parser (as ts-morph re-exports it), by extension; HTML-like
// files reduced to their scripts with positions kept.
import { ts } from 'ts-morph'
import { lookupTable } from '../util/table.js'

const SCRIPT_KIND: Record<string, ts.ScriptKind> = lookupTable({
  ts: ts.ScriptKind.TS, mts: ts.ScriptKind.TS, cts: ts.ScriptKind.TS, tsx: ts.ScriptKind.TSX,
  js: ts.ScriptKind.JS, mjs: ts.ScriptKind.JS, cjs: ts.ScriptKind.JS, jsx: ts.ScriptKind.JSX,
})

/**
 * The code of an HTML-like file with everything outside <script> (and Astro front matter) blanked,
 * newlines kept, so positions map to the original lines.
 */
export function scriptOnly(text: string, astro: boolean): string {
  const keep: Array<[number, number]> = []
  if (astro) {
    const m = /^---\r?\n/.exec(text)
    if (m) {
      const end = text.indexOf('\n---', m[0].length)
      if (end > 0) keep.push([m[0].length, end])
    }
  }
  const lower = text.toLowerCase()
  let from = 0
  for (;;) {
    const open = lower.indexOf('<script', from)
    if (open < 0) break
    const tagEnd = lower.indexOf('>', open)
    if (tagEnd < 0) break
    const close = lower.indexOf('</script', tagEnd)
    const end = close < 0 ? text.length : close
    const tag = lower.slice(open, tagEnd)
    // JSON-LD and templates are data, not code
    if (!/type\s*=\s*["']?(application\/(ld\+)?json|text\/template|importmap)/.test(tag)) keep.push([tagEnd + 1, end])
    from = end + 1
  }
  let out = ''
  let at = 0
  for (const [s, e] of keep) {
    out += text.slice(at, s).replace(/[^\n]/g, ' ') + text.slice(s, e)
    at = e
  }
  return out + text.slice(at).replace(/[^\n]/g, ' ')
}

/** No detector reads doc comments: not parsing them saves a little of every parse. */
const PARSE_OPTIONS: ts.CreateSourceFileOptions = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }

/**
 * Parses a source file, leaving `node.parent` unset: the engine's walk sets it (TypeScript's separate pass over the
 * tree to set parents costs a fifth of the parse).
 */
export function parseSource(path: string, text: string): ts.SourceFile {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase()
  const kind = SCRIPT_KIND[ext]
  if (kind !== undefined) return ts.createSourceFile(path, text, PARSE_OPTIONS, false, kind)
  // server templates (ejs, hbs, …) mix template syntax into their scripts: only their markup is read
  const code = /^(html?|vue|svelte|astro)$/.test(ext) ? scriptOnly(text, ext === 'astro') : text.replace(/[^\n]/g, ' ')
  return ts.createSourceFile(`${path}.ts`, code, PARSE_OPTIONS, false, ts.ScriptKind.TS)
}

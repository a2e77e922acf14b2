// What the flow engine knows of a value: where what it carries comes from (a source, a parameter, an imported value, the
// result of a call into another module) and where in the value it sits. Recorded forms are plain data, so a file's
// share of the analysis can be cached and joined with other files' after the walk.
import type { ImportBinding, ParamBinding } from '../bindings.js'

/** A source a value carries: how the code names it, what kind of source it is, its category (a secret kind, a data category). */
export interface SourceInfo {
  /** How the code calls it where it ends up: `apiKey`, `process.env.OPENAI_API_KEY`, `req.headers`. */
  name: string
  /** The source model's kind: `name`, `env`, `decrypt`, `getter`, `headers`, `constant`, … */
  kind: string
  category: string
  /** Where it comes from when that is not the name: `decryptSecret(…)`. */
  origin?: string
  line: number
}

/** An imported name, as plain data: which file imported what from which specifier. */
export interface ImportRef {
  importer: string
  spec: string
  imported: string
}

/** What a recorded value carries, resolved after the walk: a source, a part of an imported value, or a call's result. */
export interface RecordedHit {
  source?: SourceInfo
  /** A value imported from another module, of which the value holds the part at `read`. */
  importRef?: ImportRef & { local: string; read: string[] }
  /** The result of calling a function imported from another module, with what each argument carried. */
  callRef?: ImportRef & { local: string; read: string[]; args: Array<Array<{ hit: RecordedHit; path: string[] | null }>> }
  path: string[] | null
}

export type Origin =
  | { kind: 'source'; source: SourceInfo }
  | { kind: 'param'; binding: ParamBinding }
  | { kind: 'import'; binding: ImportBinding }
  | { kind: 'call'; binding: ImportBinding; args: Hit[][] }

export interface Hit {
  origin: Origin
  /** Where in the value the origin sits: [] the value itself, ['apiKey'] a property, null somewhere unknown. */
  path: string[] | null
  /** For a parameter, an import or a call's result: the property chain read from it (`opts.region` reads ['region']). */
  read?: string[]
  /** A headers object: reading one header is a source only for the headers the model names. */
  headers?: boolean
}

export const NO_HITS: Hit[] = Object.freeze([]) as unknown as Hit[]
const MAX_HITS = 12

/**
 * What of a value at `path` a reader of `read` sees: the remaining path when the origin is inside the part read, []
 * when the part read is inside the origin, undefined when they do not meet.
 */
export function narrow(path: string[] | null, read: readonly string[]): string[] | null | undefined {
  if (path === null) return null
  for (let i = 0; i < Math.min(path.length, read.length); i++) if (path[i] !== read[i] && path[i] !== '*' && read[i] !== '*') return undefined
  return path.length >= read.length ? path.slice(read.length) : []
}

/** `path` below `inside`, unknown when either is. */
export function below(inside: string[] | null, path: string[] | null): string[] | null {
  return inside === null || path === null ? null : [...inside, ...path]
}

/** The hits without repeats (same origin, path and headers flag), at most MAX_HITS. */
export function dedupe(hits: Hit[]): Hit[] {
  // most values carry nothing, or one thing: nothing to compare
  if (hits.length < 2) return hits
  const seen = new Set<string>()
  const out: Hit[] = []
  for (const h of hits) {
    const o = h.origin
    const id = o.kind === 'source' ? `s:${o.source.name}:${o.source.line}` : o.kind === 'param' ? `p:${o.binding.name}:${o.binding.node.pos}` : `${o.kind === 'import' ? 'i' : 'c'}:${o.binding.name}:${h.read?.join('.') ?? ''}`
    const key = `${id}|${h.path === null ? '?' : h.path.join('.')}|${h.headers ? 'h' : ''}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(h)
    if (out.length >= MAX_HITS) break
  }
  return out
}

export function short(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ')
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine
}

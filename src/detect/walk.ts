// One file's walk: parse it once, set every node's parent and list the nodes in one pass, build the file's bindings,
// then run every code detector's visitors off that list.
import { ts } from 'ts-morph'
import type { Catalog } from '../catalog/index.js'
import type { Evidence, Location, SourceFile } from '../types/index.js'
import { lookupTable } from '../util/table.js'
import { parseSource } from '../syntax/parse.js'
import { Bindings, declares } from './bindings.js'
import type { CodeDetector, EvidenceInput, FileResult, Visitor, Visitors } from './contracts.js'

/** ts.SyntaxKind's names to numbers, without its reverse entries (numbers to names). */
const SYNTAX_KINDS: Record<string, ts.SyntaxKind> = lookupTable(Object.fromEntries(Object.entries(ts.SyntaxKind).filter(([, kind]) => typeof kind === 'number')) as Record<string, ts.SyntaxKind>)

export function atLine(file: string, line: number, column: number | undefined): Location {
  return column === undefined ? { file, line } : { file, line, column }
}

export function lineLocation(file: string, e: EvidenceInput): Location {
  return atLine(file, e.line ?? 1, e.column || undefined)
}

/**
 * The evidence of an emitted input, built field by field: object rest and spread cost a hundred times more, and
 * detectors emit thousands. Optional fields are left out, not set to undefined.
 */
export function evidenceOf(e: EvidenceInput, location: Location, detector: string, nonShipped: boolean | undefined): Evidence {
  const evidence: Pick<Evidence, keyof Evidence> = { kind: e.kind, value: e.value, reason: e.reason, location, detector }
  if (e.vendor !== undefined) evidence.vendor = e.vendor
  if (e.data !== undefined) evidence.data = e.data
  if (nonShipped) evidence.nonShipped = true
  // the kind and its data come from one input, which the field-by-field build keeps apart from TypeScript's view
  return evidence as Evidence
}

function isEmptyContainer(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0
  if (value instanceof Map || value instanceof Set) return value.size === 0
  return false
}

/** The first syntax error the parser recovered from, as `syntax error at line N: message`. */
function firstSyntaxError(sourceFile: ts.SourceFile): string | undefined {
  // parseDiagnostics is internal but stable; the parser recovers, so the walk still sees most of the file
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics
  const first = diagnostics?.[0]
  if (!first) return undefined
  const line = sourceFile.getLineAndCharacterOfPosition(first.start).line + 1
  return `syntax error at line ${line}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`
}

/** Parses and walks one file with every code detector into `result`; returns the first syntax error, if any. */
export function walkFile(file: SourceFile, text: string, catalog: Catalog, detectors: CodeDetector[], result: FileResult, parseTime: { ms: number }, mayResolve: (spec: string) => boolean): string | undefined {
  const started = performance.now()
  const sourceFile = parseSource(file.path, text)
  parseTime.ms += performance.now() - started
  const locate = (nodeOrPos: ts.Node | number): Location => {
    const pos = typeof nodeOrPos === 'number' ? nodeOrPos : nodeOrPos.getStart(sourceFile)
    const lc = sourceFile.getLineAndCharacterOfPosition(pos)
    return { file: file.path, line: lc.line + 1, column: lc.character + 1 }
  }
  // One pass over the tree sets every node's parent (TypeScript's own pass for that costs a fifth of the parse) and
  // lists the nodes in source order, and the declaring ones apart for the bindings; the detectors then get a tree whose
  // parents are all in place, to look anywhere around the nodes they visit.
  const nodes: ts.Node[] = []
  const declaring: ts.Node[] = []
  let parent: ts.Node | undefined
  const gather = (node: ts.Node): void => {
    ;(node as { parent: ts.Node | undefined }).parent = parent
    nodes.push(node)
    if (declares(node)) declaring.push(node)
    const above = parent
    parent = node
    ts.forEachChild(node, gather)
    parent = above
  }
  gather(sourceFile)
  const bindings = new Bindings(sourceFile, declaring)
  // indexed by kind (a small integer): the walk looks up every node, and an array index is the cheapest lookup
  const handlers: Array<Visitor[] | undefined> = []
  const ends: Array<() => void> = []
  const shares: Array<[string, Map<string, unknown>]> = []
  for (const detector of detectors) {
    const emit = (e: EvidenceInput) => {
      if (e.secret) result.secrets.push(e.secret)
      const location = e.node !== undefined ? locate(e.node) : e.pos !== undefined ? locate(e.pos) : lineLocation(file.path, e)
      result.evidence.push(evidenceOf(e, location, detector.id, file.nonShipped))
    }
    // the file's own share of the detector's state: merged into the run's after the walk, and cached with the file
    const share = new Map<string, unknown>()
    shares.push([detector.id, share])
    const created = detector.create({ file, text, sourceFile, catalog, emit, locate, bindings, mayResolve, shared: share })
    const visitors = created.visitors
    for (const name in visitors) {
      const visitor = visitors[name as keyof Visitors]
      if (visitor === undefined) continue
      const kind = SYNTAX_KINDS[name]
      if (kind === undefined) continue
      const list = handlers[kind]
      if (list) list.push(visitor)
      else handlers[kind] = [visitor]
    }
    if (created.end) ends.push(created.end)
  }
  for (const node of nodes) {
    const hs = handlers[node.kind]
    if (hs !== undefined) for (const h of hs) h(node)
  }
  for (const end of ends) end()
  // a share of nothing but empty containers adds nothing when merged: not worth storing
  for (const [id, share] of shares) if (![...share.values()].every(isEmptyContainer)) result.shares[id] = share
  return firstSyntaxError(sourceFile)
}

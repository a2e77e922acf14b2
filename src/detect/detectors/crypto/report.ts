// Emitting `crypto-call` evidence: at once when the algorithm resolved in the file, or from `finish` when it is a
// constant another file exports — which is why each file also records the constants it exports that may name an
// algorithm: the files that import them may be walked before or after it.
import { ts } from 'ts-morph'
import type { CryptoCallData, CryptoFamily, CryptoOperation } from '../../../types/index.js'
import type { FinishContext, LocatedEvidenceInput } from '../../engine.js'
import { looksLikeAlgorithm, NORMALIZERS, type Normalizer } from './algorithms.js'
import type { CryptoFile, PendingImport } from './context.js'
import { propName, valueOf, type Resolved } from './resolve.js'

/** The name of the function, method or variable a node sits in: what the code is for (`signPayload`). */
function enclosingName(node: ts.Node): string | undefined {
  for (let cur: ts.Node | undefined = node.parent; cur; cur = cur.parent) {
    if ((ts.isFunctionDeclaration(cur) || ts.isMethodDeclaration(cur) || ts.isClassDeclaration(cur)) && cur.name) return cur.name.getText()
    if ((ts.isArrowFunction(cur) || ts.isFunctionExpression(cur)) && cur.parent) {
      const p = cur.parent
      if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text
      if (ts.isPropertyAssignment(p)) return propName(p.name)
    }
  }
  return undefined
}

export function emitAlgorithm(f: CryptoFile, node: ts.Node, family: CryptoFamily, api: string, operation: CryptoOperation, resolved: Resolved, normalize: Normalizer, extra: Pick<CryptoCallData, 'deprecated' | 'passphrase' | 'kms'> = {}): void {
  const { emit, locate, file } = f.context
  const context = enclosingName(node)
  const data = { api, family, operation, ...(context ? { context } : {}), ...extra }
  if (resolved && 'import' in resolved) {
    f.pendingImports.push({ ...resolved.import, normalize, location: locate(node), nonShipped: file.nonShipped, data })
    return
  }
  const normalized = resolved ? NORMALIZERS[normalize](resolved.value) : undefined
  emit({ kind: 'crypto-call', value: normalized ?? 'unknown', reason: 'crypto-api', node, data: normalized ? data : { ...data, unresolved: true } })
}

/** Exported string constants that may name an algorithm (`ALGO`), for the calls of other files (an imported object's members are not followed). */
export function recordExportedConstants(f: CryptoFile): void {
  const { bindings, file } = f.context
  const keep = (key: string, expr: ts.Expression | undefined) => {
    const v = valueOf(f, expr)
    if (v && looksLikeAlgorithm(v)) f.constants.set(`${file.path}#${key}`, v)
  }
  for (const [name, exported] of bindings.exports) {
    if (exported.kind !== 'local' || exported.binding.kind !== 'var' || !exported.binding.constant || exported.binding.path.length > 0) continue
    keep(name, exported.binding.init)
  }
}

/** This file's share of the run-wide state under the keys `emitImportedAlgorithms` reads. */
export function fileShare(shared: Map<string, unknown>): Pick<CryptoFile, 'pendingImports' | 'constants'> {
  const pendingImports = (shared.get('pending') as PendingImport[] | undefined) ?? []
  shared.set('pending', pendingImports)
  const constants = (shared.get('constants') as Map<string, string> | undefined) ?? new Map<string, string>()
  shared.set('constants', constants)
  return { pendingImports, constants }
}

/** A module file's path without its extension or `/index`: how an algorithm constant's origin is shown (`lib/constants#ALGO`). */
function moduleName(path: string): string {
  return path.replace(/\.(?:[cm]?[jt]sx?)$/, '').replace(/\/index$/, '')
}

/** The calls whose algorithm is an imported constant, with the constant looked up in the file the import leads to. */
export function emitImportedAlgorithms(shared: Map<string, unknown>, emit: (evidence: LocatedEvidenceInput) => void, { resolve }: FinishContext): void {
  const constants = (shared.get('constants') as Map<string, string> | undefined) ?? new Map<string, string>()
  for (const p of (shared.get('pending') as PendingImport[] | undefined) ?? []) {
    const file = resolve(p.importer, p.module)
    const raw = file === undefined ? undefined : constants.get(`${file}#${p.name}`)
    const normalized = raw !== undefined ? NORMALIZERS[p.normalize](raw) : undefined
    emit({
      kind: 'crypto-call', value: normalized ?? 'unknown', reason: 'crypto-api', location: p.location,
      ...(p.nonShipped ? { nonShipped: true } : {}),
      data: normalized ? { ...p.data, via: `${moduleName(file!)}#${p.name}` } : { ...p.data, unresolved: true },
    })
  }
}

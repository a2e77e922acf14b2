// The bindings service each code detector reads: imports and module loads, declarations by scope, constants, exports.
import { describe, expect, it } from 'vitest'
import { ts } from 'ts-morph'
import { property, type Bindings } from '../../src/detect/bindings.js'
import { runDetectors } from '../../src/detect/engine.js'
import type { Workspace } from '../../src/types/index.js'
import { testCatalog } from '../helpers/catalog.js'

/** Runs `probe` with the file's bindings and tree after the walk. */
function withBindings(code: string, probe: (bindings: Bindings, sourceFile: ts.SourceFile) => void): void {
  const workspace = {
    root: '/nowhere', sourceFiles: [{ path: 'a.ts', nonShipped: false }], configFiles: [], manifests: [], workspaceGlobs: [],
    lockfiles: [], policy: null, problems: [], skipped: [], read: () => code,
  } as unknown as Workspace
  let ran = false
  runDetectors(workspace, testCatalog(), {
    code: [{ id: 'probe', create: ({ bindings, sourceFile }) => ({ visitors: {}, end: () => { probe(bindings, sourceFile); ran = true } }) }],
    config: [], workspace: [],
  })
  expect(ran).toBe(true)
}

/** The identifiers named `name`, in source order. */
function ids(sourceFile: ts.SourceFile, name: string): ts.Identifier[] {
  const out: ts.Identifier[] = []
  const visit = (n: ts.Node) => {
    if (ts.isIdentifier(n) && n.text === name) out.push(n)
    ts.forEachChild(n, visit)
  }
  visit(sourceFile)
  return out
}

describe('bindings', () => {
  it('lists every module load with how it loads, type-only ones marked', () => {
    const code = [
      "import 'side-effect'", "import a from 'a'", "import type { T } from 't'", "export { x } from 'x'", "export * from 'star'",
      "export type { U } from 'u'", "const r = require('r')", "const d = await import('d')", "import e = require('e')", "import(`not-static-${x}`)",
    ].join('\n')
    withBindings(code, (b) => {
      expect(b.loads.map((l) => `${l.spec.text} ${l.via}${l.typeOnly ? ' type' : ''}`)).toEqual([
        'side-effect import', 'a import', 't import type', 'x re-export', 'star re-export', 'u re-export type', 'r require', 'd dynamic-import', 'e import-equals',
      ])
    })
  })

  it('binds imported names, with require and dynamic import forms, and not type-only ones', () => {
    const code = [
      "import def, * as ns from 'm1'", "import { a as b, type T } from 'm2'", "const r = require('m3')", "const { c, d: e } = require('m4')",
      "const f = require('m5').g", "const h = await import('m6')", "use(def, ns, b, r, c, e, f, h, T)",
    ].join('\n')
    withBindings(code, (b, sf) => {
      const of = (name: string) => {
        const binding = b.resolve(ids(sf, name).at(-1)!)
        return binding?.kind === 'import' ? `${binding.module}#${binding.imported} (${binding.via})` : binding?.kind
      }
      expect(['def', 'ns', 'b', 'r', 'c', 'e', 'f', 'h', 'T'].map(of)).toEqual([
        'm1#default (import)', 'm1#* (import)', 'm2#a (import)', 'm3#default (require)', 'm4#c (require)', 'm4#d (require)', 'm5#g (require)', 'm6#* (dynamic-import)', undefined,
      ])
    })
  })

  it('resolves by scope: a parameter or an inner const shadows the module\'s, a var is function-scoped, a loop variable is iterated', () => {
    const code = [
      "const key = 'outer'",
      'function f(key: string, { a: { b } }: Opts) { return key + b }',
      "function g() { if (x) { var hoisted = 1 } const key = 'inner'; return [key, hoisted] }",
      'for (const item of list) use(item)',
      'use(key)',
    ].join('\n')
    withBindings(code, (b, sf) => {
      const keys = ids(sf, 'key').map((id) => b.resolve(id)?.kind)
      expect(keys).toEqual(['var', 'param', 'param', 'var', 'var', 'var'])
      const [, , , inner, innerUse, outerUse] = ids(sf, 'key').map((id) => b.resolve(id))
      expect(innerUse).toBe(inner)
      expect(b.string(ids(sf, 'key').at(-1)!)).toBe('outer')
      expect(b.string(ids(sf, 'key')[4])).toBe('inner')
      const bParam = b.resolve(ids(sf, 'b').at(-1)!)
      expect(bParam).toMatchObject({ kind: 'param', index: 1, path: ['a', 'b'] })
      expect(b.resolve(ids(sf, 'hoisted').at(-1)!)?.kind).toBe('var')
      expect(b.resolve(ids(sf, 'item').at(-1)!)).toMatchObject({ kind: 'var', iterated: true })
    })
  })

  it('folds constants: strings, templates, numbers with arithmetic, members of const objects; never a let', () => {
    const code = [
      "const PREFIX = 'pref_'", 'const DAY = 24 * 60 * 60', "const COOKIES = { theme: 'theme', nested: { id: `${PREFIX}id` } } as const",
      "let mutable = 'x'", 'const MAX_AGE = DAY * 30',
      "use(PREFIX, COOKIES.theme, COOKIES['theme'], COOKIES.nested.id, MAX_AGE, mutable, COOKIES.missing, `${PREFIX}${DAY}`)",
    ].join('\n')
    withBindings(code, (b, sf) => {
      const call = sf.statements.at(-1) as ts.ExpressionStatement
      const args = (call.expression as ts.CallExpression).arguments
      expect(args.map((a) => b.string(a) ?? b.number(a))).toEqual(['pref_', 'theme', 'theme', 'pref_id', 2_592_000, undefined, undefined, 'pref_86400'])
    })
  })

  it('folds object literals, shorthand members and booleans through constants; never a let or a non-literal', () => {
    const code = [
      "const name = 'sid'", 'const SECURE = true', 'let loose = false', 'const OPTIONS = { name, secure: SECURE, maxAge: 60 }',
      'const CONFIG = { session: OPTIONS, other: make() }',
      'use(OPTIONS, CONFIG.session, CONFIG.other, { inline: 1 }, loose, OPTIONS.name, CONFIG.session.maxAge)',
    ].join('\n')
    withBindings(code, (b, sf) => {
      const call = (sf.statements.at(-1) as ts.ExpressionStatement).expression as ts.CallExpression
      const [options, session, other, inline, loose, shorthand, nested] = call.arguments
      const object = b.object(options)
      expect(object && property(object, 'name')?.getText(sf)).toBe('name')
      expect(b.string(property(object, 'name'))).toBe('sid')
      expect(b.boolean(property(object, 'secure'))).toBe(true)
      expect(property(object, 'missing')).toBeUndefined()
      expect(b.object(session)).toBe(object)
      expect(b.object(other)).toBeUndefined()
      expect(b.object(inline)?.getText(sf)).toBe('{ inline: 1 }')
      expect(b.boolean(loose)).toBeUndefined()
      expect(b.string(shorthand)).toBe('sid')
      expect(b.number(nested)).toBe(60)
    })
  })

  it('lists what the module exports: declarations, default, renamed locals and re-exports', () => {
    const code = [
      "export const log = pino()", 'export function helper() {}', 'export default class Service {}', 'const local = 1',
      'export { local as renamed }', "export { a as b } from './other'", "export * from './star'", 'export type { T }',
    ].join('\n')
    withBindings(code, (b) => {
      const shown = [...b.exports].map(([name, e]) => `${name}: ${e.kind === 're-export' ? `${e.module}#${e.imported}` : e.kind === 'local' ? `${e.binding.kind} ${e.binding.name}` : 'expression'}`)
      expect(shown.sort()).toEqual(['b: ./other#a', 'default: class Service', 'helper: function helper', 'log: var log', 'renamed: var local'])
      expect(b.reexportedModules).toEqual(['./star'])
    })
  })
})

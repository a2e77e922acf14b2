import { describe, expect, it } from 'vitest'
import { decodeTagged, encodeTagged, mergeInto } from '../../src/cache/state.js'

describe('detector state shares', () => {
  it('merge as one walk over both files would have built them: arrays append, Maps and objects merge', () => {
    const run = new Map<string, unknown>([['state', { modules: new Map([['a.ts', { loggers: new Map([['log', 1]]) }]]), sinks: [1] }]])
    const file = new Map<string, unknown>([
      ['state', { modules: new Map([['b.ts', { loggers: new Map() }]]), sinks: [2, 3] }],
      ['seen', new Set(['x'])],
    ])
    mergeInto(run, file)
    const state = run.get('state') as { modules: Map<string, unknown>; sinks: number[] }
    expect(state.sinks).toEqual([1, 2, 3])
    expect([...state.modules.keys()]).toEqual(['a.ts', 'b.ts'])
    expect(run.get('seen')).toEqual(new Set(['x']))
  })

  it('a scalar in the later share replaces the earlier; containers of different kinds are not mixed', () => {
    expect(mergeInto({ n: 1 }, { n: 2 })).toEqual({ n: 2 })
    expect(mergeInto([1], new Map([[1, 2]]))).toEqual(new Map([[1, 2]]))
    expect(mergeInto(new Set([1]), new Set([2]))).toEqual(new Set([1, 2]))
  })

  it('round-trips Maps, Sets, nested objects and arrays through JSON', () => {
    const share = new Map<string, unknown>([
      ['pending', [{ module: 'lib/crypto', name: 'ALGO', location: { file: 'a.ts', line: 3, column: 7 } }]],
      ['constants', new Map([['lib/crypto#ALGO', 'aes-256-gcm']])],
      ['names', new Set(['a', 'b'])],
      ['deep', { list: [new Map([[1, [true, null]]])] }],
    ])
    const back = decodeTagged(JSON.parse(JSON.stringify(encodeTagged(share))))
    expect(back).toEqual(share)
  })

  it('drops undefined as JSON does (null in arrays), so a restored share compares equal to what JSON keeps', () => {
    expect(decodeTagged(JSON.parse(JSON.stringify(encodeTagged({ a: undefined, b: [undefined, 1] }))))).toEqual({ b: [null, 1] })
  })

  it('refuses what it could not restore exactly: class instances, functions, AST-like objects', () => {
    class Node {
      kind = 1
    }
    expect(() => encodeTagged(new Map([['node', new Node()]]))).toThrow(/a Node cannot be cached/)
    expect(() => encodeTagged({ f: () => 1 })).toThrow(/function cannot be cached/)
    expect(() => encodeTagged([new Date(0)])).toThrow(/Date/)
    expect(() => encodeTagged({ plain: Object.create(null) })).not.toThrow()
  })
})

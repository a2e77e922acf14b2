import { describe, expect, it } from 'vitest'
import { distinctLocations, locationsOf } from '../../src/model/locations.js'
import { evidenceLocations } from '../../src/model/locations.js'
import { ev } from '../helpers/check-tester.js'

describe('finding locations', () => {
  const evidence = [ev('env', 'X', 'v', 'b.ts', 2), ev('import', 'x', 'v', 'b.ts', 2), ev('dependency', 'x', 'v', 'package.json', 9), ev('host', 'h', 'v', 'a.ts', 5)]
  it('keeps one location per file and line, in the order given', () => {
    expect(distinctLocations([{ file: 'a', line: 1, column: 3 }, { file: 'a', line: 1, column: 9 }, { file: 'b', line: 1 }])).toEqual([{ file: 'a', line: 1, column: 3 }, { file: 'b', line: 1 }])
  })
  it('orders by place for the claim checks, strongest evidence first for vendor findings', () => {
    expect(locationsOf(evidence).map((l) => `${l.file}:${l.line}`)).toEqual(['a.ts:5', 'b.ts:2', 'package.json:9'])
    expect(evidenceLocations(evidence).map((l) => `${l.file}:${l.line}`)).toEqual(['package.json:9', 'b.ts:2', 'a.ts:5'])
  })
})

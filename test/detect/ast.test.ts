import { describe, expect, it } from 'vitest'
import { ts } from 'ts-morph'
import { kindTable, unwrap } from '../../src/syntax/ast.js'

const expressionOf = (code: string): ts.Expression => {
  const sf = ts.createSourceFile('x.ts', `x = ${code}`, ts.ScriptTarget.Latest, true)
  return ((sf.statements[0] as ts.ExpressionStatement).expression as ts.BinaryExpression).right
}

describe('kindTable', () => {
  it('answers for every kind as the predicate does', () => {
    const table = kindTable((n) => ts.isFunctionLike(n) || ts.isBlock(n))
    for (let kind = 0; kind < ts.SyntaxKind.Count; kind++) expect(table[kind] === 1, ts.SyntaxKind[kind]).toBe(ts.isFunctionLike({ kind } as ts.Node) || kind === ts.SyntaxKind.Block)
    expect(table[ts.SyntaxKind.ArrowFunction]).toBe(1)
    expect(table[ts.SyntaxKind.Identifier]).toBe(0)
  })
})

describe('unwrap', () => {
  it('looks through parentheses, type assertions, non-null and await', () => {
    expect(ts.isCallExpression(unwrap(expressionOf('(await (f() as X)!) satisfies Y')))).toBe(true)
    expect(ts.isIdentifier(unwrap(expressionOf('<T>(((a)))')))).toBe(true)
  })

  it('stops at await when asked, and at anything that is not a wrapper', () => {
    expect(ts.isAwaitExpression(unwrap(expressionOf('(await f())'), false))).toBe(true)
    expect(ts.isPropertyAccessExpression(unwrap(expressionOf('(a.b)')))).toBe(true)
    expect(ts.isCallExpression(unwrap(expressionOf('f()')))).toBe(true)
  })
})

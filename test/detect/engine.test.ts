// The shared walk: what a code detector's visitors get from the engine.
import { describe, expect, it } from 'vitest'
import { ts } from 'ts-morph'
import { runDetectors, type CodeDetector } from '../../src/detect/engine.js'
import type { Workspace } from '../../src/types/index.js'
import { testCatalog } from '../helpers/catalog.js'

function workspaceOf(files: Record<string, string>): Workspace {
  return {
    root: '/nowhere', sourceFiles: Object.keys(files).map((path) => ({ path, nonShipped: false })), configFiles: [], manifests: [], workspaceGlobs: [],
    lockfiles: [], policy: null, problems: [], skipped: [], read: (path: string) => files[path],
  } as Workspace
}

/** Runs the engine with this one code detector over these files. */
function walkWith(detector: CodeDetector, files: Record<string, string>): void {
  runDetectors(workspaceOf(files), testCatalog(), { code: [detector], config: [], workspace: [] })
}

const CODE = `import { a } from 'x'\nfunction f() { return g(h('one'), 'two') }\nconst v = { k: i('three') }\n`

describe('the shared walk', () => {
  it('calls each visitor for the nodes of its kind, in source order, and no visitor left undefined', () => {
    const seen: string[] = []
    const detector: CodeDetector = {
      id: 'probe',
      create: ({ sourceFile }) => ({
        visitors: {
          CallExpression: (node) => seen.push(`call ${(node as ts.CallExpression).expression.getText(sourceFile)}`),
          StringLiteral: (node) => seen.push(`string ${(node as ts.StringLiteral).text}`),
          Identifier: undefined,
        },
      }),
    }
    walkWith(detector, { 'a.ts': CODE })
    expect(seen).toEqual(['string x', 'call g', 'call h', 'string one', 'string two', 'call i', 'string three'])
  })

  it('gives visitors a tree whose every node has its parent, below and beside the visited node too', () => {
    const problems: string[] = []
    let checked = 0
    const detector: CodeDetector = {
      id: 'parents',
      create: ({ sourceFile }) => ({
        visitors: {
          // from the function declaration, look down two levels: the call's parent chain must lead back up here
          FunctionDeclaration: (node) => {
            const walk = (n: ts.Node): void => {
              checked++
              if (n !== sourceFile && n.parent === undefined) problems.push(`no parent: ${ts.SyntaxKind[n.kind]}`)
              ts.forEachChild(n, walk)
            }
            walk(node)
            walk(sourceFile)
          },
        },
      }),
    }
    walkWith(detector, { 'a.ts': CODE })
    expect(problems).toEqual([])
    // the visitor ran (once, for `f`) and looked at the whole tree: an empty list means something only then
    expect(checked).toBeGreaterThan(30)
  })

  it('runs end() after the visitors, once per file, and finish() once with every walked file', () => {
    const order: string[] = []
    let walked: string[] = []
    const detector: CodeDetector = {
      id: 'order',
      create: ({ file }) => ({
        visitors: { CallExpression: () => order.push(`visit ${file.path}`) },
        end: () => order.push(`end ${file.path}`),
      }),
      finish: (_shared, _emit, { walked: files }) => {
        walked = [...files].sort()
      },
    }
    walkWith(detector, { 'a.ts': 'f()', 'b.ts': 'g(); h()' })
    expect(order).toEqual(['visit a.ts', 'end a.ts', 'visit b.ts', 'visit b.ts', 'end b.ts'])
    expect(walked).toEqual(['a.ts', 'b.ts'])
  })
})

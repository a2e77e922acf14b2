// Each code detector lists the node kinds its visitors handle (CodeDetector.kinds), and the engine looks up only
// those: a visitor under an unlisted kind would silently never run. This test builds every detector's visitors for
// every source file of the fixture repos, and for texts that switch on each detector's optional visitors, and
// checks that every visitor it gets is listed.
import path from 'node:path'
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ts } from 'ts-morph'
import { loadCatalog } from '../../src/catalog/index.js'
import { collectWorkspace } from '../../src/collect/index.js'
import { DETECTORS } from '../../src/detect/index.js'
import { parseSource } from '../../src/detect/engine.js'
import type { SourceFile } from '../../src/types/index.js'

const FIXTURES = path.join(import.meta.dirname, '../../fixtures')
const catalog = loadCatalog()

/** Texts that wake every optional visitor: cookies, loading calls, URLs, env reads, crypto words. */
const WAKERS = [
  `import Cookies from 'js-cookie'\nconst session = require('x')\nimport('y')\nfetch('https://api.posthog.com')\nprocess.env.X\ncrypto.createHash('sha256')\ndocument.cookie = 'a=b'\n`,
  `<script src="https://cdn.segment.com/a.js"></script>`,
]

function* sources(): Generator<{ file: SourceFile; text: string }> {
  for (const name of readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!name.isDirectory()) continue
    const workspace = collectWorkspace(path.join(FIXTURES, name.name), { maxFileSize: 1024 * 1024, exclude: [] })
    for (const file of workspace.sourceFiles) yield { file, text: workspace.read(file.path) }
  }
  const file = (p: string): SourceFile => ({ path: p, absolutePath: p, size: 0, nonShipped: false, isPolicy: false }) as unknown as SourceFile
  yield { file: file('wake.tsx'), text: WAKERS[0] }
  yield { file: file('wake.html'), text: WAKERS[1] }
}

describe('code detectors list every node kind they visit', () => {
  const files = [...sources()]

  it('reads real files (so the check below means something)', () => {
    expect(files.length).toBeGreaterThan(20)
  })

  for (const detector of DETECTORS.code) {
    it(`${detector.id}: every visitor is under a listed kind, for every file`, () => {
      const listed = new Set<number>(detector.kinds)
      const seen = new Set<number>()
      for (const { file, text } of files) {
        const sourceFile = parseSource(file.path, text)
        const created = detector.create({ file, text, sourceFile, catalog, emit: () => {}, locate: () => ({ file: file.path, line: 1 }), shared: new Map() })
        for (const key of Object.keys(created.visitors)) {
          seen.add(Number(key))
          expect(listed.has(Number(key)), `${detector.id} visits ${ts.SyntaxKind[Number(key)]} in ${file.path} but does not list it`).toBe(true)
        }
      }
      // and the list holds no kind the detector never visits: a stale entry is a lookup for nothing on every file
      expect([...listed].filter((k) => !seen.has(k)).map((k) => ts.SyntaxKind[k])).toEqual([])
    })
  }
})

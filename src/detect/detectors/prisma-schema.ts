// The personal data a Prisma schema declares it stores: the fields of each `model` whose names carry a data category
// (data/categories.yaml), as `data-flow` evidence to storage with a `declared` source, like the table columns of
// data-fields.ts. A schema whose blocks do not close is a listed problem; what parsed is still read.
import { loadCategories } from '../../catalog/categories.js'
import type { ConfigDetector } from '../contracts.js'

const BLOCK = /^\s*(model|type|view|enum|datasource|generator)\s+([A-Za-z_]\w*)\s*\{\s*(?:\/\/.*)?$/
const FIELD = /^\s*([A-Za-z_]\w*)\s+[A-Za-z_]\w*(?:\[\])?\??(?:\s|$)/

export const prismaSchemaDetector: ConfigDetector = {
  id: 'prisma-schema',
  detect({ file, lines, emit, problem }) {
    if (!file.path.endsWith('.prisma')) return
    const categories = loadCategories()
    let open: { kind: string; name: string; line: number } | undefined
    lines.forEach((text, i) => {
      const line = i + 1
      const block = BLOCK.exec(text)
      if (block) {
        if (open) problem(`malformed Prisma schema: ${open.kind} ${open.name} (line ${open.line}) is not closed before line ${line}`)
        open = { kind: block[1], name: block[2], line }
        return
      }
      if (/^\s*\}\s*(?:\/\/.*)?$/.test(text)) {
        open = undefined
        return
      }
      if (open?.kind !== 'model' && open?.kind !== 'type') return
      const field = FIELD.exec(text)
      const category = field ? categories.ofField(open.name, field[1]) : undefined
      if (!field || !category) return
      emit({
        kind: 'data-flow', value: `${field[1]} → ${open.name}`, reason: 'data-declared-stored', line,
        data: { category, name: field[1], source: 'declared', sourceLine: line, sink: `model ${open.name}`, sinkKind: 'storage' },
      })
    })
    if (open) problem(`malformed Prisma schema: ${open.kind} ${open.name} (line ${open.line}) is not closed`)
  },
}

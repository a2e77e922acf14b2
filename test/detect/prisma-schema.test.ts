// A Prisma schema's fields that carry personal data are storage the schema declares; a malformed schema is a problem.
import { describe, expect, it } from 'vitest'
import { detect } from '../../src/detect/index.js'
import type { Workspace } from '../../src/types/index.js'
import { testCatalog } from '../helpers/catalog.js'

function workspace(text: string, file = 'prisma/schema.prisma'): Workspace {
  const entry = { path: file, size: text.length, nonShipped: false }
  return { root: '/repo', sourceFiles: [], configFiles: [], dataFiles: [entry], manifests: [], workspaceGlobs: [], lockfiles: [], policy: null, problems: [], skipped: [], read: () => text }
}

const SCHEMA = `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model User {
  id            String   @id @default(cuid())
  email         String   @unique
  emailVerified DateTime?
  name          String?
  phoneNumber   String?
  posts         Post[]
}

model Post {
  id       String @id
  title    String
  authorId String
}
`

describe('prisma schema', () => {
  it('declares the fields whose names carry personal data, and not their look-alikes', () => {
    const { evidence, problems } = detect(workspace(SCHEMA), testCatalog())
    expect(problems).toEqual([])
    const flows = evidence.filter((e) => e.kind === 'data-flow').map((e) => `${e.location.line} ${e.kind === 'data-flow' ? `${e.data.category} ${e.data.sink} ${e.data.source}` : ''}`)
    // the users table's own key is the user's id; Post's title and its author's id field name nobody's data
    expect(flows).toEqual(['7 user.unique_id model User declared', '8 user.contact.email model User declared', '10 user.name model User declared', '11 user.contact.phone_number model User declared'])
  })

  it('a model that never closes is a listed problem; what parsed is still read', () => {
    const { evidence, problems } = detect(workspace('model User {\n  email String\n\nmodel Post {\n  id String\n}\n'), testCatalog())
    expect(problems).toEqual([{ file: 'prisma/schema.prisma', reason: 'malformed Prisma schema: model User (line 1) is not closed before line 4' }])
    expect(evidence.filter((e) => e.kind === 'data-flow').map((e) => e.location.line)).toEqual([2])
  })
})

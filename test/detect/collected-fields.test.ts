// What a form or an input schema asks for is named after where it asks: the schema's variable (through the schemas
// that nest it, not out of the call that takes it), the form element, react-hook-form's register; and a file with
// nothing that could name a form field is not read at all.
import { describe, expect, it } from 'vitest'
import { detect } from '../../src/detect/index.js'
import type { Evidence, Workspace } from '../../src/types/index.js'
import { testCatalog } from '../helpers/catalog.js'

function collected(file: string, text: string): string[] {
  const entry = { path: file, size: text.length, nonShipped: false }
  const workspace: Workspace = { root: '/repo', sourceFiles: [entry], configFiles: [], manifests: [], workspaceGlobs: [], lockfiles: [], policy: null, problems: [], skipped: [], read: () => text }
  return detect(workspace, testCatalog()).evidence
    .filter((e): e is Extract<Evidence, { kind: 'data-flow' }> => e.kind === 'data-flow' && e.data.sinkKind === 'collected')
    .map((e) => `${e.location.line} ${e.value} ${e.data.category}`)
}

describe('collected fields', () => {
  it('name the schema they belong to: its variable, through the schemas that nest it, or the call when it has none', () => {
    const text = `import { z } from 'zod'
export const inference = z.object({
  messages: z.array(z.object({ role: z.string(), content: z.string() })).min(1),
  contact: z.object({ email: z.string() }).optional(),
})
export const router = t.router({ subscribe: t.procedure.input(z.object({ email: z.email() })).mutation(() => 1) })
`
    expect(collected('src/schemas.ts', text)).toEqual([
      '3 content → inference user.content',
      '4 email → inference user.contact.email',
      // a tRPC procedure takes the schema: the router is not its name
      '6 email → z.object user.contact.email',
    ])
  })

  it('name the form control, with the name the code gives the field or the attribute that says what it asks for', () => {
    const text = `import { useForm } from 'react-hook-form'
export function Form() {
  const { register } = useForm()
  return <form><Input type="tel" /><input name="user.email" /><textarea {...register('billingAddress')} /></form>
}
`
    expect(collected('app/form.tsx', text)).toEqual([
      '4 type="tel" → <Input> user.contact.phone_number',
      '4 user.email → <input> user.contact.email',
      '4 billingAddress → register user.contact.address',
    ])
  })

  it('leave a file alone when nothing in it could name a field: no schema library, no attribute, no react-hook-form', () => {
    // register() of another library, and a JSX element whose field name comes from a spread only
    const text = `import { register } from './registry'
register('email')
export const A = (p: object) => <Input {...p} />
`
    expect(collected('app/a.tsx', text)).toEqual([])
  })
})

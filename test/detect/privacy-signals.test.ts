// A file whose only mention of the signal is an SDK option in another case (respectDoNotTrack, respectDnt) is read:
// the detector's prefilter must not skip it. (Detector case files name the signal in their expectation comments.)
import { describe, expect, it } from 'vitest'
import { detect } from '../../src/detect/index.js'
import type { Workspace } from '../../src/types/index.js'
import { testCatalog } from '../helpers/catalog.js'

function workspace(text: string): Workspace {
  const entry = { path: 'src/analytics.ts', size: text.length, nonShipped: false }
  return { root: '/repo', sourceFiles: [entry], configFiles: [], manifests: [], workspaceGlobs: [], lockfiles: [], policy: null, problems: [], skipped: [], read: () => text }
}

describe('privacy signals', () => {
  it('finds SDK options that honour Do Not Track whatever their case', () => {
    const text = "import posthog from 'posthog-js'\nposthog.init('a', { respectDoNotTrack: true })\nposthog.init('b', { respectDnt: true })\nposthog.init('c', { respectDnt: false })\n"
    const found = detect(workspace(text), testCatalog()).evidence.filter((e) => e.kind === 'privacy-signal').map((e) => `${e.location.line} ${e.value}`)
    expect(found).toEqual(['2 respectDoNotTrack', '3 respectDnt'])
  })
})

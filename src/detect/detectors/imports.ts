// Vendor packages reached from code: import, export-from, require(), dynamic import(), import x = require(). The file's
// bindings list the modules it loads; a type-only import never runs.
import type { CodeDetector } from '../contracts.js'

export const importsDetector: CodeDetector = {
  id: 'imports',
  create({ catalog, emit, bindings }) {
    return {
      visitors: {},
      end() {
        for (const load of bindings.loads) {
          if (load.typeOnly) continue
          const match = catalog.matchPackage(load.spec.text)
          if (!match) continue
          emit({ kind: 'import', value: load.spec.text, vendor: match.vendor.id, reason: match.reason, node: load.spec, data: { via: load.via === 'import-equals' ? 'require' : load.via } })
        }
      },
    }
  },
}

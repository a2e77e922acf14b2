// Evidence from the workspace as a whole: runtime dependencies of every package.json, deploy-config files.
import type { WorkspaceDetector } from '../engine.js'
import { isNonShipped } from '../../collect/index.js'

export const dependenciesDetector: WorkspaceDetector = {
  id: 'dependencies',
  detect(workspace, catalog, emit) {
    for (const manifest of workspace.manifests) {
      const nonShipped = isNonShipped(manifest.path)
      for (const dep of manifest.dependencies) {
        // a deploy adapter or CLI names the host even as a devDependency (@sveltejs/adapter-vercel, wrangler)
        const deploy = catalog.matchDeployPackage(dep.name)
        if (deploy && dep.kind !== 'peerDependencies') {
          emit({ kind: 'dependency', value: dep.name, vendor: deploy.vendor.id, reason: deploy.reason, location: { file: manifest.path, line: dep.line }, detector: 'dependencies', ...(nonShipped ? { nonShipped: true } : {}), data: { range: dep.range, dependencyKind: dep.kind } })
          continue
        }
        // devDependencies are build and test tools; peers are provided by someone else
        if (dep.kind !== 'dependencies' && dep.kind !== 'optionalDependencies') continue
        const match = catalog.matchPackage(dep.name)
        if (!match) continue
        emit({
          kind: 'dependency',
          value: dep.name,
          vendor: match.vendor.id,
          reason: match.reason,
          location: { file: manifest.path, line: dep.line },
          detector: 'dependencies',
          ...(nonShipped ? { nonShipped: true } : {}),
          data: { range: dep.range, ...(dep.resolved ? { resolved: dep.resolved } : {}), ...(manifest.name ? { package: manifest.name } : {}) },
        })
      }
    }
  },
}

export const configFilesDetector: WorkspaceDetector = {
  id: 'config-files',
  detect(workspace, catalog, emit) {
    for (const file of workspace.configFiles) {
      const base = file.path.slice(file.path.lastIndexOf('/') + 1)
      const match = catalog.matchConfigFile(base)
      if (!match) continue
      emit({ kind: 'config', value: base, vendor: match.vendor.id, reason: match.reason, location: { file: file.path, line: 1 }, detector: 'config-files', ...(file.nonShipped ? { nonShipped: true } : {}) })
    }
  },
}

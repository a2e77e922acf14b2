// The workspace as the scan collects it (its config's size limit, excludes and policy), so that the floors and the
// detector runs of the bench read exactly the files the scan reads.
import { loadCatalog } from '../dist/catalog/index.js'
import { loadConfig } from '../dist/collect/config.js'
import { collectWorkspace } from '../dist/collect/index.js'

export function collectAsScan(root) {
  const config = loadConfig(root)
  return collectWorkspace(root, { configPolicy: config.policy, maxFileSize: config.maxFileSize, exclude: config.exclude })
}

/** The catalog as the scan loads it: with the config's own vendors. */
export function catalogAsScan(root) {
  return loadCatalog({ extraVendors: loadConfig(root).vendors })
}

// The detect stage's registry: add a detector here and it joins the shared walk.
import type { Catalog } from '../catalog/index.js'
import type { Workspace } from '../types/index.js'
import { runDetectors, type DetectHooks, type DetectorSet, type DetectResult } from './engine.js'
import { configSyntaxDetector, configTextDetector } from './detectors/config-text.js'
import { envCodeDetector } from './detectors/env-code.js'
import { hostsDetector } from './detectors/hosts.js'
import { importsDetector } from './detectors/imports.js'
import { configFilesDetector, dependenciesDetector } from './detectors/workspace.js'

export const DETECTORS: DetectorSet = {
  code: [importsDetector, hostsDetector, envCodeDetector],
  config: [configTextDetector, configSyntaxDetector],
  workspace: [dependenciesDetector, configFilesDetector],
}

export function detect(workspace: Workspace, catalog: Catalog, hooks?: DetectHooks, detectors: DetectorSet = DETECTORS): DetectResult {
  return runDetectors(workspace, catalog, detectors, hooks)
}

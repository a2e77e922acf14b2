// The detect stage's registry: add a detector here and it joins the shared walk.
import type { Catalog } from '../catalog/index.js'
import type { Workspace } from '../types/index.js'
import { runDetectors, type DetectHooks, type DetectorSet, type DetectResult } from './engine.js'
import { configSyntaxDetector, configTextDetector } from './detectors/config-text.js'
import { cookiesDetector } from './detectors/cookies/index.js'
import { envCodeDetector } from './detectors/env-code.js'
import { hostsDetector } from './detectors/hosts.js'
import { importsDetector } from './detectors/imports.js'
import { configFilesDetector, dependenciesDetector } from './detectors/workspace.js'
import { cryptoDetector } from './detectors/crypto/index.js'
import { regionCodeDetector, regionConfigDetector } from './detectors/regions.js'
import { transportCodeDetector, transportConfigDetector } from './detectors/transport.js'
import { hardcodedSecretsCode, hardcodedSecretsText } from './detectors/hardcoded-secrets.js'
import { secretFlowDetector } from './detectors/secret-flow.js'
import { dataFlowDetector } from './detectors/data-flow.js'
import { privacySignalsDetector } from './detectors/privacy-signals.js'
import { dataFieldsDetector } from './detectors/data-fields.js'
import { collectedFieldsDetector } from './detectors/collected-fields.js'
import { prismaSchemaDetector } from './detectors/prisma-schema.js'
import { sessionReplayDetector } from './detectors/session-replay.js'

export const DETECTORS: DetectorSet = {
  code: [importsDetector, hostsDetector, envCodeDetector, cookiesDetector, cryptoDetector, transportCodeDetector, regionCodeDetector, hardcodedSecretsCode, secretFlowDetector, dataFlowDetector, privacySignalsDetector, dataFieldsDetector, collectedFieldsDetector, sessionReplayDetector],
  config: [configTextDetector, configSyntaxDetector, transportConfigDetector, regionConfigDetector, hardcodedSecretsText],
  workspace: [dependenciesDetector, configFilesDetector],
  data: [hardcodedSecretsText, prismaSchemaDetector],
}

export function detect(workspace: Workspace, catalog: Catalog, hooks?: DetectHooks, detectors: DetectorSet = DETECTORS): DetectResult {
  return runDetectors(workspace, catalog, detectors, hooks)
}

// Every check privaudit runs, in report order. A new check is a folder here plus a line below.
import { cookieClaimMismatch } from './cookie-claim-mismatch/index.js'
import { dataClaimContradicted } from './data-claim-contradicted/index.js'
import { dntClaimUnsupported } from './dnt-claim-unsupported/index.js'
import { personalDataLogged } from './personal-data-logged/index.js'
import { vendorDataMismatch } from './vendor-data-mismatch/index.js'
import { declaredSubprocessorUnused } from './declared-subprocessor-unused/index.js'
import { encryptionClaimMismatch } from './encryption-claim-mismatch/index.js'
import { hardcodedSecret } from './hardcoded-secret/index.js'
import { insecureTransport } from './insecure-transport/index.js'
import { policyNotFound } from './policy-not-found/index.js'
import { regionClaimMismatch } from './region-claim-mismatch/index.js'
import { secretLogged } from './secret-logged/index.js'
import { signatureClaimMismatch } from './signature-claim-mismatch/index.js'
import type { Check } from './types.js'
import { undeclaredCookie } from './undeclared-cookie/index.js'
import { undeclaredDataCollection } from './undeclared-data-collection/index.js'
import { undeclaredSubprocessor } from './undeclared-subprocessor/index.js'

export const CHECKS: Check[] = [
  policyNotFound,
  undeclaredSubprocessor,
  declaredSubprocessorUnused,
  cookieClaimMismatch,
  undeclaredCookie,
  hardcodedSecret,
  secretLogged,
  encryptionClaimMismatch,
  signatureClaimMismatch,
  insecureTransport,
  regionClaimMismatch,
  vendorDataMismatch,
  dataClaimContradicted,
  personalDataLogged,
  undeclaredDataCollection,
  dntClaimUnsupported,
]

export type { Check, CheckContext, CheckMeta, FindingInput } from './types.js'

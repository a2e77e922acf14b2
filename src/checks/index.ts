// Every check privaudit runs, in report order. A new check is a folder here plus a line below.
import { declaredSubprocessorUnused } from './declared-subprocessor-unused/index.js'
import { policyNotFound } from './policy-not-found/index.js'
import type { Check } from './types.js'
import { undeclaredSubprocessor } from './undeclared-subprocessor/index.js'

export const CHECKS: Check[] = [
  policyNotFound,
  undeclaredSubprocessor,
  declaredSubprocessorUnused,
]

export type { Check, CheckContext, CheckMeta, FindingInput } from './types.js'

// The declare stage: policy text → blocks → sentences → claims.
import type { Catalog } from '../catalog/index.js'
import type { Claim, Policy } from '../types/index.js'
import { parseCookieClaims } from './cookies.js'
import { extractPolicyText } from './extract.js'
import { splitSentences, type PolicySentence } from './sentences.js'
import { parseVendorClaims } from './vendors.js'
import { parseDataPracticeClaims, parseSecurityClaims } from './security.js'
import { parseRegionClaims } from './regions.js'
import { parseSecretLoggingClaims } from './security-secrets.js'
import { parseDataClaims } from './data.js'
import { lookupTable } from '../util/table.js'
import { compareText } from '../util/order.js'

export { detectFormat, extractPolicyText, type PolicyBlock, type PolicyFormat } from './extract.js'
export { splitSentences, sentenceRanges, type PolicySentence } from './sentences.js'
export { findVendorMentions, type VendorMention } from './mentions.js'
export { findCategoryMentions, type CategoryMention } from './categories.js'
export { parseCategoryClaims, parseNamedVendorClaims, parseVendorClaims } from './vendors.js'
export { clauseStart, isDeniedAfter, isNegated, scopeStart } from './scope.js'
export { parseCookieClaims } from './cookies.js'
export { parseDataPracticeClaims, parseSecurityClaims } from './security.js'
export { findPlaceMentions, parseRegionClaims } from './regions.js'
export { parseSecretLoggingClaims } from './security-secrets.js'
export { parseDataClaims } from './data.js'
export { findDataMentions, type DataMention } from './data-phrases.js'

/** One claim extractor: pure, sentence-based. Cookie and security extractors join this list. */
export type ClaimExtractor = (sentences: PolicySentence[], catalog: Catalog) => Claim[]

export const CLAIM_EXTRACTORS: readonly ClaimExtractor[] = [parseVendorClaims, parseCookieClaims, parseSecurityClaims, parseRegionClaims, parseDataPracticeClaims, parseSecretLoggingClaims, parseDataClaims]

export interface ParsedPolicy {
  sentences: PolicySentence[]
  claims: Claim[]
}

const KIND_ORDER: Record<string, number> = lookupTable({ vendor: 0, 'vendor-category': 1, cookie: 2, security: 3, region: 4, 'data-practice': 5, data: 6 })

/** Total order so output (and golden files, SARIF fingerprints) never depends on extractor order. */
export function compareClaims(a: Claim, b: Claim): number {
  return a.line - b.line
    || (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || compareText(a.kind, b.kind)
    || compareText(a.subject, b.subject)
    || a.endLine - b.endLine
    || compareText(a.quote, b.quote)
    || compareText(a.polarity, b.polarity)
    || compareText(a.strength ?? '', b.strength ?? '')
    || compareText(a.vendor ?? '', b.vendor ?? '')
}

export function parsePolicy(policy: Policy, catalog: Catalog, extractors: readonly ClaimExtractor[] = CLAIM_EXTRACTORS): ParsedPolicy {
  const blocks = extractPolicyText(policy.path, policy.text)
  const sentences = splitSentences(blocks)
  const claims = extractors.flatMap((extract) => extract(sentences, catalog))
  claims.sort(compareClaims)
  return { sentences, claims }
}

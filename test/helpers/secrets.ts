// The real catalog's secret rules, for tests of the matchers and the redaction that run them outside a scan.
import { loadCatalog } from '../../src/catalog/index.js'
import { redactReport as redactReportWith } from '../../src/core/redact.js'
import { findProviderSecrets as findWith, type ProviderMatch, type ProviderRule } from '../../src/secrets/patterns.js'
import { redactText as redactTextWith } from '../../src/secrets/redact.js'
import { providerRules } from '../../src/secrets/rules.js'

export const PROVIDER_RULES: readonly ProviderRule[] = providerRules(loadCatalog())

export const findProviderSecrets = (text: string, rules: readonly ProviderRule[] = PROVIDER_RULES): ProviderMatch[] => findWith(text, rules)
export const redactText = (text: string, known: readonly string[] = []): string => redactTextWith(text, PROVIDER_RULES, known)
export const redactReport = <T>(report: T, secrets: readonly string[]): T => redactReportWith(report, secrets, PROVIDER_RULES)

// Schemas every stage shares: a place in the repo, severities, cookie purposes, vendor categories. Each is a TypeBox
// schema (what schema/report.schema.json publishes) and the TypeScript type derived from it: one definition for both.
import Type, { type Static, type TProperties, type TObjectOptions } from 'typebox'

/** An object that allows no key besides its properties, as every object of the report and the config. */
export function closed<P extends TProperties>(properties: P, options: TObjectOptions = {}) {
  return Type.Object(properties, { additionalProperties: false, ...options })
}

type KeysOfUnion<U> = U extends unknown ? keyof U : never
/**
 * Each member of a union with the keys only other members have, as absent (`?: undefined`): `claim.vendor` reads on
 * any claim, and a check narrows on `kind` and `subject` to read what only some claims carry.
 */
export type Exclusive<U, All = U> = U extends unknown ? U & { [K in Exclude<KeysOfUnion<All>, keyof U>]?: undefined } : never

/**
 * The members of a union by their `kind` (members sharing a kind under one key, as a union). `ByKind<U>[K]` is what
 * `Extract<U, { kind: K }>` is, but covariant in K: a check declaring fewer kinds is still a check.
 */
export type ByKind<U extends { kind: string }> = { [M in U as M['kind']]: M }

export const SEVERITIES = ['error', 'warning', 'note'] as const
export const SeveritySchema = Type.Enum(SEVERITIES)
export type Severity = Static<typeof SeveritySchema>

/** A repo path: relative to the scanned root, with `/`. */
export const FileSchema = Type.String({ minLength: 1, pattern: '^[^\\\\]*$' })

export const LineSchema = Type.Integer({ minimum: 1 })

/** A place in the scanned repo: POSIX path relative to the root, 1-based line and column. */
export const LocationSchema = closed({
  file: FileSchema,
  line: LineSchema,
  column: Type.Optional(Type.Integer({ minimum: 1 })),
})
export type Location = Static<typeof LocationSchema>

export const SkippedFileSchema = closed({ file: FileSchema, reason: Type.String({ minLength: 1 }) })
export type SkippedFile = Static<typeof SkippedFileSchema>

/** A vendor's id (and a secret format's): a lowercase slug, also the vendor's file name. */
export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$'

/** A fideslang data-category key (`user.contact.email`), or one of ours under a fideslang parent. */
export const CategoryKeySchema = Type.String({ pattern: '^user(?:\\.[a-z0-9_]+)*$', description: 'a fideslang data-category key' })

export const CookiePurposeSchema = Type.Enum(['strictly-necessary', 'functional', 'analytics', 'advertising'])
export type CookiePurpose = Static<typeof CookiePurposeSchema>

export const VendorCategorySchema = Type.Enum([
  'analytics', 'auth', 'payments', 'hosting', 'cloud', 'database', 'monitoring', 'logging',
  'email', 'messaging', 'support', 'llm', 'sandbox', 'storage', 'cdn', 'feature-flags',
  'ads', 'search', 'cms', 'source-control', 'consent', 'queue', 'video', 'maps', 'other',
])
export type VendorCategory = Static<typeof VendorCategorySchema>

export const EVIDENCE_KINDS = [
  'dependency', 'import', 'host', 'script', 'env', 'config',
  'cookie', 'log-call', 'crypto-call', 'region', 'secret', 'transport', 'data-flow', 'privacy-signal',
] as const
export const EvidenceKindSchema = Type.Enum(EVIDENCE_KINDS)
export type EvidenceKind = Static<typeof EvidenceKindSchema>

/** What kind of secret a name denotes; a policy promise may cover some kinds only ("API keys are never logged"). */
export const SECRET_CATEGORIES = ['api-key', 'token', 'password', 'private-key', 'credential', 'secret', 'header'] as const
export type SecretCategory = (typeof SECRET_CATEGORIES)[number]

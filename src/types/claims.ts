// What the policy promises: one claim schema per kind, and per subject where a kind's subjects carry different data.
// The policy parser's side of the contract with the checks, and the `claims` of the JSON report: the TypeScript
// types derive from these schemas, which schema/report.schema.json publishes.
import Type, { type Static, type TProperties } from 'typebox'
import { closed, type ByKind, type Exclusive, CategoryKeySchema, CookiePurposeSchema, LineSchema, LocationSchema, SECRET_CATEGORIES, VendorCategorySchema } from './common.js'

const Categories = Type.Array(CategoryKeySchema, { minItems: 1, description: 'fideslang keys, sorted, each once' })

/** The subject of a `security` claim that secrets are never logged ("Never logged or exposed in plaintext"). */
export const SECRETS_NOT_LOGGED = 'secrets-not-logged'

const ClaimStatusSchema = Type.Enum(['confirmed', 'contradicted', 'unverifiable'], {
  description: 'confirmed: the code backs it; contradicted: a finding cites it; unverifiable: no static signal either way',
})
export type ClaimStatus = Static<typeof ClaimStatusSchema>

const PolaritySchema = Type.Enum(['affirm', 'deny'])
const Phrase = Type.String({ description: 'the words of the sentence the claim was read from' })
const Purposes = Type.Array(CookiePurposeSchema)
/** An object with at least one of its (all optional) properties: a claim leaves out data it has nothing for. */
const someOf = <P extends TProperties>(properties: P) => closed(properties, { minProperties: 1 })

/** One claim: what every claim has, around its kind, subject (and vendor, strength) and its data. */
function claimOf<H extends TProperties, D extends TProperties>(head: H, data: D) {
  return closed({
    ...head,
    polarity: PolaritySchema,
    section: Type.Array(Type.String(), { description: 'the headings the sentence sits under' }),
    quote: Type.String(),
    line: LineSchema,
    endLine: LineSchema,
    ...data,
    status: Type.Optional(ClaimStatusSchema),
    evidence: Type.Optional(Type.Array(LocationSchema, { description: 'where the code backs a confirmed claim' })),
  })
}

// ---------------------------------------------------------------- vendors

/** A vendor named in the policy: listed as a processor, or mentioned in passing. */
const VendorClaimSchema = claimOf({
  kind: Type.Literal('vendor'),
  subject: Type.String({ description: 'the vendor id' }),
  vendor: Type.String(),
  strength: Type.Enum(['listed', 'mentioned']),
}, {
  data: closed({ alias: Type.String({ description: 'the name the policy uses' }), heading: Type.Optional(Type.Literal(true)) }),
})

/** Vendors disclosed by kind only ("our analytics providers"). */
const VendorCategoryClaimSchema = claimOf({
  kind: Type.Literal('vendor-category'),
  subject: VendorCategorySchema,
}, {
  data: closed({ phrase: Phrase }),
})

// ---------------------------------------------------------------- cookies

const CookieThingSchema = Type.Enum(['cookies', 'trackers', 'pixels'])
export type CookieThing = Static<typeof CookieThingSchema>

/** "We use at most one session cookie": no more cookies than `max`. */
const CookieLimitClaimSchema = claimOf({
  kind: Type.Literal('cookie'),
  subject: Type.Literal('cookie-limit'),
}, {
  data: closed({ max: Type.Integer({ minimum: 0 }), scope: Type.Enum(['session', 'all']), phrase: Phrase }),
})

/** "We only use strictly necessary cookies": no cookie of another purpose. */
const CookiePurposesClaimSchema = claimOf({
  kind: Type.Literal('cookie'),
  subject: Type.Literal('cookie-purposes'),
}, {
  data: closed({ purposes: Purposes, phrase: Phrase }),
})

const CookieDenialDataSchema = closed({
  /** The purposes denied; none: every cookie of `what`. */
  purposes: Purposes,
  party: Type.Optional(Type.Enum(['first', 'third'])),
  crossSite: Type.Optional(Type.Literal(true)),
  what: CookieThingSchema,
  phrase: Phrase,
})
export type CookieDenialData = Static<typeof CookieDenialDataSchema>

/** "We do not use third-party advertising cookies". */
const CookieDenialClaimSchema = claimOf({
  kind: Type.Literal('cookie'),
  subject: Type.Literal('cookie-denial'),
}, {
  data: CookieDenialDataSchema,
})

/** The cookies the policy lists by name. */
const CookieNamesClaimSchema = claimOf({
  kind: Type.Literal('cookie'),
  subject: Type.Literal('cookie-names'),
}, {
  data: closed({ names: Type.Array(Type.String()) }),
})

/** "PostHog sets cookies": the vendor's cookies are disclosed. */
const VendorCookiesClaimSchema = claimOf({
  kind: Type.Literal('cookie'),
  subject: Type.Literal('vendor-cookies'),
  vendor: Type.String(),
}, {
  data: closed({ purposes: Purposes, phrase: Phrase }),
})

// ---------------------------------------------------------------- security

/** "Data is encrypted at rest (with AES-256-GCM, keys in AWS KMS)". */
const EncryptionAtRestClaimSchema = claimOf({
  kind: Type.Literal('security'),
  subject: Type.Literal('encryption-at-rest'),
}, {
  data: Type.Optional(someOf({
    algorithm: Type.Optional(Type.String()),
    /** What is encrypted ("API keys"). */
    subject: Type.Optional(Type.String()),
    /** The key manager named. */
    vendor: Type.Optional(Type.String()),
  })),
})

/** Keys managed by a named service ("AWS KMS"). */
const KeyManagementClaimSchema = claimOf({
  kind: Type.Literal('security'),
  subject: Type.Literal('key-management'),
  vendor: Type.String(),
}, {
  data: closed({ vendor: Type.String() }),
})

/** Secrets kept in a named store ("AWS Secrets Manager"). */
const SecretsStoreClaimSchema = claimOf({
  kind: Type.Literal('security'),
  subject: Type.Literal('secrets-store'),
  vendor: Type.String(),
}, {
  data: closed({ vendor: Type.String(), envelope: Type.Optional(Type.Literal(true)) }),
})

/** "Webhooks are signed (with HMAC-SHA256)". */
const SignatureClaimSchema = claimOf({
  kind: Type.Literal('security'),
  subject: Type.Literal('signature'),
}, {
  data: Type.Optional(closed({ algorithm: Type.String() })),
})

/** "All data is transmitted over HTTPS". */
const TransportClaimSchema = claimOf({
  kind: Type.Literal('security'),
  subject: Type.Literal('transport'),
}, {
  data: closed({ protocol: Type.Enum(['https', 'tls', 'in-transit']) }),
})

/** "API keys are never logged": the kinds of secret it covers (`*`: all). */
const SecretsNotLoggedClaimSchema = claimOf({
  kind: Type.Literal('security'),
  subject: Type.Literal(SECRETS_NOT_LOGGED),
}, {
  data: closed({ secrets: Type.String({ description: 'the noun the policy uses' }), covers: Type.Array(Type.Enum([...SECRET_CATEGORIES, '*'])) }),
})

// ---------------------------------------------------------------- regions and data practices

/** Where data is processed; `limiting` when the places bound it ("only in the EU"). */
const RegionClaimSchema = claimOf({
  kind: Type.Literal('region'),
  subject: Type.String({ description: 'the region ids, comma-separated' }),
}, {
  data: closed({ regions: Type.Array(Type.String()), limiting: Type.Boolean(), places: Type.Array(Type.String()) }),
})

/** A retention period or the event that ends it. */
const RetentionClaimSchema = claimOf({
  kind: Type.Literal('data-practice'),
  subject: Type.Literal('retention'),
}, {
  data: closed({ period: Type.String(), subject: Type.Optional(Type.String({ description: 'what is kept, as the sentence labels it' })) }),
})

/** Promises no static signal bears on: no model training, no sale of data. */
const DataUseClaimSchema = claimOf({
  kind: Type.Literal('data-practice'),
  subject: Type.Enum(['model-training', 'sale-of-data']),
}, {})

// ---------------------------------------------------------------- personal data

/** What a named vendor receives: "PostHog collects: page views, device information, IP address". */
const VendorDataClaimSchema = claimOf({
  kind: Type.Literal('data'),
  subject: Type.Literal('vendor-data'),
  vendor: Type.String(),
}, {
  data: closed({ categories: Categories, phrases: Type.Array(Type.String(), { description: 'the words that named them, in order' }) }),
})

/** "We use anonymized and aggregated data": the strongest qualifier stated, and for what or whom. */
const AnonymousDataClaimSchema = claimOf({
  kind: Type.Literal('data'),
  subject: Type.Literal('anonymous-data'),
}, {
  data: closed({
    qualifier: Type.Enum(['anonymous', 'anonymized', 'aggregated', 'pseudonymous']),
    purpose: Type.Optional(Type.Literal('analytics')),
    vendor: Type.Optional(Type.String()),
  }),
})

/** One entry of the policy's collection list: the categories it names. */
const CollectionClaimSchema = claimOf({
  kind: Type.Literal('data'),
  subject: Type.Literal('collection'),
}, {
  data: closed({ categories: Categories }),
})

/** "We never see private keys", "we do not share your email": what is denied, and how far. */
const DataDenialClaimSchema = claimOf({
  kind: Type.Literal('data'),
  subject: Type.Literal('data-denial'),
}, {
  data: closed({
    categories: Categories,
    /** receive: never had at all; store: not kept; log: not written to logs; share: not given to others. */
    scope: Type.Enum(['receive', 'store', 'log', 'share']),
    vendor: Type.Optional(Type.String()),
  }),
})

/** "Minimal request and error logs" (affirm, minimal); "we do not log personal data" (deny, none). */
const LogsClaimSchema = claimOf({
  kind: Type.Literal('data'),
  subject: Type.Literal('logs'),
}, {
  data: closed({ level: Type.Enum(['minimal', 'none']) }),
})

/** "We honor Do Not Track and Global Privacy Control signals" (affirm) or "we do not respond to them" (deny). */
const DoNotTrackClaimSchema = claimOf({
  kind: Type.Literal('data'),
  subject: Type.Literal('do-not-track'),
}, {
  data: closed({ signals: Type.Array(Type.Enum(['dnt', 'gpc']), { minItems: 1 }) }),
})

export const ClaimSchema = Type.Union([
  VendorClaimSchema, VendorCategoryClaimSchema,
  CookieLimitClaimSchema, CookiePurposesClaimSchema, CookieDenialClaimSchema, CookieNamesClaimSchema, VendorCookiesClaimSchema,
  EncryptionAtRestClaimSchema, KeyManagementClaimSchema, SecretsStoreClaimSchema, SignatureClaimSchema, TransportClaimSchema, SecretsNotLoggedClaimSchema,
  RegionClaimSchema, RetentionClaimSchema, DataUseClaimSchema,
  VendorDataClaimSchema, AnonymousDataClaimSchema, CollectionClaimSchema, DataDenialClaimSchema, LogsClaimSchema, DoNotTrackClaimSchema,
])
export type Claim = Exclusive<Static<typeof ClaimSchema>>
export type ClaimKind = Claim['kind']

/** The claims of some kinds. */
export type ClaimOf<K extends ClaimKind> = ByKind<Claim>[K]
export type VendorClaim = ClaimOf<'vendor'>
export type VendorCategoryClaim = ClaimOf<'vendor-category'>
export type CookieClaim = ClaimOf<'cookie'>
export type SecurityClaim = ClaimOf<'security'>
export type RegionClaim = ClaimOf<'region'>
export type DataClaim = ClaimOf<'data'>
/** A claim of a kind about a subject. */
export type ClaimAbout<K extends ClaimKind, S extends ClaimOf<K>['subject']> = Extract<ClaimOf<K>, { subject: S }>

/** A claim as the report gives it: the diff stage has set its status. */
export const ReportClaimSchema = Type.Intersect([ClaimSchema, Type.Object({ status: ClaimStatusSchema })])
export type ReportClaim = Exclusive<Static<typeof ReportClaimSchema>>

// The report every format renders, defined once: the TypeScript types derive from these schemas, and
// schema/report.schema.json is generated from REPORT_SCHEMA (`npm run schemas`; a test fails when it is stale).
import Type, { type Static } from 'typebox'
import { ReportClaimSchema } from './claims.js'
import {
  closed, CookiePurposeSchema, EvidenceKindSchema, FileSchema, LineSchema, LocationSchema, SeveritySchema, SkippedFileSchema, SLUG_PATTERN, VendorCategorySchema,
} from './common.js'

const Count = Type.Integer({ minimum: 0 })
const VendorId = Type.String({ pattern: SLUG_PATTERN })

/** A policy sentence a finding or a vendor cites. */
export const QuoteSchema = closed({ line: LineSchema, quote: Type.String() })

export const FindingSchema = closed({
  ruleId: Type.String({ pattern: '^[a-z]+(-[a-z]+)*$' }),
  severity: SeveritySchema,
  vendor: Type.Optional(Type.String({ description: 'a catalog vendor id' })),
  message: Type.String({ minLength: 1 }),
  locations: Type.Array(LocationSchema, { minItems: 1 }),
  policy: Type.Optional(QuoteSchema),
  suggestion: Type.Optional(Type.String({ description: 'a sentence the policy could add to fix the finding' })),
  fingerprint: Type.String({ pattern: '^[0-9a-f]{24}$' }),
})
export type Finding = Static<typeof FindingSchema>

const VendorSummarySchema = closed({
  id: VendorId,
  name: Type.String(),
  legalName: Type.Optional(Type.String()),
  category: VendorCategorySchema,
  purpose: Type.String({ description: 'what the vendor does for the product, from the catalog' }),
  privacyUrl: Type.Optional(Type.String()),
  parent: Type.Optional(Type.String()),
  declared: Type.Boolean(),
  detected: Type.Boolean(),
  evidence: Type.Array(closed({ file: FileSchema, line: LineSchema, kind: EvidenceKindSchema, value: Type.String() })),
  usedThrough: Type.Optional(Type.Array(Type.String(), { description: 'a platform used only through these services of it' })),
  declaredBy: Type.Optional(closed({
    how: Type.Enum(['listed', 'mentioned', 'config']),
    vendor: Type.Optional(Type.String({ description: 'the platform whose declaration covers this service' })),
  }, { description: 'how the policy (or config) declares it: listed as a processor, named in passing, or by config' })),
  policy: Type.Optional(QuoteSchema),
})
export type VendorSummary = Static<typeof VendorSummarySchema>

const CookieEntrySchema = closed({
  name: Type.String({ description: 'the cookie name; a prefix ends in *; (dynamic) when code builds the name at run time' }),
  party: Type.Enum(['first', 'third'], { description: 'first: set by the product\'s code; third: set by a vendor\'s SDK or script, wherever the cookie sits' }),
  vendor: Type.Optional(Type.String()),
  purpose: Type.Union([CookiePurposeSchema, Type.Literal('unknown')]),
  persistent: Type.Union([Type.Boolean(), Type.Null()], { description: 'false: a session cookie; true: persistent (see lifetime); null: not known' }),
  dynamic: Type.Optional(Type.Boolean()),
  lifetime: Type.Optional(Type.String()),
  attributes: Type.Optional(closed({ httpOnly: Type.Optional(Type.Boolean()), secure: Type.Optional(Type.Boolean()), sameSite: Type.Optional(Type.String()) })),
  locations: Type.Array(LocationSchema),
})
export type CookieEntry = Static<typeof CookieEntrySchema>

/** Personal data reaching a vendor, a log or a store, or asked for by a form or an input schema: the data map's evidence. */
const DataFlowSchema = closed({
  category: Type.String({ description: 'a fideslang data-category key (data/categories.yaml)' }),
  label: Type.String({ description: 'the category as reports name it' }),
  source: closed({ file: FileSchema, line: LineSchema, name: Type.String({ description: 'the value as the code names it' }) }),
  sink: closed({
    kind: Type.Enum(['vendor', 'log', 'storage', 'collected'], { description: 'collected: a field the product\'s own forms or input schemas ask for' }),
    vendor: Type.Optional(Type.String({ description: 'a catalog vendor id' })),
    call: Type.String({ description: 'the call as the code writes it: posthog.identify, logger.info; for a declared shape, the table, the form element (<input>) or the schema' }),
    file: FileSchema,
    line: LineSchema,
  }),
  path: Type.Array(LocationSchema, { description: 'where the value goes, from its source to the call' }),
  declared: Type.Boolean({ description: 'the policy names this category for this sink: the vendor\'s data list, or the collection list for logs, stores and what is collected' }),
  policy: Type.Optional(QuoteSchema),
})
export type DataFlow = Static<typeof DataFlowSchema>

/** How the policy file was chosen. */
const PolicySourceSchema = Type.Enum(['--policy', 'config', 'discovered'])
export type PolicySource = Static<typeof PolicySourceSchema>

/** Findings a `.privaudit.yml` ignore removed, counted per rule and vendor with the ignore's reason. */
const SuppressedSchema = closed({
  ruleId: Type.String(),
  vendor: Type.Optional(Type.String()),
  reason: Type.String(),
  locations: Count,
})
export type Suppressed = Static<typeof SuppressedSchema>

/** What a run was compared with (a baseline report or a git ref), matched by finding fingerprints. */
const ComparisonSchema = closed({
  base: Type.String({ description: 'the baseline file, or the base ref and its commit' }),
  head: Type.Optional(Type.String({ description: 'the head ref and its commit; absent for the working tree or a baseline' })),
  unchanged: Type.Integer({ minimum: 0, description: 'findings on both sides, left out of `findings`' }),
  fixed: Type.Array(FindingSchema, { description: 'findings of the base that the head no longer has' }),
}, { description: 'set by `scan --baseline`, `privaudit diff` and the GitHub Action: `findings` then lists only what is new' })
export type Comparison = Static<typeof ComparisonSchema>

const reportProperties = {
  schemaVersion: Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+$' }),
  tool: closed({ name: Type.Literal('privaudit'), version: Type.String() }),
  root: Type.String({ description: 'absolute path of the scanned folder' }),
  policy: Type.Union([Type.Null(), closed({ path: FileSchema, source: PolicySourceSchema, claims: Type.Array(ReportClaimSchema) })]),
  vendors: Type.Array(VendorSummarySchema),
  cookies: Type.Array(CookieEntrySchema, {
    description: 'every cookie the product sets, first party from code and third party from the browser SDKs and scripts it loads',
  }),
  dataFlows: Type.Array(DataFlowSchema, { description: 'personal data each vendor, log and store receives, and what the product\'s forms and input schemas collect, by category, with the policy sentence that declares it' }),
  findings: Type.Array(FindingSchema),
  summary: closed({ error: Count, warning: Count, note: Count }),
  skipped: Type.Array(SkippedFileSchema, { description: 'files passed over, with why' }),
  comparison: Type.Optional(ComparisonSchema),
}

/** The report every format renders, and the JSON report: the payload, with what the scan suppressed and the input problems. */
export const REPORT_SCHEMA = closed({
  ...reportProperties,
  problems: Type.Array(SkippedFileSchema, { description: 'input that was read but is broken (malformed manifest, lockfile, YAML…)' }),
  suppressed: Type.Array(SuppressedSchema, { description: 'findings removed by .privaudit.yml ignores, with their reason' }),
}, {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://privaudit.dev/schema/report.schema.json',
  title: 'privaudit report',
  description: 'The JSON report of `privaudit scan --format json`. Every `file` is relative to the scanned root, with `/`.',
})
export type FullReport = Static<typeof REPORT_SCHEMA>
/** The report without what the scan suppressed and the input problems: what a comparison or a test reads. */
export type Report = Omit<FullReport, 'problems' | 'suppressed'>

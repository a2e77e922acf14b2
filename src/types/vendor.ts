// A vendor of the catalog, defined once: data/vendors/schema.json is generated from VENDOR_SCHEMA (`npm run schemas`;
// a test fails when it is stale), the catalog validates every vendor file against that file, and the types derive
// from the definitions. Nothing at run time imports this module (types/index.ts re-exports its types only): the
// build's compiled catalog is already validated, so a run never builds these schemas.
import Type, { type Static } from 'typebox'
import { closed, CookiePurposeSchema, SLUG_PATTERN, VendorCategorySchema } from './common.js'

const described = (description?: string) => (description === undefined ? {} : { description })
const slug = (description?: string) => Type.String({ pattern: SLUG_PATTERN, ...described(description) })
const Identifier = Type.String({ pattern: '^[A-Za-z_$][\\w$]*$' })
const Strings = (description?: string) => Type.Array(Type.String(), described(description))
const HttpsUrl = Type.String({ pattern: '^https://' })

export const VendorCookieSchema = closed({
  name: Type.String({ minLength: 1, description: 'The exact cookie name, or a prefix when prefix is true (ph_ matches ph_abc_posthog).' }),
  prefix: Type.Optional(Type.Boolean()),
  party: Type.Enum(['first', 'third']),
  purpose: CookiePurposeSchema,
  retention: Type.Optional(Type.String()),
  source: Type.Optional(Type.String({ description: 'Where the row came from: open-cookie-database (Apache-2.0) or catalog (our own research).' })),
  packages: Type.Optional(Strings('The vendor packages that set this cookie (browser SDKs or server middleware); default: the vendor\'s browserPackages.')),
})
export type VendorCookie = Static<typeof VendorCookieSchema>

const SecretValidatorSchema = Type.Enum(['aws-key-pair'], {
  description: 'A named check in TypeScript (src/secrets/validators.ts) for what the regex cannot say.',
})
/** A named check in TypeScript for what a secret format's regex cannot say (src/secrets/validators.ts implements each). */
export type SecretValidatorName = Static<typeof SecretValidatorSchema>

/** A credential format the vendor publishes: found where it is committed, scrubbed from every report. */
export const VendorSecretSchema = closed({
  id: slug('The rule id findings carry (stripe-secret-key), unique across the catalog.'),
  label: Type.String({ pattern: '^an? ', description: 'What the credential is, for messages: \'a Stripe secret key\'.' }),
  pattern: Type.String({
    minLength: 4,
    description: 'A JavaScript regex (flags: g). Every repeat bounded ({1,40}, no * or +) and literal text first (after a lookbehind): checked when the catalog loads. A named group \'body\' marks the random part.',
  }),
  hints: Type.Array(Type.String({ minLength: 2 }), {
    minItems: 1,
    description: 'Literal substrings, one of which every match contains: the text is searched for them before the regex runs, and a match without one is dropped.',
  }),
  requires: Type.Optional(Type.String({ minLength: 1, description: 'A literal the text must also contain before the regex runs.' })),
  random: Type.Optional(closed({
    length: Type.Integer({ minimum: 1, description: 'At least this many characters.' }),
    entropy: Type.Number({ minimum: 0, description: 'At least this many bits of Shannon entropy per character.' }),
    ignore: Type.Optional(Type.String({ minLength: 1, description: 'Characters left out before measuring (a separator such as \'-\').' })),
    mixedCase: Type.Optional(Type.Boolean({ description: 'Upper- and lower-case letters both present.' })),
  }, { description: 'The body group (or the whole match) must look random: long enough, varied enough, not a placeholder.' })),
  prefix: Type.Optional(Type.Array(Type.String({ minLength: 1 }), {
    minItems: 1,
    description: 'Non-secret prefixes a finding may show (the longest the value starts with). Default: what the regex matches before its body group.',
  })),
  // JSON Schema's additionalProperties, not TypeBox's Record (a patternProperties of '^.*$', which skips a key with a line break)
  modes: Type.Optional(Type.Unsafe<Record<string, 'live' | 'test'>>({
    type: 'object',
    minProperties: 1,
    additionalProperties: Type.Enum(['live', 'test']),
    description: 'live or test mode by the value\'s prefix (sk_test_: test).',
  })),
  validate: Type.Optional(SecretValidatorSchema),
})
export type VendorSecret = Static<typeof VendorSecretSchema>

/** SDK calls that ship data to a vendor, for the flow analysis: an error reporter's capture calls. */
export const VendorSinkSchema = closed({
  kind: Type.Enum(['error-reporter']),
  packages: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: 'Packages of the SDK (@sentry/* matches a scope).' }),
  methods: Type.Array(Identifier, { minItems: 1, description: 'The methods that ship their arguments (captureException, setExtra).' }),
  globals: Type.Optional(Type.Array(Identifier, { description: 'Receivers that are the SDK without an import (Sentry, the scope of Sentry.withScope).' })),
  classes: Type.Optional(Type.Array(Identifier, { description: 'Classes of those packages whose instances are the SDK (new Rollbar()).' })),
  scopes: Type.Optional(Type.Array(Identifier, { description: 'Functions that return the SDK\'s scope (getCurrentScope()).' })),
})
export type VendorSink = Static<typeof VendorSinkSchema>

const DOTTED_PATH = '^[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*$'
/** A call, method path or imported function name: `identify`, `people.set`, `emails.send`, `chat.completions.create`. */
const CallPath = Type.String({ pattern: DOTTED_PATH })

/**
 * SDK calls that send personal data to the vendor, for the personal-data flow analysis: `posthog.identify(id, { email })`,
 * `resend.emails.send({ to })`, `Intercom('boot', { email })`. The client is an import of one of the packages, an
 * instance or a factory result of one (`new PostHog()`, `usePostHog()`), or one of the globals a page snippet sets.
 */
export const VendorSendsSchema = closed({
  packages: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: 'Packages of the SDK (@scope/* matches a scope).' }),
  calls: Type.Array(CallPath, { minItems: 1, description: 'Methods of the client (a path below it: people.set) or imported functions that send their arguments.' }),
  globals: Type.Optional(Type.Array(Identifier, { description: 'Receivers or functions that are the SDK without an import (posthog, Intercom, $crisp).' })),
  natures: Type.Optional(Type.Array(closed({
    call: CallPath,
    argument: Type.Integer({ minimum: 0 }),
    property: Type.Optional(Type.String({
      pattern: DOTTED_PATH,
      description: 'A property of the argument, or a dotted path into it (Destination.ToAddresses); without one, the argument itself (not an object literal: that is a request whose properties a nature names).',
    })),
    category: Type.String({ pattern: '^user(?:\\.[a-z0-9_]+)*$' }),
  }), { description: 'Arguments that carry a data category by nature, whatever their name: an email API\'s recipient, an LLM call\'s messages.' })),
})
export type VendorSends = Static<typeof VendorSendsSchema>

/** A global function a vendor's page snippet defines (`fbq`), and the call of it that initialises the vendor. */
export const SnippetGlobalSchema = closed({
  name: Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }),
  initArgument: Type.Optional(Type.String({
    minLength: 1,
    description: 'The first argument of a call that initialises it: init for fbq(\'init\', id), config for gtag(\'config\', id). Without it, only an init method of the global does (ttq.load(id)).',
  })),
})
export type SnippetGlobal = Static<typeof SnippetGlobalSchema>

/** A framework component that loads the vendor: `GoogleAnalytics` of `@next/third-parties/google`. */
export const VendorComponentSchema = closed({
  package: Type.String({
    pattern: '^(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*(/[A-Za-z0-9._-]+)*$',
    description: 'The import specifier it is exported from: a package or one of its subpaths.',
  }),
  export: Type.String({ pattern: '^[A-Za-z_$][A-Za-z0-9_$]*$' }),
})
export type VendorComponent = Static<typeof VendorComponentSchema>

/** An option of the vendor's SDK (or snippet's config) that keeps it off cookies: `persistence: 'memory'`. */
export const CookielessOptionSchema = closed({
  option: Type.String({
    pattern: '^[A-Za-z_$][A-Za-z0-9_$-]*(\\.[A-Za-z_$][A-Za-z0-9_$-]*)*$',
    description: 'The option\'s key, or a dotted path into an object-valued option (storage.stores).',
  }),
  // one type keyword, not an anyOf: the same validation with Ajv's shorter message ("must be string,boolean")
  values: Type.Array(Type.Unsafe<string | boolean>({ type: ['string', 'boolean'] }), { minItems: 1 }),
})
export type CookielessOption = Static<typeof CookielessOptionSchema>

/** One vendor file as written (data/vendors/<id>.yaml): the lists it leaves out are empty. */
export const VENDOR_SCHEMA = closed({
  id: slug(),
  name: Type.String({ minLength: 1 }),
  aliases: Type.Array(Type.String({ minLength: 2 }), { minItems: 1, description: 'Every name a policy may use for the vendor: brand, legal entity, product names.' }),
  legalName: Type.Optional(Type.String()),
  category: VendorCategorySchema,
  purpose: Type.String({ minLength: 3, description: 'What the vendor does for a product, in a few words (product analytics).' }),
  parent: Type.Optional(slug('The platform of a service-level entry (aws-bedrock: aws): declaring the parent covers it.')),
  packages: Type.Optional(Type.Array(Type.String({ pattern: '^(@[a-z0-9._-]+/)?[a-z0-9._-]+(/\\*)?$|^@[a-z0-9._-]+/\\*$' }), {
    description: 'npm package names of its runtime SDKs; \'@scope/*\' matches a whole scope, \'name/*\' a family.',
  })),
  excludePackages: Type.Optional(Strings('Packages matched by packages that are build or dev tools, never a sign of data sharing (@sentry/cli).')),
  browserPackages: Type.Optional(Strings('Its packages that run in the browser (they may set cookies).')),
  hosts: Type.Optional(Type.Array(Type.String({ pattern: '^(\\*|[a-z0-9]([a-z0-9-]*[a-z0-9])?)(\\.(\\*|[a-z0-9]([a-z0-9-]*[a-z0-9])?))+$' }), {
    description: 'API, ingest and script hosts. \'example.com\' matches it and its subdomains; a \'*\' label matches one label (\'bedrock-runtime.*.amazonaws.com\').',
  })),
  env: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Z][A-Z0-9_]*\\*?$' }), {
    description: 'Environment variable names; a trailing * makes a prefix. Framework public prefixes (NEXT_PUBLIC_, VITE_…) are stripped first.',
  })),
  configFiles: Type.Optional(Strings('Deploy-config files whose presence alone is evidence (fly.toml).')),
  configPatterns: Type.Optional(Type.Array(Type.String({ minLength: 4 }), {
    description: 'Literal strings that, in a deploy config or CI workflow, are evidence (superfly/flyctl-actions).',
  })),
  cookies: Type.Optional(Type.Array(VendorCookieSchema, { description: 'The cookies its browser SDK, script or server middleware sets.' })),
  lookalikes: Type.Optional(Strings('Names a policy or code might use that belong to someone else (Clerk.io is not Clerk).')),
  privacyUrl: HttpsUrl,
  dpaUrl: Type.Optional(HttpsUrl),
  thirdPartyWeb: Type.Optional(Type.String({ description: 'An entity of the third-party-web dataset (MIT) whose domains are merged into hosts.' })),
  deployPackages: Type.Optional(Strings('Build/deploy tools that, even as devDependencies, show the product deploys to this vendor (@sveltejs/adapter-vercel, wrangler).')),
  urls: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z0-9.*-]+/[^\\s]*$' }), {
    description: 'host/path prefixes more specific than a host: the vendor owns these URLs even when another vendor owns the host (www.googletagmanager.com/gtag/js is Google Analytics).',
  })),
  s3Compatible: Type.Optional(Type.Boolean({
    description: 'An S3-compatible store reached with the AWS S3 SDK: its host in the code means that SDK is not evidence of Amazon S3.',
  })),
  secrets: Type.Optional(Type.Array(VendorSecretSchema, {
    description: 'The vendor\'s credential formats: found where they are committed (the hardcoded-secret check) and scrubbed from every report.',
  })),
  sinks: Type.Optional(Type.Array(VendorSinkSchema, {
    description: 'SDK calls that ship data to the vendor, for the flow analysis (an error reporter\'s capture calls). A call is a sink when its receiver is imported from one of `packages`, is an instance of one of `classes` of those packages, is one of `globals` (used without an import), or is returned by one of `scopes`.',
  })),
  sends: Type.Optional(Type.Array(VendorSendsSchema, {
    description: 'SDK calls that send personal data to the vendor (identify, capture, setUser, emails.send), for the personal-data flow analysis; `natures` names arguments that carry a data category whatever their name.',
  })),
  globals: Type.Optional(Type.Array(SnippetGlobalSchema, {
    description: 'Global functions the vendor\'s page snippet defines (fbq, gtag). A call of a method of one that initialises SDKs (init, initialize, load, boot, start, setup, configure, createInstance: ttq.load(id)) initialises the vendor; so does a call whose first argument is initArgument (fbq(\'init\', id)).',
  })),
  components: Type.Optional(Type.Array(VendorComponentSchema, {
    description: 'Framework components that load the vendor: the import specifier (a package or its subpath) and the export\'s name (@next/third-parties/google, GoogleAnalytics).',
  })),
  cookieless: Type.Optional(Type.Array(CookielessOptionSchema, {
    description: 'Options of the vendor\'s SDK that keep it off cookies (persistence: memory), looked for at any depth of the options it is initialised with. option is a key or a dotted path into an object option (storage.stores); values are strings (compared in any case) or booleans, and an array value counts when every element is one of them.',
  })),
}, {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://privaudit.dev/schema/vendor.json',
  title: 'privaudit vendor',
  description: 'One vendor of the privaudit catalog (data/vendors/<id>.yaml). The file name is the id.',
})
export type VendorInput = Static<typeof VENDOR_SCHEMA>

/**
 * The lists a vendor file may leave out, which the catalog reads as empty. `sinks` is not one: a vendor without
 * sinks has no model for the flow analysis, which is not the same as an empty one.
 */
export type VendorListField = 'packages' | 'excludePackages' | 'browserPackages' | 'deployPackages' | 'hosts' | 'urls' | 'env'
  | 'configFiles' | 'configPatterns' | 'cookies' | 'lookalikes' | 'secrets' | 'globals' | 'components' | 'cookieless'

/** A vendor as the catalog holds it: its file's content with every list present. */
export type Vendor = Omit<VendorInput, VendorListField> & { [K in VendorListField]-?: NonNullable<VendorInput[K]> }

// What the detectors observe: one evidence type per kind, each with the `data` its detectors emit. The detectors'
// side of the contract with the checks: a check narrows on `kind` (and on a role within a kind) and reads `data`
// without casting.
import type { ByKind, DependencyKind, EvidenceKind, Location, SecretCategory } from './index.js'

interface EvidenceBase<K extends EvidenceKind> {
  kind: K
  /** The observed value: a package name, host, env var, cookie name… */
  value: string
  vendor?: string
  location: Location
  detector: string
  /** Why it matched (`package-match`, `host-match`, `env-prefix`…): findings stay explainable. */
  reason: string
  /** Evidence from code that does not ship (tests, build config): recorded, not counted as use. */
  nonShipped?: boolean
}

/** A kind whose detectors attach no details. */
interface Plain<K extends EvidenceKind> extends EvidenceBase<K> {
  data?: undefined
}

interface WithData<K extends EvidenceKind, D> extends EvidenceBase<K> {
  data: D
}

// ---------------------------------------------------------------- vendor use

/** A runtime dependency of a package.json, with the version the lockfile resolved and the manifest's package name. */
export interface RuntimeDependencyData {
  range: string
  resolved?: string
  package?: string
}

/** A deploy adapter or CLI (`@sveltejs/adapter-vercel`, `wrangler`): evidence in whichever dependency list it sits. */
export interface DeployDependencyData {
  range: string
  dependencyKind: DependencyKind
}

export type ImportVia = 'import' | 'require' | 'dynamic-import' | 're-export'

/** A URL that named a vendor host, placeholders of a template as `*`, cut at 200 characters. */
export interface UrlData {
  url: string
}

// ---------------------------------------------------------------- cookies

export type CookieApi =
  | 'document.cookie' | 'cookieStore' | 'js-cookie' | 'universal-cookie' | 'react-cookie' | 'nookies' | 'cookies-next'
  | 'express' | 'fastify' | 'koa' | 'hono' | 'next' | 'cookies' | 'set-cookie' | 'cookie.serialize'
  | 'express-session' | 'cookie-session' | 'fastify-session' | 'koa-session' | 'iron-session' | 'next-auth' | 'lucia' | 'remix'

/** Code that sets a cookie. */
export interface CookieSetData {
  role: 'set'
  api: CookieApi
  side: 'browser' | 'server'
  dynamic?: true
  prefix?: true
  attributes?: { httpOnly?: boolean; secure?: boolean; sameSite?: string }
  persistent: boolean | null
  lifetime?: string
  /** Cookies of one session library config (express-session, next-auth…): one login session. */
  group?: string
  purpose?: 'strictly-necessary'
  /** A dynamic setter inside a vendor's cookie adapter (`createServerClient(…, { cookies: { setAll } })`). */
  adapterVendor?: string
  /** The name is Lucia's session cookie name, configured wherever `new Lucia()` is. */
  ref?: 'lucia'
  /** An exported helper that takes the name as a parameter: its callers in other files name the cookie. */
  helper?: { name: string; index: number }
}

/** A vendor SDK initialised (`posthog.init(…)`, `fbq('init', …)`); a script snippet has no package. */
export interface CookieVendorInitData {
  role: 'vendor-init'
  vendor: string
  package?: string
  /** False when the init's options keep the SDK off cookies (`persistence: 'memory'`), named by `setting`. */
  cookies: boolean
  setting?: string
}

/** A vendor package that sets cookies, imported where it can: in the browser, or a server middleware of its own. */
export interface CookieVendorLoadData {
  role: 'vendor-load'
  vendor: string
  package?: string
  browser: boolean
  client?: true
}

/** A call of the product's own cookie helper in another file: the names it passes, by argument (null: not a name). */
export interface CookieHelperCallData {
  role: 'helper-call'
  helper: string
  names: Array<string | null>
}

export type CookieData = CookieSetData | CookieVendorInitData | CookieVendorLoadData | CookieHelperCallData

// ---------------------------------------------------------------- secrets

/** A provider key's mode, where its format says (`sk_live_` / `sk_test_`). */
export type SecretMode = 'live' | 'test'

/** A credential committed to the repo (hardcoded-secrets): a provider format or a random value under a secret name. */
export interface HardcodedSecretData {
  role?: undefined
  /** The provider rule's id, or `generic-secret`. */
  rule: string
  /** What it is, with its article: `a Stripe secret key`, `a password`. */
  label: string
  vendor?: string
  mode?: SecretMode
  /** The key it is bound to (`STRIPE_KEY`). */
  name?: string
  /** A one-way handle on the raw value: the same key twice in a file is one finding. */
  fingerprint: string
  /** In a file written to be copied and filled in (`.env.example`). */
  example?: true
}

/** A call that decrypts a stored secret (secret-flow): the promise "keys are never logged" is about its result. */
export interface DecryptSiteData {
  role: 'decrypt-site'
}

export type SecretData = HardcodedSecretData | DecryptSiteData

export type SinkKind = 'console' | 'logger' | 'stdout' | 'error-reporter' | 'thrown-error' | 'vendor' | 'storage'

/** A secret that reaches a log, an error report or a thrown error (secret-flow). */
export interface LogCallData {
  /** How the sink's argument shows it: `apiKey`, `config.apiKey`. */
  secret: string
  /** The source model's kind of source: `name`, `env`, `decrypt`, `getter`, `headers`, or `constant` (another module's). */
  source: string
  /** The source model's category of secret (a SecretCategory for the models privaudit ships). */
  category: string
  /** Where it comes from when that is not its name: `decryptSecret(…)`. */
  origin?: string
  /** The name it had where it became a secret, when the sink logs it under another. */
  from?: string
  sourceLine: number
  /** The file of the source when it is in another module than the sink (a helper's decrypt call). */
  sourceFile?: string
  sink: string
  sinkKind: SinkKind
  /** The helper the secret passes through to reach the sink. */
  via?: string
}

// ---------------------------------------------------------------- personal data

/**
 * Personal data reaching a vendor SDK call, a log or a store (the personal-data flow analysis; `vendor` names the
 * vendor), a column a schema declares, or a field a form or an input schema asks for (`collected`).
 */
export interface DataFlowData {
  /** The fideslang data-category key (data/categories.yaml). */
  category: string
  /** How the call's argument shows it: `email`, `user.email`, `properties.email`. */
  name: string
  /** The value it is, when the argument shows it under another name: `user.email` sent as `email`. */
  from?: string
  /**
   * The kind of source: `name` (a name that carries the category), `headers`, `nature` (the argument's role in the
   * call), `declared` (a column a table schema declares, with `sink` the table; or a field a form or an input schema
   * declares, with `sink` the element or the schema and `sinkKind` collected).
   */
  source: string
  sourceLine: number
  /** The file of the source when it is another module than the call's. */
  sourceFile?: string
  /** The call, as the code writes it: `posthog.identify`, `logger.info`; the table, the form element or the schema. */
  sink: string
  /** `collected`: what the product's own forms and input schemas ask for, which no call needs to send anywhere. */
  sinkKind: 'vendor' | 'log' | 'storage' | 'collected'
  /** The helper the value passes through to reach the call. */
  via?: string
}

/** Code that reads a privacy signal (Do Not Track, Global Privacy Control) or sets an SDK option honouring one. */
export interface PrivacySignalData {
  signal: 'dnt' | 'gpc'
  /** navigator.doNotTrack, a DNT / Sec-GPC header read, an SDK option (respect_dnt). */
  how: 'navigator' | 'header' | 'sdk-option'
}

// ---------------------------------------------------------------- crypto, regions, transport

export type CryptoFamily = 'cipher' | 'mac' | 'keyed-hash' | 'signature'
export type CryptoOperation = 'encrypt' | 'decrypt' | 'sign' | 'verify' | 'key'

/** A cipher, MAC or signature call; `value` is the algorithm, `unknown` when it is not resolved. */
export interface CryptoCallData {
  /** The call (`createCipheriv`, `subtle.encrypt`, `crypto-js`, `jose`, `@aws-crypto`). */
  api: string
  family: CryptoFamily
  operation: CryptoOperation
  /** The enclosing function or variable: `verifyTotp` is not message signing. */
  context?: string
  /** `createCipher`: key and IV derived from a password. */
  deprecated?: true
  /** crypto-js given a string key, which it stretches with one MD5 pass. */
  passphrase?: boolean
  /** The AWS Encryption SDK, whose keys KMS holds. */
  kms?: true
  unresolved?: true
  /** The imported constant that names the algorithm (`lib/crypto#ALGORITHM`). */
  via?: string
}

export type RegionSource = 'code' | 'config-key' | 'flag' | 'host'

/** A provider region code; `value` is the code. */
export interface RegionData {
  /** `Frankfurt, Germany`. */
  place: string
  country?: string
  areas: string[]
  providers: string[]
  source: RegionSource
}

/** A remote endpoint and its scheme (`secure`: https or wss). */
export interface EndpointData {
  scheme: string
  url: string
  secure: boolean
}

/** Config that makes every connection TLS (fly.toml `force_https`, an HSTS header). */
export interface TlsEnforcementData {
  secure: true
  enforcement: string
}

export type TransportData = EndpointData | TlsEnforcementData

// ---------------------------------------------------------------- the union

export type DependencyEvidence = WithData<'dependency', RuntimeDependencyData | DeployDependencyData>
export type ImportEvidence = WithData<'import', { via: ImportVia }>
/** A vendor host in code or config; a bare host name (`api.posthog.com`) has no URL. */
export interface HostEvidence extends EvidenceBase<'host'> {
  data?: UrlData
}
export type ScriptEvidence = WithData<'script', UrlData>
export type EnvEvidence = Plain<'env'>
export type ConfigEvidence = Plain<'config'>
export type CookieEvidence = WithData<'cookie', CookieData>
export type LogCallEvidence = WithData<'log-call', LogCallData>
export type CryptoCallEvidence = WithData<'crypto-call', CryptoCallData>
export type RegionEvidence = WithData<'region', RegionData>
export type SecretEvidence = WithData<'secret', SecretData>
export type TransportEvidence = WithData<'transport', TransportData>
export type DataFlowEvidence = WithData<'data-flow', DataFlowData>
export type PrivacySignalEvidence = WithData<'privacy-signal', PrivacySignalData>

export type Evidence =
  | DependencyEvidence | ImportEvidence | HostEvidence | ScriptEvidence | EnvEvidence | ConfigEvidence
  | CookieEvidence | LogCallEvidence | CryptoCallEvidence | RegionEvidence | SecretEvidence | TransportEvidence
  | DataFlowEvidence | PrivacySignalEvidence

/** The evidence of some kinds. */
export type EvidenceOf<K extends EvidenceKind> = ByKind<Evidence>[K]

/** `Omit` over each member of a union, so the members stay apart (`Omit<A | B, k>` keeps only their common keys). */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

// every kind has its evidence type, and every evidence type is of a kind: this fails to compile otherwise
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Assert<T extends true> = T
type EveryKindHasEvidence = Assert<Same<Evidence['kind'], EvidenceKind>>

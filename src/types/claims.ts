// What each kind of claim carries in `data`, the policy parser's side of the contract with the checks.
import type { CookiePurpose } from './index.js'

/** The subject of a `security` claim that secrets are never logged ("Never logged or exposed in plaintext"). */
export const SECRETS_NOT_LOGGED = 'secrets-not-logged'

export type CookieThing = 'cookies' | 'trackers' | 'pixels'

export interface CookieDenialData {
  purposes: CookiePurpose[]
  party?: 'first' | 'third'
  crossSite?: boolean
  what: CookieThing
  phrase: string
}

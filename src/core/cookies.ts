// The cookie inventory legal needs for its cookie table: first-party cookies set in code, vendor cookies of browser SDKs.
import type { CookieEntry, Evidence } from '../types/index.js'
import type { VendorLedger } from './ledger.js'

export function buildCookieInventory(evidence: Evidence[], ledger: VendorLedger): CookieEntry[] {
  void evidence
  void ledger
  return []
}

import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../../src/collect/config.js'
import { VendorLedger } from '../../src/model/ledger.js'
import { claim, ev } from '../helpers/check-tester.js'
import { testCatalog } from '../helpers/catalog.js'

describe('VendorLedger', () => {
  it('cites the sentence that lists a vendor over an earlier passing mention', () => {
    const claims = [claim('stripe', { strength: 'mentioned', line: 3 }), claim('stripe', { strength: 'listed', line: 9 }), claim('stripe', { strength: 'listed', line: 12 })]
    const ledger = new VendorLedger(testCatalog(), [], claims, defaultConfig())
    const coverage = ledger.coverage('stripe')
    expect(coverage?.by === 'policy' && coverage.claim.line).toBe(9)
  })
  it('treats a platform as used through its services, and its generic signals as theirs', () => {
    const ledger = new VendorLedger(testCatalog(), [ev('env', 'AWS_REGION', 'aws', '.env'), ev('import', '@aws-sdk/client-bedrock-runtime', 'aws-bedrock')], [], defaultConfig())
    expect(ledger.isUsed('aws')).toBe(true)
    expect(ledger.isOnlyGenericUse('aws')).toBe(true)
    expect(ledger.isUsed('aws-s3')).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { signatureClaimMismatch } from '../../src/checks/signature-claim-mismatch/index.js'
import { defaultConfig } from '../../src/collect/config.js'
import { diff } from '../../src/core/diff.js'
import type { Claim, CryptoCallData, Evidence } from '../../src/types/index.js'
import { testCatalog } from '../helpers/catalog.js'
import { claim, ev, policyClaim, testCheck } from '../helpers/check-tester.js'

function signed(algorithm?: string): Claim {
  const quote = algorithm ? `Webhook payloads can be verified using ${algorithm} signatures` : 'Webhook payloads are signed'
  return policyClaim({ kind: 'security', subject: 'signature', line: 99, quote, ...(algorithm ? { data: { algorithm } } : {}) })
}

function mac(value: string, data: Partial<CryptoCallData> = {}, file = 'lib/webhooks.ts', line = 19): Evidence {
  return ev('crypto-call', value, undefined, file, line, { data: { family: 'mac', api: 'createHmac', operation: 'sign', context: 'signPayload', ...data } })
}

testCheck(signatureClaimMismatch, {
  valid: [
    { name: 'the promised HMAC-SHA256', evidence: [mac('hmac-sha256')], claims: [signed('HMAC-SHA256')] },
    { name: 'HMAC-SHA256 through a WebCrypto HMAC key', evidence: [mac('hmac-sha256', { api: 'subtle.importKey', operation: 'key' })], claims: [signed('HMAC-SHA256')] },
    { name: 'WebCrypto sign with no hash in sight: not provably different', evidence: [mac('hmac', { api: 'subtle.sign' })], claims: [signed('HMAC-SHA256')] },
    { name: 'HMAC-SHA1 for TOTP codes is not payload signing', evidence: [mac('hmac-sha256'), mac('hmac-sha1', { context: 'generateTotp' }, 'lib/mfa.ts', 12)], claims: [signed('HMAC-SHA256')] },
    { name: 'HMAC-SHA1 in an HOTP module (file name)', evidence: [mac('hmac-sha256'), mac('hmac-sha1', { context: 'code' }, 'lib/hotp.ts', 4)], claims: [signed('HMAC-SHA256')] },
    { name: 'an asymmetric JWT signature is not the HMAC webhook scheme', evidence: [mac('hmac-sha256'), ev('crypto-call', 'rsa-sha256', undefined, 'lib/jwt.ts', 3, { data: { family: 'signature', api: 'createSign', operation: 'sign' } })], claims: [signed('HMAC-SHA256')] },
    { name: 'a plain hash with no secret is a checksum, not a signature (the detector emits nothing)', evidence: [mac('hmac-sha256')], claims: [signed('HMAC-SHA256')] },
    { name: 'signing in a test file', evidence: [mac('hmac-sha256'), { ...mac('hmac-md5', {}, 'lib/webhooks.test.ts', 8), nonShipped: true }], claims: [signed('HMAC-SHA256')] },
    { name: 'a generic "webhooks are signed" claim kept by any signing', evidence: [mac('hmac-sha1')], claims: [signed()] },
    { name: 'no signature claim', evidence: [mac('hmac-md5')], claims: [claim('stripe')] },
  ],
  invalid: [
    { name: 'createHmac("sha1") where HMAC-SHA256 is promised', evidence: [mac('hmac-sha1')], claims: [signed('HMAC-SHA256')], findings: ['error'], locations: [['lib/webhooks.ts:19']], message: /`createHmac` at lib\/webhooks\.ts:19 signs with HMAC-SHA1, but PRIVACY\.md:99 says “Webhook payloads can be verified using HMAC-SHA256 signatures”: SHA1 is weaker/, policyLine: 99 },
    { name: 'HMAC-SHA512 where HMAC-SHA256 is promised: receivers reject it', evidence: [mac('hmac-sha512')], claims: [signed('HMAC-SHA256')], findings: ['error'], locations: [['lib/webhooks.ts:19']], message: /receivers that verify with SHA256 as promised reject it/ },
    { name: 'sha256(secret + body) is not an HMAC', evidence: [ev('crypto-call', 'sha256', undefined, 'lib/sign.ts', 5, { data: { family: 'keyed-hash', api: 'createHash', operation: 'sign' } })], claims: [signed('HMAC-SHA256')], findings: ['error'], locations: [['lib/sign.ts:5']], message: /a keyed SHA256 hash, .*not an HMAC \(it allows length extension\)/ },
    { name: 'crypto-js HmacMD5', evidence: [mac('hmac-md5', { api: 'crypto-js' })], claims: [signed('HMAC-SHA256')], findings: ['error'], locations: [['lib/webhooks.ts:19']], message: /crypto-js at .* signs with HMAC-MD5/ },
    { name: 'Ed25519 promised, ECDSA used', evidence: [ev('crypto-call', 'ecdsa-sha256', undefined, 'lib/sign.ts', 5, { data: { family: 'signature', api: 'subtle.sign', operation: 'sign' } })], claims: [signed('Ed25519')], findings: ['error'], locations: [['lib/sign.ts:5']], message: /a different signature scheme/ },
    { name: 'HMAC-SHA256 promised and no signing code: a note', evidence: [], claims: [signed('HMAC-SHA256')], findings: ['note'], locations: [['PRIVACY.md:99']], message: /no HMAC-SHA256 signing code was found/ },
  ],
})

describe('signature-claim-mismatch claims coverage', () => {
  it('confirms the claim where the code signs as promised', () => {
    const { claims } = diff({ evidence: [mac('hmac-sha256')], claims: [signed('HMAC-SHA256')], catalog: testCatalog(), config: defaultConfig(), policy: { path: 'PRIVACY.md' }, checks: [signatureClaimMismatch] })
    expect(claims[0]).toMatchObject({ status: 'confirmed', evidence: [{ file: 'lib/webhooks.ts', line: 19 }] })
  })
})

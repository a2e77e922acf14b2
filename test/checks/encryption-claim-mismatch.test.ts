import { describe, expect, it } from 'vitest'
import { encryptionClaimMismatch } from '../../src/checks/encryption-claim-mismatch/index.js'
import { defaultConfig } from '../../src/collect/config.js'
import { diff } from '../../src/core/diff.js'
import type { Claim, ClaimAbout, CryptoCallData, Evidence } from '../../src/types/index.js'
import { testCatalog } from '../helpers/catalog.js'
import { claim, ev, policyClaim, testCheck } from '../helpers/check-tester.js'

type AtRest = ClaimAbout<'security', 'encryption-at-rest'>

function atRest(algorithm?: string, extra: Partial<AtRest> = {}): Claim {
  const quote = algorithm ? `API keys are encrypted at rest using ${algorithm}` : 'GitHub access tokens are short-lived and encrypted'
  const data = { ...(algorithm ? { algorithm } : {}), ...extra.data }
  return policyClaim({ kind: 'security', subject: 'encryption-at-rest', line: 12, quote, ...extra, ...(Object.keys(data).length ? { data } : {}) })
}

function cipher(value: string, file = 'lib/crypto.ts', line = 16, data: Partial<CryptoCallData> = {}): Evidence {
  return ev('crypto-call', value, undefined, file, line, { data: { family: 'cipher', api: 'createCipheriv', operation: 'encrypt', ...data } })
}

const kmsClaim = (): Claim => atRest(undefined, { quote: 'All stored data is encrypted at rest using AWS KMS-managed encryption keys.', data: { vendor: 'aws-kms' } })
const secretsClaim = (): Claim => policyClaim({ kind: 'security', subject: 'secrets-store', vendor: 'aws-secrets-manager', quote: 'Sensitive credentials and API keys are stored using AWS Secrets Manager.', data: { vendor: 'aws-secrets-manager' } })

testCheck(encryptionClaimMismatch, {
  valid: [
    { name: 'the promised AES-256-GCM, encrypt and decrypt', evidence: [cipher('aes-256-gcm'), cipher('aes-256-gcm', 'lib/crypto.ts', 25, { api: 'createDecipheriv', operation: 'decrypt' })], claims: [atRest('AES-256-GCM')] },
    { name: 'AES-256-GCM through WebCrypto with a 256-bit key', evidence: [cipher('aes-256-gcm', 'lib/seal.ts', 3, { api: 'subtle.encrypt' })], claims: [atRest('AES-256-GCM')] },
    { name: 'WebCrypto AES-GCM whose key size is not known: not provably weaker', evidence: [cipher('aes-gcm', 'lib/seal.ts', 3, { api: 'subtle.encrypt' })], claims: [atRest('AES-256-GCM')] },
    { name: 'a claim that names no mode ("AES-256") is kept by AES-256-GCM', evidence: [cipher('aes-256-gcm')], claims: [atRest('AES-256')] },
    { name: 'a stronger key than promised', evidence: [cipher('aes-256-gcm')], claims: [atRest('AES-128-GCM')] },
    { name: 'an algorithm the detector could not resolve', evidence: [cipher('unknown', 'lib/crypto.ts', 16, { unresolved: true })], claims: [atRest('AES-256-GCM')] },
    { name: 'a cipher in a test file', evidence: [cipher('aes-128-cbc', 'lib/crypto.test.ts', 4, {}), cipher('aes-256-gcm')].map((e, i) => (i === 0 ? { ...e, nonShipped: true } : e)), claims: [atRest('AES-256-GCM')] },
    { name: 'no encryption claim at all', evidence: [cipher('aes-128-cbc')], claims: [claim('stripe')] },
    { name: 'a denied claim ("data is not encrypted") is not a promise', evidence: [cipher('des-cbc')], claims: [atRest(undefined, { polarity: 'deny' })] },
    { name: 'a generic "encrypted" claim kept by any sound cipher', evidence: [cipher('aes-128-cbc')], claims: [atRest()] },
    { name: 'KMS-managed keys kept by using KMS', evidence: [ev('import', '@aws-sdk/client-kms', 'aws-kms', 'src/aws.ts', 5)], claims: [kmsClaim()] },
    { name: 'KMS-managed keys kept by the AWS Encryption SDK', evidence: [cipher('aes-256-gcm', 'src/seal.ts', 9, { api: '@aws-crypto', kms: true })], claims: [kmsClaim()] },
    { name: 'a secrets store kept by using it', evidence: [ev('dependency', '@aws-sdk/client-secrets-manager', 'aws-secrets-manager', 'package.json', 20)], claims: [secretsClaim()] },
    { name: 'no policy: nothing promised', evidence: [cipher('des-cbc')], claims: [], policy: null },
  ],
  invalid: [
    { name: 'AES-256-CBC where AES-256-GCM is promised: a different, unauthenticated mode', evidence: [cipher('aes-256-cbc')], claims: [atRest('AES-256-GCM')], findings: ['error'], locations: [['lib/crypto.ts:16']], message: /encrypts with AES-256-CBC, but PRIVACY\.md:12 says “API keys are encrypted at rest using AES-256-GCM”: CBC is a different mode, without GCM's authentication/, policyLine: 12 },
    { name: 'AES-128-GCM where AES-256-GCM is promised: a weaker key', evidence: [cipher('aes-128-gcm')], claims: [atRest('AES-256-GCM')], findings: ['error'], locations: [['lib/crypto.ts:16']], message: /a 128-bit key where 256 bits are promised/ },
    { name: 'the deprecated createCipher, whatever its algorithm', evidence: [cipher('aes-256-gcm', 'lib/legacy.ts', 3, { api: 'createCipher', deprecated: true })], claims: [atRest('AES-256-GCM')], findings: ['error'], locations: [['lib/legacy.ts:3']], message: /`createCipher` derives key and IV from a password/ },
    { name: 'crypto-js AES defaults to CBC', evidence: [cipher('aes-256-cbc', 'lib/vault.ts', 8, { api: 'crypto-js', passphrase: true })], claims: [atRest('AES-256-GCM')], findings: ['error'], locations: [['lib/vault.ts:8']], message: /crypto-js at lib\/vault\.ts:8 encrypts with AES-256-CBC/ },
    { name: 'ChaCha20-Poly1305 is a different cipher than AES', evidence: [cipher('chacha20-poly1305')], claims: [atRest('AES-256-GCM')], findings: ['error'], locations: [['lib/crypto.ts:16']], message: /a different cipher/ },
    { name: 'one finding per algorithm, with every call site', evidence: [cipher('aes-256-cbc', 'lib/a.ts', 3), cipher('aes-256-cbc', 'lib/a.ts', 9, { operation: 'decrypt' }), cipher('aes-256-cbc', 'lib/b.ts', 2)], claims: [atRest('AES-256-GCM')], findings: ['error'], locations: [['lib/a.ts:3', 'lib/a.ts:9', 'lib/b.ts:2']] },
    { name: 'DES breaks even a promise that names no algorithm', evidence: [cipher('des-cbc')], claims: [atRest()], findings: ['error'], locations: [['lib/crypto.ts:16']], message: /DES has a 56-bit key/ },
    { name: 'ECB mode breaks a generic promise', evidence: [cipher('aes-256-ecb')], claims: [atRest()], findings: ['error'], locations: [['lib/crypto.ts:16']], message: /ECB mode/ },
    { name: 'an algorithm promised and no encryption code: a note on the policy line', evidence: [], claims: [atRest('AES-256-GCM')], findings: ['note'], locations: [['PRIVACY.md:12']], message: /no encryption code was found/, policyLine: 12 },
    { name: 'KMS-managed keys promised, no KMS anywhere: a note', evidence: [cipher('aes-256-gcm')], claims: [kmsClaim()], findings: ['note'], locations: [['PRIVACY.md:12']], message: /shows no use of AWS KMS/ },
    { name: 'Secrets Manager promised, not used: a note', evidence: [], claims: [secretsClaim()], findings: ['note'], locations: [['PRIVACY.md:1']], message: /shows no use of AWS Secrets Manager/ },
  ],
})

describe('encryption-claim-mismatch claims coverage', () => {
  const run = (evidence: Evidence[], claims: Claim[]) =>
    diff({ evidence, claims, catalog: testCatalog(), config: defaultConfig(), policy: { path: 'PRIVACY.md' }, checks: [encryptionClaimMismatch] })

  it('confirms the promised algorithm with the call sites', () => {
    const { claims } = run([cipher('aes-256-gcm', 'lib/crypto.ts', 16), cipher('aes-256-gcm', 'lib/crypto.ts', 25)], [atRest('AES-256-GCM')])
    expect(claims[0]).toMatchObject({ status: 'confirmed', evidence: [{ file: 'lib/crypto.ts', line: 16 }, { file: 'lib/crypto.ts', line: 25 }] })
  })

  it('marks every sentence with the broken promise contradicted, quoting one', () => {
    const second = atRest('AES-256-GCM', { line: 40, quote: 'Encrypted at rest using AES-256-GCM encryption' })
    const { claims, findings } = run([cipher('aes-256-cbc')], [atRest('AES-256-GCM'), second])
    expect(findings).toHaveLength(1)
    expect(claims.map((c) => c.status)).toEqual(['contradicted', 'contradicted'])
  })

  it('leaves a claim with no code unverifiable: the note does not contradict it', () => {
    const { claims } = run([], [atRest('AES-256-GCM')])
    expect(claims[0].status).toBe('unverifiable')
  })
})

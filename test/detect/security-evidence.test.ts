// The pieces behind the crypto, transport and region evidence: what counts as local, what an evidence value may
// show, how algorithm names normalise. The case files in cases/ cover the detectors end to end.
import { describe, expect, it } from 'vitest'
import { detect } from '../../src/detect/index.js'
import { jweCipher, normalizeCipher, normalizeHash } from '../../src/detect/detectors/crypto/algorithms.js'
import { findUrls, isIdentifierHost, isLocalHost, redactUrl } from '../../src/detect/urls.js'
import type { Workspace } from '../../src/types/index.js'
import { testCatalog } from '../helpers/catalog.js'

function scan(file: string, text: string) {
  const entry = { path: file, size: text.length, nonShipped: false }
  const config = !/\.[cm]?[jt]sx?$/.test(file)
  const workspace: Workspace = {
    root: '/', sourceFiles: config ? [] : [entry], configFiles: config ? [entry] : [], manifests: [], workspaceGlobs: [], lockfiles: [],
    policy: null, problems: [], skipped: [], read: () => text,
  }
  return detect(workspace, testCatalog()).evidence
}

describe('isLocalHost', () => {
  it.each([
    'localhost', '127.0.0.1', '127.8.9.10', '[::1]', '10.0.3.7', '172.16.0.1', '172.31.255.255', '192.168.1.20', '169.254.169.254',
    'api', 'db', 'host.docker.internal', 'my-app.local', 'dev.localhost', 'service.test', 'acme.example', 'x.invalid',
    'example.com', 'www.example.org', 'api.example.net', '[fd12:3456::1]', '[fe80::1]', '100.100.1.1',
    // the IPv6 documentation prefix (RFC 3849), like example.com
    '[2001:db8::1]',
  ])('%s is local, private or reserved', (host) => {
    expect(isLocalHost(host)).toBe(true)
  })
  it.each(['hooks.partner-api.com', '172.32.0.1', '11.0.0.1', '8.8.8.8', 'example.com.evil.io', 'localhost.attacker.io', 'notexample.com', '[2606:4700::1111]', '[2001:db9::1]'])('%s is public', (host) => {
    expect(isLocalHost(host)).toBe(false)
  })
  it('knows identifier hosts (namespaces, schemas) are not endpoints', () => {
    expect(isIdentifierHost('www.w3.org')).toBe(true)
    expect(isIdentifierHost('json-schema.org')).toBe(true)
    expect(isIdentifierHost('w3.org.evil.io')).toBe(false)
  })
})

describe('redactUrl', () => {
  it('drops credentials, query and fragment', () => {
    expect(redactUrl('http://user:hunter2@legacy-crm.com/api?token=abc#x')).toBe('http://legacy-crm.com/api')
    expect(redactUrl('https://api.example.io/v1/track')).toBe('https://api.example.io/v1/track')
    // a token in the path (webhook URLs) is cut too
    expect(redactUrl('http://hooks.chat-vendor.com/services/T0AB12CD/B9XY88ZZ/a1B2c3D4e5F6g7H8i9J0')).toBe('http://hooks.chat-vendor.com/services/T0AB12CD/B9XY88ZZ/…')
  })
})

describe('transport evidence never carries a credential', () => {
  it('in code', () => {
    const evidence = scan('src/a.ts', "fetch('http://svc:s3cr3t-pass@legacy-crm.com/api?api_key=sk_live_abc')\n")
    const t = evidence.find((e) => e.kind === 'transport')!
    expect(t).toMatchObject({ value: 'legacy-crm.com', data: { url: 'http://legacy-crm.com/api', secure: false } })
    expect(JSON.stringify(evidence)).not.toMatch(/s3cr3t|sk_live/)
  })
  it('in config', () => {
    const evidence = scan('.env', 'CRM_URL=http://svc:s3cr3t-pass@legacy-crm.com/api?token=abc\n')
    expect(evidence.flatMap((e) => (e.kind === 'transport' && 'url' in e.data ? [e.data.url] : []))).toEqual(['http://legacy-crm.com/api'])
    expect(JSON.stringify(evidence.filter((e) => e.kind === 'transport'))).not.toMatch(/s3cr3t|token=/)
  })
})

describe('findUrls stays linear on hostile input', () => {
  it('scans a megabyte of near-URLs quickly', () => {
    const text = 'http://'.repeat(150_000) + 'a'.repeat(100_000)
    const start = performance.now()
    findUrls(text)
    expect(performance.now() - start).toBeLessThan(2000)
  })
})

describe('algorithm names', () => {
  it.each([
    ['aes-256-gcm', 'aes-256-gcm'], ['AES-256-GCM', 'aes-256-gcm'], ['id-aes256-GCM', 'aes-256-gcm'], ['aes256', 'aes-256-cbc'],
    ['aes-128', 'aes-128-cbc'], ['des3', 'des-ede3-cbc'], ['chacha20-poly1305', 'chacha20-poly1305'],
  ])('cipher %s → %s', (raw, want) => {
    expect(normalizeCipher(raw)).toBe(want)
  })
  it.each([['SHA-256', 'sha256'], ['sha1', 'sha1'], ['RSA-SHA512', 'sha512'], ['sha3-256', 'sha3-256'], ['blake2b512', undefined]])('hash %s → %s', (raw, want) => {
    expect(normalizeHash(raw)).toBe(want)
  })
  it.each([['A256GCM', 'aes-256-gcm'], ['A128CBC-HS256', 'aes-128-cbc-hmac-sha256'], ['dir', undefined]])('JWE enc %s → %s', (raw, want) => {
    expect(jweCipher(raw)).toBe(want)
  })
})

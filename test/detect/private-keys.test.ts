// The private-key rule on keys generated now, in the armour each tool writes and held the ways code, env and data files
// hold them; and the look-alikes it must leave alone (placeholders, cut examples, public keys, filler in a real container).
import { spawnSync } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { armour, nodePemKeys, openssh, opensshAround, opensshEncryptedLayout, opensshPublicLine, privateLabel } from '../helpers/private-keys.js'
import { findProviderSecrets } from '../helpers/secrets.js'

const KEYS: Record<string, string> = {
  'OpenSSH Ed25519, unencrypted': openssh('ed25519'),
  'OpenSSH RSA, unencrypted': openssh('rsa'),
  'OpenSSH ECDSA, unencrypted': openssh('ecdsa'),
  'OpenSSH Ed25519 with an empty comment': openssh('ed25519', ''),
  'OpenSSH Ed25519, passphrase-protected (layout)': opensshEncryptedLayout('ed25519'),
  ...nodePemKeys(),
}

/** How a file holds a key: as written, in an env value or JSON string, a template literal, concatenated or joined literals, a YAML block. */
const HOLDERS: Record<string, (pem: string) => string> = {
  'a key file': (pem) => pem,
  'an env value with \\n escapes': (pem) => `DEPLOY_KEY="${pem.trimEnd().replace(/\n/g, '\\n')}"\n`,
  'a JSON string': (pem) => `${JSON.stringify({ deploy: { key: pem } }, null, 2)}\n`,
  'a template literal': (pem) => `export const DEPLOY_KEY = \`${pem}\`\n`,
  'string literals joined by +': (pem) => `const key =\n${pem.trimEnd().split('\n').map((l) => `  '${l}\\n'`).join(' +\n')}\n`,
  'an array of lines joined': (pem) => `const key = [\n${pem.trimEnd().split('\n').map((l) => `  "${l}",`).join('\n')}\n].join('\\n')\n`,
  'a YAML block': (pem) => `deploy:\n  key: |\n${pem.trimEnd().split('\n').map((l) => `    ${l}`).join('\n')}\n`,
}

/** The lines of a key's body, without its header and footer. */
const bodyLines = (pem: string) => pem.trimEnd().split('\n').filter((l) => l && !l.startsWith('-----') && !l.includes(':'))

const privateHeader = (pem: string) => /-----BEGIN [A-Z ]*PRIVATE KEY-----/.exec(pem)![0]

describe('private keys: found in every format, however the file holds them', () => {
  for (const [name, pem] of Object.entries(KEYS)) {
    for (const [holder, hold] of Object.entries(HOLDERS)) {
      it(`${name} in ${holder}`, () => {
        const text = hold(pem)
        const found = findProviderSecrets(text)
        expect(found.map((m) => m.rule.id)).toEqual(['private-key'])
        // at the private key's own header, not at an EC PARAMETERS block before it
        expect(found[0].value).toBe(privateHeader(pem))
        expect(text.slice(found[0].start, found[0].end)).toBe(found[0].value)
        // the secret is a body line as the text holds it, so the report can be scrubbed of it
        expect(bodyLines(pem)).toContain(found[0].secret)
        expect(text).toContain(found[0].secret)
      })
    }
  }

  it('two unencrypted OpenSSH keys of one type are two secrets, though their bodies open alike', () => {
    const [a, b] = [openssh('ed25519'), openssh('ed25519')]
    expect(bodyLines(a)[0]).toBe(bodyLines(b)[0])
    const found = findProviderSecrets(`${a}\n${b}`)
    expect(found).toHaveLength(2)
    expect(found[0].secret).not.toBe(found[1].secret)
  })

  const sshKeygen = spawnSync('ssh-keygen', ['-?'], { encoding: 'utf8' }).error === undefined
  for (const type of ['ed25519', 'rsa', 'ecdsa']) {
    for (const passphrase of ['', 'correct horse']) {
      it.skipIf(!sshKeygen)(`ssh-keygen -t ${type}${passphrase ? ', with a passphrase' : ', unencrypted'} (when ssh-keygen is installed)`, () => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'privaudit-ssh-'))
        try {
          const file = path.join(dir, 'id')
          const r = spawnSync('ssh-keygen', ['-q', '-t', type, '-N', passphrase, '-C', '', '-f', file], { encoding: 'utf8' })
          expect(r.status, r.stderr).toBe(0)
          const pem = readFileSync(file, 'utf8')
          for (const hold of Object.values(HOLDERS)) expect(findProviderSecrets(hold(pem)).map((m) => m.rule.id)).toEqual(['private-key'])
        } finally {
          rmSync(dir, { recursive: true, force: true })
        }
      })
    }
  }
})

describe('private keys: look-alikes are not reported', () => {
  const ed25519 = generateKeyPairSync('ed25519')
  const rsa = KEYS['RSA PKCS#1']
  const sshKey = KEYS['OpenSSH Ed25519, unencrypted']
  const block = (label: string, ...lines: string[]) => [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join('\n')
  const pkcs8 = ed25519.privateKey.export({ type: 'pkcs8', format: 'der' })
  const lookAlikes: Record<string, string> = {
    'a header and footer around ...': block(privateLabel(), '...'),
    'a <your key here> body': block(privateLabel('RSA '), '<your key here>'),
    'an XXXX body': block(privateLabel('RSA '), 'X'.repeat(64), 'X'.repeat(64), 'X'.repeat(20)),
    'an all-A body': block(privateLabel('OPENSSH '), 'A'.repeat(70), 'A'.repeat(70), 'A'.repeat(40)),
    'an all-A body as long as an Ed25519 key': block(privateLabel(), 'A'.repeat(64)),
    'an example cut short with ...': block(privateLabel('RSA '), ...bodyLines(rsa).slice(0, 2), '...'),
    'a key with its last lines lost': block(privateLabel('RSA '), ...bodyLines(rsa).slice(0, -3)),
    'a documentation stub of an OpenSSH key': block(privateLabel('OPENSSH '), bodyLines(sshKey)[0], '...'),
    'an OpenSSH key with its last lines lost': block(privateLabel('OPENSSH '), ...bodyLines(sshKey).slice(0, -2)),
    'an Ed25519 PKCS#8 container with zeros for the key': armour(privateLabel(), Buffer.concat([pkcs8.subarray(0, 16), Buffer.alloc(32)])),
    'an OpenSSH container with zeros for the key': opensshAround(Buffer.alloc(68)),
    'random base64 that is no key container': block(privateLabel(), ...(Buffer.concat([Buffer.from([0x31]), ed25519.publicKey.export({ type: 'spki', format: 'der' })]).toString('base64').match(/.{1,64}/g) ?? [])),
    'a public key (SPKI)': ed25519.publicKey.export({ type: 'spki', format: 'pem' }) as string,
    'an RSA public key (PKCS#1)': generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'pkcs1', format: 'pem' }) as string,
    'an OpenSSH public key line': opensshPublicLine(),
  }
  for (const [name, text] of Object.entries(lookAlikes)) {
    for (const [holder, hold] of Object.entries(HOLDERS)) {
      it(`${name} in ${holder}`, () => expect(findProviderSecrets(hold(text))).toEqual([]))
    }
  }
})

// The built CLI on a repo holding private keys generated now, in every file type it reads for secrets: each key is one
// hardcoded-secret finding at its header, the look-alikes beside them are none, and no output format prints a key line.
import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { FORMATS } from '../../src/reporters/index.js'
import type { Report } from '../../src/types/index.js'
import { runCli } from '../helpers/cli.js'
import { ecWithParameters, nodePemKeys, openssh, opensshEncryptedLayout, opensshPublicLine, privateLabel } from '../helpers/private-keys.js'
import { makeRepo } from '../helpers/tmp.js'

const pem = nodePemKeys()
const keys = {
  ed25519: openssh('ed25519'),
  ecdsa: openssh('ecdsa'),
  rsa: openssh('rsa'),
  encrypted: opensshEncryptedLayout('ed25519'),
  ec: ecWithParameters(),
  pkcs8: pem['Ed25519 PKCS#8'],
  pkcs1: pem['RSA PKCS#1'],
}
const escaped = (key: string) => key.trimEnd().replace(/\n/g, '\\n')
const stub = [`-----BEGIN ${privateLabel('OPENSSH ')}-----`, keys.ed25519.split('\n')[1], '...', `-----END ${privateLabel('OPENSSH ')}-----`].join('\n')

const files: Record<string, string> = {
  'keys/deploy.pem': keys.ed25519,
  'keys/ci.key': keys.ec,
  'keys/backup.pem': keys.encrypted,
  'keys/public.pem': generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }) as string,
  '.env.production': `LOG_LEVEL=info\nSSH_DEPLOY_KEY="${escaped(keys.ecdsa)}"\n`,
  'src/keys.ts': `export const SIGNING_KEY = \`${keys.pkcs8}\`\n\nexport const GIT_KEY =\n${keys.rsa.trimEnd().split('\n').map((l) => `  '${l}\\n'`).join(' +\n')}\n`,
  'config/app.json': `${JSON.stringify({ jwt: { privateKey: keys.pkcs1 } }, null, 2)}\n`,
  'deploy/values.yaml': `ssh:\n  key: |\n${keys.ed25519.trimEnd().split('\n').map((l) => `    ${l}`).join('\n')}\n`,
  'src/docs.ts': `// paste your key like this:\nexport const EXAMPLE = \`${stub}\`\nexport const AUTHORIZED = '${opensshPublicLine()}'\nexport const TEMPLATE = '-----BEGIN ${privateLabel('RSA ')}-----\\n<your key here>\\n-----END ${privateLabel('RSA ')}-----'\n`,
}
const repo = makeRepo({ 'package.json': JSON.stringify({ name: 'keys', version: '1.0.0' }), ...files })

/** Where a key's private header is in a file: `file:line`. */
const at = (file: string, key: string) => {
  const header = /-----BEGIN [A-Z ]*PRIVATE KEY-----/.exec(key)![0]
  const text = files[file]
  return `${file}:${text.slice(0, text.indexOf(header) + 1).split('\n').length}`
}
const expected = [
  at('keys/deploy.pem', keys.ed25519), at('keys/ci.key', keys.ec), at('keys/backup.pem', keys.encrypted), at('.env.production', keys.ecdsa),
  at('config/app.json', keys.pkcs1), at('deploy/values.yaml', keys.ed25519), 'src/keys.ts:1', `src/keys.ts:${files['src/keys.ts'].split('\n').indexOf('export const GIT_KEY =') + 2}`,
].sort()

/** Every body line of every key (not the EC PARAMETERS block, the curve's name, nor a legacy key's headers). */
const keyLines = Object.values(keys).flatMap((k) => k.slice(k.indexOf('PRIVATE KEY-----') + 16).split('\n').filter((l) => l.length >= 16 && !l.startsWith('-----') && !l.includes(':')))

describe('private keys through the built CLI', () => {
  it('reports each key once, at its header, and none of the look-alikes', () => {
    const { stdout, stderr } = runCli(['scan', repo, '--format', 'json', '--fail-on', 'none'])
    expect(stderr).toBe('')
    const findings = (JSON.parse(stdout) as Report).findings.filter((f) => f.ruleId === 'hardcoded-secret')
    expect(findings.flatMap((f) => f.locations.map((l) => `${l.file}:${l.line}`)).sort()).toEqual(expected)
    expect(expected).toHaveLength(8)
    for (const f of findings) expect(f.message).toMatch(/^A private key \(PEM\) \(`-----BEGIN (?:OPENSSH |EC |RSA )?PRIVATE KEY-----/)
  })

  for (const format of FORMATS) {
    it(`--format ${format} prints no line of any key`, () => {
      const { stdout, stderr } = runCli(['scan', repo, '--format', format, '--fail-on', 'none'])
      expect(stderr).toBe('')
      expect(stdout).toContain('PRIVATE KEY-----')
      for (const line of keyLines) expect(stdout, `${format} prints a key line`).not.toContain(line)
    })
  }
})

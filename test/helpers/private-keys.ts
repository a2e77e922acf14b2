// Private keys generated at test time, in the armour each tool writes: the repository holds no key, yet the tests see
// real ones. Node exports PKCS#1, PKCS#8 and SEC1 itself; it cannot write OpenSSH's own format, so `openssh` builds the
// unencrypted openssh-key-v1 blob (PROTOCOL.key in OpenSSH's sources) from a Node key, as `ssh-keygen -N ''` writes it.
import { generateKeyPairSync, randomBytes, type KeyExportOptions, type KeyObject } from 'node:crypto'

const join = (...parts: string[]) => parts.join('')

/** `-----BEGIN <label>-----`, base64 lines of `width`, `-----END <label>-----`. */
export function armour(label: string, der: Buffer, width = 64): string {
  const lines = der.toString('base64').match(new RegExp(`.{1,${width}}`, 'g')) ?? []
  return [join('-----BEGIN ', label, '-----'), ...lines, join('-----END ', label, '-----'), ''].join('\n')
}

/** The PEM label of a private key: `PRIVATE KEY`, with a kind in front (`RSA `, `EC `, `OPENSSH `, `ENCRYPTED `). */
export const privateLabel = (kind = '') => join(kind, 'PRIV', 'ATE KEY')

const u32 = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}
const string = (value: Buffer | string) => {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'latin1') : value
  return Buffer.concat([u32(bytes.length), bytes])
}

/** An SSH mpint: big-endian, no leading zero bytes, one zero byte in front when the high bit is set. */
const mpint = (value: Buffer) => {
  let start = 0
  while (start < value.length - 1 && value[start] === 0) start++
  const bytes = value.subarray(start)
  return string(bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes)
}

/** The INTEGERs of a DER SEQUENCE of INTEGERs (a PKCS#1 RSA key: version, n, e, d, p, q, dp, dq, qi). */
function derIntegers(der: Buffer): Buffer[] {
  const lengthAt = (at: number): [length: number, next: number] => {
    const first = der[at]
    if (first < 0x80) return [first, at + 1]
    let length = 0
    for (let i = 1; i <= (first & 0x7f); i++) length = length * 256 + der[at + i]
    return [length, at + 1 + (first & 0x7f)]
  }
  const out: Buffer[] = []
  for (let at = lengthAt(1)[1]; at < der.length;) {
    const [length, start] = lengthAt(at + 1)
    out.push(der.subarray(start, start + length))
    at = start + length
  }
  return out
}

export type SshKeyType = 'ed25519' | 'rsa' | 'ecdsa'

/** An SSH key's type name, the fields of its public blob and of its private one (after the type name). */
interface SshKey {
  name: string
  pub: Buffer[]
  priv: Buffer[]
}

const der = (key: KeyObject, type: 'pkcs8' | 'spki' | 'sec1' | 'pkcs1') => key.export({ type, format: 'der' } as KeyExportOptions<'der'>)

/**
 * A fresh Node key pair as an SSH key, its numbers read from the DER exports: Node 20's JWK export was seen to hang
 * after some thousands of calls.
 */
function sshKey(type: SshKeyType): SshKey {
  if (type === 'ed25519') {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519')
    // PKCS#8 and SPKI of an Ed25519 key end with its 32-byte seed and public key
    const pub = der(publicKey, 'spki').subarray(-32)
    return { name: 'ssh-ed25519', pub: [string(pub)], priv: [string(pub), string(Buffer.concat([der(privateKey, 'pkcs8').subarray(-32), pub]))] }
  }
  if (type === 'rsa') {
    const [, n, e, d, p, q, , , qi] = derIntegers(der(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, 'pkcs1'))
    return { name: 'ssh-rsa', pub: [mpint(e), mpint(n)], priv: [mpint(n), mpint(e), mpint(d), mpint(qi), mpint(p), mpint(q)] }
  }
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  // SEC1 of a P-256 key is 30 77 02 01 01 04 20 <d> …; SPKI ends with the uncompressed point 04 <x> <y>
  const point = string(der(publicKey, 'spki').subarray(-65))
  return { name: 'ecdsa-sha2-nistp256', pub: [string('nistp256'), point], priv: [string('nistp256'), point, mpint(der(privateKey, 'sec1').subarray(7, 39))] }
}

const MAGIC = Buffer.from('openssh-key-v1\0', 'latin1')

/** The unencrypted openssh-key-v1 blob of a key, armoured: the private section padded 1, 2, 3… to 8 bytes, base64 at 70 columns. */
function opensshArmour({ name, pub, priv }: SshKey, check: Buffer, comment: string): string {
  const section = Buffer.concat([check, check, string(name), ...priv, string(comment)])
  const padding = Buffer.from(Array.from({ length: (8 - (section.length % 8)) % 8 }, (_, i) => i + 1))
  const blob = Buffer.concat([MAGIC, string('none'), string('none'), string(''), u32(1), string(Buffer.concat([string(name), ...pub])), string(Buffer.concat([section, padding]))])
  return armour(privateLabel('OPENSSH '), blob, 70)
}

/**
 * An unencrypted OpenSSH private key as `ssh-keygen -N ''` writes it: magic, cipher and KDF `none`, empty KDF options,
 * one key, its public blob, then the private section (two equal check ints, the key, its comment, padding).
 */
export function openssh(type: SshKeyType, comment = 'deploy@ci'): string {
  return opensshArmour(sshKey(type), randomBytes(4), comment)
}

/** The same container around given bytes (68 or more) in place of an Ed25519 key and its check int: no key in it. */
export function opensshAround(material: Buffer): string {
  const pub = string(material.subarray(0, 32))
  return opensshArmour({ name: 'ssh-ed25519', pub: [pub], priv: [pub, string(material.subarray(0, 64))] }, material.subarray(64, 68), '')
}

/**
 * The layout of a passphrase-protected OpenSSH key (aes256-ctr, bcrypt with a salt and rounds) around random bytes in
 * place of the ciphertext: Node has no bcrypt_pbkdf to encrypt a real one, and a scanner cannot tell the two apart.
 */
export function opensshEncryptedLayout(type: SshKeyType): string {
  const { name, pub } = sshKey(type)
  const kdf = Buffer.concat([string(randomBytes(16)), u32(16)])
  const blob = Buffer.concat([MAGIC, string('aes256-ctr'), string('bcrypt'), string(kdf), u32(1), string(Buffer.concat([string(name), ...pub])), string(randomBytes(type === 'rsa' ? 1648 : 160))])
  return armour(privateLabel('OPENSSH '), blob, 70)
}

/** An EC (P-256) key as `openssl ecparam -name prime256v1 -genkey` writes it: the curve's parameters, then the SEC1 key. */
export function ecWithParameters(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  // the parameters block is the curve's OID, the same for every P-256 key
  const parameters = armour('EC PARAMETERS', Buffer.from('06082a8648ce3d030107', 'hex'))
  return parameters + (privateKey.export({ type: 'sec1', format: 'pem' }) as string)
}

/** Every PEM private key kind Node writes, fresh: PKCS#8 (Ed25519, X25519, EC, RSA), SEC1, PKCS#1, and encrypted forms. */
export function nodePemKeys(): Record<string, string> {
  const ed25519 = generateKeyPairSync('ed25519').privateKey
  const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
  const pem = (key: KeyObject, options: KeyExportOptions<'pem'>) => key.export(options) as string
  return {
    'Ed25519 PKCS#8': pem(ed25519, { type: 'pkcs8', format: 'pem' }),
    'X25519 PKCS#8': pem(generateKeyPairSync('x25519').privateKey, { type: 'pkcs8', format: 'pem' }),
    'EC P-256 SEC1 after its EC PARAMETERS block': ecWithParameters(),
    'EC P-384 SEC1': pem(generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey, { type: 'sec1', format: 'pem' }),
    'EC P-256 PKCS#8': pem(ec, { type: 'pkcs8', format: 'pem' }),
    'RSA PKCS#1': pem(rsa, { type: 'pkcs1', format: 'pem' }),
    'RSA PKCS#8': pem(rsa, { type: 'pkcs8', format: 'pem' }),
    'encrypted PKCS#8 (Ed25519)': pem(ed25519, { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'correct horse' }),
    'legacy-encrypted RSA PKCS#1 (Proc-Type, DEK-Info)': pem(rsa, { type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'correct horse' }),
  }
}

/** An OpenSSH public key line (`authorized_keys`, `*.pub`): `ssh-ed25519 AAAAC3Nz… comment`. */
export function opensshPublicLine(comment = 'deploy@ci'): string {
  const { name, pub } = sshKey('ed25519')
  return `${name} ${Buffer.concat([string(name), ...pub]).toString('base64')} ${comment}`
}

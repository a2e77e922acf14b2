// Credential-shaped test values, built at run time from a seeded generator: the repository itself never holds a string
// a secret scanner (ours, GitHub push protection, secretlint) would take for a live key, yet every test sees real formats.

export function fakeSecrets(seed = 7) {
  let state = seed
  const rand = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
  const from = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('')
  const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  const alnum = (n: number) => from(ALNUM, n)
  const b64 = (n: number) => from(`${ALNUM}+/`, n)
  const join = (...parts: string[]) => parts.join('')
  return {
    alnum,
    b64,
    hex: (n: number) => from('0123456789abcdef', n),
    stripe: (mode: 'live' | 'test' = 'live', kind: 's' | 'r' | 'p' = 's') => join(kind, 'k_', mode, '_', alnum(32)),
    stripeWebhook: () => join('wh', 'sec_', alnum(32)),
    github: () => join('gh', 'p_', alnum(36)),
    githubFineGrained: () => join('github', '_pat_', alnum(22), '_', alnum(59)),
    openai: () => join('sk-', 'proj-', alnum(74), 'T3Blbk', 'FJ', alnum(74)),
    anthropic: () => join('sk-', 'ant-api03-', from(`${ALNUM}_-`, 93), 'AA'),
    slack: () => join('xo', 'xb-', String(1000000000 + Math.floor(rand() * 1e9)), '-', String(1000000000 + Math.floor(rand() * 1e9)), '-', alnum(24)),
    google: () => join('AI', 'za', from(`${ALNUM}_-`, 35)),
    awsKeyId: () => join('AK', 'IA', from('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)),
    awsSecret: () => from(`${ALNUM}+/`, 38) + 'aZ',
    /** A key's container with seeded bytes for its material: a DER SEQUENCE of a version INTEGER and an OCTET STRING. */
    pem: () => {
      const der = Buffer.from([0x30, 0x81, 0x9f, 0x02, 0x01, 0x00, 0x04, 0x81, 0x99, ...Array.from({ length: 0x99 }, () => Math.floor(rand() * 256))])
      const lines = der.toString('base64').match(/.{1,64}/g) ?? []
      return [join('-----BEGIN RSA PRIV', 'ATE KEY-----'), ...lines, join('-----END RSA PRIV', 'ATE KEY-----')].join('\n')
    },
    npm: () => join('np', 'm_', alnum(36)),
    sendgrid: () => join('S', 'G.', alnum(22), '.', alnum(43)),
    resend: () => join('r', 'e_', alnum(8), '_', alnum(24)),
    posthogPersonal: () => join('ph', 'x_', alnum(43)),
    posthogProject: () => join('ph', 'c_', alnum(43)),
    dbUrl: () => join('postgres://app:', alnum(24), '@db.internal.example:5432/app'),
    /** A random-looking value for a secret-named key with no provider format (JWT_SECRET=…). */
    generic: (n = 40) => alnum(n),
  }
}

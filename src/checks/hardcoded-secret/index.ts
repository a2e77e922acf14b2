// A live credential committed to the repository: whoever can read the repo can use it.
import type { HardcodedSecretData, Location, SecretEvidence } from '../../types/index.js'
import { defineCheck } from '../types.js'

/** The detector whose `secret` evidence this check reads (the secret-flow detector's decrypt sites are not secrets in the repo). */
const DETECTOR = 'hardcoded-secrets'

function describe(e: SecretEvidence, data: HardcodedSecretData): string {
  const mode = data.mode === 'live' ? 'live ' : data.mode === 'test' ? 'test-mode ' : ''
  const label = mode ? data.label.replace(/^an? /, `a ${mode}`) : data.label
  const name = data.name ? `, ${data.name}` : ''
  return `${label} (\`${e.value}\`${name})`
}

export const hardcodedSecret = defineCheck({
  meta: {
    id: 'hardcoded-secret',
    description: 'A credential committed to the repository: a provider key, token, private key or password in code, config or a committed env file.',
    defaultSeverity: 'error',
    evidence: ['secret'],
    claims: [],
    needsPolicy: false,
  },
  run({ evidence, catalog, report }) {
    // one finding per secret per file, however often the file repeats it
    const groups = new Map<string, Array<{ e: SecretEvidence; data: HardcodedSecretData }>>()
    for (const e of evidence) {
      const { data } = e
      if (e.detector !== DETECTOR || data.role !== undefined) continue
      const generic = data.rule === 'generic-secret'
      // live keys are a leak wherever they are; test-mode keys and guessed secrets in tests, fixtures and example files are not
      if ((e.nonShipped || data.example) && (data.mode === 'test' || generic)) continue
      const key = `${e.location.file}\0${data.fingerprint}`
      if (!groups.has(key)) groups.set(key, [])
      groups.get(key)!.push({ e, data })
    }
    for (const list of groups.values()) {
      const { e: first, data } = list[0]
      const locations: Location[] = list.map(({ e }) => e.location)
      const where = `${first.location.file}:${first.location.line}`
      const vendor = data.vendor && catalog.get(data.vendor) ? data.vendor : undefined
      const confident = data.rule !== 'generic-secret'
      const severity = confident && data.mode !== 'test' ? 'error' : 'warning'
      const action = data.mode === 'test'
        ? 'move it to an untracked env file or your CI secrets'
        : 'revoke and rotate it at the provider, then load it from the environment or a secrets manager'
      report({
        severity,
        ...(vendor ? { vendor } : {}),
        message: `${describe(first, data)[0].toUpperCase()}${describe(first, data).slice(1)} is committed in ${where}; ${action}.`,
        locations,
        key: data.fingerprint,
      })
    }
  },
})

// The checks a vendor's secret format names (`validate:` in data/vendors/<id>.yaml) for what its regex cannot say.
// The schema lists the names; each has its implementation here, and the type makes the two agree.
import type { SecretValidatorName } from '../types/index.js'
import { looksRandom } from './patterns.js'

/** Whether a match of the format is the credential, given the text around it. */
export type SecretValidator = (value: string, text: string, index: number) => boolean

export const SECRET_VALIDATORS: Record<SecretValidatorName, SecretValidator> = {
  // an access key id alone opens nothing; with a 40-character secret beside it, it is a working credential
  'aws-key-pair': (value, text, index) => {
    if (value.endsWith('EXAMPLE')) return false
    const window = text.slice(Math.max(0, index - 400), index + 420)
    for (const m of window.matchAll(/(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g)) {
      if (looksRandom(m[0], 40, 4) && /[a-z]/.test(m[0]) && /[A-Z]/.test(m[0]) && !m[0].includes('EXAMPLE')) return true
    }
    return false
  },
}

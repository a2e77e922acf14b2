// No privacy policy to hold the code to.
import { defineCheck } from '../types.js'

export const policyNotFound = defineCheck({
  meta: {
    id: 'policy-not-found',
    description: 'No privacy policy was found, so no claim could be checked.',
    defaultSeverity: 'warning',
    evidence: [],
    claims: [],
    needsPolicy: false,
  },
  run({ policy, report }) {
    if (policy) return
    report({
      message: 'No usable privacy policy found (looked for PRIVACY.md, privacy-policy.*, privacy.* and privacy pages of the app; an empty, binary or oversized file is listed under problems): pass --policy FILE or set `policy:` in .privaudit.yml.',
      locations: [{ file: '.', line: 1 }],
      key: 'policy',
    })
  },
})

import { policyNotFound } from '../../src/checks/policy-not-found/index.js'
import { ev, testCheck } from '../helpers/check-tester.js'

testCheck(policyNotFound, {
  valid: [{ name: 'a policy was found', policy: 'PRIVACY.md' }],
  invalid: [{ name: 'no policy', policy: null, evidence: [ev('dependency', 'stripe', 'stripe', 'package.json')], findings: ['warning'], locations: [['.:1']], message: /No usable privacy policy found/ }],
})

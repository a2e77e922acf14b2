import { declaredSubprocessorUnused } from '../../src/checks/declared-subprocessor-unused/index.js'
import { category, claim, ev, testCheck } from '../helpers/check-tester.js'

testCheck(declaredSubprocessorUnused, {
  valid: [
    { name: 'a declared vendor that is used', evidence: [ev('dependency', 'stripe', 'stripe', 'package.json')], claims: [claim('stripe')] },
    { name: 'a platform used through one of its services', evidence: [ev('import', '@aws-sdk/client-bedrock-runtime', 'aws-bedrock')], claims: [claim('aws')] },
    { name: 'a vendor only mentioned in passing', claims: [claim('neon', { strength: 'mentioned' })] },
    { name: 'a vendor the policy denies', claims: [claim('intercom', { polarity: 'deny' })] },
    { name: 'a vendor used only by a test does not make it used, but a vague category claim is not a vendor claim', claims: [category('analytics')] },
  ],
  invalid: [
    { name: 'a listed vendor with no evidence', claims: [claim('neon', { line: 12, quote: 'Neon (database).' })], findings: ['note neon'], locations: [['PRIVACY.md:12']], policyLine: 12, message: /declares Neon/ },
    { name: 'evidence only in tests does not count as use', evidence: [ev('import', 'posthog-js', 'posthog', 'src/a.test.ts', 1, { nonShipped: true })], claims: [claim('posthog')], findings: ['note posthog'], locations: [['PRIVACY.md:1']] },
    { name: 'a vendor declared in .privaudit.yml and unused', config: { declared: [{ vendor: 'sentry' }], file: '.privaudit.yml' }, findings: ['note sentry'], locations: [['.privaudit.yml:1']], message: /\.privaudit\.yml declares Sentry/ },
  ],
})

import { dntClaimUnsupported } from '../../src/checks/dnt-claim-unsupported/index.js'
import { ev, testCheck } from '../helpers/check-tester.js'
import { dataClaim, signal } from '../helpers/data-flows.js'

const honourDnt = dataClaim('do-not-track', { signals: ['dnt'] }, { line: 30 })
const posthogInBrowser = ev('import', 'posthog-js', 'posthog', 'app/providers.tsx', 4)

testCheck(dntClaimUnsupported, {
  valid: [
    { name: 'the signal is read', evidence: [posthogInBrowser, signal({ signal: 'dnt', how: 'navigator' })], claims: [honourDnt] },
    { name: 'the SDK option is set', evidence: [posthogInBrowser, signal({ signal: 'dnt', how: 'sdk-option' })], claims: [honourDnt] },
    { name: 'a server SDK is not in the browser', evidence: [ev('import', 'posthog-node', 'posthog', 'app/api/route.ts', 2)], claims: [honourDnt] },
    { name: 'no promise', evidence: [posthogInBrowser] },
    { name: 'a promise denied ("we do not respond to DNT")', evidence: [posthogInBrowser], claims: [dataClaim('do-not-track', { signals: ['dnt'] }, { polarity: 'deny' })] },
    { name: 'a non-tracking vendor in the browser', evidence: [ev('import', '@stripe/stripe-js', 'stripe', 'app/pay.tsx', 1)], claims: [honourDnt] },
  ],
  invalid: [
    {
      name: 'PostHog in the browser and nothing reads DNT', evidence: [posthogInBrowser], claims: [honourDnt],
      findings: ['error posthog'], locations: [['app/providers.tsx:4']], policyLine: 30, message: /^PostHog runs in the browser \(app\/providers\.tsx:4\), but no code reads Do Not Track/,
    },
    { name: 'a GPC promise is not kept by reading DNT', evidence: [posthogInBrowser, signal({ signal: 'dnt', how: 'navigator' })], claims: [dataClaim('do-not-track', { signals: ['gpc'] })], findings: ['error posthog'], locations: [['app/providers.tsx:4']], message: /reads Global Privacy Control/ },
    { name: 'a pixel script', evidence: [ev('script', 'connect.facebook.net', 'meta-pixel', 'public/index.html', 12)], claims: [honourDnt], findings: ['error meta-pixel'], locations: [['public/index.html:12']] },
  ],
})

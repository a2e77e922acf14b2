import { undeclaredCookie } from '../../src/checks/undeclared-cookie/index.js'
import { testCheck } from '../helpers/check-tester.js'
import { limit, loadVendor, names, setCookie, vendorCookies } from '../helpers/cookies.js'

testCheck(undeclaredCookie, {
  valid: [
    { name: 'every cookie set is in the list', evidence: [setCookie('theme'), loadVendor('workos', '@workos-inc/authkit-nextjs', 'middleware.ts', 1)], claims: [names(['theme', 'wos-session'])] },
    { name: 'a vendor the policy says sets cookies is disclosed', evidence: [setCookie('theme'), loadVendor('clerk', '@clerk/nextjs', 'app/layout.tsx', 3)], claims: [names(['theme']), vendorCookies('clerk')] },
    { name: 'a prefix cookie matches a listed name with that prefix', evidence: [setCookie('pref_*', 'app/prefs.ts', 2, { prefix: true })], claims: [names(['pref_density'])] },
    { name: 'no list of names: nothing to compare with', evidence: [setCookie('theme'), loadVendor('posthog', 'posthog-js')], claims: [limit(1)] },
    { name: 'a server-only SDK sets no cookie to list', evidence: [], claims: [names(['theme'])] },
    { name: 'cookies set in tests do not ship', evidence: [setCookie('debug', 'app/a.test.ts', 1, {}, { nonShipped: true })], claims: [names(['theme'])] },
  ],
  invalid: [
    { name: 'a first-party cookie missing from the list', evidence: [setCookie('theme'), setCookie('sidebar', 'app/sidebar.tsx', 8)], claims: [names(['theme'])], findings: ['warning'], locations: [['app/sidebar.tsx:8']], message: /`sidebar`, set at app\/sidebar\.tsx:8, is not among the cookies listed at PRIVACY\.md:37 \(theme\)/, policyLine: 37 },
    { name: 'a vendor SDK whose cookies the list lacks', evidence: [setCookie('theme'), loadVendor('posthog', 'posthog-js')], claims: [names(['theme'])], findings: ['warning posthog'], locations: [['app/providers.tsx:4']], message: /PostHog, loaded at app\/providers\.tsx:4, sets cookies \(ph_\*\)/ },
    { name: 'a cookie named at run time cannot be checked against the list', evidence: [setCookie('(dynamic)', 'lib/cookies.ts', 8, { dynamic: true })], claims: [names(['theme'])], findings: ['warning'], locations: [['lib/cookies.ts:8']], message: /built at run time/ },
  ],
})

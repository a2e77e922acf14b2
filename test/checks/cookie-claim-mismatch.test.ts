import { cookieClaimMismatch } from '../../src/checks/cookie-claim-mismatch/index.js'
import { ev, testCheck } from '../helpers/check-tester.js'
import { denial, initVendor, limit, loadVendor, names, onlyPurposes, script, setCookie, vendorCookies } from '../helpers/cookies.js'

const ONE_SESSION_COOKIE = limit(1)
const NO_THIRD_PARTY_ANALYTICS = denial('third-party analytics cookies', ['analytics'], 'cookies', { party: 'third' })
const NO_ADVERTISING_TRACKERS = denial('advertising trackers', ['advertising'], 'trackers')
const NO_TRACKING_PIXELS = denial('social media tracking pixels', ['advertising'], 'pixels', {}, 58)
const NO_CROSS_SITE_ANALYTICS = denial('cross-site analytics cookies', ['analytics'], 'cookies', { crossSite: true }, 58)
const NO_COOKIES = denial('cookies', [], 'cookies')
const WORKOS = loadVendor('workos', '@workos-inc/authkit-nextjs', 'app/callback/route.ts', 1)

testCheck(cookieClaimMismatch, {
  valid: [
    { name: 'one session cookie set by the declared auth provider', evidence: [WORKOS, loadVendor('workos', '@workos-inc/authkit-nextjs', 'middleware.ts', 1)], claims: [ONE_SESSION_COOKIE, NO_THIRD_PARTY_ANALYTICS] },
    { name: "Clerk's __session and __client_uat are one login session", evidence: [loadVendor('clerk', '@clerk/nextjs', 'app/layout.tsx', 3)], claims: [ONE_SESSION_COOKIE] },
    { name: 'a server-side analytics SDK sets no browser cookie', evidence: [ev('import', 'posthog-node', 'posthog', 'lib/analytics.ts', 1)], claims: [NO_THIRD_PARTY_ANALYTICS, ONE_SESSION_COOKIE] },
    { name: 'an analytics SDK kept off cookies by its config', evidence: [loadVendor('posthog', 'posthog-js'), initVendor('posthog', 'posthog-js', 'app/providers.tsx', 9, "persistence: 'memory'")], claims: [NO_THIRD_PARTY_ANALYTICS, ONE_SESSION_COOKIE] },
    { name: 'a first-party session cookie against "no third-party analytics cookies"', evidence: [setCookie('sid', 'server.ts', 10, { api: 'express' })], claims: [NO_THIRD_PARTY_ANALYTICS, NO_ADVERTISING_TRACKERS] },
    { name: 'a vendor whose SDK sets no cookies (Vercel Analytics)', evidence: [loadVendor('vercel', '@vercel/analytics')], claims: [denial('analytics cookies', ['analytics']), ONE_SESSION_COOKIE] },
    { name: 'a cookie the policy names does not count against the limit', evidence: [WORKOS, setCookie('theme')], claims: [ONE_SESSION_COOKIE, names(['theme'])] },
    { name: 'a vendor the policy says sets cookies does not count against the limit', evidence: [WORKOS, loadVendor('stripe', '@stripe/stripe-js', 'app/checkout.tsx', 2)], claims: [ONE_SESSION_COOKIE, vendorCookies('stripe')] },
    { name: 'a session library sets its cookies as one session (next-auth)', evidence: ['next-auth.session-token', 'next-auth.csrf-token', 'next-auth.callback-url'].map((n) => setCookie(n, 'auth.ts', 5, { api: 'next-auth', group: 'next-auth:next-auth', purpose: 'strictly-necessary' })), claims: [ONE_SESSION_COOKIE] },
    { name: 'cookies set in tests do not ship', evidence: [WORKOS, setCookie('theme', 'app/theme.test.ts', 3, {}, { nonShipped: true })], claims: [ONE_SESSION_COOKIE] },
    { name: 'reading cookies sets none (no evidence) and a strictly necessary vendor cookie keeps "only necessary"', evidence: [loadVendor('stripe', '@stripe/stripe-js')], claims: [onlyPurposes(['strictly-necessary']), NO_THIRD_PARTY_ANALYTICS] },
    { name: 'no cookie claim, nothing to compare with', evidence: [loadVendor('posthog', 'posthog-js'), setCookie('theme')], claims: [] },
    { name: 'first-party analytics is not a third-party cookie', evidence: [setCookie('visitor_id', 'app/track.ts', 4)], claims: [NO_THIRD_PARTY_ANALYTICS, NO_CROSS_SITE_ANALYTICS] },
  ],
  invalid: [
    {
      name: 'jeanclaude: PostHog breaks "no third-party analytics cookies", a theme cookie the one-cookie promise',
      evidence: [WORKOS, loadVendor('posthog', 'posthog-js'), initVendor('posthog', 'posthog-js'), setCookie('theme', 'app/theme-toggle.tsx', 14)],
      claims: [ONE_SESSION_COOKIE, NO_ADVERTISING_TRACKERS, NO_THIRD_PARTY_ANALYTICS],
      findings: ['error', 'error posthog'], locations: [['app/theme-toggle.tsx:14'], ['app/providers.tsx:4', 'app/providers.tsx:9']],
      policyLine: 36,
    },
    {
      name: 'an analytics SDK loaded in the browser, cited at the sentence it breaks',
      evidence: [loadVendor('posthog', 'posthog-js'), initVendor('posthog', 'posthog-js')],
      claims: [NO_THIRD_PARTY_ANALYTICS],
      findings: ['error posthog'], locations: [['app/providers.tsx:4', 'app/providers.tsx:9']],
      message: /PostHog .*loaded at app\/providers\.tsx:4 .*sets third-party analytics cookies \(ph_\*\), but PRIVACY\.md:36 rules out third-party analytics cookies/,
    },
    { name: 'one finding per vendor, however many places load it', evidence: [loadVendor('posthog', 'posthog-js', 'a.tsx', 1), loadVendor('posthog', 'posthog-js', 'b.tsx', 2), initVendor('posthog', 'posthog-js', 'b.tsx', 5)], claims: [NO_THIRD_PARTY_ANALYTICS, ONE_SESSION_COOKIE], findings: ['error posthog'], locations: [['a.tsx:1', 'b.tsx:2', 'b.tsx:5']] },
    { name: 'a second first-party cookie breaks a one-cookie promise', evidence: [setCookie('sid', 'server.ts', 4, { api: 'express', purpose: undefined }), setCookie('theme', 'app/theme.ts', 3)], claims: [ONE_SESSION_COOKIE], findings: ['error'], locations: [['app/theme.ts:3']], message: /`theme`.*beyond the one PRIVACY\.md:36 promises/ },
    { name: 'a Meta Pixel snippet breaks "no social media tracking pixels"', evidence: [script('meta-pixel', 'https://connect.facebook.net/en_US/fbevents.js', 'public/index.html', 12, 'host'), initVendor('meta-pixel', undefined, 'public/index.html', 13)], claims: [NO_ADVERTISING_TRACKERS, NO_TRACKING_PIXELS, NO_CROSS_SITE_ANALYTICS], findings: ['error meta-pixel'], locations: [['public/index.html:12', 'public/index.html:13']], message: /rules out social media tracking pixels/, policyLine: 58 },
    { name: 'a gtag script breaks "no cross-site analytics cookies"', evidence: [script('google-tag-manager', 'https://www.googletagmanager.com/gtag/js?id=G-1', 'app/layout.tsx', 20)], claims: [NO_CROSS_SITE_ANALYTICS], findings: ['error google-tag-manager'], locations: [['app/layout.tsx:20']], message: /_ga/ },
    { name: '"we do not use cookies" and a first-party cookie', evidence: [setCookie('theme')], claims: [NO_COOKIES], findings: ['error'], locations: [['app/theme.ts:3']] },
    { name: '"only strictly necessary cookies" and Google Analytics', evidence: [loadVendor('google-analytics', 'react-ga4', 'app/ga.tsx', 2)], claims: [onlyPurposes(['strictly-necessary'])], findings: ['error google-analytics'], locations: [['app/ga.tsx:2']], message: /allows only strictly necessary cookies/ },
    { name: 'a preference cookie against "only strictly necessary cookies" is a warning to look at', evidence: [setCookie('theme')], claims: [onlyPurposes(['strictly-necessary'])], findings: ['warning'], locations: [['app/theme.ts:3']], message: /functional \(preference\) cookie/ },
    { name: 'a cookie named at run time is reported, not dropped', evidence: [WORKOS, setCookie('(dynamic)', 'lib/cookies.ts', 8, { dynamic: true })], claims: [ONE_SESSION_COOKIE], findings: ['warning'], locations: [['lib/cookies.ts:8']], message: /name is built at run time is set at lib\/cookies\.ts:8/ },
    { name: 'Clerk through its Express middleware sets its session cookies; an analytics SDK on top breaks the limit', evidence: [loadVendor('clerk', '@clerk/express', 'src/server.ts', 2, false), loadVendor('mixpanel', 'mixpanel-browser', 'web/analytics.ts', 1)], claims: [ONE_SESSION_COOKIE], findings: ['error mixpanel'], locations: [['web/analytics.ts:1']], message: /__client_uat \+ __session \(Clerk\)/ },
  ],
})

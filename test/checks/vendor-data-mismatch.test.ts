import { vendorDataMismatch } from '../../src/checks/vendor-data-mismatch/index.js'
import { testCheck } from '../helpers/check-tester.js'
import { dataClaim, dataFlow } from '../helpers/data-flows.js'

/** codecloud's "PostHog collects: page views…, device and browser information, IP address". */
const posthogList = dataClaim('vendor-data', { categories: ['user.behavior', 'user.device', 'user.device.ip_address'], phrases: ['page views', 'device and browser information', 'IP address'] }, { vendor: 'posthog', line: 54 })
/** isol8's "We use anonymized and aggregated data for this purpose" (improving the platform). */
const anonymousAnalytics = dataClaim('anonymous-data', { qualifier: 'anonymized', purpose: 'analytics' }, { line: 16 })

testCheck(vendorDataMismatch, {
  valid: [
    { name: 'what the list names', evidence: [dataFlow('user.device.ip_address', 'ip', 'posthog')], claims: [posthogList] },
    { name: 'a user id keys analytics events', evidence: [dataFlow('user.unique_id', 'user.id', 'posthog')], claims: [posthogList] },
    { name: 'no list for the vendor: nothing to hold it to', evidence: [dataFlow('user.contact.email', 'email', 'stripe')], claims: [posthogList] },
    { name: 'a log is not a vendor', evidence: [dataFlow('user.contact.email', 'email', undefined)], claims: [posthogList] },
    { name: 'an anonymous promise and data that identifies nobody', evidence: [dataFlow('user.device', 'userAgent', 'posthog')], claims: [anonymousAnalytics] },
    { name: 'an analytics promise does not bind a non-analytics vendor', evidence: [dataFlow('user.contact.email', 'email', 'stripe')], claims: [anonymousAnalytics] },
    { name: 'code that does not ship', evidence: [dataFlow('user.contact.email', 'email', 'posthog', 'x.test.ts', 1, { nonShipped: true })], claims: [posthogList] },
  ],
  invalid: [
    {
      name: 'an email to PostHog beyond its list', evidence: [dataFlow('user.contact.email', 'email', 'posthog', 'app/providers.tsx', 14, { from: 'user.email' })], claims: [posthogList],
      findings: ['error posthog'], locations: [['app/providers.tsx:14']], policyLine: 54,
      message: /^`email` \(email address, `user\.email`\) is sent to PostHog by `posthog\.identify` at app\/providers\.tsx:14, but PRIVACY\.md says PostHog receives page views, device and browser information, IP address/,
    },
    {
      name: 'a user id and an email to an analytics vendor under "anonymized" analytics',
      evidence: [dataFlow('user.unique_id', 'userId', 'segment', 'src/usage/track.ts', 8), dataFlow('user.contact.email', 'email', 'segment', 'src/usage/track.ts', 8)], claims: [anonymousAnalytics],
      findings: ['error segment', 'error segment'], locations: [['src/usage/track.ts:8'], ['src/usage/track.ts:8']], policyLine: 16, message: /calls the data used for analytics anonymized/,
    },
    { name: 'a name to Intercom where Intercom is promised only an email', evidence: [dataFlow('user.name', 'name', 'intercom')], claims: [dataClaim('vendor-data', { categories: ['user.contact.email'], phrases: ['email'] }, { vendor: 'intercom' })], findings: ['error intercom'], locations: [['src/app.ts:10']] },
  ],
})

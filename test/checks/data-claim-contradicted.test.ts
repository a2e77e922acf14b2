import { dataClaimContradicted } from '../../src/checks/data-claim-contradicted/index.js'
import { testCheck } from '../helpers/check-tester.js'
import { collected, dataClaim, dataFlow } from '../helpers/data-flows.js'

const neverSeeKeys = dataClaim('data-denial', { categories: ['user.authorization.credentials.private_key'], scope: 'receive' }, { polarity: 'deny', line: 3, quote: 'We never see private keys.' })
const noSharing = dataClaim('data-denial', { categories: ['user.contact.email'], scope: 'share' }, { polarity: 'deny', line: 9 })
const notStored = dataClaim('data-denial', { categories: ['user.authorization.credentials'], scope: 'store' }, { polarity: 'deny', line: 9 })
/** "We do not collect phone numbers": a denial of receiving them. */
const noPhones = dataClaim('data-denial', { categories: ['user.contact.phone_number'], scope: 'receive' }, { polarity: 'deny', line: 5, quote: 'We do not collect phone numbers.' })
const storedColumn = (category: string, name: string) => dataFlow(category, name, undefined, 'db/schema.ts', 4, { source: 'declared', sinkKind: 'storage', sink: 'users' })

testCheck(dataClaimContradicted, {
  valid: [
    { name: 'a public key is not a private key', evidence: [dataFlow('user.device', 'publicKey', undefined)], claims: [neverSeeKeys] },
    { name: 'not sharing an email, and logging it', evidence: [dataFlow('user.contact.email', 'email', undefined)], claims: [noSharing] },
    { name: 'a store denial waits for storage sinks', evidence: [dataFlow('user.authorization.credentials', 'credentials', undefined)], claims: [notStored] },
    { name: 'no denial', evidence: [dataFlow('user.authorization.credentials.private_key', 'privateKey', undefined)] },
    // a form that asks for credentials keeps a promise about where they are kept ("on your VM, not in our database")
    { name: 'a field a form asks for, against a store denial', evidence: [collected('user.authorization.credentials', 'credentials')], claims: [notStored] },
    { name: 'a field a form asks for, against a share denial', evidence: [collected('user.contact.email', 'email')], claims: [noSharing] },
    { name: 'a column a schema declares is no write, even against a receive denial', evidence: [storedColumn('user.contact.phone_number', 'phone')], claims: [noPhones] },
    { name: 'a form field of code that does not ship', evidence: [{ ...collected('user.contact.phone_number', 'phone'), nonShipped: true }], claims: [noPhones] },
  ],
  invalid: [
    {
      name: 'a private key logged, against "we never see private keys"', evidence: [dataFlow('user.authorization.credentials.private_key', 'privateKey', undefined, 'apps/api/src/keys.ts', 22)], claims: [neverSeeKeys],
      findings: ['error'], locations: [['apps/api/src/keys.ts:22']], policyLine: 3, message: /^`privateKey` \(private key\) reaches the log call `logger\.info` at apps\/api\/src\/keys\.ts:22, though PRIVACY\.md says the product never receives private keys\.$/,
    },
    {
      name: 'a form that asks for a phone number, against "we do not collect phone numbers"', evidence: [collected('user.contact.phone_number', 'phone', 'app/contact/page.tsx', 31, '<Input>')], claims: [noPhones],
      findings: ['error'], locations: [['app/contact/page.tsx:31']], policyLine: 5,
      message: /^`phone` \(phone number\) is asked for by `<Input>` at app\/contact\/page\.tsx:31, though PRIVACY\.md says the product never receives phone numbers\.$/,
    },
    { name: 'an email sent to a vendor, against "we do not share your email"', evidence: [dataFlow('user.contact.email', 'email', 'posthog')], claims: [noSharing], findings: ['error posthog'], locations: [['src/app.ts:10']], message: /is sent to PostHog by `posthog\.identify`/ },
  ],
})

import { dataClaimContradicted } from '../../src/checks/data-claim-contradicted/index.js'
import { testCheck } from '../helpers/check-tester.js'
import { dataClaim, dataFlow } from '../helpers/data-flows.js'

const neverSeeKeys = dataClaim('data-denial', { categories: ['user.authorization.credentials.private_key'], scope: 'receive' }, { polarity: 'deny', line: 3, quote: 'We never see private keys.' })
const noSharing = dataClaim('data-denial', { categories: ['user.contact.email'], scope: 'share' }, { polarity: 'deny', line: 9 })
const notStored = dataClaim('data-denial', { categories: ['user.authorization.credentials'], scope: 'store' }, { polarity: 'deny', line: 9 })

testCheck(dataClaimContradicted, {
  valid: [
    { name: 'a public key is not a private key', evidence: [dataFlow('user.device', 'publicKey', undefined)], claims: [neverSeeKeys] },
    { name: 'not sharing an email, and logging it', evidence: [dataFlow('user.contact.email', 'email', undefined)], claims: [noSharing] },
    { name: 'a store denial waits for storage sinks', evidence: [dataFlow('user.authorization.credentials', 'credentials', undefined)], claims: [notStored] },
    { name: 'no denial', evidence: [dataFlow('user.authorization.credentials.private_key', 'privateKey', undefined)] },
  ],
  invalid: [
    {
      name: 'a private key logged, against "we never see private keys"', evidence: [dataFlow('user.authorization.credentials.private_key', 'privateKey', undefined, 'apps/api/src/keys.ts', 22)], claims: [neverSeeKeys],
      findings: ['error'], locations: [['apps/api/src/keys.ts:22']], policyLine: 3, message: /^`privateKey` \(private key\) reaches the log call `logger\.info` at apps\/api\/src\/keys\.ts:22, though PRIVACY\.md says the product never receives private keys\.$/,
    },
    { name: 'an email sent to a vendor, against "we do not share your email"', evidence: [dataFlow('user.contact.email', 'email', 'posthog')], claims: [noSharing], findings: ['error posthog'], locations: [['src/app.ts:10']], message: /is sent to PostHog by `posthog\.identify`/ },
  ],
})

import { undeclaredDataCollection } from '../../src/checks/undeclared-data-collection/index.js'
import { testCheck } from '../helpers/check-tester.js'
import { collected, dataClaim, dataFlow } from '../helpers/data-flows.js'

/** jeanclaude's "Account data: your email and name" and isol8's list, as collection claims. */
const collects = dataClaim('collection', { categories: ['user.contact.email', 'user.name'] }, { line: 3 })
const stored = (category: string, name: string, line = 30) => dataFlow(category, name, undefined, 'api/users.ts', line, { sinkKind: 'storage', sink: 'db.insert(users).values' })

testCheck(undeclaredDataCollection, {
  valid: [
    { name: 'what the list names', evidence: [stored('user.contact.email', 'email')], claims: [collects] },
    { name: 'no collection list: nothing to hold the code to', evidence: [stored('user.contact.phone_number', 'phone')], claims: [] },
    { name: 'the account id is the account itself', evidence: [stored('user.unique_id', 'userId')], claims: [collects] },
    { name: 'a log is neither stored nor sent', evidence: [dataFlow('user.contact.phone_number', 'phone', undefined)], claims: [collects] },
    { name: 'what a vendor\'s own data list names', evidence: [dataFlow('user.device.ip_address', 'ip', 'posthog')], claims: [collects, dataClaim('vendor-data', { categories: ['user.device.ip_address'], phrases: ['IP address'] }, { vendor: 'posthog' })] },
    { name: 'device descriptions identify nobody', evidence: [dataFlow('user.device', 'userAgent', 'posthog')], claims: [collects] },
    { name: 'a form that asks for what the list names', evidence: [collected('user.contact.email', 'email')], claims: [collects] },
    { name: 'a password a sign-in form asks for identifies nobody and is no log\'s', evidence: [collected('user.authorization.password', 'password')], claims: [collects] },
  ],
  invalid: [
    {
      name: 'a phone number stored, twice, that the list omits: one finding for the category',
      evidence: [stored('user.contact.phone_number', 'phone', 30), stored('user.contact.phone_number', 'mobile', 41)], claims: [collects],
      findings: ['warning'], locations: [['api/users.ts:30', 'api/users.ts:41']], policyLine: 3,
      message: /^The code stores or sends phone number \(api\/users\.ts:30, api\/users\.ts:41\), which PRIVACY\.md's list of what it collects does not name/,
    },
    {
      name: 'a form that asks for a phone number, and a store of it, that the list omits',
      evidence: [collected('user.contact.phone_number', 'phone', 'app/signup/page.tsx', 12), stored('user.contact.phone_number', 'phone', 30)], claims: [collects],
      findings: ['warning'], locations: [['app/signup/page.tsx:12', 'api/users.ts:30']], policyLine: 3,
      message: /^The code asks for, stores or sends phone number \(app\/signup\/page\.tsx:12, api\/users\.ts:30\), which PRIVACY\.md's list of what it collects does not name/,
    },
    { name: 'an IP address sent to a vendor with no list of its own', evidence: [dataFlow('user.device.ip_address', 'ip', 'segment')], claims: [collects], findings: ['warning'], locations: [['src/app.ts:10']] },
  ],
})

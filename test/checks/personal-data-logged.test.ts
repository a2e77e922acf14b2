import { personalDataLogged } from '../../src/checks/personal-data-logged/index.js'
import { testCheck } from '../helpers/check-tester.js'
import { collected, dataClaim, dataFlow } from '../helpers/data-flows.js'

testCheck(personalDataLogged, {
  valid: [
    { name: 'an id logged is not personal data for this rule', evidence: [dataFlow('user.unique_id', 'userId', undefined)] },
    { name: 'a device description logged', evidence: [dataFlow('user.device', 'userAgent', undefined)] },
    { name: 'an email sent to a vendor is not a log', evidence: [dataFlow('user.contact.email', 'email', 'posthog')] },
    { name: 'an email a form asks for is not a log', evidence: [collected('user.contact.email', 'email')], claims: [dataClaim('logs', { level: 'none' }, { line: 6 })] },
    { name: 'a password logged is secret-logged\'s', evidence: [dataFlow('user.authorization.password', 'password', undefined)] },
    { name: 'code that does not ship', evidence: [dataFlow('user.contact.email', 'email', undefined, 'test/a.test.ts', 3, { nonShipped: true })] },
  ],
  invalid: [
    {
      name: 'an email logged, with no promise about logs', evidence: [dataFlow('user.contact.email', 'email', undefined, 'src/auth.ts', 12, { from: 'user.email' })],
      findings: ['warning'], locations: [['src/auth.ts:12']], message: /^`email` \(email address, `user\.email`\) reaches the log call `logger\.info` at src\/auth\.ts:12; log an id instead/,
    },
    {
      name: 'an IP address and an email logged against "minimal request and error logs"',
      evidence: [dataFlow('user.device.ip_address', 'ip', undefined, 'api/server.ts', 40), dataFlow('user.contact.email', 'email', undefined, 'api/server.ts', 41, { via: 'audit()' })],
      claims: [dataClaim('logs', { level: 'minimal' }, { line: 6 })],
      findings: ['error', 'error'], locations: [['api/server.ts:40'], ['api/server.ts:41']], policyLine: 6, message: /though PRIVACY\.md promises minimal logs/,
    },
    { name: 'content from another module', evidence: [dataFlow('user.content', 'prompt', undefined, 'a.ts', 2, { sourceFile: 'lib/chat.ts', sourceLine: 9 })], findings: ['warning'], locations: [['a.ts:2']], message: /`prompt` \(user content from lib\/chat\.ts:9\)/ },
  ],
})

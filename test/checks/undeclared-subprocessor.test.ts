import { undeclaredSubprocessor } from '../../src/checks/undeclared-subprocessor/index.js'
import { category, claim, ev, testCheck } from '../helpers/check-tester.js'

testCheck(undeclaredSubprocessor, {
  valid: [
    { name: 'a declared vendor', evidence: [ev('dependency', 'stripe', 'stripe', 'package.json', 5)], claims: [claim('stripe')] },
    { name: 'a vendor named only in passing still counts as disclosed', evidence: [ev('import', 'stripe', 'stripe')], claims: [claim('stripe', { strength: 'mentioned' })] },
    { name: 'a service covered by its declared platform (AWS covers Bedrock)', evidence: [ev('import', '@aws-sdk/client-bedrock-runtime', 'aws-bedrock')], claims: [claim('aws')] },
    { name: 'evidence in tests and build config does not ship', evidence: [ev('import', 'posthog-js', 'posthog', 'src/a.test.ts', 1, { nonShipped: true })] },
    { name: 'evidence without a vendor', evidence: [ev('import', 'react', undefined)] },
    { name: 'a vendor declared in .privaudit.yml', evidence: [ev('env', 'SENTRY_DSN', 'sentry', '.env.example')], config: { declared: [{ vendor: 'sentry', reason: 'DPA annex' }] } },
    { name: 'no policy and no declared list: nothing to compare with', evidence: [ev('dependency', 'stripe', 'stripe', 'package.json')], policy: null },
    { name: 'the AWS S3 SDK used as the client of an S3-compatible store (R2)', evidence: [ev('dependency', '@aws-sdk/client-s3', 'aws-s3', 'package.json'), ev('import', '@aws-sdk/client-s3', 'aws-s3', 'src/r2.ts'), ev('host', '*.r2.cloudflarestorage.com', 'cloudflare-r2', 'src/r2.ts', 5)], claims: [claim('cloudflare-r2')] },
    { name: 'generic platform signals (AWS_REGION) that belong to a declared service', evidence: [ev('env', 'AWS_REGION', 'aws', '.env'), ev('import', '@aws-sdk/client-bedrock-runtime', 'aws-bedrock')], claims: [claim('aws-bedrock')] },
  ],
  invalid: [
    { name: 'an undeclared vendor', evidence: [ev('dependency', 'posthog-js', 'posthog', 'apps/web/package.json', 12)], claims: [claim('stripe')], findings: ['error posthog'], locations: [['apps/web/package.json:12']], message: /PostHog .* is used through `posthog-js` in apps\/web\/package\.json:12, but PRIVACY\.md does not declare it/ },
    { name: 'one finding per vendor, however many usages', evidence: [ev('dependency', '@sentry/node', 'sentry', 'package.json', 3), ev('import', '@sentry/node', 'sentry', 'src/a.ts', 1), ev('import', '@sentry/node', 'sentry', 'src/b.ts', 9)], findings: ['error sentry'], locations: [['package.json:3', 'src/a.ts:1', 'src/b.ts:9']], message: /and 2 more place/ },
    { name: 'declaring one service does not cover another (Bedrock does not cover S3)', evidence: [ev('import', '@aws-sdk/client-s3', 'aws-s3'), ev('import', '@aws-sdk/client-bedrock-runtime', 'aws-bedrock')], claims: [claim('aws-bedrock')], findings: ['error aws-s3'], locations: [['src/index.ts:1']] },
    { name: 'a platform used directly is not covered by one of its services', evidence: [ev('dependency', 'aws-sdk', 'aws', 'package.json'), ev('import', '@aws-sdk/client-bedrock-runtime', 'aws-bedrock')], claims: [claim('aws-bedrock')], findings: ['error aws'], locations: [['package.json:1']] },
    { name: 'a vendor the policy denies using', evidence: [ev('script', 'widget.intercom.io', 'intercom')], claims: [claim('intercom', { polarity: 'deny', line: 7, quote: 'We do not use Intercom.' })], findings: ['error intercom'], locations: [['src/index.ts:1']], message: /says it is not used/, policyLine: 7 },
    { name: 'a vendor of a kind the policy denies ("no advertising pixels")', evidence: [ev('script', 'connect.facebook.net', 'meta-pixel', 'app/layout.tsx', 9)], claims: [category('ads', { polarity: 'deny', line: 11, quote: 'We do not use any advertising pixels.' })], findings: ['error meta-pixel'], locations: [['app/layout.tsx:9']], message: /says it is not used/, policyLine: 11 },
    { name: 'the S3 SDK is Amazon S3 when an amazonaws host shows it, even next to R2', evidence: [ev('import', '@aws-sdk/client-s3', 'aws-s3'), ev('host', 'my-bucket.s3.amazonaws.com', 'aws-s3', 'src/s3.ts', 3), ev('host', '*.r2.cloudflarestorage.com', 'cloudflare-r2', 'src/r2.ts', 5)], claims: [claim('cloudflare-r2')], findings: ['error aws-s3'], locations: [['src/index.ts:1', 'src/s3.ts:3']] },
    { name: 'a vague disclosure by category is a warning', evidence: [ev('env', 'SEGMENT_WRITE_KEY', 'segment', '.env')], claims: [category('analytics', { line: 4 })], findings: ['warning segment'], locations: [['.env:1']], message: /only by kind \(analytics\)/, policyLine: 4 },
    { name: 'hosting disclosed as "cloud provider" is vague for Fly.io', evidence: [ev('config', 'fly.toml', 'fly-io', 'fly.toml')], claims: [category('cloud')], findings: ['warning fly-io'], locations: [['fly.toml:1']] },
    { name: 'a vendor reached only through an env var', evidence: [ev('env', 'UPSTASH_REDIS_REST_URL', 'upstash', '.env.example', 2)], claims: [claim('stripe')], findings: ['error upstash'], locations: [['.env.example:2']] },
  ],
})

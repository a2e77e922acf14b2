import { chmodSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { collectWorkspace, InputError, isNonShipped, UnreadableFileError } from '../../src/collect/index.js'
import { detect } from '../../src/detect/index.js'
import { testCatalog } from '../helpers/catalog.js'
import { makeRepo } from '../helpers/tmp.js'

const options = { maxFileSize: 1024 * 1024, exclude: [] as string[] }
const POLICY = '# Privacy Policy\nWe collect personal data. Third parties process data. Your rights. Cookies.\n'

describe('collectWorkspace', () => {
  it('walks source, config and manifests, skipping dependency and build folders', () => {
    const root = makeRepo({
      'package.json': '{ "name": "app", "dependencies": { "stripe": "^14.0.0" } }',
      'src/index.ts': 'export {}',
      'src/page.tsx': 'export {}',
      '.env.example': 'STRIPE_SECRET_KEY=',
      'fly.toml': 'app = "x"',
      'node_modules/stripe/index.js': 'module.exports = {}',
      'dist/index.js': 'x',
      '.next/server/page.js': 'x',
      'coverage/lcov.js': 'x',
      'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
    })
    const ws = collectWorkspace(root, options)
    expect(ws.sourceFiles.map((f) => f.path)).toEqual(['src/index.ts', 'src/page.tsx'])
    expect(ws.configFiles.map((f) => f.path)).toEqual(['.env.example', 'fly.toml'])
    expect(ws.manifests.map((m) => m.path)).toEqual(['package.json'])
  })

  it('honours nested .gitignore files and config excludes', () => {
    const root = makeRepo({
      '.gitignore': 'generated/\n*.local.ts\n',
      'apps/web/.gitignore': '.env.local\n/tmp\n',
      'apps/web/.env.local': 'MIXPANEL_TOKEN=abc',
      'apps/web/.env.example': 'MIXPANEL_TOKEN=',
      'apps/web/tmp/x.ts': 'x',
      'apps/web/src/tmp/y.ts': 'y',
      'generated/client.ts': 'x',
      'src/a.local.ts': 'x',
      'src/b.ts': 'x',
      'legacy/old.ts': 'x',
    })
    const ws = collectWorkspace(root, { ...options, exclude: ['legacy/'] })
    expect(ws.sourceFiles.map((f) => f.path)).toEqual(['apps/web/src/tmp/y.ts', 'src/b.ts'])
    expect(ws.configFiles.map((f) => f.path)).toEqual(['apps/web/.env.example'])
  })

  it('lists binary, huge and minified files as skipped with their reason', () => {
    const root = makeRepo({
      'src/ok.ts': 'export const a = 1',
      'src/binary.ts': Buffer.from([0x00, 0x01, 0x02, 0x03]),
      'src/huge.ts': 'x'.repeat(2048),
      'public/vendor.min.js': 'var a=1',
      'docs/notes.md': Buffer.from([0x00, 0x01]),
      'docs/big.md': 'y'.repeat(2048),
    })
    const ws = collectWorkspace(root, { ...options, maxFileSize: 1024 })
    // files read by no one but the walk's own checks are checked by it
    expect(ws.skipped).toEqual([
      { file: 'docs/big.md', reason: 'larger than 1 KB (2 KB)' },
      { file: 'docs/notes.md', reason: 'binary file' },
      { file: 'public/vendor.min.js', reason: 'minified or generated file' },
    ])
    // code is read whole anyway: listed unopened, it gets the same checks, with the same reasons, when read
    expect(ws.sourceFiles.map((f) => f.path)).toEqual(['src/binary.ts', 'src/huge.ts', 'src/ok.ts'])
    expect(() => ws.read('src/binary.ts')).toThrow(new UnreadableFileError('binary file'))
    expect(() => ws.read('src/huge.ts')).toThrow(new UnreadableFileError('larger than 1 KB (2 KB)'))
    expect(ws.read('src/ok.ts')).toBe('export const a = 1')
  })

  it('skips binary and huge code files in the scan, with their reason, and analyses the rest', () => {
    const root = makeRepo({
      'src/ok.ts': `import posthog from 'posthog-js'\n`,
      'src/binary.ts': Buffer.from([0x00, 0x01, 0x02, 0x03]),
      'src/huge.ts': 'x'.repeat(2048),
    })
    const ws = collectWorkspace(root, { ...options, maxFileSize: 1024 })
    const result = detect(ws, testCatalog())
    expect(result.skipped).toEqual([
      { file: 'src/binary.ts', reason: 'binary file' },
      { file: 'src/huge.ts', reason: 'larger than 1 KB (2 KB)' },
    ])
    expect(result.evidence.map((e) => `${e.location.file} ${e.kind} ${e.value}`)).toContain('src/ok.ts import posthog-js')
  })

  it('never follows a symlink out of the root, and survives a symlink loop', () => {
    const outside = makeRepo({ 'leak.ts': 'x' })
    const root = makeRepo({
      'src/a.ts': 'x',
      'src/escape': { symlink: outside },
      'src/escape-file.ts': { symlink: '/etc/hostname' },
      'src/loop': { symlink: '..' },
      'src/alias.ts': { symlink: 'a.ts' },
    })
    const ws = collectWorkspace(root, options)
    expect(ws.sourceFiles.map((f) => f.path)).toEqual(['src/a.ts', 'src/alias.ts'])
    expect(ws.skipped).toEqual(expect.arrayContaining([
      { file: 'src/escape', reason: 'symlink points outside the scanned root' },
      { file: 'src/escape-file.ts', reason: 'symlink points outside the scanned root' },
      { file: 'src/loop', reason: 'symlink loop' },
    ]))
  })

  // as root every file is readable: test/e2e/robustness.test.ts runs the CLI as an unprivileged user instead
  it.skipIf(process.getuid?.() === 0)('an unreadable file is skipped, by the walk or when read', () => {
    const root = makeRepo({ 'src/secret.ts': 'x', 'docs/notes.md': 'y' })
    chmodSync(path.join(root, 'src/secret.ts'), 0)
    chmodSync(path.join(root, 'docs/notes.md'), 0)
    const ws = collectWorkspace(root, options)
    expect(ws.skipped).toEqual([{ file: 'docs/notes.md', reason: 'unreadable (EACCES)' }])
    expect(() => ws.read('src/secret.ts')).toThrow(new UnreadableFileError('unreadable (EACCES)'))
  })

  it('reads workspaces, dependency lines and lockfile versions; malformed files are problems, not crashes', () => {
    const root = makeRepo({
      'package.json': '{\n  "name": "mono",\n  "private": true,\n  "workspaces": ["apps/*"]\n}\n',
      'apps/web/package.json': '{\n  "name": "web",\n  "dependencies": {\n    "posthog-js": "^1.100.0",\n    "react": "^18.0.0"\n  },\n  "devDependencies": {\n    "vitest": "^1.0.0"\n  }\n}\n',
      'apps/broken/package.json': '{ "name": ',
      'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/posthog-js': { version: '1.130.2' } } }),
      'pnpm-workspace.yaml': 'packages:\n  - "packages/*"\n',
    })
    const ws = collectWorkspace(root, options)
    expect(ws.workspaceGlobs).toEqual(['apps/*', 'packages/*'])
    const web = ws.manifests.find((m) => m.path === 'apps/web/package.json')!
    expect(web.dependencies).toEqual([
      { name: 'posthog-js', range: '^1.100.0', kind: 'dependencies', line: 4, resolved: '1.130.2' },
      { name: 'react', range: '^18.0.0', kind: 'dependencies', line: 5 },
      { name: 'vitest', range: '^1.0.0', kind: 'devDependencies', line: 8 },
    ])
    expect(ws.manifests.find((m) => m.path === 'package.json')!.isWorkspaceRoot).toBe(true)
    expect(ws.problems).toEqual([{ file: 'apps/broken/package.json', reason: expect.stringMatching(/^malformed package.json: /) }])
  })

  it('finds the policy without --policy, preferring a root PRIVACY.md, and marks a TSX policy page for markup-only detection', () => {
    const root = makeRepo({
      'PRIVACY.md': POLICY,
      'docs/privacy.md': POLICY,
      'app/privacy/page.tsx': `export default function Page() { return <p>${POLICY}</p> }`,
      'src/components/PrivacyLink.tsx': 'export const PrivacyLink = () => <a href="/privacy">Privacy</a>',
      'test/fixtures/privacy.md': POLICY,
    })
    expect(collectWorkspace(root, options).policy).toMatchObject({ path: 'PRIVACY.md', source: 'discovered' })
    const nextApp = makeRepo({ 'app/privacy/page.tsx': `export default function Page() { return <p>${POLICY}</p> }`, 'app/page.tsx': 'x', 'src/components/PrivacyLink.tsx': 'export const PrivacyLink = () => <a href="/privacy">Privacy</a>' })
    const ws = collectWorkspace(nextApp, options)
    expect(ws.policy).toMatchObject({ path: 'app/privacy/page.tsx' })
    expect(ws.sourceFiles.map((f) => `${f.path}${f.isPolicy ? ' (policy)' : ''}`)).toEqual(['app/page.tsx', 'app/privacy/page.tsx (policy)', 'src/components/PrivacyLink.tsx'])
    expect(collectWorkspace(makeRepo({ 'src/a.ts': 'x' }), options).policy).toBeNull()
    // test data is not the product's policy, even when it is the only one
    expect(collectWorkspace(makeRepo({ 'fixtures/shop/PRIVACY.md': POLICY, 'test/policy/privacy.md': POLICY, 'src/a.ts': 'x' }), options).policy).toBeNull()
  })

  it('rejects a missing root or policy with an InputError', () => {
    expect(() => collectWorkspace('/nonexistent/privaudit', options)).toThrow(InputError)
    const root = makeRepo({ 'src/a.ts': 'x' })
    expect(() => collectWorkspace(root, { ...options, policy: path.join(root, 'nope.md') })).toThrow(/policy file not found/)
  })

  it('strips a BOM and rejects invalid UTF-8 at read time', () => {
    const root = makeRepo({ 'src/bom.ts': '\ufeffexport const a = 1', 'src/latin1.ts': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]) })
    const ws = collectWorkspace(root, options)
    expect(ws.read('src/bom.ts')).toBe('export const a = 1')
    expect(() => ws.read('src/latin1.ts')).toThrow('not valid UTF-8 text')
  })
})

describe('isNonShipped', () => {
  it.each([
    ['src/__tests__/a.ts', true], ['test/e2e.ts', true], ['src/a.test.ts', true], ['src/a.spec.tsx', true],
    ['vitest.config.ts', true], ['e2e/login.ts', true], ['.env.test', true], ['src/stories/Button.stories.tsx', true],
    ['src/index.ts', false], ['sentry.client.config.ts', false], ['next.config.js', false], ['src/testing-utils.ts', false], ['.env.production', false],
  ])('%s → %s', (file, expected) => {
    expect(isNonShipped(file)).toBe(expected)
  })
})

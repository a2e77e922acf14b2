// Where an import leads, by the scanned repo's own configuration: tsconfig paths and baseUrl along `extends`,
// package.json `imports`, workspace packages by name, framework aliases; and what no configuration maps leads nowhere.
import { describe, expect, it } from 'vitest'
import { collectWorkspace } from '../../src/collect/index.js'
import { ModuleResolver, RepoSpecifiers } from '../../src/detect/modules.js'
import { makeRepo, type Tree } from '../helpers/tmp.js'

const json = (value: unknown) => JSON.stringify(value, null, 2)

/** A resolver over a real repo on disk, collected as a scan collects it; every source file is a possible target. */
function resolverOf(tree: Tree): ModuleResolver {
  const workspace = collectWorkspace(makeRepo(tree), { maxFileSize: 1_000_000, exclude: [] })
  return new ModuleResolver(workspace, new Set(workspace.sourceFiles.map((f) => f.path)))
}

describe('module resolution', () => {
  it('follows relative paths, a .js specifier naming a .ts file, and folder indexes', () => {
    const r = resolverOf({ 'src/a.ts': '', 'src/lib/b.ts': '', 'src/lib/c/index.tsx': '', 'src/d.mjs': '' })
    expect(r.resolve('src/a.ts', './lib/b')).toBe('src/lib/b.ts')
    expect(r.resolve('src/a.ts', './lib/b.js')).toBe('src/lib/b.ts')
    expect(r.resolve('src/lib/b.ts', '../a')).toBe('src/a.ts')
    expect(r.resolve('src/a.ts', './lib/c')).toBe('src/lib/c/index.tsx')
    expect(r.resolve('src/a.ts', './d.mjs')).toBe('src/d.mjs')
    expect(r.resolve('src/a.ts', './missing')).toBeUndefined()
  })

  it('maps tsconfig paths of the nearest config, with comments, trailing commas and an extended base in another folder', () => {
    const r = resolverOf({
      'tsconfig.base.json': '{\n  // shared\n  "compilerOptions": { "paths": { "@acme/util/*": ["./packages/util/src/*"], }, },\n}\n',
      'apps/web/tsconfig.json': json({ extends: '../../tsconfig.base.json', compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'] } } }),
      'apps/web/src/app/page.tsx': '', 'apps/web/src/lib/log.ts': '', 'packages/util/src/crypto.ts': '',
      'apps/api/tsconfig.json': json({ extends: '../../tsconfig.base.json' }), 'apps/api/src/index.ts': '',
    })
    expect(r.resolve('apps/web/src/app/page.tsx', '@/lib/log')).toBe('apps/web/src/lib/log.ts')
    // a config's own paths replace the base's: apps/web maps only @/*, relative to its baseUrl
    expect(r.resolve('apps/web/src/app/page.tsx', '@acme/util/crypto')).toBeUndefined()
    // paths set in the base are relative to the base
    expect(r.resolve('apps/api/src/index.ts', '@acme/util/crypto')).toBe('packages/util/src/crypto.ts')
    // baseUrl alone maps bare specifiers to files under it
    expect(r.resolve('apps/web/src/app/page.tsx', 'src/lib/log')).toBe('apps/web/src/lib/log.ts')
  })

  it('does not guess: @/ without a config that maps it, or a registry package, leads nowhere', () => {
    const r = resolverOf({ 'src/a.ts': '', 'src/lib/log.ts': '', 'lib/log.ts': '', 'package.json': json({ name: 'app', dependencies: { react: '18' } }) })
    expect(r.resolve('src/a.ts', '@/lib/log')).toBeUndefined()
    expect(r.resolve('src/a.ts', '~/lib/log')).toBeUndefined()
    expect(r.resolve('src/a.ts', 'react')).toBeUndefined()
  })

  it('resolves workspace packages by name through exports (conditions, patterns, dist mapped to src), main and index', () => {
    const r = resolverOf({
      'package.json': json({ name: 'root', private: true, workspaces: ['packages/*', 'apps/*'] }),
      'packages/db/package.json': json({ name: '@acme/db', exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' }, './schema/*': './src/schema/*.ts' } }),
      'packages/db/src/index.ts': '', 'packages/db/src/schema/users.ts': '',
      'packages/log/package.json': json({ name: '@acme/log', main: 'src/logger.ts' }), 'packages/log/src/logger.ts': '',
      'packages/plain/package.json': json({ name: 'plain' }), 'packages/plain/index.js': '',
      'apps/web/src/page.tsx': '',
    })
    const from = 'apps/web/src/page.tsx'
    expect(r.resolve(from, '@acme/db')).toBe('packages/db/src/index.ts')
    expect(r.resolve(from, '@acme/db/schema/users')).toBe('packages/db/src/schema/users.ts')
    // exports close a package: a subpath it does not export is not reachable
    expect(r.resolve(from, '@acme/db/src/index')).toBeUndefined()
    expect(r.resolve(from, '@acme/log')).toBe('packages/log/src/logger.ts')
    expect(r.resolve(from, 'plain')).toBe('packages/plain/index.js')
  })

  it('resolves package.json imports (#…) of the importing file\'s package', () => {
    const r = resolverOf({
      'package.json': json({ name: 'app', imports: { '#lib/*': './src/lib/*.ts', '#config': { node: './src/config.ts', default: './src/config.browser.ts' } } }),
      'src/lib/log.ts': '', 'src/config.ts': '', 'src/index.ts': '',
    })
    expect(r.resolve('src/index.ts', '#lib/log')).toBe('src/lib/log.ts')
    expect(r.resolve('src/index.ts', '#config')).toBe('src/config.ts')
    expect(r.resolve('src/index.ts', '#missing')).toBeUndefined()
  })

  it('knows the aliases Nuxt and SvelteKit generate at build, which a checkout lacks', () => {
    const nuxt = resolverOf({
      'package.json': json({ name: 'site', dependencies: { nuxt: '^3' } }), 'tsconfig.json': json({ extends: './.nuxt/tsconfig.json' }),
      'composables/useLog.ts': '', 'pages/index.vue': '', 'server/api/x.ts': '',
    })
    expect(nuxt.resolve('server/api/x.ts', '~/composables/useLog')).toBe('composables/useLog.ts')
    expect(nuxt.resolve('server/api/x.ts', '@/composables/useLog')).toBe('composables/useLog.ts')
    const kit = resolverOf({ 'package.json': json({ name: 'kit', devDependencies: { '@sveltejs/kit': '^2' } }), 'src/lib/server/log.ts': '', 'src/routes/+page.server.ts': '' })
    expect(kit.resolve('src/routes/+page.server.ts', '$lib/server/log')).toBe('src/lib/server/log.ts')
    // without the framework, the same alias means nothing
    const plain = resolverOf({ 'package.json': json({ name: 'x' }), 'src/lib/server/log.ts': '', 'src/routes/a.ts': '' })
    expect(plain.resolve('src/routes/a.ts', '$lib/server/log')).toBeUndefined()
  })

  it('lists a malformed tsconfig as a problem and resolves the rest', () => {
    const root = makeRepo({ 'tsconfig.json': '{ "compilerOptions": { "paths": ', 'src/a.ts': '', 'src/b.ts': '' })
    const workspace = collectWorkspace(root, { maxFileSize: 1_000_000, exclude: [] })
    expect(workspace.problems).toEqual([expect.objectContaining({ file: 'tsconfig.json', reason: expect.stringMatching(/^malformed tsconfig/) })])
    expect(new ModuleResolver(workspace, new Set(['src/a.ts', 'src/b.ts'])).resolve('src/a.ts', './b')).toBe('src/b.ts')
  })
})

describe('specifiers that may lead into the repo, known before the walk', () => {
  const repo: Tree = {
    'package.json': json({ name: 'mono', workspaces: ['packages/*'] }),
    'packages/db/package.json': json({ name: '@acme/db', main: './src/index.ts' }),
    'packages/db/src/index.ts': 'export const x = 1',
    'apps/web/package.json': json({ name: 'web', dependencies: { nuxt: '^3.0.0' } }),
    'apps/web/tsconfig.json': json({ compilerOptions: { paths: { '@/*': ['./src/*'], 'env': ['./src/env.ts'], '@lib/*': ['./lib/*'] } } }),
    'apps/web/src/env.ts': '',
  }
  const collect = (tree: Tree) => collectWorkspace(makeRepo(tree), { maxFileSize: 1_000_000, exclude: [] })

  it('counts what the resolver may follow and leaves registry packages out', () => {
    const s = new RepoSpecifiers(collect(repo))
    for (const spec of ['./a', '../b', '.', '#lib/x', '@acme/db', '@acme/db/schema', 'web', '@/lib/x', '@lib/y', 'env', '~/utils', '~~/server', '$lib/db']) expect(s.mayResolve(spec), spec).toBe(true)
    // a registry package, a scope the repo does not own, an absolute path, a name that only starts like a package
    // `env` maps only itself, `@lib/*` only below `@lib/`
    for (const spec of ['react', 'next/server', '@acme/ui', '@sentry/nextjs', '/abs/x', 'webpack', 'mono-utils', 'envalid', 'env/x', '@libsql/client']) expect(s.mayResolve(spec), spec).toBe(false)
  })

  it('a baseUrl lets any bare specifier lead into the repo, and a paths key of "*" too', () => {
    const withBase = collect({ ...repo, 'tsconfig.json': json({ compilerOptions: { baseUrl: '.' } }) })
    expect(new RepoSpecifiers(withBase).mayResolve('react')).toBe(true)
    const star = collect({ ...repo, 'tsconfig.json': json({ compilerOptions: { paths: { '*': ['./types/*'] } } }) })
    expect(new RepoSpecifiers(star).mayResolve('react')).toBe(true)
  })

  it('its fingerprint (part of the per-file cache key) changes with what it depends on, and only with that', () => {
    const fingerprint = (tree: Tree) => new RepoSpecifiers(collect(tree)).fingerprint
    const base = fingerprint(repo)
    expect(fingerprint({ ...repo, 'apps/web/src/other.ts': 'export {}' })).toBe(base)
    expect(fingerprint({ ...repo, 'packages/auth/package.json': json({ name: '@acme/auth' }) })).not.toBe(base)
    expect(fingerprint({ ...repo, 'apps/web/tsconfig.json': json({ compilerOptions: { paths: { '#/*': ['./src/*'] } } }) })).not.toBe(base)
    expect(fingerprint({ ...repo, 'tsconfig.json': json({ compilerOptions: { baseUrl: '.' } }) })).not.toBe(base)
  })
})

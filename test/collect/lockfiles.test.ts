import { describe, expect, it } from 'vitest'
import { parseLockfile } from '../../src/collect/manifests.js'

const versions = (file: string, text: string) => Object.fromEntries([...parseLockfile(file, text)].map(([dir, m]) => [dir, Object.fromEntries(m)]))

describe('pnpm lockfiles', () => {
  it('reads the importers of a workspace lockfile, and only them (packages and snapshots are not parsed)', () => {
    const text = [
      "lockfileVersion: '9.0'",
      '',
      'settings:',
      '  autoInstallPeers: true',
      '',
      'importers:',
      '',
      '  .:',
      '    devDependencies:',
      '      turbo:',
      '        specifier: ^2.0.0',
      '        version: 2.1.3',
      '',
      '  apps/web:',
      '    dependencies:',
      '      posthog-js:',
      '        specifier: ^1.100.0',
      '        version: 1.130.2(react@18.3.1)',
      '',
      'packages:',
      '',
      // not YAML a parser accepts: were this section parsed, the lockfile would be a problem
      "  '@acme/broken@1.0.0': [unclosed",
      '',
      'snapshots:',
      '  posthog-js@1.130.2: {}',
    ].join('\n')
    expect(versions('pnpm-lock.yaml', text)).toEqual({ '': { turbo: '2.1.3' }, 'apps/web': { 'posthog-js': '1.130.2' } })
  })

  it('reads a single project lockfile (v5: dependency lists at the top), in a subfolder, with CRLF line ends', () => {
    const text = ['lockfileVersion: 5.4', '', 'specifiers:', '  stripe: ^14.0.0', '', 'dependencies:', '  stripe: 14.2.0', '', 'packages:', '  /stripe/14.2.0: {}'].join('\r\n')
    expect(versions('apps/api/pnpm-lock.yaml', text)).toEqual({ 'apps/api': { stripe: '14.2.0' } })
  })

  it('reads the project of a lockfile in two documents (pnpm 11: an environment lockfile first, then the project)', () => {
    const text = [
      '---', "lockfileVersion: '9.0'", 'importers:', '  .:', '    configDependencies:', '      pnpm-plugin: 1.0.0',
      '---', "lockfileVersion: '9.0'", 'importers:', '  .:', '    dependencies:', '      stripe:', '        specifier: ^14.0.0', '        version: 14.2.0',
    ].join('\n')
    expect(versions('pnpm-lock.yaml', text)).toEqual({ '': { stripe: '14.2.0' } })
  })

  it('a lockfile without any section it needs resolves nothing; one that is not YAML at all is an error', () => {
    expect(versions('pnpm-lock.yaml', "lockfileVersion: '9.0'\n\npackages: {}\n")).toEqual({})
    expect(() => parseLockfile('pnpm-lock.yaml', '  - [unclosed\n')).toThrow()
    expect(() => parseLockfile('pnpm-lock.yaml', 'importers:\n  .: [unclosed\n')).toThrow()
  })
})

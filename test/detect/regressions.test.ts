// Cases found on repos the suite had never seen (QA holdout), against the real catalog.
import { describe, expect, it } from 'vitest'
import { loadCatalog } from '../../src/catalog/index.js'
import { detect } from '../../src/detect/index.js'
import type { SourceFile, Workspace } from '../../src/types/index.js'

const catalog = loadCatalog()

function evidenceOf(file: string, text: string, kind: 'source' | 'config' = 'source', extra: Partial<SourceFile> = {}): string[] {
  const entry: SourceFile = { path: file, nonShipped: false, ...extra }
  const ws: Workspace = {
    root: '/', sourceFiles: kind === 'source' ? [entry] : [], configFiles: kind === 'config' ? [entry] : [], manifests: [], workspaceGlobs: [],
    lockfiles: [], policy: null, problems: [], skipped: [], read: () => text,
  } as Workspace
  return detect(ws, catalog).evidence.filter((e) => e.vendor).map((e) => `${e.location.line} ${e.kind}:${e.vendor} ${e.value}`)
}

describe('hosts: links a person follows are not calls', () => {
  it('ignores social profile links in data and window.open share URLs', () => {
    const text = [
      "export const socials = [{ label: 'LinkedIn', profileUrl: 'https://www.linkedin.com/company/acme' }, { label: 'Facebook', to: 'https://www.facebook.com/acme' }]",
      "export const share = (u: string) => window.open(`https://www.linkedin.com/sharing/share-offsite/?url=${u}`)",
      "export const open2 = () => open('https://twitter.com/intent/tweet')",
    ].join('\n')
    expect(evidenceOf('src/Footer.tsx', text)).toEqual([])
  })
  it('does not take a website apex or www. host from third-party-web for a tracker', () => {
    expect(catalog.matchHost('www.linkedin.com')).toBeUndefined()
    expect(catalog.matchHost('www.facebook.com')).toBeUndefined()
    expect(catalog.matchHost('connect.facebook.net')?.vendor.id).toBeDefined()
  })
})

describe('hosts: loads', () => {
  it('reads a protocol-relative JSX script src', () => {
    expect(evidenceOf('app/root.tsx', 'export const S = () => <script async src="//js-eu1.hs-scripts.com/144562033.js" />')).toEqual(['1 script:hubspot js-eu1.hs-scripts.com'])
  })
  it('reports a template substitution in a host as *', () => {
    expect(evidenceOf('lib/r2.ts', 'export const endpoint = `https://${accountId}.r2.cloudflarestorage.com`')).toEqual(['1 host:cloudflare-r2 *.r2.cloudflarestorage.com'])
  })
  it('reads <script src> of server templates without parsing their template syntax', () => {
    const ejs = '<footer>\n<% if (user) { %>\n<script src="https://client.crisp.chat/l.js" async></script>\n<% } %>\n</footer>\n'
    expect(evidenceOf('views/partials/footer.ejs', ejs)).toEqual(['3 script:crisp client.crisp.chat'])
  })
  it('on the policy page, reads what it loads but not the vendors it names or links', () => {
    const page = [
      "export default function Privacy() {",
      "  return <main><p>We use <a href=\"https://stripe.com/privacy\">Stripe</a>. Data goes to {'https://api.segment.io'}.</p>",
      "  <script src=\"https://client.crisp.chat/l.js\" /></main>",
      "}",
    ].join('\n')
    expect(evidenceOf('app/privacy/page.tsx', page, 'source', { isPolicy: true })).toEqual(['3 script:crisp client.crisp.chat'])
  })
})

describe('config: env names', () => {
  it('reads Dockerfile ENV continuation lines, and not RUN continuations', () => {
    const dockerfile = 'FROM node:20\nENV NODE_ENV=production \\\n    DD_API_KEY=x \\\n    SENTRY_DSN=y\nRUN apt-get update && \\\n    STRIPE_CLI=1 apt-get install -y curl\n'
    expect(evidenceOf('Dockerfile', dockerfile, 'config')).toEqual(['3 env:datadog DD_API_KEY', '4 env:sentry SENTRY_DSN'])
  })
  it('reads render.yaml envVars keys', () => {
    const render = 'services:\n  - type: web\n    envVars:\n      - key: POSTHOG_API_KEY\n        sync: false\n      - key: PORT\n        value: 3000\n'
    expect(evidenceOf('render.yaml', render, 'config')).toEqual(expect.arrayContaining(['4 env:posthog POSTHOG_API_KEY']))
  })
})

describe('catalog URL rules and deploy packages', () => {
  it('gtag.js is Google Analytics even though Google Tag Manager owns the host', () => {
    expect(evidenceOf('app/layout.tsx', 'export const S = () => <script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123" />')).toEqual(['1 script:google-analytics www.googletagmanager.com'])
    expect(evidenceOf('app/layout.tsx', 'export const S = () => <script async src="https://www.googletagmanager.com/gtm.js?id=GTM-1" />')).toEqual(['1 script:google-tag-manager www.googletagmanager.com'])
  })
  it('a deploy adapter in devDependencies shows where the product deploys; other devDependencies do not', () => {
    const ws = {
      root: '/', sourceFiles: [], configFiles: [], workspaceGlobs: [], lockfiles: [], policy: null, problems: [], skipped: [], read: () => '',
      manifests: [{ path: 'package.json', private: true, isWorkspaceRoot: false, dependencies: [
        { name: '@sveltejs/adapter-vercel', range: '^5', kind: 'devDependencies', line: 7 },
        { name: '@sentry/cli', range: '^2', kind: 'devDependencies', line: 8 },
        { name: 'posthog-js', range: '^1', kind: 'devDependencies', line: 9 },
      ] }],
    } as unknown as Workspace
    expect(detect(ws, catalog).evidence.map((e) => `${e.location.line} ${e.kind}:${e.vendor}`)).toEqual(['7 dependency:vercel'])
  })
})

describe('stylesheets are loads', () => {
  it('reads <link rel="stylesheet" href> in markup and JSX, and leaves anchors and icons alone', () => {
    const html = '<head>\n<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">\n<link rel="icon" href="https://fonts.googleapis.com/favicon.ico">\n</head>\n'
    expect(evidenceOf('src/app.html', html)).toEqual(['2 script:google-fonts fonts.googleapis.com'])
    const tsx = 'export const H = () => <>\n<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter" />\n<a href="https://fonts.googleapis.com">fonts</a>\n</>'
    expect(evidenceOf('app/head.tsx', tsx)).toEqual(['2 script:google-fonts fonts.googleapis.com'])
  })
})

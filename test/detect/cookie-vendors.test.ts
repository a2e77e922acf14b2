// What the cookies detector knows of vendors comes from the catalog: page-snippet globals, framework components and the
// SDK options that keep an SDK off cookies, each the vendor's own (another vendor's option changes nothing).
import { describe, expect, it } from 'vitest'
import { Catalog, loadCatalog, normalizeVendor, type VendorInput } from '../../src/catalog/index.js'
import { detect } from '../../src/detect/index.js'
import type { Workspace } from '../../src/types/index.js'

const catalog = loadCatalog()

/** The vendor-init evidence of one file: `line cookie-init:vendor`, `-off` when its options keep it off cookies. */
function initsOf(file: string, text: string, within: Catalog = catalog): string[] {
  const ws = {
    root: '/', sourceFiles: [{ path: file, nonShipped: false }], configFiles: [], manifests: [], workspaceGlobs: [],
    lockfiles: [], policy: null, problems: [], skipped: [], read: () => text,
  } as Workspace
  return detect(ws, within).evidence.filter((e) => e.kind === 'cookie' && (e.data as { role: string }).role === 'vendor-init').map((e) => {
    const data = e.data as { vendor: string; cookies: boolean; package?: string; setting?: string }
    return `${e.location.line} cookie-init${data.cookies ? '' : '-off'}:${data.vendor}${data.package ? ` ${data.package}` : ''}${data.setting ? ` [${data.setting}]` : ''}`
  })
}

describe("an SDK's own cookieless options", () => {
  it.each<[string, string, string[]]>([
    ['PostHog in memory', "import posthog from 'posthog-js'\nposthog.init('k', { persistence: 'memory' })", ["2 cookie-init-off:posthog posthog-js [persistence: 'memory']"]],
    ['PostHog in localStorage, any case', "import posthog from 'posthog-js'\nposthog.init('k', { persistence: 'LocalStorage' })", ["2 cookie-init-off:posthog posthog-js [persistence: 'LocalStorage']"]],
    ['PostHog cookieless always', "import posthog from 'posthog-js'\nposthog.init('k', { cookieless_mode: 'always' })", ["2 cookie-init-off:posthog posthog-js [cookieless_mode: 'always']"]],
    ['PostHog, through a constant and nested', "import { PostHogProvider } from 'posthog-js/react'\nconst options = { api_host: '/ingest', disable_persistence: true }\nexport const P = () => <PostHogProvider apiKey='k' options={options} />", ['3 cookie-init-off:posthog posthog-js [disable_persistence: true]']],
    ['Mixpanel in localStorage', "import mixpanel from 'mixpanel-browser'\nmixpanel.init('t', { persistence: 'localStorage' })", ["2 cookie-init-off:mixpanel mixpanel-browser [persistence: 'localStorage']"]],
    ['Amplitude with no identity storage', "import * as amplitude from '@amplitude/analytics-browser'\namplitude.init('k', { identityStorage: 'none' })", ["2 cookie-init-off:amplitude @amplitude/analytics-browser [identityStorage: 'none']"]],
    ['Amplitude without cookies', "import * as amplitude from '@amplitude/analytics-browser'\namplitude.init('k', undefined, { disableCookies: true })", ['2 cookie-init-off:amplitude @amplitude/analytics-browser [disableCookies: true]']],
    ['Segment in localStorage and memory', "import { AnalyticsBrowser } from '@segment/analytics-next'\nAnalyticsBrowser.load({ writeKey: 'w' }, { storage: { stores: ['localStorage', 'memory'] } })",
      ["2 cookie-init-off:segment @segment/analytics-next [storage: { stores: ['localStorage', 'memory'] }]"]],
    ['Google Analytics 4 through react-ga4', "import ReactGA from 'react-ga4'\nReactGA.initialize('G-1', { gtagOptions: { client_storage: 'none' } })", ["2 cookie-init-off:google-analytics react-ga4 [client_storage: 'none']"]],
    ['Segment without client persistence', "import { AnalyticsBrowser } from '@segment/analytics-next'\nAnalyticsBrowser.load({ writeKey: 'w' }, { disableClientPersistence: true })", ['2 cookie-init-off:segment @segment/analytics-next [disableClientPersistence: true]']],
  ])('%s', (_name, text, expected) => {
    expect(initsOf('app/analytics.tsx', text)).toEqual(expected)
  })

  it.each<[string, string, string[]]>([
    ["PostHog's cookie persistence", "import posthog from 'posthog-js'\nposthog.init('k', { persistence: 'localStorage+cookie' })", ['2 cookie-init:posthog posthog-js']],
    ['PostHog cookieless only on rejection', "import posthog from 'posthog-js'\nposthog.init('k', { cookieless_mode: 'on_reject' })", ['2 cookie-init:posthog posthog-js']],
    ['PostHog persistence kept', "import posthog from 'posthog-js'\nposthog.init('k', { disable_persistence: false })", ['2 cookie-init:posthog posthog-js']],
    ["Amplitude's option given to PostHog", "import posthog from 'posthog-js'\nposthog.init('k', { identityStorage: 'none' })", ['2 cookie-init:posthog posthog-js']],
    ["PostHog's memory persistence given to Mixpanel, which has none", "import mixpanel from 'mixpanel-browser'\nmixpanel.init('t', { persistence: 'memory' })", ['2 cookie-init:mixpanel mixpanel-browser']],
    ["other SDKs' options given to one that has none (Intercom)", "import Intercom from '@intercom/messenger-js-sdk'\nIntercom({ app_id: 'a', persistence: 'memory', disableCookies: true, client_storage: 'none' })", ['2 cookie-init:intercom @intercom/messenger-js-sdk']],
    ['Segment with a cookie store', "import { AnalyticsBrowser } from '@segment/analytics-next'\nAnalyticsBrowser.load({ writeKey: 'w' }, { storage: { stores: ['cookie', 'localStorage'] } })", ['2 cookie-init:segment @segment/analytics-next']],
    ['Segment with no stores named', "import { AnalyticsBrowser } from '@segment/analytics-next'\nAnalyticsBrowser.load({ writeKey: 'w' }, { storage: { stores: [] } })", ['2 cookie-init:segment @segment/analytics-next']],
    ['an option deeper than three levels', "import posthog from 'posthog-js'\nposthog.init('k', { a: { b: { c: { d: { persistence: 'memory' } } } } })", ['2 cookie-init:posthog posthog-js']],
  ])('not: %s', (_name, text, expected) => {
    expect(initsOf('app/analytics.tsx', text)).toEqual(expected)
  })
})

describe('page-snippet globals', () => {
  const html = (script: string) => `<html><head><script>\n${script}\n</script></head></html>`

  it('reads the init calls of the globals the catalog names, with the options of the vendor it initialises', () => {
    const text = html([
      "fbq('init', '123')",
      "fbq('track', 'PageView')",
      "gtag('js', new Date())",
      "gtag('config', 'G-1', { client_storage: 'none' })",
      "ttq.load('C1')",
      "ttq.page()",
    ].join('\n'))
    expect(initsOf('public/index.html', text)).toEqual([
      '2 cookie-init:meta-pixel',
      "5 cookie-init-off:google-analytics [client_storage: 'none']",
      "5 cookie-init-off:google-tag-manager [client_storage: 'none']",
      '6 cookie-init:tiktok',
    ])
  })

  it('takes a global the file imports for the import, and a name merely containing a global for no global', () => {
    const text = "import fbq from './fbq'\nimport { track } from './track'\nfbq('init', '1')\nmyfbq('init', '1')\nwindow.gtagConfig('config', 'G-1')\ntrack()"
    expect(initsOf('app/page.tsx', text)).toEqual([])
  })

  it('learns a new vendor\'s snippet from its catalog entry alone', () => {
    const acme: VendorInput = {
      id: 'acme-pixel', name: 'Acme Pixel', aliases: ['Acme Pixel'], category: 'ads', purpose: 'ad measurement', privacyUrl: 'https://acme.example/privacy',
      hosts: ['px.acme.example'], globals: [{ name: 'acmeq', initArgument: 'start' }], cookieless: [{ option: 'noCookies', values: [true] }],
    }
    const withAcme = new Catalog([...catalog.vendors, normalizeVendor(acme)])
    const text = html("acmeq('start', 'A1')\nacmeq('start', 'A2', { noCookies: true })\nacmeq('event', 'x')\nacmeq.start('A3')")
    expect(initsOf('public/index.html', text, withAcme)).toEqual(['2 cookie-init:acme-pixel', '3 cookie-init-off:acme-pixel [noCookies: true]', '5 cookie-init:acme-pixel'])
    expect(initsOf('public/index.html', text)).toEqual([])
  })
})

describe('framework components', () => {
  it('reads @next/third-parties components as the vendor each loads', () => {
    const text = [
      "import { GoogleAnalytics, GoogleTagManager, YouTubeEmbed, GoogleMapsEmbed, sendGAEvent } from '@next/third-parties/google'",
      'export const Layout = () => <>',
      "  <GoogleAnalytics gaId='G-1' />",
      "  <GoogleTagManager gtmId='GTM-1' />",
      "  <YouTubeEmbed videoid='x' />",
      "  <GoogleMapsEmbed apiKey='k' mode='place' q='Paris' />",
      '</>',
      "sendGAEvent('event', 'buttonClicked')",
    ].join('\n')
    expect(initsOf('app/layout.tsx', text)).toEqual([
      '3 cookie-init:google-analytics @next/third-parties',
      '4 cookie-init:google-tag-manager @next/third-parties',
      '5 cookie-init:youtube @next/third-parties',
      '6 cookie-init:google-maps @next/third-parties',
    ])
  })

  it('not: a component of the same name from another package, or from another entry point', () => {
    const text = "import { GoogleAnalytics } from './analytics'\nimport { YouTubeEmbed } from '@next/third-parties'\nexport const L = () => <><GoogleAnalytics gaId='G-1' /><YouTubeEmbed videoid='x' /></>"
    expect(initsOf('app/layout.tsx', text)).toEqual([])
  })
})

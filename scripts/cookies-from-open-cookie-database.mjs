#!/usr/bin/env node
// Builds the `cookies:` rows of data/vendors/*.yaml from the Open Cookie Database (Apache-2.0, see
// data/vendors/NOTICE-open-cookie-database.md). Only rows marked `source: open-cookie-database` are rewritten;
// rows we researched ourselves (`source: catalog`) are kept as they are.
//
//   node scripts/cookies-from-open-cookie-database.mjs /path/to/open-cookie-database.csv
//
// The mapping below says which database platform is which catalog vendor. Platforms whose rows describe the
// vendor's own website (github.com, salesforce.com) or cookies a proxy sets (Cloudflare, AWS load balancers)
// are left out on purpose: no SDK or script the product loads sets them.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const CSV = process.argv[2] ?? '/work/shared/data/open-cookie-database/open-cookie-database.csv'
const VENDORS = fileURLToPath(new URL('../data/vendors/', import.meta.url))

/**
 * platform → targets. `names` keeps only those cookies (the ones the embed, pixel or SDK sets, not the vendor's
 * own site's), `packages` the packages that set them, `purpose`/`party` override the database where it is wrong
 * for the SDK's use (Stripe documents `__stripe_mid` as fraud prevention).
 */
const MAP = {
  Amplitude: [{ vendor: 'amplitude' }],
  Auth0: [{ vendor: 'auth0', purpose: 'strictly-necessary' }],
  Clerk: [{ vendor: 'clerk', purpose: 'strictly-necessary' }],
  ContentSquare: [{ vendor: 'contentsquare' }],
  CookieYes: [{ vendor: 'cookieyes', names: ['cookieyes-consent', 'cky-consent', 'cky-action'], purpose: 'strictly-necessary' }],
  Cookiebot: [{ vendor: 'cookiebot', names: ['CookieConsent', 'CookieConsentBulkTicket'], purpose: 'strictly-necessary' }],
  'Crazy Egg': [{ vendor: 'crazy-egg', names: ['_ceir', '_CEFT', '_ce.s', '_ce.cch', '_ce.gtld', 'cebs', 'cebsp_', '_ce.clock_event', '_ce.clock_data', '_ce.irv'] }],
  Crisp: [{ vendor: 'crisp' }],
  'Customer.io': [{ vendor: 'customer-io' }],
  Didomi: [{ vendor: 'didomi', purpose: 'strictly-necessary' }],
  'DoubleClick/Google Marketing': [{ vendor: 'google-ads', names: ['IDE', 'DSID', '__gads', 'test_cookie'], party: 'third' }],
  'Google Ads': [{ vendor: 'google-ads', names: ['_gcl_aw', '_gcl_gs', '_gcl_gb', '_gac_gb_'] }],
  Drift: [{ vendor: 'drift' }],
  Dynatrace: [{ vendor: 'dynatrace' }],
  Facebook: [
    { vendor: 'meta-pixel', names: ['_fbp', '_fbc'], party: 'first' },
    { vendor: 'meta-pixel', names: ['fr'] },
    { vendor: 'meta', names: ['fr', 'datr', 'sb'] },
  ],
  'Google Analytics': [
    // gtag.js and analytics.js set these; the __utm* cookies are urchin.js', gone since 2012, and _gac_ needs Google Ads linking
    { vendor: 'google-analytics', names: ['_ga', '_ga_', '_gid', '_gat', '_gat_gtag_'] },
    // gtag.js, GA4's loader, is served from googletagmanager.com: a gtag script is Google Analytics' cookies
    { vendor: 'google-tag-manager', names: ['_ga', '_ga_', '_gid', '_gat_gtag_'] },
  ],
  'Google Maps': [{ vendor: 'google-maps' }],
  'Google reCAPTCHA': [{ vendor: 'google-recaptcha', purpose: 'strictly-necessary' }],
  'Heap Analytics': [{ vendor: 'heap' }],
  Hotjar: [{ vendor: 'hotjar' }],
  HubSpot: [{ vendor: 'hubspot' }],
  Hubspot: [{ vendor: 'hubspot', names: ['__hstc', 'hubspotutk', '__hssc', '__hssrc', 'messagesUtk', '__hs_opt_out', '__hs_do_not_track'], party: 'first' }],
  Instagram: [{ vendor: 'instagram', names: ['ig_did', 'ig_cb', 'mid'] }],
  Intercom: [{ vendor: 'intercom' }],
  Iubenda: [{ vendor: 'iubenda', purpose: 'strictly-necessary' }],
  Klaviyo: [{ vendor: 'klaviyo' }],
  LinkedIn: [
    { vendor: 'linkedin-insight', names: ['li_fat_id', 'lidc', 'bcookie', 'bscookie', 'UserMatchHistory', 'AnalyticsSyncHistory', 'li_sugr', 'li_gc'] },
  ],
  'Bing / Microsoft': [{ vendor: 'microsoft-ads', names: ['_uetsid', '_uetvid', 'MUID', 'MR'] }],
  Matomo: [{ vendor: 'matomo-cloud' }],
  Mixpanel: [{ vendor: 'mixpanel' }],
  OneTrust: [{ vendor: 'onetrust', names: ['OptanonConsent', 'OptanonAlertBoxClosed'], purpose: 'strictly-necessary' }],
  Optimizely: [{ vendor: 'optimizely' }],
  Osano: [{ vendor: 'osano', names: ['osano_consentmanager', 'osano_consentmanager_uuid'], purpose: 'strictly-necessary' }],
  PayPal: [{ vendor: 'paypal', names: ['enforce_policy', 'x-pp-s', 'ts', 'ts_c', 'tsrce', 'nsid', 'l7_az'] }],
  Pinterest: [{ vendor: 'pinterest', names: ['_pin_unauth', '_pinterest_ct_ua', '_derived_epik', '_epik', '_routing_id', '_pinterest_sess'] }],
  Reddit: [{ vendor: 'reddit' }],
  Rudderstack: [{ vendor: 'rudderstack' }],
  Snapchat: [{ vendor: 'snapchat' }],
  Stripe: [{ vendor: 'stripe', names: ['__stripe_mid', '__stripe_sid'], purpose: 'strictly-necessary', party: 'first' }, { vendor: 'stripe', names: ['m'], purpose: 'strictly-necessary', party: 'third' }],
  // supabase-js keeps its session in localStorage; only the SSR and auth-helper packages keep it in a cookie
  Supabase: [
    { vendor: 'supabase', packages: ['@supabase/ssr'] },
    { vendor: 'supabase-auth', packages: ['@supabase/auth-helpers-nextjs', '@supabase/auth-helpers-sveltekit', '@supabase/auth-helpers-react'] },
  ],
  'Tawk.to': [{ vendor: 'tawk-to' }],
  Termly: [{ vendor: 'termly', purpose: 'strictly-necessary' }],
  TikTok: [{ vendor: 'tiktok', names: ['_ttp', '_tt_enable_cookie', 'ttwid'] }],
  Typeform: [{ vendor: 'typeform' }],
  Vimeo: [{ vendor: 'vimeo', names: ['vuid', 'Player'] }],
  X: [{ vendor: 'x-ads', names: ['personalization_id', 'muc_ads', 'guest_id_ads', 'guest_id_marketing'] }],
  Youtube: [{ vendor: 'youtube', names: ['YSC', 'VISITOR_INFO1_LIVE', 'VISITOR_PRIVACY_METADATA', 'PREF'] }],
  Zendesk: [{ vendor: 'zendesk', names: ['__zlcmid', 'ZD-suid', 'ZD-buid', 'ZD-store', 'ZD-settings', '_zendesk_session', '_zendesk_shared_session'] }],
  LiveChat: [{ vendor: 'livechat' }],
  Livechat: [{ vendor: 'livechat' }],
}

const PURPOSE = { Functional: 'functional', Personalization: 'functional', Marketing: 'advertising', Analytics: 'analytics', Security: 'strictly-necessary', Necessary: 'strictly-necessary' }

/** RFC 4180 CSV: quoted fields, doubled quotes, newlines inside quotes. */
function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++ } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') { row.push(field); field = '' } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field); rows.push(row); row = []; field = ''
    } else field += c
  }
  if (field || row.length) { row.push(field); rows.push(row) }
  const [header, ...body] = rows
  return body.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i].trim()])))
}

function quote(s) {
  return /^[A-Za-z0-9_][A-Za-z0-9_ .-]*$/.test(s) && !/^(true|false|null|yes|no|on|off|~|\d.*)$/i.test(s) ? s : JSON.stringify(s)
}

function rowYaml(r) {
  const parts = [`name: ${quote(r.name)}`]
  if (r.prefix) parts.push('prefix: true')
  parts.push(`party: ${r.party}`, `purpose: ${r.purpose}`)
  if (r.retention) parts.push(`retention: ${quote(r.retention)}`)
  if (r.packages) parts.push(`packages: [${r.packages.map((p) => JSON.stringify(p)).join(', ')}]`)
  parts.push('source: open-cookie-database')
  return `  - { ${parts.join(', ')} }`
}

const rows = parseCsv(readFileSync(CSV, 'utf8'))
const byVendor = new Map()
for (const r of rows) {
  for (const target of MAP[r.Platform] ?? []) {
    const name = r['Cookie / Data Key name'].replace(/\*$/, '')
    if (!name || (target.names && !target.names.includes(name))) continue
    const list = byVendor.get(target.vendor) ?? []
    if (list.some((c) => c.name === name)) continue
    list.push({
      name,
      prefix: r['Wildcard match'] === '1' || r['Cookie / Data Key name'].endsWith('*'),
      party: target.party ?? (/3rd party/i.test(r.Domain) ? 'third' : 'first'),
      purpose: target.purpose ?? PURPOSE[r.Category] ?? 'functional',
      retention: r['Retention period'].replace(/\s+/g, ' '),
      packages: target.packages,
    })
    byVendor.set(target.vendor, list)
  }
}

let changed = 0
for (const [vendor, cookies] of [...byVendor].sort()) {
  const file = `${VENDORS}${vendor}.yaml`
  const lines = readFileSync(file, 'utf8').split('\n')
  const start = lines.findIndex((l) => /^cookies:/.test(l))
  let kept = []
  let header = 'cookies:'
  if (start >= 0) {
    header = lines[start].replace(/^cookies:\s*\[\]/, 'cookies:')
    let end = start + 1
    while (end < lines.length && /^\s+-/.test(lines[end])) end++
    kept = lines.slice(start + 1, end).filter((l) => !/source: open-cookie-database/.test(l))
    lines.splice(start, end - start)
  }
  const at = [lines.findIndex((l) => /^lookalikes:/.test(l)), lines.findIndex((l) => /^privacyUrl:/.test(l))].find((i) => i >= 0)
  lines.splice(at, 0, header, ...kept, ...cookies.map(rowYaml))
  writeFileSync(file, lines.join('\n'))
  changed++
}
console.log(`${changed} vendor files, ${[...byVendor.values()].reduce((n, l) => n + l.length, 0)} cookie rows from the Open Cookie Database`)

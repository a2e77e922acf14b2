// Finds the privacy policy among the collected files when --policy is not given.
import { compareText } from '../util/order.js'

const POLICY_EXTENSIONS = /\.(md|mdx|markdown|txt|html?|tsx|jsx|ts|js|astro|vue|svelte)$/i
const NAME_SCORE: Array<[RegExp, number]> = [
  [/^privacy[-_ ]?policy\.[a-z]+$/i, 40],
  [/^privacy\.[a-z]+$/i, 40],
  [/^privacy[-_ ]?notice\.[a-z]+$/i, 35],
  [/privacy/i, 20],
]
const EXTENSION_SCORE: Record<string, number> = { md: 6, mdx: 5, markdown: 6, txt: 4, html: 3, htm: 3, tsx: 2, jsx: 2, astro: 2, vue: 2, svelte: 2, ts: 0, js: 0 }
const NOT_A_POLICY = /(cookie|terms|tos|eula|dpa|security|subprocessors?)[-_.]/i
const NON_SHIPPED_DIR = /(^|\/)(tests?|__tests__|fixtures|__fixtures__|examples?|e2e|stories|mocks?|__mocks__)\//i

/** How likely a path is to hold the product's privacy policy; 0 = not a candidate. */
export function scorePolicyPath(rel: string): number {
  // every candidate names privacy in its file or folder name: most paths stop here
  if (!/privacy/i.test(rel) || !POLICY_EXTENSIONS.test(rel)) return 0
  const base = rel.slice(rel.lastIndexOf('/') + 1)
  const segments = rel.toLowerCase().split('/')
  const ext = base.slice(base.lastIndexOf('.') + 1).toLowerCase()
  let score = 0
  for (const [re, s] of NAME_SCORE) if (re.test(base)) {
    score = s
    break
  }
  // a Next.js/SvelteKit/Astro route: app/privacy/page.tsx, pages/privacy/index.tsx, routes/privacy/+page.svelte
  const dir = segments.at(-2) ?? ''
  if (!score && /privacy/.test(dir) && /^(page|index|\+page)\.[a-z]+$/i.test(base)) score = 38
  if (!score) return 0
  if (NOT_A_POLICY.test(base) && !/privacy/i.test(base.replace(NOT_A_POLICY, ''))) return 0
  if (/\.(test|spec|stories)\./i.test(base)) return 0
  score += EXTENSION_SCORE[ext] ?? 0
  // nearer the root is more canonical; a legal/docs folder is the next best place
  const depth = segments.length - 1
  if (segments.some((s) => /^(legal|policies|privacy)$/.test(s))) score += 1
  score -= 2 * Math.min(depth, 8)
  // a policy under tests, fixtures or examples is test data, never the product's own policy
  if (NON_SHIPPED_DIR.test(rel)) return 0
  return score
}

/** The best candidate, deterministically: highest score, then shortest path, then name order. */
export function choosePolicy(paths: string[], looksLikePolicy: (path: string, named: boolean) => boolean): string | undefined {
  const ranked = paths
    .map((p) => ({ p, s: scorePolicyPath(p) }))
    .filter((c) => c.s > 0)
    .sort((a, b) => b.s - a.s || a.p.length - b.p.length || compareText(a.p, b.p))
  return ranked.find((c) => looksLikePolicy(c.p, /privacy/i.test(c.p.slice(c.p.lastIndexOf('/') + 1))))?.p
}

/**
 * Text that reads like a privacy policy, not a component that merely links to one.
 * A file named for privacy (PRIVACY.md) need not say the word; a route file (app/privacy/page.tsx) must.
 */
export function readsLikePolicy(text: string, named = false): boolean {
  const t = text.slice(0, 400_000).toLowerCase()
  // a file named for privacy is the policy whatever its language; a route file must read like one
  if (named) return t.trim().length > 0
  if (!t.includes('privacy')) return false
  const hits = ['personal data', 'personal information', 'we collect', 'third part', 'cookies', 'your rights', 'retention', 'subprocessor', 'process', 'data']
    .filter((w) => t.includes(w)).length
  return hits >= 3
}

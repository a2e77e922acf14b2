// Vague disclosures by kind: "our analytics providers", "a payment processor", "AI/LLM providers".
import type { VendorCategory } from '../types/index.js'
import { clauseStart, WINDOW } from './scope.js'
import { lookupTable } from '../util/table.js'

export interface CategoryMention {
  categories: VendorCategory[]
  /** "cloud hosting provider" */
  phrase: string
  start: number
  end: number
}

/** Nouns that make a phrase about third parties rather than about the product itself. */
const PROVIDER_NOUNS = new Set([
  'provider', 'providers', 'service', 'services', 'processor', 'processors', 'subprocessor', 'subprocessors', 'sub-processor',
  'sub-processors', 'partner', 'partners', 'vendor', 'vendors', 'tool', 'tools', 'platform', 'platforms', 'company',
  'companies', 'network', 'networks', 'tracker', 'trackers', 'pixel', 'pixels', 'solution', 'solutions', 'software',
  'sdk', 'sdks', 'technologies', 'suppliers', 'supplier', 'apis',
])

const QUALIFIERS: Record<string, VendorCategory[]> = lookupTable({
  analytics: ['analytics'], analytic: ['analytics'], statistics: ['analytics'], measurement: ['analytics'], metrics: ['analytics'],
  hosting: ['hosting'], cloud: ['cloud'], infrastructure: ['cloud'],
  payment: ['payments'], payments: ['payments'], billing: ['payments'], checkout: ['payments'], card: ['payments'],
  email: ['email'], 'e-mail': ['email'], emails: ['email'], mail: ['email'], mailing: ['email'], newsletter: ['email'],
  monitoring: ['monitoring'], observability: ['monitoring'], apm: ['monitoring'], error: ['monitoring'], errors: ['monitoring'], crash: ['monitoring'],
  logging: ['logging'], log: ['logging'], logs: ['logging'],
  ai: ['llm'], llm: ['llm'], llms: ['llm'], genai: ['llm'], inference: ['llm'], model: ['llm'], models: ['llm'], 'ai/llm': ['llm'],
  support: ['support'], helpdesk: ['support'], 'help-desk': ['support'], ticketing: ['support'], chat: ['support'],
  advertising: ['ads'], advertisement: ['ads'], ad: ['ads'], ads: ['ads'], marketing: ['ads'], retargeting: ['ads'], remarketing: ['ads'], adtech: ['ads'],
  database: ['database'], databases: ['database'], db: ['database'],
  authentication: ['auth'], auth: ['auth'], identity: ['auth'], login: ['auth'], 'sign-in': ['auth'], sso: ['auth'], oauth: ['auth'],
  storage: ['storage'], backup: ['storage'], backups: ['storage'],
  sms: ['messaging'], messaging: ['messaging'], push: ['messaging'],
  cdn: ['cdn'], search: ['search'], consent: ['consent'], video: ['video'], streaming: ['video'],
  maps: ['maps'], mapping: ['maps'], geolocation: ['maps'], queue: ['queue'], queueing: ['queue'], queuing: ['queue'],
  sandbox: ['sandbox'], sandboxing: ['sandbox'], cms: ['cms'],
  flag: ['feature-flags'], flags: ['feature-flags'], flagging: ['feature-flags'], experimentation: ['feature-flags'],
})

/** Two-word kinds whose meaning differs from their words ("cloud storage" is storage, not cloud). */
const BIGRAMS: Record<string, VendorCategory[]> = lookupTable({
  'cloud storage': ['storage'], 'file storage': ['storage'], 'object storage': ['storage'],
  'content delivery': ['cdn'], 'content management': ['cms'], 'consent management': ['consent'],
  'code hosting': ['source-control'], 'version control': ['source-control'], 'source control': ['source-control'],
  'error tracking': ['monitoring'], 'crash reporting': ['monitoring'], 'error reporting': ['monitoring'],
  'session replay': ['analytics'], 'session recording': ['analytics'], 'product analytics': ['analytics'],
  'social media': ['ads'], 'live chat': ['support'], 'customer support': ['support'], 'customer service': ['support'],
  'push notification': ['messaging'], 'push notifications': ['messaging'], 'text messaging': ['messaging'],
  'language model': ['llm'], 'machine learning': ['llm'], 'generative ai': ['llm'], 'artificial intelligence': ['llm'],
  'feature flag': ['feature-flags'], 'feature flags': ['feature-flags'], 'feature flagging': ['feature-flags'],
  'identity management': ['auth'], 'user authentication': ['auth'],
})

/** Words that may sit inside such a phrase without changing its kind. */
const GLUE = new Set([
  'and', 'or', '&', 'third-party', 'third', 'party', 'external', 'trusted', 'other', 'selected', 'select', 'reputable', 'various',
  'delivery', 'service', 'transactional', 'product', 'web', 'website', 'session', 'customer', 'management', 'processing',
  'reporting', 'tracking', 'performance', 'application', 'hosted', 'managed', 'online', 'digital', 'communication',
  'communications', 'language', 'large', 'media', 'content', 'feature', 'code', 'version', 'live', 'user', 'file', 'object',
  'source', 'recording', 'replay', 'text', 'social', 'notification', 'notifications', 'machine', 'learning', 'generative',
  'artificial', 'intelligence', 'cloud-based', 'data',
])

/** "isol8 operates an AI agent hosting platform": the product describing itself, not a vendor. */
const SELF_DESCRIPTION =
  /\b(?:is|are|operates?|offers?|provides?|builds?|develops?|sells?|runs?)\s+(?:(?:an?|the)\s+)?(?:(?!(?:on|with|by|via|through|to|in|from|for|using)\b)[^\s,;:()]+\s+){0,3}$/i

interface Token {
  word: string
  start: number
  end: number
}

function tokenize(text: string): Token[] {
  const out: Token[] = []
  const re = /[A-Za-z0-9&][A-Za-z0-9'’/-]*/g
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let word = m[0].toLowerCase().replace(/['’]s$/, '')
    while (word.endsWith('-') || word.endsWith('/')) word = word.slice(0, -1)
    // "AI/LLM" is two qualifiers; keep both halves as tokens
    if (word.includes('/') && !QUALIFIERS[word]) {
      let offset = m.index
      for (const part of word.split('/')) {
        if (part) out.push({ word: part, start: offset, end: offset + part.length })
        offset += part.length + 1
      }
      continue
    }
    out.push({ word, start: m.index, end: m.index + word.length })
  }
  return out
}

/** Only spaces, commas, slashes, ampersands or hyphens between two words of one phrase. */
function joinable(text: string, from: number, to: number): boolean {
  if (to - from > 6) return false
  for (let i = from; i < to; i++) if (!' \t\n,/&-'.includes(text[i])) return false
  return true
}

export function findCategoryMentions(text: string): CategoryMention[] {
  const tokens = tokenize(text)
  const out: CategoryMention[] = []
  for (let i = 0; i < tokens.length; i++) {
    if (!PROVIDER_NOUNS.has(tokens[i].word)) continue
    // what each word of the phrase says, by token index: a bigram overrides its second word
    const found = new Map<number, VendorCategory[]>()
    let first = i
    let j = i - 1
    while (j >= 0 && i - j <= 6 && joinable(text, tokens[j].end, tokens[j + 1].start)) {
      const word = tokens[j].word
      const bigram = j + 1 < i ? BIGRAMS[`${word} ${tokens[j + 1].word}`] : undefined
      if (bigram) found.set(j + 1, bigram)
      else if (QUALIFIERS[word]) found.set(j, QUALIFIERS[word])
      else if (!GLUE.has(word)) break
      first = j
      j--
    }
    if (found.size === 0) continue
    const start = tokens[first].start
    const clause = clauseStart(text, start)
    if (SELF_DESCRIPTION.test(text.slice(Math.max(clause, start - WINDOW), start))) continue
    const categories = [...new Set([...found.values()].flat())].sort()
    out.push({ categories, phrase: text.slice(start, tokens[i].end), start, end: tokens[i].end })
  }
  return out
}

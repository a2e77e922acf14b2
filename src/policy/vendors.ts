// Vendor claims: which catalog vendors the policy names, whether it says it uses them, and
// whether it lists them as processors or only names them in passing.
import type { Catalog } from '../catalog/index.js'
import type { Claim, VendorCategory, VendorClaim } from '../types/index.js'
import { findCategoryMentions } from './categories.js'
import { findVendorMentions, type VendorMention } from './mentions.js'
import { clauseStart, isDeniedAfter, isNegated, normalizeApostrophes, WINDOW } from './scope.js'
import type { PolicySentence } from './sentences.js'

/**
 * Headings of sections whose vendors are disclosed processors. Sharing counts when it is about
 * data or with whom ("Sharing your information", "Who we share it with"), not "Sharing receipts".
 */
const LISTING_SECTION =
  /third[\s-]?part(?:y|ies)|sub-?processors?|service\s+providers?|who\s+processes|\bprocessors?\b|\bvendors?\b|\bpartners?\b|\brecipients?\b|\b(?:we|who|whom|how|when|why)\s+(?:[a-z]+\s+){0,2}shar(?:e|es|ed|ing)\b|\bshar(?:e|es|ed|ing)\s+(?:of\s+)?(?:(?:your|our|the|personal|user|customer)\s+){0,2}(?:data|information|info|details)\b|\b(?:data|information)\s+shar(?:e|es|ed|ing)\b|\bshar(?:e|es|ed|ing)\s+(?:it\s+|them\s+)?with\b|\bshar(?:e|ing)\s+(?:and|&)\s+disclos/i
/** Sentences that disclose processors whatever their section: "our subprocessors: …". */
const LISTING_SENTENCE = /\b(?:sub-?processors?|service\s+providers?|third[\s-]part(?:y|ies)|processors?)\b/i

const FILLER = "(?:[^\\s,;:()]+:?\\s+)"
/** Just before the name: "handled by", "via", "through our identity provider", "we use", "runs on", "stored in". */
const CUE_BEFORE = new RegExp(
  `(?:\\b(?:by|via|through|using|on|onto|thanks\\s+to)\\s+${FILLER}{0,3}` +
  `|\\b(?:[a-z]+ed|sent|run|runs|kept|held|built)\\s+(?:in|on|to|at|into|with|within|inside)\\s+${FILLER}{0,2}` +
  `|\\b(?:use|uses|utili[sz]es?|employs?|leverages?|rel(?:y|ies)\\s+on|works?\\s+with|partners?\\s+with|integrates?\\s+with|engages?|shares?\\s+(?:[^\\s,;:()]+\\s+){0,3}with|chose|choose|selected)\\s+${FILLER}{0,3})\\(?$`,
  'i',
)
const ROLE_NOUN = '(?:providers?|processors?|sub-?processors?|partners?|vendors?|services?|platforms?|tools?|hosts?)'
/** "our identity provider, Clerk", "our identity provider (Clerk)", "provider: Stripe". */
const ROLE_APPOSITION = new RegExp(`\\b${ROLE_NOUN}\\s*(?:[,:(]|\\s-)?\\s*\\(?$`, 'i')
/** "LLM providers (such as Anthropic", "the provider you configure (e.g., OpenAI". */
const ROLE_EXAMPLE = new RegExp(
  `\\b${ROLE_NOUN}\\b(?:\\s+[^\\s,;:()]+){0,3}\\s*[,(]?\\s*(?:e\\.g\\.|i\\.e\\.|such\\s+as|like|including|namely|for\\s+example|for\\s+instance)\\s*[,:]?\\s*$`,
  'i',
)
/**
 * Right after the name, a verb that makes it an actor: "Clerk processes…", "PostHog may set cookies",
 * "Stripe is our payment processor". Not when a noun follows the name as subject: "Render times are…".
 */
const CUE_AFTER =
  /^(?:'s)?\s+(?:(?:also|may|will|can|then|securely|only|currently|automatically)\s+)?(?:process(?:es)?|handles?|stores?|hosts?|provides?|powers?|manages?|collects?|receives?|runs?|serves?|delivers?|sends?|uses?|sets?|tracks?|analy[sz]es?|records?|operates?|performs?|keeps?|holds?|retains?|helps?|supports?|enables?|offers?|supplies|supply|maintains?|monitors?|captures?|transmits?|forwards?|verifies|verify|authenticates?|emails?|bills?|charges?|protects?|secures?|checks?|scans?|detects?|transcribes?|indexes|index|caches?|acts?\s+as|is\s+used|are\s+used|(?:is|are)\s+(?:our|the)\s+)\b(?!\s+(?:is|are|was|were|have|has|can|could|will|would|may|might|should|must)\b)/i
/** A name that opens its sentence and is followed by its role: "Clerk — Authentication…", "Stripe: payments". */
const ROLE_AFTER_LEADING_NAME = /^(?:'s)?\s*(?:\([^()]{0,60}\)\s*)?(?:[—–:]|\s-\s)/
const PARENTHETICAL = /^\s*\(([^()]{1,60})\)/
/** A possessive or an auxiliary after a sentence-initial word makes it a noun: "Stripe's policy", "Stripe does not…". */
const NOUN_AFTER = /^(?:'s\b|\s+(?:is|are|was|were|does|do|did|has|have|had|will|would|may|might|can|could|should|must|shall)\b)/
/** "Staff with the Clerk role": a plain word naming a user role, not the vendor. */
const USER_ROLE_AFTER = /^\s+(?:roles?|permissions?)\b/i

interface Context {
  /** The sentence, or for a list item its lead sentence + the item, curly apostrophes made straight. */
  text: string
  /** Where the sentence itself starts inside `text`. */
  offset: number
  /** Sentence-wide listing cues, computed once: a sentence may name thousands of vendors. */
  listingContext: boolean
  /** Index of the sentence's first non-space character. */
  firstChar: number
  /** Table row cells of the sentence (sentence offsets), by start; `name` marks the name column's. */
  cells?: Array<{ span: [number, number]; name: boolean }>
}

function contextOf(sentence: PolicySentence): Context {
  const lead = sentence.item && sentence.lead ? `${sentence.lead} ` : ''
  const text = normalizeApostrophes(lead + sentence.text)
  const listingContext = sentence.section.some((h) => LISTING_SECTION.test(h)) || LISTING_SENTENCE.test(text)
  const ctx: Context = { text, offset: lead.length, listingContext, firstChar: sentence.text.length - sentence.text.trimStart().length }
  if (sentence.cells) {
    const { name, other } = sentence.cells
    ctx.cells = [...other.map((span) => ({ span, name: false })), ...(name ? [{ span: name, name: true }] : [])].sort((a, b) => a.span[0] - b.span[0])
  }
  return ctx
}

function within(span: [number, number] | undefined, at: number): boolean {
  return span !== undefined && at >= span[0] && at < span[1]
}

/** The cell containing `at` (binary search: a row may have thousands of cells). */
function cellAt(ctx: Context, at: number): { span: [number, number]; name: boolean } | undefined {
  const cells = ctx.cells
  if (!cells) return undefined
  let lo = 0
  let hi = cells.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const { span } = cells[mid]
    if (at < span[0]) hi = mid - 1
    else if (at >= span[1]) lo = mid + 1
    else return cells[mid]
  }
  return undefined
}

/** A name in a table cell outside the name column: "United States (AWS us-west-2)". */
function inOtherCell(ctx: Context, mention: VendorMention): boolean {
  const cell = cellAt(ctx, mention.start)
  return cell !== undefined && !cell.name
}

/** For each mention: whether the table cell it is in holds nothing but names. */
function namesOnlyCells(text: string, ctx: Context, mentions: VendorMention[]): boolean[] {
  const out = mentions.map(() => false)
  if (!ctx.cells) return out
  // mentions and cells are both in text order: group the mentions by cell in one pass
  let i = 0
  while (i < mentions.length) {
    const cell = cellAt(ctx, mentions[i].start)
    if (!cell) {
      i++
      continue
    }
    let j = i
    while (j < mentions.length && within(cell.span, mentions[j].start)) j++
    const [a, b] = cell.span
    const inCell = mentions.slice(i, j).map((m) => ({ ...m, start: m.start - a, end: Math.min(m.end, b) - a }))
    const only = isNamesOnly(text.slice(a, b), inCell)
    for (let k = i; k < j; k++) out[k] = only
    i = j
  }
  return out
}

/** The first non-space offset of the cell containing `at`, or -1. */
function cellStartOf(text: string, ctx: Context, at: number): number {
  const cell = cellAt(ctx, at)
  if (!cell) return -1
  let i = cell.span[0]
  while (i < cell.span[1] && /\s/.test(text[i])) i++
  return i
}

/** The mentions joined by "," "and" "or" "/" (with optional possessive or role in parentheses). */
function coordinated(text: string, left: VendorMention, right: VendorMention): boolean {
  let gap = text.slice(left.end, right.start)
  if (gap.length > 100) return false
  gap = normalizeApostrophes(gap)
  if (gap.startsWith("'s")) gap = gap.slice(2)
  const open = gap.indexOf('(')
  if (open !== -1 && gap.slice(0, open).trim() === '') {
    const close = gap.indexOf(')', open)
    if (close === -1) return false
    gap = gap.slice(close + 1)
  }
  const words = gap.trim().replace(/\s+/g, ' ')
  return ['', ',', '/', '&', 'and', 'or', 'nor', ', and', ', or', ', &', ',and', ',or'].includes(words)
}

function isRoleParenthetical(text: string, end: number, next: VendorMention | undefined): boolean {
  const m = PARENTHETICAL.exec(text.slice(end, end + 64))
  if (!m) return false
  const inner = m[1]
  // "(AWS)" restates the name; "(authentication)", "(VM infrastructure)" give the role
  if (next && next.start < end + m[0].length) return false
  return /(?:^|\s)\p{Ll}/u.test(inner) && !/^\s*(?:e\.g\.|i\.e\.|formerly|now|previously|the\s+"?company)/i.test(inner)
}

/** Text that is just vendor names ("Clerk", "4.2 Stripe (payments)", "Meta and Google"): a vendor entry's title or a list item. */
function isNamesOnly(text: string, mentions: VendorMention[]): boolean {
  if (mentions.length === 0) return false
  let rest = ''
  let at = 0
  for (const m of mentions) {
    rest += text.slice(at, m.start)
    at = m.end
  }
  rest += text.slice(at)
  rest = rest
    .replace(/^\s*\d{1,3}(?:\.\d{1,3}){0,5}[.)]?\s+/, '')
    .replace(/\([^()]{0,80}\)/g, ' ')
    .replace(/\s[-–—:]\s.*$|[–—:].*$/, ' ')
    .replace(/\b(?:inc|llc|ltd|gmbh|corp|co|and|or|the)\b\.?/gi, ' ')
  return !/\p{L}/u.test(rest)
}

/** "Payments: " — a short label before the name. */
const LABEL_BEFORE = /^[^:.;!?]{1,40}:\s*$/
/** The name ends the labelled item: "Hosting: Render.", "Email: Resend (EU), …" (not "Resend any receipt…"). */
const NAME_ENDS_LABEL = /^(?:'s)?\s*(?:$|[.,;(]|\s(?:and|or|&)\s)/

/** Cues around the name itself (not its section): "handled by X", "X processes", "X (payments)", "X — …". */
function hasLocalCue(sentence: PolicySentence, ctx: Context, mention: VendorMention, next: VendorMention | undefined): boolean {
  const start = ctx.offset + mention.start
  const end = ctx.offset + mention.end
  const before = ctx.text.slice(Math.max(clauseStart(ctx.text, start), start - WINDOW), start)
  if (CUE_BEFORE.test(before) || ROLE_APPOSITION.test(before) || ROLE_EXAMPLE.test(before)) return true
  const after = ctx.text.slice(end, end + 80)
  if (CUE_AFTER.test(after)) return true
  if (isRoleParenthetical(sentence.text, mention.end, next)) return true
  // "Stripe — payments", "Email: Resend — receipts": a name that opens its line (or follows a label) and then its role
  const labelled = mention.start > 0 && mention.start <= 48 && LABEL_BEFORE.test(sentence.text.slice(0, mention.start))
  if ((mention.start === ctx.firstChar || labelled) && ROLE_AFTER_LEADING_NAME.test(after)) return true
  // "Hosting: Render.", "Email: Resend (EU)": the label is the role and the name is all it says
  return labelled && NAME_ENDS_LABEL.test(after)
}

/** Spreads a flag over names joined by "," "and" "or": a list shares its role or trailing denial. */
function propagateAlongLists(text: string, mentions: VendorMention[], flags: boolean[]): void {
  const joined = mentions.map((m, i) => i + 1 < mentions.length && coordinated(text, m, mentions[i + 1]))
  for (let i = mentions.length - 2; i >= 0; i--) if (joined[i]) flags[i] ||= flags[i + 1]
  for (let i = 1; i < mentions.length; i++) if (joined[i - 1]) flags[i] ||= flags[i - 1]
}

/** A heading in Title Case (or all caps): every word of four letters or more is capitalised. */
function isTitleCase(text: string): boolean {
  const words = text.match(/\p{L}{4,}/gu) ?? []
  return words.every((w) => w[0] !== w[0].toLowerCase())
}

/**
 * Where a capital is no evidence of a name: the first word of a sentence or of a "Label: …" item,
 * and Title Case headings. "Turn off cookies" and "Monitor Your Account" name no vendor.
 */
function capitalsMeanNothing(sentence: PolicySentence, ctx: Context, mention: VendorMention, titleCase: boolean): boolean {
  if (sentence.heading && titleCase) return true
  if (mention.start === ctx.firstChar) return true
  // a table cell starts with a capital like a sentence does
  if (cellStartOf(sentence.text, ctx, mention.start) === mention.start) return true
  if (mention.start > 48) return false
  const before = sentence.text.slice(0, mention.start)
  // after opening punctuation, or after a short label: "Authentication: Clerk uses cookies"
  return /^[\s"“'‘(\[*•-]*$/.test(before) || /^[^:.;!?]{1,40}:\s*$/.test(before)
}

function baseClaim(sentence: PolicySentence): Pick<Claim, 'section' | 'quote' | 'line' | 'endLine'> {
  return { section: [...sentence.section], quote: sentence.text, line: sentence.line, endLine: sentence.endLine }
}

/** Named vendors: one claim per vendor and sentence. */
export function parseNamedVendorClaims(sentences: PolicySentence[], catalog: Catalog): Claim[] {
  const claims: Claim[] = []
  for (const sentence of sentences) {
    let mentions = findVendorMentions(sentence.text, catalog)
    if (mentions.length === 0) continue
    const ctx = contextOf(sentence)
    const namesOnly = isNamesOnly(sentence.text, mentions)
    const nameHeading = sentence.heading && namesOnly
    const otherCell = mentions.map((m) => inOtherCell(ctx, m))
    // a table cell that holds just names ("Auth0 (Okta, Inc.)", "Stripe") is a names-only line of its
    // own; in the name column it lists them wherever the row is
    const cellOnly = namesOnlyCells(sentence.text, ctx, mentions)
    let localCue = mentions.map((m, i) => !otherCell[i] &&
      (nameHeading || cellOnly[i] || hasLocalCue(sentence, ctx, m, mentions[i + 1])))
    // a plain-word name where capitals mean nothing needs a cue of its own, a names-only line or a
    // list of real names around it: a listing section alone does not make "Render times…" a vendor
    const titleCase = sentence.heading && isTitleCase(sentence.text)
    const kept = mentions.map((m, i) => !(m.plainWord && USER_ROLE_AFTER.test(sentence.text.slice(m.end, m.end + 14))) &&
      (localCue[i] || (namesOnly && !otherCell[i]) || cellOnly[i] || !m.plainWord ||
        NOUN_AFTER.test(ctx.text.slice(ctx.offset + m.end, ctx.offset + m.end + 12)) || !capitalsMeanNothing(sentence, ctx, m, titleCase)))
    propagateAlongLists(sentence.text, mentions, kept)
    propagateAlongLists(sentence.text, mentions, localCue)
    let keptOther = otherCell
    if (!kept.every(Boolean)) {
      keptOther = otherCell.filter((_, i) => kept[i])
      mentions = mentions.filter((_, i) => kept[i])
      if (mentions.length === 0) continue
      localCue = localCue.filter((_, i) => kept[i])
    }
    const denied = mentions.map((m) => isNegated(ctx.text, ctx.offset + m.start, ctx.offset + m.end))
    // "We do not use SendGrid's open tracking" does not deny SendGrid, nor does it list it
    const possessiveUnderNegation = mentions.map((m, i) => !denied[i] && ctx.text.startsWith("'s", ctx.offset + m.end) && isNegated(ctx.text, ctx.offset + m.start))
    // a name outside a table's name column is declared in passing, whatever its row or section says
    const listed = localCue.map((cue, i) => !keptOther[i] && !possessiveUnderNegation[i] && (cue || ctx.listingContext))
    const deniedAfter = mentions.map((m) => isDeniedAfter(sentence.text, m.end))
    // a list shares its role and a trailing denial: "WorkOS (authentication), Stripe (payments) and Neon (database)",
    // "Google Analytics and Mixpanel are not used"
    propagateAlongLists(sentence.text, mentions, deniedAfter)
    mentions.forEach((_, i) => {
      denied[i] ||= deniedAfter[i]
    })
    const byVendor = new Map<string, { deny: boolean; listed: boolean; alias: string }>()
    mentions.forEach((m, i) => {
      const seen = byVendor.get(m.vendor.id)
      // one affirmation in the sentence outweighs a denial of the same vendor
      if (!seen) byVendor.set(m.vendor.id, { deny: denied[i], listed: listed[i], alias: m.alias })
      else {
        seen.deny &&= denied[i]
        seen.listed ||= listed[i]
      }
    })
    for (const [id, v] of byVendor) {
      const claim: VendorClaim = {
        kind: 'vendor',
        subject: id,
        vendor: id,
        polarity: v.deny ? 'deny' : 'affirm',
        strength: v.listed ? 'listed' : 'mentioned',
        ...baseClaim(sentence),
        data: { alias: v.alias },
      }
      if (nameHeading) claim.data = { ...claim.data, heading: true }
      claims.push(claim)
    }
  }
  return claims
}

/** Vague disclosures by kind ("our analytics providers"): one claim per category and sentence. */
export function parseCategoryClaims(sentences: PolicySentence[]): Claim[] {
  const claims: Claim[] = []
  for (const sentence of sentences) {
    const mentions = findCategoryMentions(sentence.text)
    if (mentions.length === 0) continue
    const ctx = contextOf(sentence)
    const byCategory = new Map<VendorCategory, { deny: boolean; phrase: string }>()
    for (const m of mentions) {
      const deny = isNegated(ctx.text, ctx.offset + m.start) || isDeniedAfter(sentence.text, m.end)
      for (const category of m.categories) {
        const seen = byCategory.get(category)
        if (!seen) byCategory.set(category, { deny, phrase: m.phrase })
        else seen.deny &&= deny
      }
    }
    for (const [category, v] of byCategory) {
      claims.push({
        kind: 'vendor-category',
        subject: category,
        polarity: v.deny ? 'deny' : 'affirm',
        ...baseClaim(sentence),
        data: { phrase: v.phrase },
      })
    }
  }
  return claims
}

/** Vendor claims (named vendors) and vendor-category claims (vague disclosures by kind). */
export function parseVendorClaims(sentences: PolicySentence[], catalog: Catalog): Claim[] {
  return [...parseNamedVendorClaims(sentences, catalog), ...parseCategoryClaims(sentences)]
}

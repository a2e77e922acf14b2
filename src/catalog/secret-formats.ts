// Vendors' secret formats (the `secrets:` of a vendor file): checked when the catalog is parsed, compiled when it loads.
//
// A format's regex runs over every file that holds one of its hints, so it must stay linear on hostile text: every
// repeat bounded, and literal text first so that almost every position fails on its first characters. This reads just
// the structure those two rules need: a full regex parser (@eslint-community/regexpp) costs ~24M instructions to import,
// an eighth of loading the whole catalog, paid on every start even when the compiled catalog skips the check.
import type { Vendor, VendorSecret } from '../types/index.js'

/** A vendor's format with its regex compiled. */
export interface SecretFormat extends VendorSecret {
  vendor: string
  regex: RegExp
}

/** The literal text a match must start with, at least this long. */
const MIN_LITERAL_HEAD = 2
/** A character class of up to this many listed characters (`[sr]`) is still literal text; a range is not. */
const MAX_LITERAL_CLASS = 8
/** Alternatives spelled out before the head counts as open-ended. */
const MAX_HEADS = 64

/** A piece of a regex: what it matches (literal characters, anything wider, a group, a zero-width assertion) and its repeat. */
interface Term {
  atom: { kind: 'chars'; chars: string[] } | { kind: 'wide' } | { kind: 'group' | 'lookaround'; alternatives: Term[][] } | { kind: 'assert' }
  min: number
  max: number
}

const ESCAPED_CHARS: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', 0: '\0' }

/** Parses a regex that `new RegExp` accepted (no `u` flag) into terms: only the structure the checks read. */
function parse(source: string): Term[][] {
  let i = 0
  const escape = (): Term['atom'] => {
    const c = source[i + 1] ?? ''
    i += 2
    if (c === 'b' || c === 'B') return { kind: 'assert' }
    if ('dDwWsS123456789ck'.includes(c)) return { kind: 'wide' }
    if (c === 'x' || c === 'u') {
      const hex = c === 'x' ? /^[0-9a-fA-F]{2}/.exec(source.slice(i)) : /^[0-9a-fA-F]{4}/.exec(source.slice(i))
      if (!hex) return { kind: 'chars', chars: [c] }
      i += hex[0].length
      return { kind: 'chars', chars: [String.fromCharCode(parseInt(hex[0], 16))] }
    }
    return { kind: 'chars', chars: [ESCAPED_CHARS[c] ?? c] }
  }
  const classMember = (): string | undefined => {
    if (source[i] !== '\\') return source[i++]
    const atom = escape()
    return atom.kind === 'chars' ? atom.chars[0] : undefined
  }
  const charClass = (): Term['atom'] => {
    const chars: string[] = []
    let wide = source[i + 1] === '^'
    i += wide ? 2 : 1
    while (i < source.length && source[i] !== ']') {
      const c = classMember()
      if (c === undefined) wide = true
      else chars.push(c)
      if (source[i] === '-' && source[i + 1] !== ']') {
        i++
        classMember()
        wide = true
      }
    }
    i++
    return wide || chars.length > MAX_LITERAL_CLASS ? { kind: 'wide' } : { kind: 'chars', chars }
  }
  const quantifier = (): [number, number] => {
    const c = source[i]
    let bounds: [number, number] = [1, 1]
    if (c === '*') bounds = [0, Infinity]
    else if (c === '+') bounds = [1, Infinity]
    else if (c === '?') bounds = [0, 1]
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i))
      if (!m) return bounds
      bounds = [Number(m[1]), m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3])]
      i += m[0].length - 1
    } else return bounds
    i++
    if (source[i] === '?') i++
    return bounds
  }
  const disjunction = (): Term[][] => {
    const alternatives: Term[][] = [[]]
    while (i < source.length && source[i] !== ')') {
      const c = source[i]
      let atom: Term['atom']
      if (c === '|') {
        alternatives.push([])
        i++
        continue
      } else if (c === '(') {
        const lookaround = /^\(\?<?[=!]/.exec(source.slice(i))
        const opening = lookaround ?? /^\(\?(?:<[A-Za-z_$][\w$]*>|[a-z-]*:)|^\(/.exec(source.slice(i))!
        i += opening[0].length
        atom = { kind: lookaround ? 'lookaround' : 'group', alternatives: disjunction() }
        i++
      } else if (c === '^' || c === '$') {
        atom = { kind: 'assert' }
        i++
      } else if (c === '\\') atom = escape()
      else if (c === '[') atom = charClass()
      else if (c === '.') {
        atom = { kind: 'wide' }
        i++
      } else {
        atom = { kind: 'chars', chars: [c] }
        i++
      }
      const [min, max] = quantifier()
      alternatives[alternatives.length - 1].push({ atom, min, max })
    }
    return alternatives
  }
  return disjunction()
}

function unbounded(alternatives: Term[][]): boolean {
  return alternatives.some((terms) => terms.some((t) => t.max === Infinity || ('alternatives' in t.atom && unbounded(t.atom.alternatives))))
}

/** The literal strings a sequence of terms starts with, and whether they are all it matches. */
function literalHeads(terms: Term[]): { heads: string[]; complete: boolean } {
  let heads = ['']
  for (const { atom, min, max } of terms) {
    if (atom.kind === 'assert' || atom.kind === 'lookaround') continue
    if (atom.kind === 'wide') return { heads, complete: false }
    let options = atom.kind === 'chars' ? atom.chars : []
    let complete = true
    if (atom.kind === 'group') {
      const inner = atom.alternatives.map(literalHeads)
      options = inner.flatMap((h) => h.heads)
      complete = inner.every((h) => h.complete)
    }
    // a group that is not all literal (`(?:ab\d)`) gives literal text for its first copy only
    for (let n = 0; n < (complete ? min : Math.min(min, 1)); n++) {
      if (heads.length * options.length > MAX_HEADS) return { heads, complete: false }
      heads = heads.flatMap((h) => options.map((o) => h + o))
    }
    // past a repeat of variable length (`b{1,3}`) the text is no longer fixed: its first `min` copies are
    if (!complete || min !== max) return { heads, complete: false }
  }
  return { heads, complete: true }
}

/** What is wrong with a vendor's secret formats: a regex that does not compile, or could run long on hostile text. */
export function secretFormatIssues(vendor: Pick<Vendor, 'secrets'> | { secrets?: VendorSecret[] }): string[] {
  const issues: string[] = []
  for (const format of vendor.secrets ?? []) {
    try {
      new RegExp(format.pattern, 'g')
    } catch (error) {
      issues.push(`secret ${format.id}: the pattern does not compile: ${(error as Error).message}`)
      continue
    }
    const alternatives = parse(format.pattern)
    if (unbounded(alternatives)) issues.push(`secret ${format.id}: the pattern repeats without an upper bound (*, + or {n,}): give every repeat a maximum`)
    const heads = alternatives.flatMap((terms) => literalHeads(terms).heads)
    if (heads.some((h) => h.length < MIN_LITERAL_HEAD)) issues.push(`secret ${format.id}: the pattern must start with literal text (${MIN_LITERAL_HEAD} characters or more, after any lookbehind)`)
  }
  return issues
}

/** Every vendor's formats, regex compiled, in vendor order: where two formats match the same text, the first wins. */
export function compileSecretFormats(vendors: Vendor[]): SecretFormat[] {
  return vendors.flatMap((v) => v.secrets.map((format) => ({ ...format, vendor: v.id, regex: new RegExp(format.pattern, 'g') })))
}

// The personal data categories (data/categories.yaml): fideslang keys, the names that carry each in code, the request
// headers that hold it, and the phrases policies use for it. Parsed and validated once per process.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Type, { type Static } from 'typebox'
import { Value } from 'typebox/value'
import { parse as parseYaml } from 'yaml'
import { splitWords } from '../util/words.js'
import { COMPILED_CATEGORIES, readCompiled, type VendorSource } from './compiled.js'
import { closed, CategoryKeySchema } from '../types/common.js'

export const CATEGORIES_FILE = fileURLToPath(new URL('../../data/categories.yaml', import.meta.url))

const Word = Type.String({ pattern: '^[a-z0-9]+$' })
/** The last words of a name: each entry a word, or a list of words one of which must stand there. */
const WordsSchema = Type.Array(Type.Union([Word, Type.Array(Word, { minItems: 1 })]), { minItems: 1 })

const CategorySchema = closed({
  label: Type.String({ minLength: 1, description: 'how reports name it' }),
  identifying: Type.Boolean({ description: 'it identifies a person: an "anonymous" promise excludes it' }),
  logged: Type.Boolean({ description: 'personal-data-logged reports it reaching a log' }),
  words: Type.Array(WordsSchema, { description: 'the last words of a name that carries it' }),
  headers: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z0-9-]+$' }))),
  autofill: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z0-9-]+$' }), { description: 'HTML autofill field names (and input types) of a form field that asks for it' })),
  includes: Type.Optional(Type.Array(CategoryKeySchema, { description: 'categories a policy naming this one covers' })),
  phrases: Type.Array(Type.String({ pattern: '^[a-z0-9][a-z0-9 \'-]*$' }), { minItems: 1, description: 'how policies name it, lowercase' }),
})

export const CategoriesFileSchema = closed({
  notFirst: Type.Array(Word, { description: 'first words that make a name a flag or a transformed copy (isEmail, hashedEmail)' }),
  categories: Type.Record(CategoryKeySchema, CategorySchema),
})
export type CategoriesFile = Static<typeof CategoriesFileSchema>

export interface DataCategory {
  key: string
  label: string
  identifying: boolean
  logged: boolean
  headers: string[]
  phrases: string[]
  /** Categories a policy naming this one covers. */
  includes: string[]
}

export class DataCategories {
  readonly list: DataCategory[]
  private readonly byKey = new Map<string, DataCategory>()
  /** Name patterns by their last word: [the words before it, from the end (a set where any of several may stand), key]. */
  private readonly byLastWord = new Map<string, Array<{ before: Array<ReadonlySet<string>>; key: string }>>()
  private readonly notFirst: ReadonlySet<string>
  private readonly byHeader = new Map<string, string>()
  private readonly byAutofill = new Map<string, string>()
  private readonly memo = new Map<string, string | null>()

  constructor(file: CategoriesFile) {
    this.notFirst = new Set(file.notFirst)
    this.list = Object.entries(file.categories).map(([key, c]) => ({ key, label: c.label, identifying: c.identifying, logged: c.logged, headers: c.headers ?? [], phrases: c.phrases, includes: c.includes ?? [] }))
    for (const c of this.list) this.byKey.set(c.key, c)
    for (const [key, c] of Object.entries(file.categories)) {
      for (const h of c.headers ?? []) this.byHeader.set(h, key)
      for (const token of c.autofill ?? []) this.byAutofill.set(token, key)
      for (const sequence of c.words) {
        const sets = sequence.map((w) => new Set(typeof w === 'string' ? [w] : w))
        const last = sets[sets.length - 1]
        for (const word of last) {
          const list = this.byLastWord.get(word) ?? []
          list.push({ before: sets.slice(0, -1).reverse(), key })
          this.byLastWord.set(word, list)
        }
      }
    }
    // longest patterns first: `ipAddress` is an IP address before it is an address
    for (const list of this.byLastWord.values()) list.sort((a, b) => b.before.length - a.before.length)
  }

  get(key: string): DataCategory | undefined {
    return this.byKey.get(key)
  }

  /** The category a value so named carries (`userEmail`, `ip_address`, `firstName`), or undefined (`emailVerified`). */
  ofName(name: string): string | undefined {
    const known = this.memo.get(name)
    if (known !== undefined) return known ?? undefined
    const found = this.classify(splitWords(name))
    if (this.memo.size > 50_000) this.memo.clear()
    this.memo.set(name, found ?? null)
    return found
  }

  /** The category of `object.key` read together (`user.name`), where the key's own first word may still rule it out (`input.isMobile`). */
  ofMember(objectWord: string, key: string): string | undefined {
    const words = splitWords(key)
    if (words.length === 0 || (words.length > 1 && this.notFirst.has(words[0]))) return undefined
    return this.classify([objectWord, ...words])
  }

  private classify(words: readonly string[]): string | undefined {
    const n = words.length
    if (n === 0 || this.notFirst.has(words[0]) && n > 1) return undefined
    const candidates = this.byLastWord.get(words[n - 1])
    if (!candidates) return undefined
    for (const { before, key } of candidates) {
      if (before.length > n - 1) continue
      if (before.every((set, i) => set.has(words[n - 2 - i]))) return key
    }
    return undefined
  }

  /**
   * The category of a field a table, model or schema declares: its own name, else read with the table's (`name` of
   * `model User` or `pgTable('users')` is a person's name; `name` of `model Project` is not).
   */
  ofField(table: string, field: string): string | undefined {
    const own = this.ofName(field)
    if (own) return own
    const words = splitWords(table)
    const last = words[words.length - 1]
    if (!last) return undefined
    return this.ofMember(last.length > 3 && last.endsWith('s') && !last.endsWith('ss') ? last.slice(0, -1) : last, field)
  }

  /**
   * The category a form field asks for by its `autocomplete` value (`email`, `shipping street-address`, `home tel
   * webauthn`: the field name is the last token before an optional `webauthn`) or by its input type (`email`, `tel`).
   */
  ofAutofill(value: string): string | undefined {
    const tokens = value.toLowerCase().trim().split(/\s+/)
    const last = tokens[tokens.length - 1] === 'webauthn' ? tokens[tokens.length - 2] : tokens[tokens.length - 1]
    return last === undefined ? undefined : this.byAutofill.get(last)
  }

  /** The category a request header holds, by its lowercase name. */
  ofHeader(name: string): string | undefined {
    return this.byHeader.get(name.toLowerCase())
  }
}

/** The categories file's problems against its schema, as `path: message` lines (none when valid). */
export function categoriesIssues(data: unknown): string[] {
  return [...Value.Errors(CategoriesFileSchema, data)].map((e) => `${e.instancePath || '/'}: ${e.message}`)
}

let cached: DataCategories | undefined

/** The categories file as the source its compiled form is stamped with (see compiled.ts). */
export function categoriesSource(file = CATEGORIES_FILE): VendorSource[] {
  return [{ file: 'categories.yaml', text: readFileSync(file, 'utf8') }]
}

/** A categories file parsed and validated; throws on an invalid file (a defect of the release, or of the build). */
export function parseCategories(text: string, file = CATEGORIES_FILE): CategoriesFile {
  const data: unknown = parseYaml(text)
  const issues = categoriesIssues(data)
  if (issues.length > 0) throw new Error(`invalid ${file}: ${issues[0]}`)
  return data as CategoriesFile
}

/**
 * The categories, once per process: compiled (parsed and validated) at build time while data/categories.yaml is
 * unchanged, else parsed and validated here.
 */
export function loadCategories(file = CATEGORIES_FILE, compiledFile = COMPILED_CATEGORIES): DataCategories {
  if (file === CATEGORIES_FILE && cached) return cached
  const sources = categoriesSource(file)
  const categories = new DataCategories(readCompiled<CategoriesFile>(sources, compiledFile) ?? parseCategories(sources[0].text, file))
  if (file === CATEGORIES_FILE) cached = categories
  return categories
}

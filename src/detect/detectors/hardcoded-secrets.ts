// Credentials committed to the repo: provider formats anywhere in code, env, deploy and data files, and
// random-looking values bound to secret-named keys. Evidence carries only the redacted value; the raw one
// goes to the engine's side channel so the report can be scrubbed of it.
import { createHash } from 'node:crypto'
import { ts } from 'ts-morph'
import type { Catalog } from '../../catalog/index.js'
import { redactSecret } from '../../secrets/redact.js'
import type { SourceFile } from '../../types/index.js'
import type { CodeDetector, ConfigDetector, EvidenceInput } from '../engine.js'
import { isPublicEnvName, secretEnvCategory, vendorWords, type SecretCategory } from '../../secrets/names.js'
import { entropy, findProviderSecrets, isPlaceholder, type ProviderMatch } from '../../secrets/patterns.js'
import { providerRules } from '../../secrets/rules.js'

export const HARDCODED_SECRETS_DETECTOR = 'hardcoded-secrets'

/** `.env.example`, `config.sample.json`, `app.template.yaml`: files written to be copied and filled in. */
export function isExampleFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase()
  return /(?:^|\.)(?:example|sample|template|dist|defaults?|tmpl|tpl)(?:\.|$)/.test(base.replace(/^\.env/, 'env'))
}

/** A short, stable, one-way handle on a secret: the same key in two places is one finding per file. */
export function secretFingerprint(raw: string): string {
  return createHash('sha256').update(raw).digest('hex').slice(0, 16)
}

const isVendorWord = (catalog: Catalog) => vendorWords(catalog)

/** The key a value is bound to on its line: `STRIPE_KEY=`, `"apiKey": "`, `secret_key: `, `const token = '`. */
export function bindingNameBefore(linePrefix: string): string | undefined {
  const m = /([A-Za-z_$][\w$.-]{0,80})["']?\s*(?:[:=]|=>|\?\?|\|\|)\s*["'`]?\s*$/.exec(linePrefix.slice(-200))
  if (!m) return undefined
  const name = m[1]
  return name.slice(name.lastIndexOf('.') + 1)
}

interface Emitter {
  catalog: Catalog
  file: SourceFile
  emit(evidence: EvidenceInput): void
}

function providerEvidence(match: ProviderMatch, name: string | undefined, ctx: Emitter, where: { line: number; column: number }): EvidenceInput | undefined {
  const { rule } = match
  // browser keys (Firebase web config, Maps JavaScript API) are public by design when bound to a public name
  if (rule.id === 'google-api-key' && name && (isPublicEnvName(name) || /^(?:apiKey|api_key|key)$/.test(name) || /firebase|maps|browser|client|web/i.test(name))) return undefined
  const envVendor = name ? ctx.catalog.matchEnv(name)?.vendor.id : undefined
  // CLERK_SECRET_KEY=sk_live_… is Clerk's, not Stripe's: the same format, told apart by its name
  const vendor = rule.id === 'stripe-secret-key' && envVendor && envVendor !== 'stripe' ? envVendor : rule.vendor
  return {
    kind: 'secret',
    value: rule.display ? rule.display(match.value) : redactSecret(match.value, rule.prefix(match.value)),
    secret: match.secret,
    reason: 'provider-format',
    line: where.line,
    column: where.column,
    data: {
      rule: rule.id,
      label: rule.label,
      ...(vendor ? { vendor } : {}),
      ...(match.mode ? { mode: match.mode } : {}),
      ...(name ? { name } : {}),
      fingerprint: secretFingerprint(match.secret),
      ...(isExampleFile(ctx.file.path) ? { example: true } : {}),
    },
  }
}

/** Values that are references to a secret kept elsewhere, not the secret. */
const REFERENCE = /^(?:arn:aws|projects\/[^/]+\/secrets\/|op:\/\/|vault:|sm:\/\/|ssm:|awssm:|secretsmanager:|doppler:|infisical:|gcp:|azure:|kms:|file:|env:|https?:\/\/|\/|\.\.?\/|~\/)/i

/** A value bound to a secret-named key that looks like a real credential rather than a word, a path or a reference. */
export function looksLikeSecretValue(value: string, category: SecretCategory): boolean {
  if (value.length < 12 || value.length > 1000 || /\s/.test(value)) return false
  if (REFERENCE.test(value) || /\$\{|\$[A-Z_]|%\(|\{\{|^<|>$/.test(value) || isPlaceholder(value)) return false
  if (/^(?:true|false|null|undefined|none|yes|no)$/i.test(value) || /^[\d.]+$/.test(value)) return false
  // kebab or snake phrases (`my-app-session-secret`) and dotted names (`auth.secret.key`) are labels
  if (/^[a-z]+(?:[-_.][a-z]+)+$/i.test(value)) return false
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length
  if (classes < 2) return false
  // generated secrets of this length nearly always hold a digit; `TemplateLiteralEnd` or `SignificantToken` do not
  if (!/\d/.test(value) && !(value.length >= 24 && classes >= 3)) return false
  if (looksLikeWords(value)) return false
  const minEntropy = category === 'password' ? 3 : 3.3
  return entropy(value) >= minEntropy
}

/** `TemplateLiteralEnd`, `cl100k_base_tokenizer`, `api-v2-production`: words and short numbers, not random characters. */
function looksLikeWords(value: string): boolean {
  const parts = value.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+|\s/).filter(Boolean)
  return parts.length >= 2 && parts.every((p) => /^[A-Za-z][a-z]{2,}$|^[A-Z]{2,5}$|^\d{1,4}$|^[a-z]+\d{1,4}[a-z]*$/.test(p))
}

function genericEvidence(name: string, value: string, category: SecretCategory, ctx: Emitter, where: { line: number; column: number }): EvidenceInput {
  return {
    kind: 'secret',
    value: redactSecret(value),
    secret: value,
    reason: 'secret-name-entropy',
    line: where.line,
    column: where.column,
    data: {
      rule: 'generic-secret',
      label: category === 'password' ? 'a password' : category === 'private-key' ? 'a private key' : category === 'token' ? 'a token' : category === 'api-key' ? 'an API key' : 'a secret',
      name,
      fingerprint: secretFingerprint(value),
      ...(isExampleFile(ctx.file.path) ? { example: true } : {}),
    },
  }
}

/** Line and column (1-based) of every offset, by a running cursor: linear in the text. */
function lineLocator(text: string): (offset: number) => { line: number; column: number; lineStart: number } {
  let line = 1
  let lineStart = 0
  let cursor = 0
  return (offset) => {
    if (offset < cursor) {
      line = 1
      lineStart = 0
      cursor = 0
    }
    for (let i = text.indexOf('\n', cursor); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++
      lineStart = i + 1
    }
    cursor = offset
    return { line, column: offset - lineStart + 1, lineStart }
  }
}

/** Provider-format credentials anywhere in a text. Returns the raw values found, so generic rules skip them. */
function scanProviderFormats(text: string, ctx: Emitter): Set<string> {
  const found = new Set<string>()
  const locate = lineLocator(text)
  for (const match of findProviderSecrets(text, providerRules(ctx.catalog))) {
    const at = locate(match.start)
    const name = bindingNameBefore(text.slice(at.lineStart, match.start))
    found.add(match.value)
    const evidence = providerEvidence(match, name, ctx, at)
    if (evidence) ctx.emit(evidence)
  }
  return found
}

/** `NAME=value`, `NAME: value`, `- NAME=value`, `export NAME=value`, `ENV NAME value`, `name = "value"` (TOML). */
const LINE_BINDING = /^\s*(?:-\s+)?(?:export\s+|ENV\s+|ARG\s+)?["']?([A-Za-z_][\w.-]{0,80})["']?\s*(?:[:=]|\s(?=\S))\s*(.*)$/
const JSON_BINDING = /"([A-Za-z_][\w.-]{0,80})"\s*:\s*"((?:[^"\\]|\\.){1,1000})"/g

function unquote(raw: string): string {
  let v = raw.trim()
  const q = v[0]
  if ((q === '"' || q === "'" || q === '`') && v.lastIndexOf(q) > 0) return v.slice(1, v.lastIndexOf(q))
  // an unquoted value ends at an inline comment or a trailing comma
  const hash = v.search(/\s#/)
  if (hash >= 0) v = v.slice(0, hash)
  return v.replace(/,$/, '').trim()
}

/** Env, deploy-config and data files: provider formats, then secret-named keys with random-looking values. */
export const hardcodedSecretsText: ConfigDetector = {
  id: HARDCODED_SECRETS_DETECTOR,
  detect({ file, text, lines, catalog, emit }) {
    const ctx = { catalog, file, emit }
    const provider = scanProviderFormats(text, ctx)
    const isVendor = isVendorWord(catalog)
    const json = /\.jsonc?$/i.test(file.path)
    lines.forEach((line, i) => {
      if (line.length > 5000) return
      const trimmed = line.trimStart()
      if (trimmed.startsWith('#') || trimmed.startsWith('//')) return
      const pairs: Array<{ name: string; value: string; column: number }> = []
      if (json) {
        for (const m of line.matchAll(JSON_BINDING)) pairs.push({ name: m[1], value: m[2], column: (m.index ?? 0) + m[0].length - m[2].length })
      } else {
        const m = LINE_BINDING.exec(line)
        if (m) pairs.push({ name: m[1], value: unquote(m[2]), column: line.length - m[2].length + 1 })
      }
      for (const { name, value, column } of pairs) {
        if ([...provider].some((p) => value.includes(p) || p.includes(value))) continue
        const category = secretEnvCategory(name, isVendor)
        if (!category || !looksLikeSecretValue(value, category)) continue
        emit(genericEvidence(name, value, category, ctx, { line: i + 1, column }))
      }
    })
  },
}

/** The name a string literal is bound to in code: a variable, a property, an assignment target, a default, a fallback. */
function boundName(literal: ts.Node): { name: string; node: ts.Node } | undefined {
  let node: ts.Node = literal
  let parent = node.parent
  // `process.env.X ?? 'fallback'`, `a || 'fallback'`, `('x' as string)`
  while (parent && (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent)
    || (ts.isBinaryExpression(parent) && parent.right === node && (parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || parent.operatorToken.kind === ts.SyntaxKind.BarBarToken)))) {
    node = parent
    parent = node.parent
  }
  if (!parent) return undefined
  const nameOf = (n: ts.Node | undefined): string | undefined => {
    if (!n) return undefined
    if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n) || ts.isStringLiteral(n)) return n.text
    if (ts.isPropertyAccessExpression(n)) return n.name.text
    if (ts.isElementAccessExpression(n) && ts.isStringLiteralLike(n.argumentExpression)) return n.argumentExpression.text
    return undefined
  }
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent)) && parent.initializer === node) {
    const name = nameOf(parent.name)
    return name ? { name, node: parent } : undefined
  }
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) {
    const name = nameOf(parent.name)
    return name ? { name, node: parent } : undefined
  }
  if (ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const name = nameOf(parent.left)
    return name ? { name, node: parent } : undefined
  }
  if (ts.isJsxExpression(parent) && parent.parent && ts.isJsxAttribute(parent.parent)) return { name: parent.parent.name.getText(), node: parent.parent }
  if (ts.isJsxAttribute(parent) && parent.initializer === node) return { name: parent.name.getText(), node: parent }
  return undefined
}

/** The same literals recur across files: the verdict on each short value is kept. */
const VALUE_VERDICTS = new Map<string, boolean>()
const MEMO_VALUE_LENGTH = 256

/**
 * Whether a value could pass `looksLikeSecretValue` under some category: the categories differ only in the entropy
 * floor, and 'password' has the lowest.
 */
function mayBeSecretValue(value: string): boolean {
  if (value.length > MEMO_VALUE_LENGTH) return looksLikeSecretValue(value, 'password')
  let verdict = VALUE_VERDICTS.get(value)
  if (verdict === undefined) {
    verdict = looksLikeSecretValue(value, 'password')
    if (VALUE_VERDICTS.size >= 50_000) VALUE_VERDICTS.clear()
    VALUE_VERDICTS.set(value, verdict)
  }
  return verdict
}

/** Source files: provider formats over the raw text (comments included), secret-named string literals through the AST. */
export const hardcodedSecretsCode: CodeDetector = {
  id: HARDCODED_SECRETS_DETECTOR,
  create({ file, text, catalog, emit, locate }) {
    const ctx = { catalog, file, emit }
    const provider = scanProviderFormats(text, ctx)
    const isVendor = isVendorWord(catalog)
    const literal = (node: ts.Node) => {
      const value = (node as ts.StringLiteral).text
      if (value.length < 12 || value.length > 1000) return
      if (provider.size > 0 && [...provider].some((p) => value.includes(p))) return
      // the value first, by itself: most literals are words or paths, and the walk to their binding costs more
      if (!mayBeSecretValue(value)) return
      const bound = boundName(node)
      if (!bound) return
      const category = secretEnvCategory(bound.name, isVendor)
      if (!category || !looksLikeSecretValue(value, category)) return
      const where = locate(node)
      emit(genericEvidence(bound.name, value, category, ctx, { line: where.line, column: (where.column ?? 0) + 1 }))
    }
    return {
      visitors: {
        StringLiteral: literal,
        NoSubstitutionTemplateLiteral: literal,
      },
    }
  },
}

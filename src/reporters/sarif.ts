// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, rule metadata from the checks, one result per
// finding with its fingerprint, the first code location as the primary one and the policy sentence as a related one.
import { pathToFileURL } from 'node:url'
import { SARIF_FINGERPRINT_KEY, type Finding, type Location, type RuleMeta, type Severity } from '../types/index.js'
import type { FullReport } from '../types/index.js'
import type { RenderOptions } from './options.js'

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'
export const DOCS_BASE_URL = 'https://privaudit.dev/docs/checks/'
const INFORMATION_URI = 'https://privaudit.dev'

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', note: 'note' }

/** `undeclared-subprocessor` → `UndeclaredSubprocessor` (SARIF's `name` is an identifier-like rule name). */
function ruleName(id: string): string {
  return id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')
}

function ruleHelp(rule: RuleMeta): { text: string; markdown: string } {
  const uri = `${DOCS_BASE_URL}${rule.id}.md`
  const ignore = `ignore:\n  - rule: ${rule.id}\n    path: <gitignore-style pattern>\n    reason: <why this is not a finding>`
  return {
    text: `${rule.description} Fix the code or the privacy policy so that they agree. To accept a finding, add an ignore entry with a reason to .privaudit.yml (rule: ${rule.id}). Documentation: ${uri}`,
    markdown: `**${rule.id}**: ${rule.description}\n\nFix the code or the privacy policy so that they agree. To accept a finding, add an ignore entry with a reason to \`.privaudit.yml\`:\n\n\`\`\`yaml\n${ignore}\n\`\`\`\n\n[Documentation](${uri})`,
  }
}

function uriOf(file: string, prefix: string): string {
  return `${prefix}${file}`.split('/').map(encodeURIComponent).join('/')
}

function physical(l: Location, prefix: string) {
  return {
    artifactLocation: { uri: uriOf(l.file === '.' ? '' : l.file, prefix) || '.', uriBaseId: 'SRCROOT' },
    region: { startLine: l.line, ...(l.column ? { startColumn: l.column } : {}) },
  }
}

function result(f: Finding, ruleIndex: number, report: FullReport, prefix: string) {
  const [primary, ...rest] = f.locations
  const related: Array<Record<string, unknown>> = rest.map((l, i) => ({ id: i + 1, physicalLocation: physical(l, prefix), message: { text: 'also used here' } }))
  if (f.policy && report.policy) {
    related.push({ id: related.length + 1, physicalLocation: physical({ file: report.policy.path, line: f.policy.line }, prefix), message: { text: `policy: “${f.policy.quote}”` } })
  }
  const text = f.suggestion ? `${f.message} Suggested policy sentence: “${f.suggestion}”` : f.message
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text },
    locations: [{ physicalLocation: physical(primary, prefix) }],
    ...(related.length ? { relatedLocations: related } : {}),
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: f.fingerprint },
    ...(f.vendor || f.suggestion ? { properties: { ...(f.vendor ? { vendor: f.vendor } : {}), ...(f.suggestion ? { suggestion: f.suggestion } : {}) } } : {}),
  }
}

export function renderSarif(report: FullReport, options: Partial<RenderOptions> = {}): string {
  const prefix = options.pathPrefix ?? ''
  const rules: RuleMeta[] = (options.rules ?? []).map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity }))
  // a finding of a rule the registry does not list (a plugin, an older report) still gets rule metadata
  for (const f of report.findings) {
    if (!rules.some((r) => r.id === f.ruleId)) rules.push({ id: f.ruleId, description: `privaudit rule ${f.ruleId}.`, defaultSeverity: f.severity })
  }
  const index = new Map(rules.map((r, i) => [r.id, i]))
  // SRCROOT is the repository root: the scanned folder minus the prefix that places it in the repository
  const depth = prefix.split('/').filter(Boolean).length
  const srcroot = report.root.split('/').slice(0, report.root.split('/').length - depth).join('/') || '/'
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'privaudit',
          version: report.tool.version,
          semanticVersion: report.tool.version,
          informationUri: INFORMATION_URI,
          rules: rules.map((r) => ({
            id: r.id,
            name: ruleName(r.id),
            shortDescription: { text: r.description },
            fullDescription: { text: r.description },
            help: ruleHelp(r),
            helpUri: `${DOCS_BASE_URL}${r.id}.md`,
            defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
            properties: { tags: ['privacy'] },
          })),
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(srcroot.endsWith('/') ? srcroot : `${srcroot}/`).href } },
      results: report.findings.map((f) => result(f, index.get(f.ruleId)!, report, prefix)),
      columnKind: 'utf16CodeUnits',
    }],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}

// SARIF: valid against the official SARIF 2.1.0 schema (OASIS, draft-07) and clean under Microsoft's SARIF Multitool
// validator; rule metadata, levels, locations, related locations and fingerprints as code scanning reads them.
import { spawnSync } from 'node:child_process'
import { accessSync, chmodSync, constants, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { beforeAll, describe, expect, it } from 'vitest'
import { CHECKS } from '../../src/checks/index.js'
import type { FullReport } from '../../src/types/index.js'
import { renderSarif } from '../../src/reporters/sarif.js'
import { ROOT } from '../helpers/cli.js'
import { sampleReport } from '../helpers/report.js'
import { RULES } from '../../src/core/diff.js'

const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/sarif-schema-2.1.0.json'), 'utf8'))
const ajv = new Ajv({ allErrors: true, strict: false })
addFormats.default(ajv)
const validate = ajv.compile(schema)

function sarifErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}

let report: FullReport
let log: any
beforeAll(async () => {
  report = await sampleReport()
  log = JSON.parse(renderSarif(report, { color: false, rules: RULES }))
})

describe('SARIF 2.1.0', () => {
  it('uses the official draft-07 schema', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#')
    expect(schema.$id).toMatch(/oasis-tcs\/sarif-spec\/.*sarif-schema-2\.1\.0\.json$/)
  })

  it('validates against the official schema, and the schema catches a broken log', () => {
    expect(sarifErrors(log)).toEqual([])
    const broken = structuredClone(log)
    broken.runs[0].results[0].level = 'fatal'
    broken.runs[0].tool.driver.rules[0].helpUri = 'not a uri'
    delete broken.runs[0].results[0].message
    expect(sarifErrors(broken).length).toBeGreaterThanOrEqual(3)
  })

  it('describes every check as a rule: description, help, help URI, default level', () => {
    const rules = log.runs[0].tool.driver.rules
    expect(rules.map((r: any) => r.id)).toEqual(CHECKS.map((c) => c.meta.id))
    const rule = rules.find((r: any) => r.id === 'undeclared-subprocessor')
    expect(rule).toMatchObject({
      name: 'UndeclaredSubprocessor',
      shortDescription: { text: expect.stringMatching(/privacy policy does not declare/) },
      fullDescription: { text: expect.any(String) },
      help: { text: expect.stringMatching(/\.privaudit\.yml/), markdown: expect.stringMatching(/```yaml\nignore:/) },
      helpUri: expect.stringMatching(/^https:\/\/.*\/undeclared-subprocessor\.md$/),
      defaultConfiguration: { level: 'error' },
    })
    expect(log.runs[0].tool.driver).toMatchObject({ name: 'privaudit', version: report.tool.version, semanticVersion: report.tool.version })
  })

  it('one result per finding: level, primary location, related locations, policy sentence, fingerprint', () => {
    const results = log.runs[0].results
    expect(results).toHaveLength(report.findings.length)
    for (const [i, f] of report.findings.entries()) {
      const r = results[i]
      expect(r.ruleId).toBe(f.ruleId)
      expect(log.runs[0].tool.driver.rules[r.ruleIndex].id).toBe(f.ruleId)
      expect(r.level).toBe(f.severity)
      expect(r.partialFingerprints).toEqual({ 'privaudit/v1': f.fingerprint })
      expect(r.locations[0].physicalLocation).toEqual({
        artifactLocation: { uri: f.locations[0].file, uriBaseId: 'SRCROOT' },
        region: { startLine: f.locations[0].line, ...(f.locations[0].column ? { startColumn: f.locations[0].column } : {}) },
      })
      expect((r.relatedLocations ?? []).filter((l: any) => l.message.text === 'also used here')).toHaveLength(f.locations.length - 1)
    }
    const intercom = results.find((r: any) => r.properties?.vendor === 'intercom')
    expect(intercom.level).toBe('error')
    const policy = intercom.relatedLocations.find((l: any) => l.message.text.startsWith('policy:'))
    expect(policy.physicalLocation).toEqual({ artifactLocation: { uri: 'PRIVACY.md', uriBaseId: 'SRCROOT' }, region: { startLine: 8 } })
    expect(policy.message.text).toMatch(/We do not use Intercom/)
    expect(results.map((r: any) => r.level).sort()).toEqual(['error', 'error', 'note', 'warning', 'warning'])
    expect(log.runs[0].originalUriBaseIds.SRCROOT.uri).toBe(`file://${report.root}/`)
  })

  it('places a scanned subfolder inside the repository with pathPrefix', () => {
    const sub = JSON.parse(renderSarif({ ...report, root: '/work/repo/apps/my web' }, { color: false, pathPrefix: 'apps/my web/', rules: RULES }))
    expect(sub.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^apps\/my%20web\//)
    expect(sub.runs[0].originalUriBaseIds.SRCROOT.uri).toBe('file:///work/repo/')
    expect(sarifErrors(sub)).toEqual([])
  })

  it('is deterministic', async () => {
    expect(renderSarif(report, { color: false, rules: RULES })).toBe(renderSarif(structuredClone(report), { color: false, rules: RULES }))
  })
})

// Microsoft's SARIF Multitool (npm @microsoft/sarif-multitool, a self-contained .NET build per platform)
const MULTITOOL = path.join(ROOT, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool')
const multitoolSkip = process.platform !== 'linux' || process.arch !== 'x64'
  ? 'the SARIF Multitool npm package ships a Linux x64 build only here'
  : !existsSync(MULTITOOL) ? 'devDependency @microsoft/sarif-multitool is not installed (npm ci)' : ''

describe.skipIf(Boolean(multitoolSkip))(`SARIF Multitool validate${multitoolSkip ? ` (skipped: ${multitoolSkip})` : ''}`, () => {
  function multitool(file: string): Array<{ ruleId: string; level: string; text: string }> {
    try {
      accessSync(MULTITOOL, constants.X_OK)
    } catch {
      chmodSync(MULTITOOL, 0o755) // npm may skip the package's `chmod u+x` postinstall
    }
    const out = path.join(path.dirname(file), 'validation.sarif')
    const r = spawnSync(MULTITOOL, ['validate', file, '--output', out, '--log', 'ForceOverwrite', '--level', 'Error;Warning;Note'], {
      encoding: 'utf8', timeout: 120_000, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
    })
    expect(r.status, r.stdout + r.stderr).toBe(0)
    const validation = JSON.parse(readFileSync(out, 'utf8'))
    return (validation.runs[0].results ?? []).map((x: any) => ({ ruleId: x.ruleId, level: x.level ?? 'warning', text: JSON.stringify(x.message) }))
  }

  it('finds no error and no warning in privaudit\'s SARIF (and does find them in a broken log)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'privaudit-sarif-'))
    const file = path.join(dir, 'privaudit.sarif')
    writeFileSync(file, renderSarif(report, { color: false, rules: RULES }))
    const results = multitool(file)
    expect(results.filter((r) => r.level === 'error' || r.level === 'warning')).toEqual([])

    // the validator is live: a region starting at line 0 is an error
    const broken = structuredClone(log)
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0
    writeFileSync(file, JSON.stringify(broken))
    expect(multitool(file).filter((r) => r.level === 'error').map((r) => r.ruleId)).toContain('JSON1008')
  })
})

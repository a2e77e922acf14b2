// Claims coverage of the personal-data promises: confirmed where the code keeps them, contradicted where a finding
// cites them, unverifiable where the analysis saw nothing either way.
import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../../src/collect/config.js'
import { diff } from '../../src/core/diff.js'
import type { Claim, Evidence } from '../../src/types/index.js'
import { testCatalog } from '../helpers/catalog.js'
import { dataClaim, dataFlow } from '../helpers/data-flows.js'

function statuses(evidence: Evidence[], claims: Claim[]): string[] {
  const result = diff({ evidence, claims, catalog: testCatalog(), config: defaultConfig(), policy: { path: 'PRIVACY.md' } })
  return result.claims.map((c) => `${c.subject} ${c.status}${c.evidence ? ` ${c.evidence.map((l) => `${l.file}:${l.line}`).join(',')}` : ''}`)
}

const minimalLogs = dataClaim('logs', { level: 'minimal' }, { line: 7 })
const collectsEmail = dataClaim('collection', { categories: ['user.contact.email'] }, { line: 3 })
const anonymousAnalytics = dataClaim('anonymous-data', { qualifier: 'anonymized', purpose: 'analytics' }, { line: 16 })

describe('personal-data claims coverage', () => {
  it('minimal logs: confirmed by logs of ids only, contradicted by an email logged, unverifiable with no log seen', () => {
    expect(statuses([dataFlow('user.unique_id', 'userId', undefined, 'api.ts', 4)], [minimalLogs])).toEqual(['logs confirmed api.ts:4'])
    expect(statuses([dataFlow('user.unique_id', 'userId', undefined, 'api.ts', 4), dataFlow('user.contact.email', 'email', undefined, 'api.ts', 9)], [minimalLogs])).toEqual(['logs contradicted'])
    expect(statuses([], [minimalLogs])).toEqual(['logs unverifiable'])
  })

  it('a collection entry is confirmed where the code stores or sends what it names', () => {
    const stored = dataFlow('user.contact.email', 'email', undefined, 'db.ts', 12, { sinkKind: 'storage' })
    expect(statuses([stored], [collectsEmail])).toEqual(['collection confirmed db.ts:12'])
    // a log is not collection
    expect(statuses([dataFlow('user.contact.email', 'email', undefined, 'api.ts', 2)], [collectsEmail])).toEqual(['collection unverifiable'])
  })

  it('anonymous analytics: confirmed by analytics calls that identify nobody, contradicted by one that does', () => {
    expect(statuses([dataFlow('user.device', 'userAgent', 'segment', 'track.ts', 5)], [anonymousAnalytics])).toEqual(['anonymous-data confirmed track.ts:5'])
    expect(statuses([dataFlow('user.device', 'userAgent', 'segment', 'track.ts', 5), dataFlow('user.unique_id', 'userId', 'segment', 'track.ts', 6)], [anonymousAnalytics])).toEqual(['anonymous-data contradicted'])
  })
})

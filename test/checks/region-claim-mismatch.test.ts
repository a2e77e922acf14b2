import { describe, expect, it } from 'vitest'
import { loadRegionTable } from '../../src/catalog/regions.js'
import { regionClaimMismatch } from '../../src/checks/region-claim-mismatch/index.js'
import { defaultConfig } from '../../src/collect/config.js'
import { diff } from '../../src/core/diff.js'
import type { Claim, Evidence, RegionClaim } from '../../src/types/index.js'
import { testCatalog } from '../helpers/catalog.js'
import { claim, ev, policyClaim, testCheck } from '../helpers/check-tester.js'

function processedIn(regions: string[], extra: Partial<Omit<RegionClaim, 'data'>> & { data?: Partial<RegionClaim['data']> } = {}): Claim {
  const table = loadRegionTable()
  const quote = 'Data may be processed in the EU and the United States with appropriate safeguards in place.'
  return policyClaim({ kind: 'region', subject: regions.join(','), line: 21, quote, ...extra, data: { regions, limiting: true, places: regions.map((id) => table.placeName(id)), ...extra.data } })
}

/** A region as the regions detector reports it. */
function region(code: string, file = 'fly.toml', line = 2): Evidence {
  const table = loadRegionTable()
  const info = table.lookup(code)!
  const data = { place: table.describe(info), ...(info.country ? { country: info.country } : {}), areas: info.areas, providers: info.providers, source: 'config-key' as const }
  return ev('region', code, undefined, file, line, { data })
}

const euUs = () => processedIn(['eu', 'us'])

testCheck(regionClaimMismatch, {
  valid: [
    { name: 'Fly fra and iad, Vercel fra1, AWS eu-central-1 within "the EU and the United States"', evidence: [region('fra'), region('iad', 'src/machines.ts', 9), region('fra1', 'vercel.json', 3), region('eu-central-1', '.env.example', 4)], claims: [euUs()] },
    { name: 'an EEA member (Norway) counts as EU', evidence: [region('norwayeast', 'infra/main.bicep.json', 3)], claims: [processedIn(['eu'])] },
    { name: 'a non-limiting claim ("including the United States") bounds nothing', evidence: [region('syd')], claims: [processedIn(['us'], { quote: 'Your data may be processed in countries other than your own, including the United States.', data: { limiting: false } })] },
    { name: 'no region claim: no finding', evidence: [region('ap-southeast-2', '.env', 1)], claims: [claim('stripe')] },
    { name: 'a city claim stands for its country: Frankfurt covers gcp europe-west10 (Berlin)', evidence: [region('europe-west10', 'src/gcp.ts', 4)], claims: [processedIn(['frankfurt'])] },
    { name: 'a region in a test file does not ship', evidence: [{ ...region('syd', 'test/fly.test.ts', 3), nonShipped: true }], claims: [euUs()] },
    { name: '"Europe" covers the UK', evidence: [region('lhr')], claims: [processedIn(['europe'])] },
  ],
  invalid: [
    { name: 'a Fly machine in Sydney outside "the EU and the United States"', evidence: [region('syd', 'apps/api/src/machines.ts', 9)], claims: [euUs()], findings: ['error'], locations: [['apps/api/src/machines.ts:9']], message: /Region `syd` \(Sydney, Australia\) at apps\/api\/src\/machines\.ts:9 is outside the policy's regions: PRIVACY\.md:21 says .*which names only the EU and the United States/, policyLine: 21 },
    { name: 'Vercel hnd1 (Tokyo)', evidence: [region('hnd1', 'vercel.json', 3)], claims: [euUs()], findings: ['error'], locations: [['vercel.json:3']], message: /Tokyo, Japan/ },
    { name: 'London is not in the EU, whatever its adequacy decision', evidence: [region('lhr')], claims: [processedIn(['eu'])], findings: ['error'], locations: [['fly.toml:2']], message: /The UK is not in the EU or the EEA/ },
    { name: 'AWS ap-southeast-2 from an env file', evidence: [region('ap-southeast-2', '.env.example', 3)], claims: [euUs()], findings: ['error'], locations: [['.env.example:3']], message: /Sydney, Australia/ },
    { name: 'one finding per region code, every place listed', evidence: [region('syd', 'a.ts', 1), region('syd', 'b.ts', 2), region('fra')], claims: [euUs()], findings: ['error'], locations: [['a.ts:1', 'b.ts:2']], message: /and 1 more place/ },
    { name: 'a Frankfurt-only claim is broken by Amsterdam', evidence: [region('ams')], claims: [processedIn(['frankfurt'], { quote: 'All data is stored in Frankfurt.' })], findings: ['error'], locations: [['fly.toml:2']] },
    { name: 'a region the policy rules out', evidence: [region('us-east-1', '.env', 1)], claims: [{ ...processedIn(['us'], { quote: 'We do not store data in the United States.' }), polarity: 'deny' }], findings: ['error'], locations: [['.env:1']], message: /which rules out the United States/ },
  ],
})

describe('region-claim-mismatch claims coverage', () => {
  const run = (evidence: Evidence[]) => diff({ evidence, claims: [euUs()], catalog: testCatalog(), config: defaultConfig(), policy: { path: 'PRIVACY.md' }, checks: [regionClaimMismatch] }).claims[0]

  it('confirms a limiting claim every configured region keeps', () => {
    expect(run([region('fra'), region('iad', 'src/m.ts', 3)])).toMatchObject({ status: 'confirmed', evidence: [{ file: 'fly.toml', line: 2 }, { file: 'src/m.ts', line: 3 }] })
  })
  it('contradicts it when one region is outside', () => {
    expect(run([region('fra'), region('syd', 'src/m.ts', 3)]).status).toBe('contradicted')
  })
  it('leaves it unverifiable with no region in the code', () => {
    expect(run([]).status).toBe('unverifiable')
  })
})

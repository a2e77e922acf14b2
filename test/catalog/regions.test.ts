// data/regions.yaml is reviewed like code: every region resolves to a known country or to areas, a code two
// providers share means the same place, and the EU/UK line is drawn where the law draws it.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadRegionTable, REGIONS_FILE, type RegionFile } from '../../src/catalog/regions.js'

const data = parse(readFileSync(REGIONS_FILE, 'utf8')) as RegionFile
const table = loadRegionTable()

describe('data/regions.yaml', () => {
  it('gives every region a known country or explicit areas, and every country known areas', () => {
    const problems: string[] = []
    for (const [code, c] of Object.entries(data.countries)) {
      if (!/^[A-Z]{2}$/.test(code)) problems.push(`country ${code}: not ISO 3166-1 alpha-2`)
      for (const a of c.areas) if (!data.areas[a]) problems.push(`country ${code}: unknown area ${a}`)
    }
    for (const [provider, regions] of Object.entries(data.providers)) {
      for (const [code, r] of Object.entries(regions)) {
        if (code !== code.toLowerCase()) problems.push(`${provider}/${code}: codes are lower case`)
        if (r.country && !data.countries[r.country]) problems.push(`${provider}/${code}: unknown country ${r.country}`)
        if (!r.country && !r.areas?.length) problems.push(`${provider}/${code}: neither country nor areas`)
        for (const a of r.areas ?? []) if (!data.areas[a]) problems.push(`${provider}/${code}: unknown area ${a}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('a code two providers share names one country', () => {
    const seen = new Map<string, string>()
    const clashes: string[] = []
    for (const [provider, regions] of Object.entries(data.providers)) {
      for (const [code, r] of Object.entries(regions)) {
        const where = r.country ?? (r.areas ?? []).join('+')
        const before = seen.get(code)
        if (before !== undefined && before !== where) clashes.push(`${code}: ${before} vs ${provider} ${where}`)
        seen.set(code, where)
      }
    }
    expect(clashes).toEqual([])
  })

  it('puts the EU 27 in the EU, Norway only in the EEA, the UK and Switzerland outside both', () => {
    const eu = Object.entries(data.countries).filter(([, c]) => c.areas.includes('eu')).map(([k]) => k)
    expect(eu).toEqual(expect.arrayContaining(['DE', 'FR', 'IE', 'NL', 'SE', 'IT', 'ES', 'PL']))
    expect(data.countries.NO.areas).toEqual(['eea', 'europe'])
    expect(data.countries.GB.areas).not.toContain('eu')
    expect(data.countries.GB.areas).not.toContain('eea')
    expect(data.countries.CH.areas).not.toContain('eu')
  })

  it('resolves the codes the fixtures and docs use', () => {
    expect(table.describe(table.lookup('fra')!)).toBe('Frankfurt, Germany')
    expect(table.describe(table.lookup('lhr')!)).toBe('London, United Kingdom')
    expect(table.lookup('hnd1')?.country).toBe('JP')
    expect(table.lookup('eu-central-1')?.areas).toContain('eu')
    expect(table.lookup('fra1')?.providers).toEqual(['vercel', 'digitalocean'])
    expect(table.describe(table.lookup('eu1')!)).toBe('the EU / the EEA / Europe')
  })

  it('covers: "EU" takes the EEA, a city stands for its country, "Europe" takes the UK', () => {
    expect(table.covers(['eu'], table.lookup('norwayeast')!)).toBe(true)
    expect(table.covers(['eu'], table.lookup('lhr')!)).toBe(false)
    expect(table.covers(['europe'], table.lookup('lhr')!)).toBe(true)
    expect(table.covers(['frankfurt'], table.lookup('europe-west10')!)).toBe(true)
    expect(table.covers(['frankfurt'], table.lookup('ams')!)).toBe(false)
    expect(table.covers(['us'], table.lookup('iad')!)).toBe(true)
    expect(table.covers(['eu', 'us'], table.lookup('syd')!)).toBe(false)
  })
})

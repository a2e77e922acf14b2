// The region table (data/regions.yaml): provider region codes → city, country and coarse areas, and the words a
// policy uses for those places. Read by the region detector and the region claim extractor and check.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { COMPILED_REGIONS, readCompiled, type VendorSource } from './compiled.js'
import { compareText } from '../util/order.js'

export const REGIONS_FILE = fileURLToPath(new URL('../../data/regions.yaml', import.meta.url))

/** data/regions.yaml as the source its compiled form is stamped with (see compiled.ts). */
export function readRegionSources(): VendorSource[] {
  return [{ file: 'regions.yaml', text: readFileSync(REGIONS_FILE, 'utf8') }]
}

/** The region table's data: compiled at build time while data/regions.yaml is unchanged, else parsed here. */
export function readRegionFile(compiledFile = COMPILED_REGIONS): RegionFile {
  const sources = readRegionSources()
  return readCompiled<RegionFile>(sources, compiledFile) ?? (parseYaml(sources[0].text) as RegionFile)
}

export interface RegionFile {
  areas: Record<string, { name: string; names: string[] }>
  countries: Record<string, { name: string; areas: string[]; names?: string[] }>
  providers: Record<string, Record<string, { city?: string; country?: string; areas?: string[] }>>
}

export interface RegionInfo {
  /** The code as configured, lower-cased (`fra`, `eu-central-1`). */
  code: string
  /** Providers that use the code (`vercel`, `digitalocean` for `fra1`). */
  providers: string[]
  city?: string
  /** ISO 3166-1 alpha-2. */
  country?: string
  countryName?: string
  areas: string[]
}

/** A place a policy names: an area (`eu`), a country (`de`) or a city, which stands for its country. */
export interface PlaceName {
  /** As written in policies ("European Union", "EU", "Frankfurt"). */
  name: string
  /** The id a claim records: an area id, a lower-case country code, or a city slug. */
  id: string
  /** Acronyms ("EU", "US", "UK") match only as written: "us" and "eu" are words too. */
  caseSensitive: boolean
}

export function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}

export class RegionTable {
  private readonly byCode = new Map<string, RegionInfo>()
  /** City slug → country code, for cities a policy names. */
  private readonly cityCountry = new Map<string, string>()
  readonly places: PlaceName[] = []

  constructor(readonly data: RegionFile) {
    for (const [provider, regions] of Object.entries(data.providers)) {
      for (const [code, r] of Object.entries(regions)) {
        const key = code.toLowerCase()
        const seen = this.byCode.get(key)
        if (seen) {
          seen.providers.push(provider)
          continue
        }
        const country = r.country ? data.countries[r.country] : undefined
        this.byCode.set(key, {
          code: key,
          providers: [provider],
          ...(r.city ? { city: r.city } : {}),
          ...(r.country ? { country: r.country, countryName: country?.name ?? r.country } : {}),
          areas: [...new Set([...(country?.areas ?? []), ...(r.areas ?? [])])],
        })
        if (r.city && r.country && /^[A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+)*$/.test(r.city)) {
          const s = slug(r.city)
          const other = this.cityCountry.get(s)
          // a city name two countries share says nothing precise: leave it out
          this.cityCountry.set(s, other && other !== r.country ? '' : r.country)
        }
      }
    }
    const names = new Map<string, PlaceName>()
    const add = (name: string, id: string) => {
      const caseSensitive = name.replace(/\./g, '').length <= 4 && name === name.toUpperCase()
      if (!names.has(name)) names.set(name, { name, id, caseSensitive })
    }
    for (const [id, area] of Object.entries(data.areas)) for (const n of area.names) add(n, id)
    for (const [code, c] of Object.entries(data.countries)) for (const n of [c.name, ...(c.names ?? [])]) add(n, code.toLowerCase())
    for (const [s, country] of this.cityCountry) {
      if (!country) continue
      const city = Object.values(data.providers).flatMap((p) => Object.values(p)).find((r) => r.city && slug(r.city) === s)!.city!
      add(city, s)
    }
    // longest first, so "United States of America" wins over "United States"
    this.places = [...names.values()].sort((a, b) => b.name.length - a.name.length || compareText(a.name, b.name))
  }

  lookup(code: string): RegionInfo | undefined {
    return this.byCode.get(code.toLowerCase())
  }

  /** The ids a region answers to: its areas, its country (lower case) and its city slug. */
  tokens(region: RegionInfo): Set<string> {
    const out = new Set(region.areas)
    if (region.country) out.add(region.country.toLowerCase())
    if (region.city) out.add(slug(region.city))
    return out
  }

  /**
   * What a claim's place ids accept: a city stands for its country (providers name their sites too differently
   * for a city-exact match), and "EU" also covers the EEA members.
   */
  accepted(ids: string[]): Set<string> {
    const out = new Set<string>()
    for (const id of ids) {
      const country = this.cityCountry.get(id)
      out.add(country ? country.toLowerCase() : id)
      if (id === 'eu') out.add('eea')
    }
    return out
  }

  covers(ids: string[], region: RegionInfo): boolean {
    const accepted = this.accepted(ids)
    for (const t of this.tokens(region)) if (accepted.has(t)) return true
    return false
  }

  /** "Frankfurt, Germany", "the EU", "Upstash EU". */
  describe(region: RegionInfo): string {
    if (region.city && region.countryName) return region.city === region.countryName ? region.city : `${region.city}, ${region.countryName}`
    if (region.countryName) return region.countryName
    return region.areas.map((a) => this.data.areas[a]?.name ?? a).join(' / ')
  }

  /** A claim id as words: `eu` → "the EU", `de` → "Germany", `frankfurt` → "Frankfurt". */
  placeName(id: string): string {
    if (this.data.areas[id]) return this.data.areas[id].name
    const country = this.data.countries[id.toUpperCase()]
    if (country) return country.name
    return this.places.find((p) => p.id === id)?.name ?? id
  }
}

let cached: RegionTable | undefined

export function loadRegionTable(): RegionTable {
  cached ??= new RegionTable(readRegionFile())
  return cached
}

// What every reporter is given besides the report.
import type { FullReport, Location, RuleMeta } from '../types/index.js'

export interface RenderOptions {
  color: boolean
  /** A URL for a place in the scanned repo (a PR comment links to the lines on GitHub). */
  link?: (location: Location) => string | undefined
  /**
   * The scanned folder relative to the repository root, with a trailing `/` (`apps/web/`): SARIF URIs and annotations
   * must be relative to the repository that code scanning knows, not to a scanned subfolder.
   */
  pathPrefix?: string
  /** The rules that ran, for formats that list them (SARIF); a finding of a rule not listed still gets a rule entry. */
  rules?: RuleMeta[]
}

export type Reporter = (report: FullReport, options: RenderOptions) => string

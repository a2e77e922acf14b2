// Reporters are pure functions Report → string, looked up by format name.
import type { AuditResult } from '../core/audit.js'
import type { Location } from '../types/index.js'
import { renderHtml } from './html.js'
import { renderJson } from './json.js'
import { renderMarkdown } from './markdown.js'
import { renderSarif } from './sarif.js'
import { renderText } from './text.js'
import { lookupTable } from '../util/table.js'

export type FullReport = AuditResult['report']

export interface RenderOptions {
  color: boolean
  /** A URL for a place in the scanned repo (a PR comment links to the lines on GitHub). */
  link?: (location: Location) => string | undefined
  /**
   * The scanned folder relative to the repository root, with a trailing `/` (`apps/web/`): SARIF URIs and annotations
   * must be relative to the repository that code scanning knows, not to a scanned subfolder.
   */
  pathPrefix?: string
}

export type Reporter = (report: FullReport, options: RenderOptions) => string

export const REPORTERS: Record<string, Reporter> = lookupTable({
  text: renderText,
  json: renderJson,
  sarif: renderSarif,
  markdown: renderMarkdown,
  html: renderHtml,
})

export const FORMATS = Object.keys(REPORTERS)

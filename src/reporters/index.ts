// Reporters are pure functions Report → string, looked up by format name.
import type { Reporter } from './options.js'
import { renderHtml } from './html.js'
import { renderJson } from './json.js'
import { renderMarkdown } from './markdown.js'
import { renderSarif } from './sarif.js'
import { renderText } from './text.js'
import { lookupTable } from '../util/table.js'

export type { FullReport } from '../types/index.js'
export type { RenderOptions, Reporter } from './options.js'

export const REPORTERS: Record<string, Reporter> = lookupTable({
  text: renderText,
  json: renderJson,
  sarif: renderSarif,
  markdown: renderMarkdown,
  html: renderHtml,
})

export const FORMATS = Object.keys(REPORTERS)

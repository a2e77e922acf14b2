// Reporters are pure functions Report → string, looked up by format name.
import type { AuditResult } from '../core/audit.js'
import { renderJson } from './json.js'
import { renderText } from './text.js'

export type FullReport = AuditResult['report']

export interface RenderOptions {
  color: boolean
}

export type Reporter = (report: FullReport, options: RenderOptions) => string

export const REPORTERS: Record<string, Reporter> = {
  text: renderText,
  json: renderJson,
}

export const FORMATS = Object.keys(REPORTERS)

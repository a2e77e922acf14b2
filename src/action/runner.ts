// The GitHub Actions runner's interface, without @actions/core: inputs from INPUT_* variables, step outputs and the job
// summary appended to the files the runner names, annotations as workflow commands on stdout.
import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync, readFileSync } from 'node:fs'

export type ActionEnv = Record<string, string | undefined>

/** An input as the runner passes it: `fail-on` arrives as `INPUT_FAIL-ON`, trimmed; '' when not set. */
export function getInput(env: ActionEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

export function getBooleanInput(env: ActionEnv, name: string, fallback: boolean): boolean {
  const value = getInput(env, name).toLowerCase()
  if (value === '') return fallback
  if (['true', 'yes', 'on', '1'].includes(value)) return true
  if (['false', 'no', 'off', '0'].includes(value)) return false
  throw new ActionInputError(`input "${name}" must be true or false, not "${value}"`)
}

export class ActionInputError extends Error {}

/** Appends `name=value` to $GITHUB_OUTPUT, in the heredoc form so a value may hold newlines. */
export function setOutput(env: ActionEnv, name: string, value: string | number): void {
  const file = env.GITHUB_OUTPUT
  if (!file) return
  const delimiter = `privaudit_${randomUUID()}`
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`)
}

export function appendSummary(env: ActionEnv, markdown: string): void {
  const file = env.GITHUB_STEP_SUMMARY
  if (!file) return
  appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`)
}

/** The event payload the run was triggered by ({} when there is none, e.g. a local run). */
export function readEvent(env: ActionEnv): Record<string, unknown> {
  const file = env.GITHUB_EVENT_PATH
  if (!file || !existsSync(file)) return {}
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  } catch {
    return {}
  }
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

export interface AnnotationProperties {
  file?: string
  line?: number
  col?: number
  title?: string
}

/** `::error file=…,line=…,title=…::message`: GitHub shows it on that line of the pull request's diff. */
export function annotation(level: 'error' | 'warning' | 'notice', message: string, props: AnnotationProperties = {}): string {
  const parts = Object.entries(props).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
  return `::${level}${parts.length ? ` ${parts.join(',')}` : ''}::${escapeData(message)}`
}

// The GitHub Action: scan the head and, on a pull request, a checkout of the base; report what the PR changes in one
// PR comment (updated in place on later pushes), annotations on the changed lines, the job summary and step outputs.
// Exit status follows `fail-on` over what the PR adds (over every finding outside a pull request).
import { mkdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ConfigError } from '../collect/config.js'
import { addedLines, fetchCommit, gitToplevel, resolveCommit } from '../collect/git.js'
import { InputError } from '../collect/index.js'
import { defaultCacheDir } from '../cache/index.js'
import { audit } from '../core/audit.js'
import { compareRefs } from '../core/compare.js'
import { RULES } from '../core/diff.js'
import type { FullReport } from '../types/index.js'
import { failingFindings, isFailOn } from '../model/severity.js'
import { renderJson } from '../reporters/json.js'
import { renderSarif } from '../reporters/sarif.js'
import type { Finding, Location } from '../types/index.js'
import { writeFileAtomic } from '../util/write.js'
import { commentMarker, renderPrComment } from './comment.js'
import { createClient, upsertComment, type CommentResult } from './github.js'
import { ActionInputError, annotation, appendSummary, getBooleanInput, getInput, readEvent, setOutput, type ActionEnv } from './runner.js'

export interface ActionRun {
  env: ActionEnv
  /** Where workflow commands go (the runner reads stdout). */
  write(text: string): void
}

interface PullRequest {
  number: number
  base: { sha: string; ref?: string }
  head: { sha: string; ref?: string; repo?: { full_name?: string } | null }
}

/** GitHub shows at most 10 annotations of each level per step; more are dropped, so pick them. */
const MAX_ANNOTATIONS = 10

export async function runAction({ env, write }: ActionRun): Promise<number> {
  const log = (line: string) => write(`${line}\n`)
  try {
    return await run(env, log)
  } catch (error) {
    if (error instanceof InputError || error instanceof ConfigError || error instanceof ActionInputError) {
      log(annotation('error', `privaudit: ${error.message}`))
      return 2
    }
    log(annotation('error', `privaudit crashed: ${(error as Error).stack ?? String(error)}`))
    return 2
  }
}

async function run(env: ActionEnv, log: (line: string) => void): Promise<number> {
  const inputPath = getInput(env, 'path') || '.'
  const policy = getInput(env, 'policy') || undefined
  const config = getInput(env, 'config') || undefined
  const failOn = getInput(env, 'fail-on') || 'error'
  if (!isFailOn(failOn)) throw new ActionInputError(`input "fail-on" must be error, warning, note or none, not "${failOn}"`)
  const wantComment = getBooleanInput(env, 'comment', true)
  const sarifInput = getInput(env, 'sarif-file')
  const token = getInput(env, 'github-token') || env.GITHUB_TOKEN || ''
  // the base's scan fills the cache and the head's re-reads only what the PR changed; persist the folder with
  // actions/cache to reuse it across runs
  const cacheDir = getBooleanInput(env, 'cache', true) ? (getInput(env, 'cache-dir') ? path.resolve(getInput(env, 'cache-dir')) : defaultCacheDir(env)) : undefined

  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd())
  const root = path.resolve(workspace, inputPath)
  const prefix = relativePrefix(workspace, root)
  const event = readEvent(env)
  const pr = asPullRequest(event.pull_request)
  const notes: string[] = []

  const scanHead = async (): Promise<FullReport> => {
    const result = await audit({ root, policy: policy && path.resolve(workspace, policy), config: config && path.resolve(workspace, config), cacheDir })
    for (const notice of result.cache?.notices ?? []) log(annotation('warning', `privaudit: ${notice}`))
    return result.report
  }
  let report: FullReport
  let headReport: FullReport
  let changed: Map<string, Set<number>> | undefined
  let baseSha: string | undefined
  if (pr) {
    const repo = gitToplevel(root)
    if (!resolveCommit(repo, pr.base.sha) && !fetchCommit(repo, pr.base.sha)) {
      notes.push(`The base commit ${pr.base.sha.slice(0, 7)} is not in the checkout and could not be fetched, so every finding is listed, not only what this pull request adds. Check out with \`fetch-depth: 0\`.`)
    } else {
      baseSha = pr.base.sha
    }
    if (baseSha) {
      log(`privaudit: scanning ${prefix || './'} at the head and at ${pr.base.ref ?? 'the base'} (${baseSha.slice(0, 7)})`)
      const compared = await compareRefs({ cwd: workspace, path: inputPath, base: baseSha, baseLabel: `${pr.base.ref ?? 'base'} (${baseSha.slice(0, 7)})`, policy, config, cacheDir })
      for (const notice of compared.cacheNotices) log(annotation('warning', `privaudit: ${notice}`))
      report = compared.report
      headReport = compared.headReport
      try {
        changed = relativeTo(addedLines(repo, baseSha), relativePrefix(repo, workspace))
      } catch {
        changed = undefined // annotations then go on each finding's first location
      }
    } else {
      headReport = report = await scanHead()
    }
  } else {
    log(`privaudit: scanning ${prefix || './'}`)
    headReport = report = await scanHead()
  }

  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const repository = env.GITHUB_REPOSITORY ?? ''
  const linkAt = (sha: string | undefined) => (l: Location) => {
    if (!repository || !sha) return undefined
    const file = `${prefix}${l.file === '.' ? '' : l.file}`.split('/').map(encodeURIComponent).join('/')
    return l.file === '.' ? `${server}/${repository}/tree/${sha}/${file}` : `${server}/${repository}/blob/${sha}/${file}#L${l.line}`
  }
  const link = linkAt(pr?.head.sha ?? env.GITHUB_SHA)
  const baseLink = linkAt(baseSha)

  // what counts: on a pull request, what it adds; elsewhere, everything
  const counted = report.findings
  for (const line of annotations(counted, prefix, changed)) log(line)

  const outDir = path.join(env.RUNNER_TEMP || os.tmpdir(), 'privaudit')
  mkdirSync(outDir, { recursive: true })
  const reportPath = path.join(outDir, 'report.json')
  writeFileAtomic(reportPath, renderJson(report))
  let sarifPath: string | undefined
  if (sarifInput) {
    sarifPath = path.resolve(workspace, sarifInput)
    mkdirSync(path.dirname(sarifPath), { recursive: true })
    writeFileAtomic(sarifPath, renderSarif(headReport, { color: false, pathPrefix: prefix, rules: RULES }))
  }

  const marker = commentMarker(inputPath)
  let commentResult: CommentResult | undefined
  if (pr && wantComment) {
    const body = renderPrComment(report, { marker, link, baseLink, notes })
    if (!token) {
      commentResult = { status: 'forbidden', reason: 'no github-token was given' }
    } else {
      const [owner, repoName] = repository.split('/')
      const client = createClient(token, env.GITHUB_API_URL || 'https://api.github.com')
      try {
        commentResult = await upsertComment(client, { owner, repo: repoName, issueNumber: pr.number }, marker, body, { createIfMissing: counted.length > 0 || (report.comparison?.fixed.length ?? 0) > 0 })
      } catch (error) {
        commentResult = { status: 'forbidden', reason: `GitHub did not take the comment: ${(error as Error).message.split('\n')[0]}` }
      }
    }
    if (commentResult.status === 'forbidden') {
      const fork = pr.head.repo?.full_name && pr.head.repo.full_name !== repository
      const why = fork ? 'this pull request comes from a fork, whose token is read-only' : commentResult.reason
      const note = `privaudit could not comment on the pull request (${why}): the findings are in the annotations and in this summary.`
      notes.push(note)
      log(annotation('warning', note))
    } else if (commentResult.status !== 'skipped') {
      log(`privaudit: ${commentResult.status} the PR comment ${commentResult.url}`)
    }
  }

  appendSummary(env, renderPrComment(report, { marker: '', link, baseLink, notes }))

  setOutput(env, 'errors', report.summary.error)
  setOutput(env, 'warnings', report.summary.warning)
  setOutput(env, 'notes', report.summary.note)
  setOutput(env, 'added', report.findings.length)
  setOutput(env, 'fixed', report.comparison?.fixed.length ?? 0)
  setOutput(env, 'report', reportPath)
  if (sarifPath) setOutput(env, 'sarif-file', sarifPath)
  if (commentResult && 'url' in commentResult) setOutput(env, 'comment-url', commentResult.url)

  const failing = failingFindings(counted, failOn)
  log(`privaudit: ${failing.length ? `${failing.length} finding(s) at or above ${failOn}` : `nothing at or above ${failOn}`}${pr && report.comparison ? ' added by this pull request' : ''}`)
  return failing.length ? 1 : 0
}

function asPullRequest(value: unknown): PullRequest | undefined {
  const pr = value as PullRequest | undefined
  if (!pr || typeof pr.number !== 'number' || typeof pr.base?.sha !== 'string' || typeof pr.head?.sha !== 'string') return undefined
  return pr
}

/** `apps/web/` for a folder under the root, '' for the root itself. */
function relativePrefix(from: string, to: string): string {
  const rel = path.relative(from, to).split(path.sep).join('/')
  return rel && !rel.startsWith('..') ? `${rel}/` : ''
}

/** Repo-relative changed lines, re-keyed relative to the workspace (they are the same unless the action runs in a subfolder). */
function relativeTo(lines: Map<string, Set<number>>, workspacePrefix: string): Map<string, Set<number>> {
  if (!workspacePrefix) return lines
  const out = new Map<string, Set<number>>()
  for (const [file, set] of lines) if (file.startsWith(workspacePrefix)) out.set(file.slice(workspacePrefix.length), set)
  return out
}

/** Annotations on the lines the PR changed (each finding's first location when none of them changed). */
function annotations(findings: Finding[], prefix: string, changed: Map<string, Set<number>> | undefined): string[] {
  const perLevel = { error: 0, warning: 0, notice: 0 }
  const out: string[] = []
  for (const f of findings) {
    const level = f.severity === 'note' ? 'notice' : f.severity
    if (perLevel[level] >= MAX_ANNOTATIONS) continue
    const onChanged = changed ? f.locations.filter((l) => changed.get(`${prefix}${l.file}`)?.has(l.line)) : []
    for (const l of (onChanged.length ? onChanged : f.locations.slice(0, 1)).slice(0, 3)) {
      if (perLevel[level] >= MAX_ANNOTATIONS) break
      perLevel[level]++
      const file = l.file === '.' ? undefined : `${prefix}${l.file}`
      out.push(annotation(level, f.message + (f.suggestion ? `\nSuggested policy sentence: ${f.suggestion}` : ''), { file, line: file ? l.line : undefined, col: l.column, title: `privaudit: ${f.ruleId}` }))
    }
  }
  return out
}

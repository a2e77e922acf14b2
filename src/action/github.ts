// The one PR comment: found by a hidden marker, created once, updated in place on every later push.
import { Octokit } from '@octokit/rest'

export interface CommentTarget {
  owner: string
  repo: string
  issueNumber: number
}

export type CommentResult =
  | { status: 'created' | 'updated'; id: number; url: string }
  | { status: 'skipped'; reason: string }
  /** The token may read but not write (a fork's pull request): the caller falls back to annotations and the summary. */
  | { status: 'forbidden'; reason: string }

const quiet = { debug() {}, info() {}, warn() {}, error() {} }

export function createClient(token: string, baseUrl: string): Octokit {
  return new Octokit({ auth: token, baseUrl: baseUrl.replace(/\/+$/, ''), userAgent: 'privaudit-action', log: quiet })
}

/** Creates the comment, or updates the earlier one carrying `marker`; `body` must contain the marker. */
export async function upsertComment(client: Octokit, target: CommentTarget, marker: string, body: string, options: { createIfMissing: boolean }): Promise<CommentResult> {
  const { owner, repo, issueNumber } = target
  try {
    const comments = await client.paginate(client.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 })
    const existing = comments.find((c) => typeof c.body === 'string' && c.body.includes(marker))
    if (existing) {
      const { data } = await client.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body })
      return { status: 'updated', id: data.id, url: data.html_url }
    }
    if (!options.createIfMissing) return { status: 'skipped', reason: 'nothing to report and no earlier comment to update' }
    const { data } = await client.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body })
    return { status: 'created', id: data.id, url: data.html_url }
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status === 403 || status === 404 || status === 401) {
      return { status: 'forbidden', reason: `GitHub answered ${status} (${(error as Error).message.split('\n')[0]})` }
    }
    throw error
  }
}

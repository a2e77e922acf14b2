// The GitHub Action without GitHub: a loopback HTTP server answers the REST endpoints the action calls (octokit is
// pointed at it through GITHUB_API_URL), the Actions environment is simulated (event file, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY, INPUT_*), and the repo is a real git repo with a base and pushes on top.
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { runAction } from '../../src/action/main.js'
import { ROOT } from '../helpers/cli.js'
import { commit, git, makeGitRepo } from '../helpers/git.js'

const POLICY = '# Privacy Policy\n\n## Subprocessors\n\nWe use Stripe (payments) to process your personal data.\n'
const WEB_PACKAGE = (deps: Record<string, string>) => `${JSON.stringify({ name: 'web', private: true, dependencies: deps }, null, 2)}\n`
const PROVIDERS = "'use client'\nimport posthog from 'posthog-js'\n\nexport function init() {\n  posthog.init('phc_x', { api_host: 'https://eu.i.posthog.com' })\n}\n"

const scratch = mkdtempSync(path.join(os.tmpdir(), 'privaudit-action-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

interface Comment { id: number; body: string; user: { login: string; type: string }; html_url: string }

/** The REST endpoints the action uses, on 127.0.0.1; `readOnly` answers writes as GitHub does for a fork's token. */
async function fakeGitHub(options: { readOnly?: boolean; comments?: Comment[] } = {}) {
  const comments: Comment[] = options.comments ?? [{ id: 1, body: 'LGTM, but check the policy', user: { login: 'alice', type: 'User' }, html_url: 'https://github.com/acme/shop/pull/7#issuecomment-1' }]
  const requests: Array<{ method: string; url: string; auth?: string }> = []
  let nextId = 100
  const server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk) => (raw += chunk))
    req.on('end', () => {
      requests.push({ method: req.method!, url: req.url!, auth: req.headers.authorization })
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      const url = new URL(req.url!, 'http://localhost')
      const list = /^\/repos\/acme\/shop\/issues\/7\/comments$/.test(url.pathname)
      const one = /^\/repos\/acme\/shop\/issues\/comments\/(\d+)$/.exec(url.pathname)
      if (req.method === 'GET' && list) return send(200, comments)
      if (options.readOnly && (req.method === 'POST' || req.method === 'PATCH')) return send(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' })
      if (req.method === 'POST' && list) {
        const c = { id: nextId++, body: JSON.parse(raw).body, user: { login: 'github-actions[bot]', type: 'Bot' }, html_url: '' }
        c.html_url = `https://github.com/acme/shop/pull/7#issuecomment-${c.id}`
        comments.push(c)
        return send(201, c)
      }
      if (req.method === 'PATCH' && one) {
        const c = comments.find((x) => x.id === Number(one[1]))
        if (!c) return send(404, { message: 'Not Found' })
        c.body = JSON.parse(raw).body
        return send(200, c)
      }
      send(404, { message: 'Not Found' })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, comments, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/** A simulated Actions step: event payload, output and summary files, inputs. */
function actionsEnv(repo: string, api: string, pr: { base: string; head: string; fork?: boolean }, inputs: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(scratch, 'step-'))
  const event = path.join(dir, 'event.json')
  writeFileSync(event, JSON.stringify({
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      base: { sha: pr.base, ref: 'main', repo: { full_name: 'acme/shop' } },
      head: { sha: pr.head, ref: 'feature', repo: { full_name: pr.fork ? 'mallory/shop' : 'acme/shop' } },
    },
    repository: { full_name: 'acme/shop' },
  }))
  writeFileSync(path.join(dir, 'output'), '')
  writeFileSync(path.join(dir, 'summary'), '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.homedir(), CI: 'true', GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_OUTPUT: path.join(dir, 'output'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_WORKSPACE: repo, GITHUB_REPOSITORY: 'acme/shop', GITHUB_API_URL: api, GITHUB_SERVER_URL: 'https://github.com', GITHUB_SHA: pr.head,
    RUNNER_TEMP: dir, PRIVAUDIT_CACHE_DIR: path.join(dir, 'cache'), 'INPUT_GITHUB-TOKEN': 'ghs_test_token', INPUT_COMMENT: 'true', 'INPUT_FAIL-ON': 'error',
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  return { env, dir, outputs: () => parseOutputs(readFileSync(env.GITHUB_OUTPUT, 'utf8')), summary: () => readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8') }
}

/** The runner's GITHUB_OUTPUT heredoc format: `name<<DELIM\nvalue\nDELIM`. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const re = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) out[m[1]] = m[3]
  return out
}

async function run(env: Record<string, string>) {
  let stdout = ''
  const code = await runAction({ env, write: (t) => (stdout += t) })
  return { code, stdout }
}

/** A product repo: base declares Stripe; the first push adds PostHog (undeclared) to apps/web. */
function productRepo() {
  const repo = makeGitRepo({
    'PRIVACY.md': POLICY,
    'apps/web/package.json': WEB_PACKAGE({ stripe: '^14.0.0', next: '^15.0.0' }),
    'apps/web/src/billing.ts': "import Stripe from 'stripe'\nexport const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)\n",
  })
  const base = git(repo, 'rev-parse', 'HEAD')
  git(repo, 'checkout', '-q', '-b', 'feature')
  const head = commit(repo, { 'apps/web/package.json': WEB_PACKAGE({ stripe: '^14.0.0', next: '^15.0.0', 'posthog-js': '^1.160.0' }), 'apps/web/app/providers.tsx': PROVIDERS }, 'add analytics')
  return { repo, base, head }
}

describe('the GitHub Action on a pull request', () => {
  it('comments once naming the undeclared vendor, then updates that comment on the next push', async () => {
    const github = await fakeGitHub()
    try {
      const { repo, base, head } = productRepo()
      const step1 = actionsEnv(repo, github.url, { base, head }, { 'sarif-file': 'privaudit.sarif' })
      const first = await run(step1.env)

      expect(first.code).toBe(1) // an error added, fail-on error
      const posts = github.requests.filter((r) => r.method === 'POST')
      expect(posts).toHaveLength(1)
      expect(posts[0].auth).toBe('token ghs_test_token')
      const ours = github.comments.filter((c) => c.body.includes('privaudit:pr-comment'))
      expect(ours).toHaveLength(1)
      const body = ours[0].body
      const webPkgLine = WEB_PACKAGE({ stripe: '^14.0.0', next: '^15.0.0', 'posthog-js': '^1.160.0' }).split('\n').findIndex((l) => l.includes('posthog-js')) + 1
      expect(body).toContain(`- ✖ adds **PostHog** through \`posthog-js\` in [\`apps/web/package.json\`](https://github.com/acme/shop/blob/${head}/apps/web/package.json#L${webPkgLine}) (and 2 more places); [\`PRIVACY.md\`](https://github.com/acme/shop/blob/${head}/PRIVACY.md#L1) does not declare it.`)
      expect(body).toContain(`[\`apps/web/app/providers.tsx:2:21\`](https://github.com/acme/shop/blob/${head}/apps/web/app/providers.tsx#L2): import \`posthog-js\``)
      expect(body).toMatch(/\*\*Suggested policy sentence:\*\*\n\n> We use PostHog \(PostHog Inc\.\) for product analytics/)
      expect(body).toMatch(/compared with `main \(\w{7}\)`; 0 findings already there before this pull request/)
      expect(body).not.toMatch(/Stripe/) // declared, unchanged: not the PR's business

      // annotations on the lines the PR added
      expect(first.stdout).toContain(`::error file=apps/web/package.json,line=${webPkgLine},title=privaudit%3A undeclared-subprocessor::PostHog`)
      expect(first.stdout).toMatch(/::error file=apps\/web\/app\/providers\.tsx,line=2,col=21,title=privaudit%3A undeclared-subprocessor::/)
      const outputs = step1.outputs()
      expect(outputs).toMatchObject({ errors: '1', warnings: '0', notes: '0', added: '1', fixed: '0', 'comment-url': `https://github.com/acme/shop/pull/7#issuecomment-${ours[0].id}` })
      const report = JSON.parse(readFileSync(outputs.report, 'utf8'))
      expect(report.findings.map((f: { vendor: string }) => f.vendor)).toEqual(['posthog'])
      expect(report.comparison).toMatchObject({ base: `main (${base.slice(0, 7)})`, unchanged: 0, fixed: [] })
      const sarif = JSON.parse(readFileSync(outputs['sarif-file'], 'utf8'))
      expect(outputs['sarif-file']).toBe(path.join(repo, 'privaudit.sarif'))
      expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['undeclared-subprocessor'])
      expect(step1.summary()).toContain('adds **PostHog** through `posthog-js`')
      // the base's scan filled the cache (outside the checkout) that the head's scan reused
      expect(readdirSync(path.join(step1.dir, 'cache'))).toEqual([expect.stringMatching(/^v1-/)])

      // the next push: the import moves down (same fingerprint), and Sentry arrives in the API
      const head2 = commit(repo, {
        'apps/web/app/providers.tsx': `// analytics for the web app\n\n${PROVIDERS}`,
        'apps/api/package.json': WEB_PACKAGE({ '@sentry/node': '^8.0.0' }),
      }, 'more')
      const step2 = actionsEnv(repo, github.url, { base, head: head2 })
      const second = await run(step2.env)
      expect(second.code).toBe(1)
      expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(1) // still the one comment
      expect(github.requests.filter((r) => r.method === 'PATCH').map((r) => r.url)).toEqual([`/repos/acme/shop/issues/comments/${ours[0].id}`])
      const after = github.comments.filter((c) => c.body.includes('privaudit:pr-comment'))
      expect(after).toHaveLength(1)
      expect(after[0].body).toContain('adds **PostHog**')
      expect(after[0].body).toContain('adds **Sentry** through `@sentry/node` in [`apps/api/package.json`]')
      expect(after[0].body).toContain(`/blob/${head2}/apps/web/app/providers.tsx#L4`)
      expect(github.comments.find((c) => c.id === 1)?.body).toBe('LGTM, but check the policy') // a person's comment is left alone
      expect(step2.outputs()).toMatchObject({ errors: '2', added: '2', fixed: '0' })
    } finally {
      await github.close()
    }
  })

  it('reports what a PR fixes, and a PR that changes nothing creates no comment', async () => {
    const github = await fakeGitHub()
    try {
      const { repo, head } = productRepo()
      // a PR on top of the PostHog commit that removes it again
      git(repo, 'checkout', '-q', '-b', 'cleanup')
      const fixedHead = commit(repo, { 'apps/web/package.json': WEB_PACKAGE({ stripe: '^14.0.0', next: '^15.0.0' }), 'apps/web/app/providers.tsx': null })
      const step = actionsEnv(repo, github.url, { base: head, head: fixedHead })
      const { code } = await run(step.env)
      expect(code).toBe(0)
      expect(step.outputs()).toMatchObject({ errors: '0', added: '0', fixed: '1' })
      expect(github.comments.at(-1)!.body).toMatch(/This pull request fixes \*\*1 finding\*\*\.[\s\S]*\*\*What it fixes:\*\*\n\n- ✔ PostHog/)

      const quiet = await fakeGitHub()
      try {
        const docs = commit(repo, { 'README.md': '# shop\n' })
        const { code: code2 } = await run(actionsEnv(repo, quiet.url, { base: fixedHead, head: docs }).env)
        expect(code2).toBe(0)
        expect(quiet.requests.map((r) => r.method)).toEqual(['GET'])
      } finally {
        await quiet.close()
      }
    } finally {
      await github.close()
    }
  })

  it('a fork PR whose token cannot write: annotations and the summary, says so, no crash', async () => {
    const github = await fakeGitHub({ readOnly: true })
    try {
      const { repo, base, head } = productRepo()
      const step = actionsEnv(repo, github.url, { base, head, fork: true }, { 'fail-on': 'none' })
      const { code, stdout } = await run(step.env)
      expect(code).toBe(0) // fail-on none
      expect(github.requests.map((r) => r.method)).toEqual(['GET', 'POST'])
      expect(github.comments.filter((c) => c.body.includes('privaudit'))).toEqual([])
      expect(stdout).toMatch(/::warning::privaudit could not comment on the pull request \(this pull request comes from a fork, whose token is read-only\)/)
      expect(stdout).toMatch(/::error file=apps\/web\/package\.json,line=\d+,title=privaudit%3A undeclared-subprocessor::PostHog/)
      const summary = step.summary()
      expect(summary).toContain('adds **PostHog**')
      expect(summary).toContain('> privaudit could not comment on the pull request (this pull request comes from a fork, whose token is read-only): the findings are in the annotations and in this summary.')
      expect(step.outputs()).toMatchObject({ errors: '1', added: '1' })
    } finally {
      await github.close()
    }
  })

  it('without the base commit (a shallow checkout it cannot fetch), lists every finding and says why', async () => {
    const github = await fakeGitHub()
    try {
      const { repo, head } = productRepo()
      const step = actionsEnv(repo, github.url, { base: 'f'.repeat(40), head }, { comment: 'false' })
      const { code } = await run(step.env)
      expect(code).toBe(1)
      expect(github.requests).toEqual([])
      expect(step.summary()).toMatch(/The base commit fffffff is not in the checkout and could not be fetched/)
      expect(step.outputs()).toMatchObject({ errors: '1' })
    } finally {
      await github.close()
    }
  })

  it('a bad input exits 2 with one error line', async () => {
    const { repo, base, head } = productRepo()
    const { code, stdout } = await run(actionsEnv(repo, 'http://127.0.0.1:9', { base, head }, { 'fail-on': 'sometimes' }).env)
    expect(code).toBe(2)
    expect(stdout).toBe('::error::privaudit: input "fail-on" must be error, warning, note or none, not "sometimes"\n')
  })
})

describe('the bundled action (action/dist/index.mjs) in a checkout without node_modules', () => {
  it('runs from action.yml\'s entry and posts the comment', async () => {
    const { runs } = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { runs: { using: string; main: string } }
    const main = runs.main
    expect(main).toBe('action/dist/index.mjs')
    // what GitHub checks out for `uses: owner/privaudit@v1`: the repo's files, no node_modules
    const checkout = mkdtempSync(path.join(scratch, 'action-checkout-'))
    for (const rel of ['action.yml', 'package.json', 'action/dist', 'data']) cpSync(path.join(ROOT, rel), path.join(checkout, rel), { recursive: true })
    expect(existsSync(path.join(checkout, 'node_modules'))).toBe(false)

    const github = await fakeGitHub()
    try {
      const { repo, base, head } = productRepo()
      const step = actionsEnv(repo, github.url, { base, head })
      mkdirSync(path.join(step.dir, 'cwd'))
      const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [path.join(checkout, main!)], { cwd: path.join(step.dir, 'cwd'), env: { ...step.env, GITHUB_ACTION_PATH: checkout } })
        let out = ''
        let err = ''
        child.stdout.on('data', (d) => (out += d))
        child.stderr.on('data', (d) => (err += d))
        child.on('close', (c) => resolve({ code: c, stdout: out, stderr: err }))
      })
      expect(stderr).toBe('')
      expect(code, stdout).toBe(1)
      expect(github.comments.filter((c) => c.body.includes('privaudit:pr-comment'))).toHaveLength(1)
      expect(github.comments.at(-1)!.body).toContain('adds **PostHog** through `posthog-js`')
      expect(step.outputs()).toMatchObject({ errors: '1', added: '1' })
    } finally {
      await github.close()
    }
  })
})

import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CacheStore, defaultCacheDir } from '../../src/cache/store.js'
import { fileKey, gitBlobId } from '../../src/cache/index.js'
import { git, makeGitRepo } from '../helpers/git.js'

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'privaudit-cache-unit-'))
const NS = 'v1-0123456789abcdef01234567'
const segments = (dir: string) => readdirSync(path.join(dir, NS)).filter((n) => n.endsWith('.jsonl'))

describe('the cache store', () => {
  it('keeps what a run saved for the next run, and counts hits and misses', () => {
    const dir = tmp()
    const first = new CacheStore(dir, NS)
    expect(first.get('a')).toBeUndefined()
    first.set('a', '{"n":1}')
    first.save()
    expect(first.stats).toEqual({ hits: 0, misses: 1, written: 1 })
    const second = new CacheStore(dir, NS)
    expect(second.get('a')).toBe('{"n":1}')
    expect(second.get('b')).toBeUndefined()
    expect(second.stats).toMatchObject({ hits: 1, misses: 1 })
  })

  it('runs that overlap each write their own segment: nothing is lost or torn', () => {
    const dir = tmp()
    const a = new CacheStore(dir, NS)
    const b = new CacheStore(dir, NS)
    a.set('from-a', '1')
    b.set('from-b', '2')
    a.save()
    b.save()
    expect(segments(dir)).toHaveLength(2)
    const c = new CacheStore(dir, NS)
    expect([c.get('from-a'), c.get('from-b')]).toEqual(['1', '2'])
    // no temporary file is left behind
    expect(readdirSync(path.join(dir, NS)).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('folds many segments into one, keeping every entry, once they pile up', () => {
    const dir = tmp()
    for (let i = 0; i < 8; i++) {
      const run = new CacheStore(dir, NS)
      run.set(`k${i}`, String(i))
      run.save()
    }
    expect(segments(dir)).toHaveLength(8)
    const compacting = new CacheStore(dir, NS)
    compacting.set('last', '"x"')
    compacting.save()
    expect(segments(dir)).toHaveLength(1)
    const after = new CacheStore(dir, NS)
    for (let i = 0; i < 8; i++) expect(after.get(`k${i}`)).toBe(String(i))
    expect(after.get('last')).toBe('"x"')
  })

  it('ignores torn or foreign lines and files, and never stores a key that would break a line', () => {
    const dir = tmp()
    mkdirSync(path.join(dir, NS), { recursive: true })
    writeFileSync(path.join(dir, NS, 'seg-0000000001-1-aaaa.jsonl'), 'good\t{"ok":true}\nno tab here\n\ttabfirst\ntorn\t{"ok":')
    writeFileSync(path.join(dir, NS, 'notes.txt'), 'x\ty\n')
    const store = new CacheStore(dir, NS)
    expect(store.get('good')).toBe('{"ok":true}')
    expect(store.get('torn')).toBe('{"ok":') // handed out; the reader's parse fails and it calls reject()
    store.reject('torn')
    expect(store.stats).toMatchObject({ hits: 1, misses: 1 })
    expect(store.get('x')).toBeUndefined()
    store.set('a\tb', '1')
    store.set('a\nb', '1')
    store.set('fine', 'line\nbreak')
    store.save()
    expect(store.stats.written).toBe(0)
  })

  // root writes anywhere: there the file-in-the-way case below covers an unusable folder
  it.skipIf(process.getuid?.() === 0)('a folder it cannot write to costs the cache, never the scan', () => {
    const dir = tmp()
    chmodSync(dir, 0o500)
    const store = new CacheStore(dir, NS)
    store.set('a', '1')
    expect(() => store.save()).not.toThrow()
    expect(store.notices[0]).toMatch(/^cache not saved/)
  })

  it('a file where the cache folder should be costs the cache, never the scan', () => {
    const parent = tmp()
    const dir = path.join(parent, 'cache')
    writeFileSync(dir, 'not a folder')
    const store = new CacheStore(dir, NS)
    store.set('a', '1')
    expect(() => store.save()).not.toThrow()
    expect(store.notices.join('\n')).toMatch(/cache not (read|saved)/)
  })

  it('removes other namespaces (older builds) left untouched for two weeks, and only those', () => {
    const dir = tmp()
    const old = path.join(dir, 'v1-aaaaaaaaaaaaaaaaaaaaaaaa')
    const recent = path.join(dir, 'v1-bbbbbbbbbbbbbbbbbbbbbbbb')
    const foreign = path.join(dir, 'keep-me')
    for (const d of [old, recent, foreign]) mkdirSync(d)
    const monthAgo = new Date(Date.now() - 30 * 24 * 3600 * 1000)
    utimesSync(old, monthAgo, monthAgo)
    utimesSync(foreign, monthAgo, monthAgo)
    const store = new CacheStore(dir, NS)
    store.set('a', '1')
    store.save()
    expect(readdirSync(dir).sort()).toEqual(['keep-me', NS, 'v1-bbbbbbbbbbbbbbbbbbbbbbbb'].sort())
  })

  it('lives in $PRIVAUDIT_CACHE_DIR, else $XDG_CACHE_HOME/privaudit, else ~/.cache/privaudit', () => {
    expect(defaultCacheDir({ PRIVAUDIT_CACHE_DIR: '/x/y' })).toBe('/x/y')
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/cache' })).toBe('/cache/privaudit')
    expect(defaultCacheDir({})).toBe(path.join(os.homedir(), '.cache', 'privaudit'))
  })
})

describe('cache keys', () => {
  it('identify content the way git does, so a --changed-since run can take ids from git unread', () => {
    const repo = makeGitRepo({ 'a.ts': 'export const a = 1\n', 'b.bin': Buffer.from([0, 1, 2, 255]) })
    for (const file of ['a.ts', 'b.bin']) expect(gitBlobId(readFileSync(path.join(repo, file)))).toBe(git(repo, 'rev-parse', `HEAD:${file}`))
  })

  it('differ by path, kind and classification, not only by content', () => {
    const id = gitBlobId(Buffer.from('x'))
    const keys = new Set([
      fileKey('code', { path: 'a.ts', nonShipped: false }, id),
      fileKey('code', { path: 'b.ts', nonShipped: false }, id),
      fileKey('data', { path: 'a.ts', nonShipped: false }, id),
      fileKey('code', { path: 'a.ts', nonShipped: true }, id),
      fileKey('code', { path: 'a.ts', nonShipped: false, isPolicy: true }, id),
    ])
    expect(keys.size).toBe(5)
  })
})

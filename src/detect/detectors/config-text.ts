// Env var names, hosts and deploy patterns in env files, Dockerfiles, compose files, CI workflows and deploy configs.
import { parse as parseToml } from 'smol-toml'
import { parse as parseYaml } from 'yaml'
import type { ConfigDetector } from '../engine.js'
import { findUrls } from '../urls.js'

export type ConfigFormat = 'env' | 'dockerfile' | 'yaml' | 'toml' | 'json' | 'text'

export function configFormat(path: string): ConfigFormat {
  const base = path.slice(path.lastIndexOf('/') + 1)
  if (/^\.env(\..+)?$/i.test(base)) return 'env'
  if (/^(Dockerfile|Containerfile)(\..+)?$/i.test(base) || /\.dockerfile$/i.test(base)) return 'dockerfile'
  if (/\.ya?ml$/i.test(base)) return 'yaml'
  if (/\.toml$/i.test(base)) return 'toml'
  if (/\.jsonc?$/i.test(base)) return 'json'
  return 'text'
}

const ENV_NAME = '[A-Z][A-Z0-9_]{2,}'
/** `KEY=`, `KEY:`, `"KEY":`, `- KEY=`, `export KEY=` at the start of a line: a variable being set. */
const ASSIGNMENT = new RegExp(`^\\s*(?:-\\s*)?(?:export\\s+)?["']?(${ENV_NAME})["']?\\s*[=:]`)
/** `key: NAME` / `name: NAME` list entries (render.yaml envVars, Kubernetes env). */
const NAMED_ENTRY = new RegExp(`^\\s*(?:-\\s*)?(?:key|name):\\s*["']?(${ENV_NAME})["']?\\s*$`)
const JSON_KEY = new RegExp(`"(${ENV_NAME})"\\s*:`, 'g')
const DOCKER_ENV = /^\s*(ENV|ARG)\s+(.*)$/i
/** References: ${{ secrets.X }}, ${X}, $X, env.X, vars.X. */
const REFERENCES = new RegExp(`(?:secrets|vars|env)\\.(${ENV_NAME})\\b|\\$\\{(${ENV_NAME})\\}|\\$(${ENV_NAME})\\b`, 'g')

/** Env var names on one line of a config file, with their columns. */
export function envNamesInLine(line: string, format: ConfigFormat, continued = false): Array<{ name: string; column: number }> {
  const trimmed = line.trimStart()
  if (trimmed.startsWith('#') || trimmed.startsWith('//')) return []
  const out: Array<{ name: string; column: number }> = []
  if (format === 'dockerfile') {
    const m = DOCKER_ENV.exec(line) ?? (continued ? /^()(.*)$/.exec(line) : null)
    if (m) {
      for (const part of m[2].matchAll(new RegExp(`(?:^|\\s)(${ENV_NAME})(?==|\\s|$)`, 'g'))) out.push({ name: part[1], column: line.indexOf(part[1]) + 1 })
    }
  } else if (format === 'json') {
    for (const m of line.matchAll(JSON_KEY)) out.push({ name: m[1], column: (m.index ?? 0) + 2 })
  } else {
    const m = ASSIGNMENT.exec(line) ?? (format === 'yaml' ? NAMED_ENTRY.exec(line) : null)
    if (m) out.push({ name: m[1], column: line.indexOf(m[1]) + 1 })
  }
  for (const m of line.matchAll(REFERENCES)) {
    const name = m[1] ?? m[2] ?? m[3]
    out.push({ name, column: (m.index ?? 0) + m[0].indexOf(name) + 1 })
  }
  return out
}

export const configTextDetector: ConfigDetector = {
  id: 'config-text',
  detect({ file, lines, catalog, emit }) {
    const format = configFormat(file.path)
    // a Dockerfile ENV/ARG instruction may continue over `\`-ended lines
    const envContinuation: boolean[] = []
    let inEnv = false
    lines.forEach((line, i) => {
      envContinuation[i] = format === 'dockerfile' && inEnv
      if (!envContinuation[i]) inEnv = /^\s*(ENV|ARG)\s/i.test(line)
      inEnv = inEnv && /\\\s*$/.test(line)
    })
    lines.forEach((line, i) => {
      if (line.length > 5000) return
      const trimmed = line.trimStart()
      if (trimmed.startsWith('#') || trimmed.startsWith('//')) return
      for (const { name, column } of envNamesInLine(line, format, envContinuation[i])) {
        const match = catalog.matchEnv(name)
        if (match) emit({ kind: 'env', value: name, vendor: match.vendor.id, reason: match.reason, line: i + 1, column })
      }
      for (const url of findUrls(line)) {
        const match = catalog.matchUrl(url.host, url.path)
        if (match) emit({ kind: 'host', value: url.host, vendor: match.vendor.id, reason: match.reason, line: i + 1, column: url.index + 1 })
      }
      for (const match of catalog.matchConfigPatterns(line)) {
        emit({ kind: 'config', value: line.trim().slice(0, 120), vendor: match.vendor.id, reason: match.reason, line: i + 1 })
      }
    })
  },
}

/** Structured config that does not parse is reported; the text detector still scans it line by line. */
export const configSyntaxDetector: ConfigDetector = {
  id: 'config-syntax',
  detect({ file, text, problem }) {
    const error = configSyntaxError(file.path, text)
    if (error) problem(error)
  },
}

export function configSyntaxError(path: string, text: string): string | undefined {
  const format = configFormat(path)
  try {
    if (format === 'yaml') {
      parseYaml(text)
    } else if (format === 'toml') {
      parseToml(text)
    } else if (format === 'json') {
      // jsonc: strip comments outside strings is overkill here; tolerate only whole-line comments
      JSON.parse(path.endsWith('.jsonc') ? text.replace(/^\s*\/\/.*$/gm, '') : text)
    }
  } catch (error) {
    const kind = format === 'json' ? 'JSON' : format.toUpperCase()
    return `malformed ${kind}: ${(error as Error).message.split('\n')[0]}`
  }
  return undefined
}

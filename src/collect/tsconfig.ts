// tsconfig.json and jsconfig.json: comments and trailing commas allowed, as TypeScript reads them. Only what module
// resolution needs is kept: `extends`, `compilerOptions.baseUrl` and `compilerOptions.paths`.
import { parse, type ParseError } from 'jsonc-parser'
import type { TsconfigFile } from '../types/index.js'

/** tsconfig.json, jsconfig.json and their variants (tsconfig.app.json, tsconfig.base.json), which configs extend. */
export const TSCONFIG = /(?:^|\/)(?:ts|js)config(?:\.[\w.-]+)?\.json$/i

export function parseTsconfig(file: string, text: string): TsconfigFile {
  const errors: ParseError[] = []
  const data = parse(text, errors, { allowTrailingComma: true, disallowComments: false }) as unknown
  if (errors.length > 0 || !data || typeof data !== 'object' || Array.isArray(data)) throw new Error('not a JSON object')
  const config = data as { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } }
  const extendsList = typeof config.extends === 'string' ? [config.extends] : Array.isArray(config.extends) ? config.extends.filter((e): e is string => typeof e === 'string') : []
  const options = config.compilerOptions && typeof config.compilerOptions === 'object' ? config.compilerOptions : {}
  const compilerOptions: TsconfigFile['compilerOptions'] = {}
  if (typeof options.baseUrl === 'string') compilerOptions.baseUrl = options.baseUrl
  if (options.paths && typeof options.paths === 'object' && !Array.isArray(options.paths)) {
    const paths: Record<string, string[]> = {}
    for (const [pattern, targets] of Object.entries(options.paths as Record<string, unknown>)) {
      if (Array.isArray(targets)) paths[pattern] = targets.filter((t): t is string => typeof t === 'string')
    }
    compilerOptions.paths = paths
  }
  return { path: file, extends: extendsList, compilerOptions }
}

// Bundles the GitHub Action (src/action/entry.ts and everything it imports, node_modules included) into one file,
// action/dist/index.mjs, so the Action runs from its checkout without `npm install`. The bundle reads the vendor
// catalog (data/vendors) and package.json relative to itself, two folders up, exactly as dist/<dir>/<file>.js does.
// CI rebuilds it and fails when the committed file differs (test/action/bundle.test.ts).
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

export const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
export const ACTION_BUNDLE = 'action/dist/index.mjs'

// bundled CommonJS (typescript, ajv…) calls require() for Node built-ins and reads __filename: give it both in ESM
const banner = [
  "import { createRequire as __privauditRequire } from 'node:module';",
  "import { fileURLToPath as __privauditPath } from 'node:url';",
  'const require = __privauditRequire(import.meta.url);',
  'const __filename = __privauditPath(import.meta.url);',
  "const __dirname = __privauditPath(new URL('.', import.meta.url));",
].join('\n')

export function actionBuildOptions(outfile = path.join(ROOT, ACTION_BUNDLE)) {
  return {
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, 'src/action/entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    minify: true,
    legalComments: 'eof',
    charset: 'utf8',
    banner: { js: banner },
    // jsonc-parser's `main` is a UMD build whose factory require()s its own modules by computed paths, which a bundler
    // cannot follow (the Action failed with "Cannot find module './impl/format'"): bundle its ES module build instead
    alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
    logLevel: 'warning',
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outfile = process.argv[2] ? path.resolve(process.argv[2]) : undefined
  await build(actionBuildOptions(outfile))
}

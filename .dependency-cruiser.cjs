// The folders of src/ form layers: a folder imports only from the layers below it (type-only imports included), so the
// pipeline reads top to bottom and nothing imports back up. `npm run lint` checks it; .ci/run runs it.
//
//   commands, action      the CLI's commands and the GitHub Action: thin, on top of everything
//   cli                   what commands share (flags, progress, writing a report)
//   reporters             Report → string, given rule metadata (never the checks themselves)
//   core                  the pipeline: audit(), the check runner, comparing runs, redacting the report
//   checks                one check per folder, standing on the model
//   model                 what checks stand on: the vendor ledger, the cookie model, locations, findings, severities
//   detect, policy        code → evidence; policy text → claims (siblings: neither imports the other)
//   collect               the only stage that reads the disk
//   cache                 per-file results by content
//   secrets, syntax       secret formats and redaction; parsing and AST helpers
//   catalog               vendor data and regions
//   types, util           the core types; small helpers
const LAYERS = {
  util: [],
  types: ['util'],
  catalog: ['types', 'util'],
  syntax: ['types', 'util'],
  secrets: ['catalog', 'types', 'util'],
  cache: ['catalog', 'types', 'util'],
  collect: ['cache', 'catalog', 'types', 'util'],
  detect: ['collect', 'cache', 'catalog', 'secrets', 'syntax', 'types', 'util'],
  policy: ['catalog', 'secrets', 'syntax', 'types', 'util'],
  model: ['collect', 'catalog', 'types', 'util'],
  checks: ['model', 'collect', 'catalog', 'secrets', 'types', 'util'],
  core: ['checks', 'model', 'detect', 'policy', 'collect', 'cache', 'catalog', 'secrets', 'syntax', 'types', 'util'],
  reporters: ['model', 'types', 'util'],
  cli: ['reporters', 'model', 'collect', 'cache', 'types', 'util'],
  commands: ['cli', 'core', 'reporters', 'model', 'collect', 'cache', 'types', 'util'],
  action: ['core', 'reporters', 'model', 'collect', 'cache', 'types', 'util'],
}

const folders = Object.keys(LAYERS)

module.exports = {
  forbidden: [
    ...folders.map((from) => ({
      name: `layer-${from}`,
      comment: `src/${from} may import only from: ${LAYERS[from].join(', ') || 'nothing else in src'} (see .dependency-cruiser.cjs)`,
      severity: 'error',
      from: { path: `^src/${from}(/|\\.ts$)` },
      to: { path: '^src/', pathNot: [`^src/${from}(/|\\.ts$)`, ...LAYERS[from].map((to) => `^src/${to}(/|\\.ts$)`)] },
    })),
    {
      name: 'known-layer',
      comment: 'every folder of src/ has a place in LAYERS',
      severity: 'error',
      from: { path: '^src/', pathNot: folders.map((f) => `^src/${f}(/|\\.ts$)`) },
      to: {},
    },
    {
      name: 'no-circular',
      comment: 'no module imports itself back through others, even inside one folder',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'check-siblings',
      comment: 'a check imports no other check: what two checks share belongs in src/model or a shared module of src/checks',
      severity: 'error',
      from: { path: '^src/checks/([^/]+)/' },
      to: { path: '^src/checks/[^/]+/', pathNot: '^src/checks/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules)/' },
  },
}

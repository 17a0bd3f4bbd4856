// The one-way order of src/ (docs/architecture.md): a module may import its own layer and the
// layers before it in LAYERS, never a later one; no module imports itself round a cycle.
const LAYERS = ['text', 'config', 'normalize', 'io', 'document', 'segment', 'source', 'extract', 'rules', 'lint', 'batch', 'report', 'api', 'server', 'cli'];

const upward = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `${layer}-imports-no-later-layer`,
  comment: `src/${layer}/ may import only ${LAYERS.slice(0, index + 1).join(', ')} (docs/architecture.md)`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: `^src/(${LAYERS.slice(index + 1).join('|')})/|^src/index\\.ts$` },
}));

module.exports = {
  forbidden: [
    ...upward,
    { name: 'cli-imports-not-the-index', severity: 'error', from: { path: '^src/cli/' }, to: { path: '^src/index\\.ts$' } },
    { name: 'no-circular', severity: 'error', from: { path: '^src/' }, to: { circular: true, dependencyTypesNot: ['type-only'] } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/server/public/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};

/**
 * The architecture's dependency rules (ARCHITECTURE §1), checked on every test run:
 * the domain is pure, the UI never reaches into adapters or triggers, adapters never into the UI.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain may import only itself, zod and date-fns (with its @date-fns/tz time-zone add-on).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        pathNot: ['^src/domain/', '(^|/)node_modules/(zod|date-fns|@date-fns/tz)/'],
      },
    },
    {
      name: 'domain-no-node-builtins',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'ui-not-to-adapters-or-triggers',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: ['^src/adapters/', '^src/triggers/', '^src/index\\.ts$'] },
    },
    {
      name: 'adapters-not-to-ui',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: '^src/ui/' },
    },
    {
      name: 'src-not-to-dev-or-tests',
      comment: 'dev/ (local runtime, simulators) and tests/ are never deployed.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: ['^dev/', '^tests/'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^coverage/' },
  },
};

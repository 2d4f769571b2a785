/** Jest runs on the Node 22 binary from the `node` devDependency (npm puts it first on PATH). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  collectCoverageFrom: ['src/**/*.{ts,tsx}', 'dev/**/*.ts'],
  coverageReporters: ['text-summary', 'text', 'json-summary'],
  coverageThreshold: {
    './src/domain/': { lines: 95, branches: 90 },
  },
  // The local Forge runtime's MariaDB server: started once per run, stopped at the end (ARCHITECTURE §7).
  globalSetup: '<rootDir>/tests/support/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
};

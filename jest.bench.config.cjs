/**
 * `npm run bench:sql`: the SQL benchmark runs as one long jest "test" so that it gets ts-jest (no
 * ts-node/tsx here) and the local Forge runtime; it starts its own private MariaDB.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/scripts/bench-sql'],
  testMatch: ['**/*.bench.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 3_600_000,
};

/**
 * Unit tests are pure and fast; e2e tests start the local mini-AWS once per file. Type checking is
 * `npm run typecheck` (run by `npm test` first), so ts-jest only transpiles.
 */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/test/support/environment.ts'],
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};

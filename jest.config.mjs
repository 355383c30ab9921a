/** Jest runs the TypeScript sources as native ESM (see scripts/test.mjs for the node flags). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'es6' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/'],
  moduleNameMapper: {
    '^@payload-config$': '<rootDir>/payload.config.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  // Lexical's "node" entry points use top-level await, which deadlocks intermittently on Node 20:
  // "production" resolves to their plain builds first.
  testEnvironmentOptions: { customExportConditions: ['production', 'node', 'node-addons'] },
  globalSetup: '<rootDir>/test/setup/resetDatabase.mjs',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 60_000,
}

/**
 * `npm run test:unit`: the unit tests alone, in seconds. No build, no database reset, no server:
 * what runs here must not need one (test/unit/* import code, never a running site).
 */
import base from './jest.config.mjs'

const { globalSetup: _globalSetup, ...withoutDatabase } = base

export default {
  ...withoutDatabase,
  testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
}

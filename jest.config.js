// Tests are compiled by tsc (decorator metadata for type-graphql) and run from dist/.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/dist'],
  testMatch: ['**/*.test.js'],
  moduleNameMapper: { '^@c360/shared(.*)$': '<rootDir>/dist/packages/shared/src$1' },
  setupFiles: ['reflect-metadata', '<rootDir>/jest.setup-env.js'],
  testTimeout: 60000,
  maxWorkers: 2,
};

// Tests are compiled by tsc (decorator metadata for type-graphql) and run from dist/.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/dist'],
  testMatch: ['**/*.test.js'],
  moduleNameMapper: { '^@c360/shared(.*)$': '<rootDir>/dist/packages/shared/src$1' },
  globalSetup: '<rootDir>/jest.global-setup.js',
  globalTeardown: '<rootDir>/jest.global-teardown.js',
  setupFiles: ['reflect-metadata', '<rootDir>/jest.setup-env.js'],
  testTimeout: 60000,
  maxWorkers: 2,
  // Each test file loads the whole platform (and a PGlite instance) into its own module registry; a worker
  // that keeps running files grew past 4 GB and slowed down in garbage collection. Recycle it instead.
  workerIdleMemoryLimit: '1200MB',
};

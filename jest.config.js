// One jest configuration, four projects: unit specs next to the code, and the
// integration, e2e and browser tiers that talk to real Redis and databases.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  testMatch,
  transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  ...extra,
});

// The integration, e2e and browser tiers run against every database named here: both (npm test runs them side by
// side, one jest worker each way) or the one TEST_DB names. A project's database reaches the suites as a global.
const databases = process.env.TEST_DB ? [process.env.TEST_DB] : ['sqlite', 'postgresql'];
const tiers = ['integration', 'e2e', 'browser'];
const tierProject = (tier, database) =>
  project(database === 'postgresql' ? `${tier}:pg` : tier, [`<rootDir>/test/${tier}/**/*.test.ts`], { globals: { TEST_DB: database } });

module.exports = {
  // Real databases, Redis and Chromium on a 2-core machine: a generous limit so load never fails a test;
  // speed is measured by `npm run bench`, not asserted here.
  testTimeout: 60000,
  // One id per run for the databases' templates (migrated and seeded once, copied per suite), removed at the end.
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  projects: [project('unit', ['<rootDir>/src/**/*.spec.ts']), ...databases.flatMap((database) => tiers.map((tier) => tierProject(tier, database)))],
};

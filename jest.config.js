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

module.exports = {
  // Real databases, Redis and Chromium on a 2-core machine: a generous limit so load never fails a test;
  // speed is measured by `npm run bench`, not asserted here.
  testTimeout: 60000,
  projects: [
    project('unit', ['<rootDir>/src/**/*.spec.ts']),
    project('integration', ['<rootDir>/test/integration/**/*.test.ts']),
    project('e2e', ['<rootDir>/test/e2e/**/*.test.ts']),
    project('browser', ['<rootDir>/test/browser/**/*.test.ts']),
  ],
};

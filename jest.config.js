/**
 * Test tiers, each a jest project (`npm test` runs them all; `--selectProjects <name>` one of them):
 *   unit      pure functions beside the code (*.spec.ts under libs, apps, workflows, tools): no services
 *   workflow  workflows on the time-skipping Temporal test server, and the replay of recorded histories (test/workflow)
 *   medium    the read-model layer and other persistence against a real PostgreSQL, no Temporal (test/medium)
 *   e2e       the whole product against real PostgreSQL, Temporal and SMTP, and the browser tests (test/e2e)
 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true, tsx: true }, transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } }, target: 'es2022', keepClassNames: true } }];
const moduleNameMapper = { '^@app/(.*)$': '<rootDir>/libs/$1/src', '^@tools/(.*)$': '<rootDir>/tools/$1/src' };
const common = { transform: { '^.+\\.(t|j)sx?$': swc }, moduleNameMapper, testEnvironment: 'node', rootDir: __dirname };

module.exports = {
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{libs,apps,workflows,tools}/**/*.spec.ts'] },
    { ...common, displayName: 'workflow', testMatch: ['<rootDir>/test/workflow/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'medium',
      testMatch: ['<rootDir>/test/medium/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};

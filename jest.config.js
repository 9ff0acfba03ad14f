/** Two projects: fast unit/integration tests, and browser tests that drive the local site in Chromium. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
/** Browser tests evaluate code in the page, so they type-check with the DOM library. */
const tsJestE2e = ['ts-jest', { tsconfig: 'test/e2e/tsconfig.json' }];
/** npm packages that ship only ES modules (the emulator's stemmer): compiled to CommonJS for jest, which cannot require ESM on Node 20. */
const ESM_PACKAGES = ['stemmer'];
const esmToCommonJs = ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', moduleResolution: 'node', esModuleInterop: true } }];
const esmSupport = {
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
};

/**
 * Under jest, every response of the emulator is checked against Atlassian's published contract
 * (emulator/specs); test/support/contract-check.ts fails a test file on any violation, and the global
 * teardown prints the run's totals (and writes .data/contract-summary.json).
 */
process.env.EMULATOR_VALIDATE_RESPONSES ??= '1';
const contractCheck = ['<rootDir>/test/support/contract-check.ts'];

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/test/support/contract-global-setup.ts',
  globalTeardown: '<rootDir>/test/support/contract-global-teardown.ts',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/test', '<rootDir>/emulator'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
      transform: { '^.+\\.tsx?$': tsJest, '^.+/node_modules/.+\\.js$': esmToCommonJs },
      setupFilesAfterEnv: contractCheck,
      ...esmSupport,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.e2e.test.ts'],
      transform: { '^.+\\.tsx?$': tsJestE2e, '^.+/node_modules/.+\\.js$': esmToCommonJs },
      setupFilesAfterEnv: contractCheck,
      ...esmSupport,
      slowTestThreshold: 30,
    },
  ],
};

/** Two projects: fast unit/integration tests, and browser tests that drive the local site in Chromium. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
/** Browser tests evaluate code in the page, so they type-check with the DOM library. */
const tsJestE2e = ['ts-jest', { tsconfig: 'test/e2e/tsconfig.json' }];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/test', '<rootDir>/emulator'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.e2e.test.ts'],
      transform: { '^.+\\.tsx?$': tsJestE2e },
      slowTestThreshold: 30,
    },
  ],
};

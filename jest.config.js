/**
 * Three projects: fast unit/integration tests, UI component tests in jsdom
 * (React Testing Library), and browser tests that drive the local site in Chromium.
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
/** Browser tests evaluate code in the page, so they type-check with the DOM library. */
const tsJestE2e = ['ts-jest', { tsconfig: 'test/e2e/tsconfig.json' }];
/**
 * npm packages that ship only ES modules, compiled to CommonJS for jest, which
 * cannot require ESM on Node 20: the emulator's stemmer, and the Markdown
 * exports' mdast-util-to-markdown / mdast-util-gfm (with the tests' parser,
 * mdast-util-from-markdown / micromark-extension-gfm) and the unified
 * packages they depend on. Regular expressions, one package name each.
 */
const ESM_PACKAGES = [
  'stemmer',
  'mdast-util-[^/]+',
  'micromark[^/]*',
  'unist-util-[^/]+',
  'ccount',
  'character-entities',
  'decode-named-character-reference',
  'devlop',
  'escape-string-regexp',
  'longest-streak',
  'markdown-table',
  'zwitch',
];
const esmToCommonJs = ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', moduleResolution: 'node', esModuleInterop: true } }];
/** Component tests: TSX compiled for jest (CommonJS), type-checked separately by `npm run typecheck`. */
const tsJestDom = [
  'ts-jest',
  {
    tsconfig: {
      jsx: 'react-jsx',
      module: 'commonjs',
      moduleResolution: 'node',
      esModuleInterop: true,
      isolatedModules: true,
      target: 'ES2022',
    },
  },
];
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
      displayName: 'ui-components',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/ui-components'],
      testMatch: ['**/*.test.tsx'],
      transform: { '^.+\\.tsx?$': tsJestDom, '^.+/node_modules/.+\\.js$': esmToCommonJs },
      moduleNameMapper: {
        // As in the build (scripts/ui-build.ts): no Statsig client runs in a Custom UI iframe.
        '^@atlaskit/feature-gate-js-client(/feature-gates)?$': '<rootDir>/static/shared/feature-gates-stub.ts',
        '\\.css$': '<rootDir>/test/ui-components/support/no-css.ts',
      },
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

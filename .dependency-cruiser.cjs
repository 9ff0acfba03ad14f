/**
 * The layer rule: the domain is pure, use cases talk to ports, only adapters
 * touch @forge/api and @forge/kvs, and the UI reaches the backend only
 * through the shared contract. `npm test` fails when a rule is broken.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain: no I/O, no Forge, no other layer.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        pathNot: [
          '^src/domain/',
          'node_modules/(zod|@atlaskit/(jql-ast|jql-parser|adf-utils|adf-schema)|mdast-util-(to-markdown|gfm)|@types/mdast)/',
        ],
      },
    },
    {
      name: 'contract-depends-on-domain-only',
      severity: 'error',
      from: { path: '^src/contract/' },
      to: { pathNot: ['^src/contract/', '^src/domain/'] },
    },
    {
      name: 'ports-are-interfaces',
      severity: 'error',
      from: { path: '^src/ports/' },
      to: { pathNot: ['^src/ports/', '^src/contract/', '^src/domain/'] },
    },
    {
      name: 'use-cases-talk-to-ports',
      comment: 'src/app must not import adapters, resolvers or any @forge package.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { pathNot: ['^src/app/', '^src/ports/', '^src/contract/', '^src/domain/'] },
    },
    {
      name: 'only-adapters-touch-forge-apis',
      comment: 'In the app; tests and the emulator drive the real @forge packages on purpose.',
      severity: 'error',
      from: { path: '^(src|static)/', pathNot: ['^src/forge/'] },
      to: { path: 'node_modules/@forge/(api|kvs)/' },
    },
    {
      name: 'ui-reaches-backend-only-through-contract',
      severity: 'error',
      from: { path: '^static/' },
      to: { path: '^src/', pathNot: ['^src/contract/', '^src/domain/'] },
    },
    {
      name: 'ui-bundles-no-zod',
      comment:
        "Validation is the backend's job; zod in a Custom UI bundle costs ~25 KB gzip. Keep schemas in modules only src/app and src/resolvers import (record-schema, macro-config-schema, card-of).",
      severity: 'error',
      from: { path: '^static/' },
      to: { path: 'node_modules/zod/', reachable: true },
    },
    {
      name: 'one-ui-module-imports-the-bridge',
      severity: 'error',
      from: { path: '^static/', pathNot: ['^static/shared/bridge-client\\.ts$'] },
      to: { path: 'node_modules/@forge/bridge/' },
    },
    {
      name: 'ui-state-is-pure',
      comment:
        'static/<resource>/src/state/: the pure logic each resource keeps apart, unit-tested with plain values: no React, no Atlaskit, no bridge, no components.',
      severity: 'error',
      from: { path: '^static/[^/]+/src/state/' },
      to: {
        path: [
          'node_modules/(react|react-dom|@atlaskit)/',
          '^static/shared/bridge-client\\.ts$',
          '^static/[^/]+/src/components/',
          '\\.tsx$',
        ],
      },
    },
    {
      name: 'app-code-never-imports-the-local-site',
      comment: 'The app has no "if local" branch: the emulator and the demo site stand in at Forge\'s seams.',
      severity: 'error',
      from: { path: '^(src|static)/' },
      to: { path: '^(emulator|demo|test|bench|scripts)/' },
    },
    {
      name: 'emulator-imports-nothing-of-the-app',
      comment: 'The emulator loads the app as Forge does (manifest.yml, the handler by path, static/*/build), never through an import.',
      severity: 'error',
      from: { path: '^emulator/', pathNot: ['^emulator/test/'] },
      to: { path: '^(src|static|demo|test|bench|scripts)/' },
    },
    {
      name: 'emulator-tests-use-no-app-code',
      comment: "The emulator's tests may seed the demo site (their data), nothing else outside emulator/.",
      severity: 'error',
      from: { path: '^emulator/test/' },
      to: { path: '^(src|static|test|bench|scripts)/' },
    },
    {
      name: 'emulator-only-through-its-public-api',
      comment: 'Outside emulator/, everything reaches the emulator through emulator/index.ts.',
      severity: 'error',
      from: { path: '^(src|static|demo|test|bench|scripts)/' },
      to: { path: '^emulator/', pathNot: ['^emulator/index\\.ts$'] },
    },
    {
      name: 'no-circular-in-emulator',
      severity: 'error',
      from: { path: '^emulator/' },
      to: { circular: true },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)build/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};

// ESLint for the whole repo: typescript-eslint's strict type-checked rules, React hooks,
// import hygiene and file names; formatting is Prettier's (eslint-config-prettier turns off
// the rules that would fight it). `npm run lint` runs it; `npm test` and `npm run check` include it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import checkFile from 'eslint-plugin-check-file';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/build/**',
      '**/node_modules/**',
      '.data/**',
      'coverage/**',
      'emulator/hosting/public/**',
      '**/*.cjs',
      '**/*.mjs',
      '**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX, 'check-file': checkFile },
    rules: {
      'import-x/no-duplicates': 'error',
      'import-x/first': 'error',
      'import-x/newline-after-import': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Files a newcomer reads in one sitting; functions that fit on a screen.
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
      'check-file/filename-naming-convention': ['error', { '**/*.{ts,tsx}': 'KEBAB_CASE' }, { ignoreMiddleExtensions: true }],
      'check-file/folder-naming-convention': ['error', { '{src,static,emulator,test,demo,bench,scripts}/**/': 'KEBAB_CASE' }],
    },
  },
  {
    files: ['static/**/*.{ts,tsx}', 'test/ui-components/**/*.{ts,tsx}', 'bench/fixtures/bare-page/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The backend's cold start (npm run bench:cold): classic zod bundles every locale, and the JQL
    // parser is evaluated on first use only. Each comes in through its one module.
    files: ['src/**/*.ts'],
    ignores: ['src/domain/schema/zod.ts', 'src/domain/search/jql-ast.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: 'Import * as z from src/domain/schema/zod (zod/mini, English messages).' },
            { name: 'zod/mini', message: 'Import * as z from src/domain/schema/zod: it configures the messages.' },
            {
              name: '@atlaskit/jql-ast',
              allowTypeImports: true,
              message: 'Call jqlAst() from src/domain/search/jql-ast: loaded on first use.',
            },
            {
              name: '@atlaskit/jql-parser',
              allowTypeImports: true,
              message: 'Call jqlParser() from src/domain/search/jql-ast: loaded on first use.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests: jest's matchers are typed loosely (expect.any, asymmetric matchers return any).
    files: ['test/**/*.{ts,tsx}', 'emulator/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // jest's describe/it callbacks are suites, not functions a reader has to hold in mind at once.
    files: ['test/**/*.{ts,tsx}', 'emulator/test/**/*.ts'],
    rules: { 'max-lines-per-function': 'off' },
  },
  prettier,
);

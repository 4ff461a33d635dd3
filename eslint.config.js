import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// client, server and simulator talk only through src/shared (and HTTP); shared imports nothing of ours
const boundary = (from, forbidden) => ({
  files: [`src/${from}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((name) => ({
          group: [`**/${name}/*`, `#${name}/*`],
          message: `src/${from} must not import src/${name}: share code through src/shared.`,
        })),
      },
    ],
  },
})

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.bench'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  boundary('client', ['server', 'simulator']),
  boundary('server', ['client', 'simulator']),
  boundary('simulator', ['client', 'server']),
  boundary('shared', ['client', 'server', 'simulator']),
  {
    // command-line entry points, benches and the test launcher may print
    files: ['src/**/main.ts', 'src/**/launcher.ts', 'e2e/**/*.ts', '.ci/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
)

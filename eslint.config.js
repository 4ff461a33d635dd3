// ESLint for the whole repository; the import zones below are the architecture, enforced
import js from '@eslint/js'
import { readdirSync } from 'node:fs'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const root = import.meta.dirname
const PACKAGES = ['client', 'server', 'simulator', 'shared']
const FEATURES = readdirSync(`${root}/src/client/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

/**
 * Zones are checked on the resolved file, so a relative path and a `#…` alias (package.json
 * "imports") are caught alike. client, server and simulator talk only through src/shared (and
 * HTTP); shared imports nothing of ours.
 */
const packageZones = [
  ...['client', 'server', 'simulator'].flatMap((from) =>
    PACKAGES.filter((to) => to !== from && to !== 'shared').map((to) => ({
      target: `./src/${from}`,
      from: `./src/${to}`,
      message: `src/${from} must not import src/${to}: share code through src/shared.`,
    })),
  ),
  ...['client', 'server', 'simulator'].map((to) => ({
    target: './src/shared',
    from: `./src/${to}`,
    message: 'src/shared must not import the packages that use it.',
  })),
]

/**
 * Inside the client code flows one way: shared modules (api, lib, components) → features → app.
 * A feature never imports another; what two features need lives in the shared modules, and the
 * app composes features (src/client/README.md).
 */
const clientZones = [
  ...FEATURES.map((feature) => ({
    target: `./src/client/features/${feature}`,
    from: './src/client/features',
    except: [`./${feature}`],
    message: `features/${feature} must not import another feature: move what both need to src/client/{api,lib,components}, or compose them in src/client/app.`,
  })),
  {
    target: './src/client/features',
    from: './src/client/app',
    message: 'A feature must not import the app: the app composes features, not the reverse.',
  },
  ...['api', 'lib', 'components', 'testing'].map((shared) => ({
    target: `./src/client/${shared}`,
    from: ['./src/client/features', './src/client/app'],
    message: `src/client/${shared} is shared by the features: it must not import a feature or the app.`,
  })),
]

// e2e drives the built app through the browser and the simulator over HTTP, never its modules
const e2eZones = [
  {
    target: ['./e2e/*.ts', './e2e/pages'],
    from: ['./src/client', './src/server', './src/simulator'],
    message: 'e2e specs drive the app through the browser: import only src/shared.',
  },
]

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
  {
    files: ['src/**/*.{ts,tsx}', 'e2e/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: root, zones: [...packageZones, ...clientZones, ...e2eZones] },
      ],
    },
  },
  {
    // command-line entry points, benches and the test launcher may print
    files: ['src/**/main.ts', 'src/**/launcher.ts', 'e2e/**/*.ts', '.ci/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
)

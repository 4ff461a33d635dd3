import react from '@vitejs/plugin-react'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { configDefaults, defineConfig } from 'vitest/config'

const TEST_FILE = /\.test\.tsx?$/
const TEST_ROOTS = ['src', 'e2e/bench']

/**
 * A test file is an integration test when it starts real collaborators: the simulator, the proxy,
 * Redis, a child process, an HTTP server, ESLint, or React rendered in jsdom. Read from the files, so a
 * new test lands in the right project without a list to keep up.
 */
const STARTS_COLLABORATORS =
  /\bstart(Test)?(Simulator|Proxy|Redis)\(|\buseSimulatorAndProxy(Process)?\(|createSimulator\(|launchSimulator\(|spawn\(|createServer\(|\.listen\(|new ESLint|@vitest-environment jsdom/

function testFiles(): string[] {
  return TEST_ROOTS.flatMap((root) =>
    readdirSync(join(import.meta.dirname, root), { recursive: true, encoding: 'utf8' })
      .filter((file) => TEST_FILE.test(file))
      .map((file) => `${root}/${file.split('\\').join('/')}`),
  )
}

const INTEGRATION_TESTS = testFiles().filter((file) =>
  STARTS_COLLABORATORS.test(readFileSync(join(import.meta.dirname, file), 'utf8')),
)

// the client is built into dist/client and served by the proxy (src/server) on one port
export default defineConfig({
  plugins: [react()],
  // no source maps in the production build: the proxy serves dist/client as it is
  // relative asset URLs: one build serves under any BASE_PATH (the proxy sets <base href>)
  base: './',
  build: { outDir: 'dist/client', emptyOutDir: true, sourcemap: false },
  worker: { format: 'es' },
  server: {
    // `npm run dev`: the proxy serves /api; vite serves the client with hot reload
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? '3000'}` },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // `npm run test:unit`: pure modules, seconds; `npm run test:integration`: the rest.
    // Workers are set per project: vitest's default (one per core less one) is a single worker on
    // a two-core machine such as CI's. Projects with different worker counts run one after the
    // other (sequence.groupOrder): the unit files first, then the integration files.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // pure modules leave no state behind: one module graph per worker, not one per file
          isolate: false,
          pool: 'threads',
          // CPU-bound: one thread per core
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
          include: TEST_ROOTS.map((root) => `${root}/**/*.test.{ts,tsx}`),
          exclude: [...configDefaults.exclude, ...INTEGRATION_TESTS],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // mostly waiting on servers, timers, Redis and child processes, so more files than cores
          // run at once (every file starts its own servers on free ports, in its own temp dirs);
          // 3, not 4: on a loaded machine a fourth adds little and stretches the timing tests
          maxWorkers: 3,
          sequence: { groupOrder: 1 },
          include: INTEGRATION_TESTS,
        },
      },
    ],
  },
})

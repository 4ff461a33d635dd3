import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// the client is built into dist/client and served by the proxy (src/server) on one port
export default defineConfig({
  plugins: [react()],
  // no source maps in the production build: the proxy serves dist/client as it is
  build: { outDir: 'dist/client', emptyOutDir: true, sourcemap: false },
  worker: { format: 'es' },
  server: {
    // `npm run dev`: the proxy serves /api; vite serves the client with hot reload
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? '3000'}` },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'e2e/bench/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})

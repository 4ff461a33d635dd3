// Starts the proxy app on a Node HTTP server and resolves once it listens
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { createAdaptorServer } from '@hono/node-server'
import { createApp, type AppOptions, type ProxyApp } from './app.ts'

export interface RunningProxy {
  url: string
  server: Server
  proxy: ProxyApp
  /** `graceMs`: how long uploads in flight may take to be answered first (default none) */
  close(graceMs?: number): Promise<void>
}

/** Starts the proxy on HOST:PORT (0 = any free port) and resolves once it listens. */
export async function startProxy(
  options: AppOptions & { port: number; host: string },
): Promise<RunningProxy> {
  const proxy = createApp(options)
  const server = createAdaptorServer({ fetch: proxy.app.fetch }) as Server
  // a 500 MB upload at 10 Mbit/s takes ~400 s; the upload route has its own idle timeout instead
  server.requestTimeout = 0
  server.headersTimeout = 60_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${host}:${address.port}`,
    server,
    proxy,
    close: async (graceMs = 0) => {
      // no new connections; uploads in flight are answered before the rest are cut
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      await proxy.drain(graceMs)
      proxy.close()
      server.closeAllConnections()
      await closed
    },
  }
}

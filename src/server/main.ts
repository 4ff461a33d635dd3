// `npm start`: reads the env, picks HubSpot or the simulator, opens the store, starts the proxy
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseEnv, type Env } from './env.ts'
import { launchSimulator, type LaunchedSimulator } from './launcher.ts'
import { createLogger } from './logger.ts'
import { defaultAllowedHosts } from './security.ts'
import { startProxy } from './server.ts'
import { sweepStaleSpools } from './imports/create/spool-sweep.ts'
import { openSharedStore, type SharedStore } from './store/shared-store.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const dev = process.argv.includes('--dev')

if (existsSync(`${ROOT}.env`)) process.loadEnvFile(`${ROOT}.env`)

let env: Env
try {
  env = parseEnv(process.env)
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}

const logger = createLogger({
  level: env.LOG_LEVEL,
  ...(env.HUBSPOT_ACCESS_TOKEN ? { secrets: [env.HUBSPOT_ACCESS_TOKEN] } : {}),
})

let simulator: LaunchedSimulator | undefined
let target: { baseUrl: string; token: string; mode: 'simulator' | 'hubspot' }
if (env.HUBSPOT_ACCESS_TOKEN) {
  target = { baseUrl: env.HUBSPOT_BASE_URL, token: env.HUBSPOT_ACCESS_TOKEN, mode: 'hubspot' }
  logger.info('using HubSpot', { hubspotBaseUrl: new URL(env.HUBSPOT_BASE_URL).origin })
} else {
  try {
    simulator = await launchSimulator({ logger, rateLimit: env.HUBSPOT_RATE_LIMIT })
  } catch (error) {
    console.error(`Could not start the local HubSpot simulator: ${(error as Error).message}`)
    process.exit(1)
  }
  target = { baseUrl: simulator.url, token: simulator.token, mode: 'simulator' }
  logger.warn(
    'no HUBSPOT_ACCESS_TOKEN: using the local HubSpot simulator, nothing reaches a real portal',
    {
      hubspotBaseUrl: simulator.url,
    },
  )
  simulator.child.once('exit', (code, signal) => {
    logger.error('the HubSpot simulator stopped; stopping the proxy', { code, signal })
    process.exit(1)
  })
}

let store: SharedStore
try {
  store = await openSharedStore(
    {
      ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
      keyPrefix: env.REDIS_KEY_PREFIX,
      commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS,
      connectTimeoutMs: env.REDIS_CONNECT_TIMEOUT_MS,
      replicas: env.PROXY_REPLICAS,
    },
    target.token,
    logger,
  )
} catch (error) {
  // REDIS_URL asks for shared state; running without it would break what it guarantees
  console.error(
    `REDIS_URL is set but Redis cannot be used, so the proxy does not start: ${(error as Error).message}`,
  )
  simulator?.stop()
  process.exit(1)
}

const clientDir = `${ROOT}dist/client`
if (!dev && !existsSync(`${clientDir}/index.html`)) {
  logger.warn('dist/client is missing: run `npm run build` (npm start does it) to serve the page')
}

// temp files a crashed proxy left behind: older than any create can hold one
void sweepStaleSpools(env.UPLOAD_DEADLINE_MS + 10 * 60_000).then(
  (removed) => removed.length && logger.info('removed stale upload temp files', { removed }),
  () => {},
)

const running = await startProxy({
  port: env.PORT,
  host: env.HOST,
  hubspotBaseUrl: target.baseUrl,
  accessToken: target.token,
  mode: target.mode,
  rateLimitPer10s: env.HUBSPOT_RATE_LIMIT,
  hubspotTimeZone: env.HUBSPOT_TIME_ZONE,
  logger,
  frameAncestors: env.FRAME_ANCESTORS,
  basePath: env.BASE_PATH,
  allowedHosts: env.ALLOWED_HOSTS ?? defaultAllowedHosts(env.HOST),
  ...(env.PUBLIC_ORIGIN ? { publicOrigin: env.PUBLIC_ORIGIN } : {}),
  statusCacheMs: env.IMPORT_STATUS_CACHE_MS,
  uploadMinBytesPerSecond: env.UPLOAD_MIN_BYTES_PER_SECOND,
  uploadDeadlineMs: env.UPLOAD_DEADLINE_MS,
  uploadQueueLength: env.UPLOAD_QUEUE_LENGTH,
  uploadQueueTimeoutMs: env.UPLOAD_QUEUE_TIMEOUT_MS,
  ...(env.TRUST_IDENTITY_HEADER ? { trustIdentityHeader: env.TRUST_IDENTITY_HEADER } : {}),
  ...(dev ? {} : { clientDir }),
  store,
}).catch((error: unknown) => {
  console.error(
    `The proxy could not listen on ${env.HOST}:${env.PORT}: ${(error as Error).message}`,
  )
  simulator?.stop()
  process.exit(1)
})

const shown = `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${new URL(running.url).port}`
if (dev) {
  console.log(
    `API ready at ${shown}/api (dev mode): open the Vite dev server (npx vite) for the page`,
  )
} else {
  console.log(
    `Import tool ready at ${shown}${env.BASE_PATH}${target.mode === 'simulator' ? ' (local HubSpot simulator)' : ''}`,
  )
}

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    simulator?.child.removeAllListeners('exit')
    simulator?.stop()
    const force = setTimeout(() => process.exit(0), 5_000)
    force.unref()
    running
      .close(3_000)
      .then(() => store.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      )
  })
}

// `npm run simulator`: starts the simulator from its environment and stops it on signals
import { parseSimulatorEnv, type SimulatorEnv } from './env.ts'
import { createSimulator, type Simulator } from './simulator.ts'

async function start(env: SimulatorEnv): Promise<Simulator> {
  return createSimulator({
    port: env.SIMULATOR_PORT,
    host: env.SIMULATOR_HOST,
    token: env.SIMULATOR_TOKEN,
    rateLimit: env.SIMULATOR_RATE_LIMIT,
    dailyLimit: env.SIMULATOR_DAILY_LIMIT,
    rowsPerSecond: env.SIMULATOR_ROWS_PER_SECOND,
    control: env.SIMULATOR_CONTROL,
  })
}

let simulator: Simulator
try {
  simulator = await start(parseSimulatorEnv(process.env))
} catch (error) {
  console.error(`HubSpot simulator did not start: ${(error as Error).message}`)
  process.exit(1)
}
// the launcher parses exactly this line: /listening on (http:\/\/\S+)/
console.log(`HubSpot simulator listening on ${simulator.url}`)

let closing = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (closing) return
    closing = true
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('HubSpot simulator: shutdown failed', error)
        process.exit(1)
      },
    )
  })
}

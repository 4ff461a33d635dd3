// The simulator's environment variables, parsed and checked at start
import * as z from 'zod'
import { DEFAULT_TOKEN } from './tokens.ts'

const flag = z
  .enum(['0', '1', 'true', 'false', ''], { error: 'must be 1/true or 0/false' })
  .transform((v) => v === '1' || v === 'true')

/** The simulator's environment; every bad variable is reported at once, before anything starts. */
export const simulatorEnvSchema = z.object({
  SIMULATOR_PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int()
    .min(0, { error: 'must be 0 (any free port) to 65535' })
    .max(65_535, { error: 'must be 0 (any free port) to 65535' })
    .default(3100),
  SIMULATOR_HOST: z.string().min(1).default('127.0.0.1'),
  SIMULATOR_TOKEN: z.string().min(1, { error: 'must not be empty' }).default(DEFAULT_TOKEN),
  SIMULATOR_RATE_LIMIT: z.coerce
    .number({ error: 'must be a number of requests per 10 seconds' })
    .int()
    .min(1, { error: 'must be at least 1' })
    .default(100),
  SIMULATOR_DAILY_LIMIT: z.coerce
    .number()
    .int()
    .min(1, { error: 'must be at least 1' })
    .default(250_000),
  SIMULATOR_ROWS_PER_SECOND: z.coerce
    .number({ error: 'must be a number (0 = as fast as possible)' })
    .min(0, { error: 'must be 0 or more' })
    .default(200),
  SIMULATOR_CONTROL: flag.default(false),
})
export type SimulatorEnv = z.infer<typeof simulatorEnvSchema>

export function parseSimulatorEnv(env: NodeJS.ProcessEnv): SimulatorEnv {
  // an empty variable means "not set", as in a .env file with `SIMULATOR_PORT=`
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  )
  const parsed = simulatorEnvSchema.safeParse(present)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid simulator environment:\n${lines.join('\n')}`)
  }
  return parsed.data
}

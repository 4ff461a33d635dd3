// The JSON-lines logger: levels, the token redacted, error details without stacks
import type { LogLevel } from './env.ts'

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

export type LogFields = Record<string, unknown>

export interface Logger {
  debug(msg: string, fields?: LogFields): void
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
}

export interface LoggerOptions {
  level?: LogLevel
  /** where JSON lines go; stdout by default, a capture in tests */
  write?: (line: string) => void
  /** values that must never be printed (the token): replaced even if a caller slips one in */
  secrets?: readonly string[]
}

/** One JSON object per line, so a log shipper can index request ids, users and import ids. */
export function createLogger({
  level = 'info',
  write = (line) => process.stdout.write(`${line}\n`),
  secrets = [],
}: LoggerOptions = {}): Logger {
  const redact = secrets.filter((secret) => secret.length >= 4)
  const log = (lineLevel: LogLevel, msg: string, fields: LogFields = {}) => {
    if (RANK[lineLevel] < RANK[level]) return
    let line = JSON.stringify({ time: new Date().toISOString(), level: lineLevel, msg, ...fields })
    for (const secret of redact) line = line.replaceAll(secret, '[redacted]')
    write(line)
  }
  return {
    debug: (msg, fields) => log('debug', msg, fields),
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
  }
}

/** Error details fit for a log line: message and code, no stack (it may carry upstream URLs). */
export function describeError(error: unknown): LogFields {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code
    return { error: error.message, ...(code ? { code } : {}) }
  }
  return { error: String(error) }
}

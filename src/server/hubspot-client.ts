// The client for HubSpot's small requests: the rate budget, safe retries, identical GETs shared
import http, { type OutgoingHttpHeaders } from 'node:http'
import https from 'node:https'
import { setTimeout as sleep } from 'node:timers/promises'
import { hubSpotErrorBodySchema } from '#shared/hubspot/error-body.ts'
import { headerValue, parseJson, type UpstreamResponse } from './errors.ts'
import {
  connectionError,
  hubspotHeaders,
  requestOnce,
  type Connection,
  type SendOptions,
} from './hubspot-request.ts'
import { describeError, type Logger } from './logger.ts'
import type { RateBudget } from './rate-budget.ts'
import { parseRetryAfter, rateLimitKind } from './rate-limit-advice.ts'

export interface RetryPolicy {
  /**
   * how long one GET may take with all its retries: no retry starts that could not end by then,
   * and the browser gets HubSpot's last answer (or the connection error when there was none)
   */
  deadlineMs: number
  /** attempts for a GET at most (a reset of a kept-alive socket HubSpot had closed is not one) */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** the longest Retry-After the proxy will wait for inside one browser request */
  maxRetryAfterMs: number
  /** wait after a TEN_SECONDLY_ROLLING 429 without Retry-After */
  rollingLimitDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = {
  deadlineMs: 20_000,
  maxAttempts: 6,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 15_000,
  rollingLimitDelayMs: 2_000,
}

export interface HubSpotClientOptions {
  baseUrl: URL
  accessToken: string
  budget: RateBudget
  logger: Logger
  retry?: Partial<RetryPolicy>
  /** per attempt: time allowed for HubSpot to answer and send its body */
  responseTimeoutMs?: number
  /** a larger answer is cut and reported: the routes forwarded here return small JSON */
  maxResponseBytes?: number
}

const RETRYABLE_STATUS = new Set([500, 502, 503, 504])
/** in a row, before such resets count as attempts (HubSpot may really be closing every socket) */
const MAX_STALE_SOCKET_RETRIES = 2
const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UPSTREAM_TIMEOUT',
])

/** The only module that talks to HubSpot for small requests; the upload has its own streaming path. */
export function createHubSpotClient(options: HubSpotClientOptions) {
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry }
  const responseTimeoutMs = options.responseTimeoutMs ?? 30_000
  const maxResponseBytes = options.maxResponseBytes ?? 32 * 1024 * 1024
  const { budget, logger } = options
  const secure = options.baseUrl.protocol === 'https:'
  const agent = secure
    ? new https.Agent({ keepAlive: true, maxSockets: 16 })
    : new http.Agent({ keepAlive: true, maxSockets: 16 })
  const inFlight = new Map<string, Promise<UpstreamResponse>>()

  const connection: Connection = {
    agent,
    secure,
    accessToken: options.accessToken,
    maxResponseBytes,
  }
  const headers = (extra: OutgoingHttpHeaders = {}) => hubspotHeaders(options.accessToken, extra)

  function noteRateHeaders(response: UpstreamResponse) {
    // HubSpot says the window is spent: hold everyone back briefly instead of collecting 429s
    if (headerValue(response.headers['x-hubspot-ratelimit-remaining']) === '0')
      budget.pauseFor(1_000)
  }

  /**
   * Sends with the shared budget and the retry policy. `idempotent` is false for POSTs: a 5xx or a
   * reset after sending may mean HubSpot acted, and doing it twice is not ours to risk; only a
   * refused connection (nothing sent) is tried once more.
   */
  async function send(request: SendOptions, idempotent: boolean): Promise<UpstreamResponse> {
    const deadline = Date.now() + retry.deadlineMs
    const maxAttempts = idempotent ? retry.maxAttempts : 2
    /** HubSpot's latest answer: what the browser gets if time runs out on a connection error */
    let answered: UpstreamResponse | undefined
    let staleRetries = 0
    for (let attempt = 1; ; attempt++) {
      const slot = await budget.acquire()
      let wait: number
      let failure: string | undefined
      try {
        const timeout = idempotent
          ? Math.min(responseTimeoutMs, Math.max(1_000, deadline - Date.now()))
          : responseTimeoutMs
        const response = await requestOnce(connection, request, slot, timeout)
        noteRateHeaders(response)
        const delay = retryDelay(response, attempt, idempotent)
        if (delay === undefined) return response
        answered = response
        wait = delay
        staleRetries = 0
      } catch (error) {
        failure = (error as NodeJS.ErrnoException).code ?? ''
        const stale = (error as { staleSocket?: boolean }).staleSocket === true
        logger.warn('upstream request failed', {
          requestId: request.requestId,
          method: request.method,
          path: request.url.pathname,
          attempt,
          ...(stale ? { staleSocket: true } : {}),
          ...describeError(error),
        })
        const retryable = idempotent ? RETRYABLE_CODES.has(failure) : failure === 'ECONNREFUSED'
        if (!retryable) throw connectionError(failure)
        if (idempotent && stale && staleRetries < MAX_STALE_SOCKET_RETRIES) {
          // the classic keep-alive race, not HubSpot failing: again at once, on a fresh socket
          staleRetries++
          attempt--
          wait = 0
        } else {
          wait = backoff(attempt)
        }
      }
      if (attempt >= maxAttempts || Date.now() + wait >= deadline) {
        if (failure === undefined) return answered!
        if (answered && idempotent) return answered
        throw connectionError(failure)
      }
      logger.info('upstream retry', {
        requestId: request.requestId,
        method: request.method,
        path: request.url.pathname,
        ...(failure ? { code: failure } : { status: answered?.status }),
        attempt,
        waitMs: wait,
      })
      if (wait > 0) await sleep(wait)
    }
  }

  function backoff(attempt: number): number {
    const exp = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1))
    return Math.round(exp / 2 + Math.random() * (exp / 2))
  }

  /** How long to wait before retrying this answer, or undefined when it must not be retried. */
  function retryDelay(response: UpstreamResponse, attempt: number, idempotent: boolean) {
    const retryAfter = parseRetryAfter(headerValue(response.headers['retry-after']))
    if (response.status === 429) {
      const body = hubSpotErrorBodySchema.safeParse(parseJson(response.body))
      const kind = rateLimitKind(body.success ? body.data : undefined)
      if (kind === 'DAILY') return undefined
      const fallback = kind === 'SECONDLY' ? 1_000 : retry.rollingLimitDelayMs
      // HubSpot refuses every call until the window passes: a zero wait would only earn 429s
      const wait = Math.min(
        retry.maxRetryAfterMs,
        retryAfter !== undefined && retryAfter > 0 ? retryAfter : fallback * attempt,
      )
      budget.pauseFor(wait)
      return wait
    }
    if (idempotent && RETRYABLE_STATUS.has(response.status)) {
      return Math.min(retry.maxRetryAfterMs, Math.max(retryAfter ?? 0, backoff(attempt)))
    }
    return undefined
  }

  /** Identical GETs in flight share one upstream call. */
  function get(url: URL, requestId?: string): Promise<UpstreamResponse> {
    const key = url.href
    const pending = inFlight.get(key)
    if (pending) return pending
    const promise = send({ method: 'GET', url, ...(requestId ? { requestId } : {}) }, true).finally(
      () => inFlight.delete(key),
    )
    inFlight.set(key, promise)
    return promise
  }

  function post(url: URL, body: Buffer | undefined, requestId?: string): Promise<UpstreamResponse> {
    return send(
      { method: 'POST', url, ...(body ? { body } : {}), ...(requestId ? { requestId } : {}) },
      false,
    )
  }

  return {
    get,
    post,
    headers,
    budget,
    close: () => agent.destroy(),
  }
}

export type HubSpotClient = ReturnType<typeof createHubSpotClient>

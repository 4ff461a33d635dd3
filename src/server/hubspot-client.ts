// The HTTP client for HubSpot's small requests: token, rate budget, timeouts and safe retries
import http, { type ClientRequest, type OutgoingHttpHeaders } from 'node:http'
import https from 'node:https'
import { setTimeout as sleep } from 'node:timers/promises'
import { hubSpotErrorBodySchema } from '#shared/hubspot/error-body.ts'
import { ProxyError, headerValue, parseJson, type UpstreamResponse } from './errors.ts'
import { describeError, type Logger } from './logger.ts'
import type { RateBudget, RateSlot } from './rate-budget.ts'
import { parseRetryAfter, rateLimitKind } from './rate-limit-advice.ts'

export const USER_AGENT = 'hubspot-import-tool-proxy/0.1'

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

export interface SendOptions {
  method: 'GET' | 'POST'
  url: URL
  body?: Buffer
  contentType?: string
  requestId?: string
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

  /** Outbound headers are built from scratch: nothing of the browser's request is copied. */
  function headers(extra: OutgoingHttpHeaders = {}): OutgoingHttpHeaders {
    return {
      authorization: `Bearer ${options.accessToken}`,
      accept: 'application/json',
      'user-agent': USER_AGENT,
      ...extra,
    }
  }

  function once(
    { method, url, body, contentType }: SendOptions,
    slot: RateSlot,
    timeoutMs: number,
  ): Promise<UpstreamResponse> {
    return new Promise((resolve, reject) => {
      const request = (secure ? https : http).request(url, {
        method,
        agent,
        headers: headers(
          body
            ? { 'content-type': contentType ?? 'application/json', 'content-length': body.length }
            : {},
        ),
      })
      dateWhenSent(slot, request)
      const timedOut = () =>
        request.destroy(
          Object.assign(new Error('HubSpot did not answer in time'), { code: 'UPSTREAM_TIMEOUT' }),
        )
      // silence, and also an answer that trickles: the whole answer must arrive in time
      request.setTimeout(timeoutMs, timedOut)
      const whole = setTimeout(timedOut, timeoutMs)
      request.once('close', () => clearTimeout(whole))
      let answered = false
      request.on('error', (error) =>
        // before any answer on a reused socket: HubSpot closed it while it sat in the pool
        reject(Object.assign(error, { staleSocket: !answered && request.reusedSocket })),
      )
      request.on('response', (response) => {
        answered = true
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > maxResponseBytes) {
            request.destroy(
              Object.assign(new Error('HubSpot answer too large'), { code: 'RESPONSE_TOO_LARGE' }),
            )
            return
          }
          chunks.push(chunk)
        })
        response.on('error', reject)
        response.on('end', () => {
          if (!response.complete) {
            reject(
              Object.assign(new Error('HubSpot closed the answer early'), { code: 'ECONNRESET' }),
            )
            return
          }
          resolve({
            status: response.statusCode ?? 502,
            headers: response.headers,
            body: Buffer.concat(chunks),
          })
        })
      })
      request.end(body)
    })
  }

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
        const response = await once(request, slot, timeout)
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

/**
 * Dates a budget slot when its request leaves: when the socket is connected (new) or assigned
 * (kept alive). A request that never connected gives its slot back.
 */
export function dateWhenSent(slot: RateSlot, request: ClientRequest): void {
  request.once('socket', (socket) => {
    if (socket.connecting) socket.once('connect', () => slot.sent())
    else slot.sent()
  })
  request.once('close', () => slot.unused())
}

export function connectionError(code: string): ProxyError {
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new ProxyError(
      503,
      'UPSTREAM_UNAVAILABLE',
      'HubSpot could not be reached. Nothing was sent; try again shortly.',
    )
  }
  if (code === 'UPSTREAM_TIMEOUT') {
    return new ProxyError(504, 'UPSTREAM_UNAVAILABLE', 'HubSpot did not answer in time.')
  }
  if (code === 'RESPONSE_TOO_LARGE') {
    return new ProxyError(
      502,
      'UPSTREAM_BAD_RESPONSE',
      'HubSpot sent an answer larger than the proxy accepts.',
    )
  }
  return new ProxyError(
    502,
    'UPSTREAM_CONNECTION_RESET',
    'The connection to HubSpot was closed before it answered.',
  )
}

import http, { type OutgoingHttpHeaders } from 'node:http'
import https from 'node:https'
import { setTimeout as sleep } from 'node:timers/promises'
import { hubSpotErrorBodySchema } from '#shared/hubspot/error-body.ts'
import { ProxyError, headerValue, parseJson, type UpstreamResponse } from './errors.ts'
import { describeError, type Logger } from './logger.ts'
import type { RateBudget } from './rate-budget.ts'
import { parseRetryAfter } from './rate-limit-advice.ts'

export const USER_AGENT = 'hubspot-import-tool-proxy/0.1'

export interface RetryPolicy {
  /** total attempts for a GET (1 = no retry) */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** the longest Retry-After the proxy will wait for inside one browser request */
  maxRetryAfterMs: number
  /** wait after a TEN_SECONDLY_ROLLING 429 without Retry-After */
  rollingLimitDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 4,
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

const RETRYABLE_STATUS = new Set([502, 503, 504])
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

  function once({ method, url, body, contentType }: SendOptions): Promise<UpstreamResponse> {
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
      request.setTimeout(responseTimeoutMs, () =>
        request.destroy(
          Object.assign(new Error('HubSpot did not answer in time'), { code: 'UPSTREAM_TIMEOUT' }),
        ),
      )
      request.on('error', reject)
      request.on('response', (response) => {
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
   * Sends with the shared budget and the retry policy. `retryServerErrors` is false for POSTs: a
   * 5xx or a reset after sending may mean HubSpot acted, and doing it twice is not ours to risk.
   */
  async function send(request: SendOptions, retryServerErrors: boolean): Promise<UpstreamResponse> {
    const attempts = retryServerErrors ? retry.maxAttempts : 2
    for (let attempt = 1; ; attempt++) {
      await budget.acquire()
      let response: UpstreamResponse
      try {
        response = await once(request)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? ''
        // nothing reached HubSpot when the connection was refused: safe to re-send even a POST
        const retryable = retryServerErrors ? RETRYABLE_CODES.has(code) : code === 'ECONNREFUSED'
        logger.warn('upstream request failed', {
          requestId: request.requestId,
          method: request.method,
          path: request.url.pathname,
          attempt,
          ...describeError(error),
        })
        if (retryable && attempt < attempts) {
          await sleep(backoff(attempt))
          continue
        }
        throw connectionError(code)
      }
      noteRateHeaders(response)
      const wait = retryDelay(response, attempt, retryServerErrors)
      if (wait === undefined || attempt >= attempts) return response
      logger.info('upstream retry', {
        requestId: request.requestId,
        method: request.method,
        path: request.url.pathname,
        status: response.status,
        attempt,
        waitMs: wait,
      })
      await sleep(wait)
    }
  }

  function backoff(attempt: number): number {
    const exp = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1))
    return Math.round(exp / 2 + Math.random() * (exp / 2))
  }

  /** How long to wait before retrying this answer, or undefined when it must not be retried. */
  function retryDelay(response: UpstreamResponse, attempt: number, retryServerErrors: boolean) {
    const retryAfter = parseRetryAfter(headerValue(response.headers['retry-after']))
    if (response.status === 429) {
      const body = hubSpotErrorBodySchema.safeParse(parseJson(response.body))
      const policy = body.success ? body.data.policyName : undefined
      if (policy === 'DAILY') return undefined
      const fallback =
        policy === 'SECONDLY' || body.data?.message === 'You have reached your secondly limit.'
          ? 1_000
          : retry.rollingLimitDelayMs
      const wait = Math.min(retry.maxRetryAfterMs, retryAfter ?? fallback * attempt)
      budget.pauseFor(wait)
      return wait
    }
    if (retryServerErrors && RETRYABLE_STATUS.has(response.status)) {
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

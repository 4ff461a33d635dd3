// One small request to HubSpot: sent with the token's headers, its slot dated, the answer read whole in time
import http, { type Agent, type ClientRequest, type OutgoingHttpHeaders } from 'node:http'
import https from 'node:https'
import { ProxyError, type UpstreamResponse } from './errors.ts'
import type { RateSlot } from './rate-budget.ts'

export const USER_AGENT = 'hubspot-import-tool-proxy/0.1'

export interface SendOptions {
  method: 'GET' | 'POST'
  url: URL
  body?: Buffer
  contentType?: string
  requestId?: string
}

export interface Connection {
  agent: Agent
  secure: boolean
  accessToken: string
  /** a larger answer is cut and reported: the routes forwarded here return small JSON */
  maxResponseBytes: number
}

/** Outbound headers are built from scratch: nothing of the browser's request is copied. */
export function hubspotHeaders(
  accessToken: string,
  extra: OutgoingHttpHeaders = {},
): OutgoingHttpHeaders {
  return {
    authorization: `Bearer ${accessToken}`,
    accept: 'application/json',
    'user-agent': USER_AGENT,
    ...extra,
  }
}

/**
 * One attempt: the whole answer must arrive within `timeoutMs` (silence, and also an answer that
 * trickles). A failure is rejected with its code; `staleSocket` marks a reset, before any answer,
 * of a kept-alive socket HubSpot had closed while it sat in the pool.
 */
export function requestOnce(
  connection: Connection,
  { method, url, body, contentType }: SendOptions,
  slot: RateSlot,
  timeoutMs: number,
): Promise<UpstreamResponse> {
  return new Promise((resolve, reject) => {
    const request = (connection.secure ? https : http).request(url, {
      method,
      agent: connection.agent,
      headers: hubspotHeaders(
        connection.accessToken,
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
    request.setTimeout(timeoutMs, timedOut)
    const whole = setTimeout(timedOut, timeoutMs)
    request.once('close', () => clearTimeout(whole))
    let answered = false
    request.on('error', (error) =>
      reject(Object.assign(error, { staleSocket: !answered && request.reusedSocket })),
    )
    request.on('response', (response) => {
      answered = true
      const chunks: Buffer[] = []
      let size = 0
      response.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > connection.maxResponseBytes) {
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

/** What the browser is told when no answer came from HubSpot, by the failure's code. */
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

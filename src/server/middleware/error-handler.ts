// The app's last word: unknown paths as 404s, and every error in the one shape with the request id
import type { ErrorHandler, NotFoundHandler } from 'hono'
import { ProxyError } from '../errors.ts'
import type { ProxyEnv } from '../http.ts'
import { describeError, type Logger } from '../logger.ts'

/** Throws the 404 `message` names, so it goes through the error handler like any other. */
export const notFound =
  (message: string): NotFoundHandler<ProxyEnv> =>
  () => {
    throw new ProxyError(404, 'NOT_FOUND', message)
  }

/**
 * A ProxyError is answered as it says; anything else is a 500 that tells the browser nothing
 * more, and is logged (without its stack) under the request id the browser sees.
 */
export function errorHandler(logger: Logger): ErrorHandler<ProxyEnv> {
  return (error, c) => {
    const requestId = c.get('requestId')
    const proxyError =
      error instanceof ProxyError
        ? error
        : new ProxyError(500, 'INTERNAL_ERROR', 'The proxy failed to handle this request.')
    if (!(error instanceof ProxyError))
      logger.error('unhandled error', { requestId, ...describeError(error) })
    const { status, body, headers } = proxyError.toResponse()
    return new Response(JSON.stringify({ ...body, requestId }), {
      status,
      headers: { ...headers, 'content-type': 'application/json' },
    })
  }
}

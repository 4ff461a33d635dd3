// POST …/imports: a free upload slot (or a place in the queue), then the create, then its audit line
import { Hono } from 'hono'
import { importsPath, type ApiVersion } from '#shared/api-paths.ts'
import { ProxyError } from '../../errors.ts'
import { auditLog, type ProxyEnv } from '../../http.ts'
import type { ProxyState } from '../../proxy-state.ts'
import { upstreamUrl } from '../../route-params.ts'
import { closeAfterAnswer } from './upload-lifecycle.ts'
import type { ReleaseSlot } from './upload-slots.ts'
import { createImport, type CreateImportAudit } from './create-import.ts'

/** The create, mounted at the version's imports path. */
export function createImportRoutes(state: ProxyState, version: ApiVersion): Hono<ProxyEnv> {
  const { options, logger } = state
  const app = new Hono<ProxyEnv>({ strict: true })

  app.post('/', async (c) => {
    const { incoming, outgoing } = c.env
    // a browser that leaves while queued gives up its place
    const gone = new AbortController()
    const onClose = () =>
      gone.abort(new ProxyError(499, 'REQUEST_TIMEOUT', 'The browser disconnected while queued.'))
    outgoing.once('close', onClose)
    let release: ReleaseSlot
    try {
      release = await state.uploadSlots.acquire(gone.signal)
    } catch (error) {
      // the body was never read: answer, then close rather than read it all
      closeAfterAnswer(incoming, outgoing)
      throw error
    } finally {
      outgoing.off('close', onClose)
    }
    const audit: CreateImportAudit = { bytes: 0 }
    try {
      const result = await createImport(
        {
          incoming,
          outgoing,
          upstreamUrl: upstreamUrl(state.baseUrl, importsPath(version)),
          requestId: c.get('requestId'),
          ...(c.get('user') ? { user: c.get('user') } : {}),
        },
        {
          client: state.client,
          logger,
          idempotency: state.idempotency,
          limits: state.limits,
          ...(options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}),
          uploadLimits: state.uploadLimits,
          ...(options.responseTimeoutMs ? { responseTimeoutMs: options.responseTimeoutMs } : {}),
          shutdown: state.shutdown.signal,
        },
        audit,
      )
      auditLog(c, logger, 'import.create', { status: result.status, ...audit })
      return new Response(new Uint8Array(result.body), {
        status: result.status,
        headers: result.headers,
      })
    } finally {
      release()
    }
  })

  return app
}

// The body of "create a property" read from the browser: JSON, small, only the creation fields
import { propertyCreateSchema } from '#shared/hubspot/property-create.ts'
import { ProxyError } from '../errors.ts'

/** A property definition with a hundred options is a few KB; anything far larger is not one. */
export const MAX_PROPERTY_BODY_BYTES = 64 * 1024

/**
 * Reads the JSON body of a property creation and returns it as the bytes to send upstream: only
 * the fields the creation body has (unknown ones dropped, so the proxy never forwards what it has
 * not checked). HubSpot checks the values themselves and answers with its own errors.
 */
export async function readPropertyCreate(request: Request): Promise<Buffer> {
  const type = request.headers.get('content-type') ?? ''
  if (!/^application\/json\b/i.test(type)) {
    throw new ProxyError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the property as application/json.')
  }
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > MAX_PROPERTY_BODY_BYTES) {
    throw new ProxyError(413, 'PAYLOAD_TOO_LARGE', 'The property definition is too large.')
  }
  const text = await request.text()
  if (Buffer.byteLength(text) > MAX_PROPERTY_BODY_BYTES) {
    throw new ProxyError(413, 'PAYLOAD_TOO_LARGE', 'The property definition is too large.')
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new ProxyError(400, 'VALIDATION_ERROR', 'The property definition is not valid JSON.')
  }
  const parsed = propertyCreateSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ProxyError(
      400,
      'VALIDATION_ERROR',
      `The property definition is incomplete: ${issue?.path.join('.') || 'body'} ${issue?.message ?? ''}`.trim(),
    )
  }
  return Buffer.from(JSON.stringify(parsed.data))
}

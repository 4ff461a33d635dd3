// HubSpot's error answers (401, 403, 404, 429, validation) as the simulator sends them
import { randomUUID } from 'node:crypto'
import { hubSpotErrorBodySchema, type HubSpotErrorBody } from '#shared/hubspot/error-body.ts'

/** HubSpot's JSON content type, charset spelled as its servers send it. */
export const HUBSPOT_JSON = 'application/json;charset=utf-8'

type ErrorFields = Omit<HubSpotErrorBody, 'status' | 'correlationId'>

/**
 * A HubSpot error answer. Routes throw it; the app's error handler renders it with the request's
 * correlation id, so every 4xx/5xx body has HubSpot's `Error` shape plus `status: "error"`.
 */
export class HubSpotError extends Error {
  readonly status: number
  readonly fields: ErrorFields
  readonly headers: Record<string, string>

  constructor(status: number, fields: ErrorFields, headers: Record<string, string> = {}) {
    super(fields.message)
    this.status = status
    this.fields = fields
    this.headers = headers
  }

  body(correlationId: string): HubSpotErrorBody {
    // the observed "Unable to process JSON" body has no category, so fields pass through as given
    return hubSpotErrorBodySchema.parse({ status: 'error', ...this.fields, correlationId })
  }
}

export function newCorrelationId(): string {
  return randomUUID()
}

export const validationError = (message: string, extra: Omit<ErrorFields, 'message'> = {}) =>
  new HubSpotError(400, { message, category: 'VALIDATION_ERROR', ...extra })

export const notFound = (message: string, context?: Record<string, string[]>) =>
  new HubSpotError(404, { message, category: 'OBJECT_NOT_FOUND', ...(context ? { context } : {}) })

/** The real 400 for a multipart body whose `importRequest` is not JSON (HubSpot/hubspot-api-nodejs#27). */
export const unableToProcessJson = () =>
  new HubSpotError(400, { message: 'Unable to process JSON' })

/** The real 401 body and header (HubSpot/hubspot-api-nodejs#432, hubspot-api-ruby#181). */
export const invalidAuthentication = () =>
  new HubSpotError(
    401,
    {
      message:
        'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
      category: 'INVALID_AUTHENTICATION',
    },
    { 'x-hubspot-auth-failure': '401 Unauthorized' },
  )

/** The real 403 body for a missing scope (HubSpot/hubspot-api-nodejs#268). */
export const missingScopes = (requiredScopes: string[]) =>
  new HubSpotError(403, {
    message:
      "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
    errors: [
      { message: 'One or more of the following scopes are required.', context: { requiredScopes } },
    ],
    links: { scopes: 'https://developers.hubspot.com/scopes' },
    category: 'MISSING_SCOPES',
  })

export type RateLimitPolicy = 'TEN_SECONDLY_ROLLING' | 'SECONDLY' | 'DAILY'

const RATE_LIMIT_MESSAGES: Record<RateLimitPolicy, string> = {
  TEN_SECONDLY_ROLLING: 'You have reached your ten_secondly_rolling limit.',
  // the official Node client recognises this exact message (RetryDecorator.ts)
  SECONDLY: 'You have reached your secondly limit.',
  DAILY: 'You have reached your daily limit.',
}

/** The documented 429 body (usage guidelines); `requestId` is a fresh uuid as in HubSpot's example. */
export const rateLimited = (policyName: RateLimitPolicy, headers: Record<string, string> = {}) =>
  new HubSpotError(
    429,
    {
      message: RATE_LIMIT_MESSAGES[policyName],
      errorType: 'RATE_LIMIT',
      policyName,
      requestId: randomUUID(),
    },
    headers,
  )

// HubSpot's Error body, as the zod schema every part parses it with
import * as z from 'zod'

/**
 * HubSpot's `Error` body. Real bodies add `status: "error"`, and some omit `category`
 * (the 400 "Unable to process JSON" body), so everything but `message` is optional when parsing.
 */
export const errorDetailSchema = z.object({
  message: z.string(),
  code: z.string().optional(),
  in: z.string().optional(),
  subCategory: z.string().optional(),
  context: z.record(z.string(), z.array(z.string())).optional(),
})

export const hubSpotErrorBodySchema = z.object({
  status: z.string().optional(),
  message: z.string(),
  correlationId: z.string().optional(),
  category: z.string().optional(),
  subCategory: z.string().optional(),
  errorType: z.string().optional(),
  policyName: z.string().optional(),
  requestId: z.string().optional(),
  context: z.record(z.string(), z.array(z.string())).optional(),
  links: z.record(z.string(), z.string()).optional(),
  errors: z.array(errorDetailSchema).optional(),
})
export type HubSpotErrorBody = z.infer<typeof hubSpotErrorBodySchema>

/** The 429 `policyName`s: only the rolling 10-second one is worth retrying. */
export const RATE_LIMIT_POLICIES = ['TEN_SECONDLY_ROLLING', 'SECONDLY', 'DAILY'] as const

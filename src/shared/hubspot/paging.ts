// HubSpot's forward paging and collection responses, as zod schemas
import * as z from 'zod'

/** `ForwardPaging`: `next` only when more results exist; omitted or empty on the last page. */
export const forwardPagingSchema = z.object({
  next: z.object({ after: z.string(), link: z.string().optional() }).optional(),
})
export type ForwardPaging = z.infer<typeof forwardPagingSchema>

/** `CollectionResponse…ForwardPaging` for any result schema. */
export function collectionResponseSchema<T extends z.ZodType>(result: T) {
  return z.object({ results: z.array(result), paging: forwardPagingSchema.optional() })
}

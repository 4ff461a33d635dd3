// The imports queries' retry rule: one more try for a dropped connection or a 5xx, none for a 4xx
import { ApiError } from '#client/lib/api-client.ts'

/**
 * One retry for a dropped connection or a 5xx; none for 4xx answers other than 429, which no retry
 * can fix (404: no such import; 401: the session expired).
 */
export function retryUnlessClientError(failureCount: number, error: Error): boolean {
  if (
    error instanceof ApiError &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 429
  ) {
    return false
  }
  return failureCount < 1
}

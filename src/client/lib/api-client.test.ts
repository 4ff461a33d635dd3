// The fetch wrapper: HubSpot's and the proxy's error bodies turned into one ApiError with the clearest message
import { describe, expect, it } from 'vitest'
import { getErrorMessage, toApiError } from './api-client.ts'

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })

describe('what the page says about a failed call', () => {
  it.each<[string, Response, string]>([
    [
      'a burst rate limit with its wait',
      answer(
        429,
        {
          message: 'You have reached your ten_secondly_rolling limit.',
          policyName: 'TEN_SECONDLY_ROLLING',
          correlationId: 'c-1',
        },
        { 'retry-after': '10' },
      ),
      'You have reached your ten_secondly_rolling limit. HubSpot is busy: try again in 10 s. (correlation id c-1)',
    ],
    [
      'a daily limit, whose message already says when it resets',
      answer(
        429,
        {
          message:
            'You have reached your daily limit. HubSpot resets the daily API limit at midnight (UTC), in about 3 h 0 min.',
          policyName: 'DAILY',
        },
        { 'retry-after': '10800' },
      ),
      'You have reached your daily limit. HubSpot resets the daily API limit at midnight (UTC), in about 3 h 0 min.',
    ],
    [
      'HubSpot failing, after the proxy retried',
      answer(503, { message: 'internal error' }, { 'retry-after': '5' }),
      'internal error Try again in 5 s.',
    ],
    [
      'a long wait in minutes',
      answer(503, { message: 'Busy.' }, { 'retry-after': '120' }),
      'Busy. Try again in 2 min.',
    ],
    [
      'a 404 without a wait',
      answer(404, { message: 'Import 1 not found.' }),
      'Import 1 not found.',
    ],
    [
      'a nonsense Retry-After is ignored',
      answer(429, { message: 'Slow down.' }, { 'retry-after': 'soon' }),
      'Slow down.',
    ],
  ])('%s', async (_case, response, expected) => {
    expect(getErrorMessage(await toApiError(response))).toBe(expected)
  })
})

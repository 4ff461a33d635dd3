// Paging through an import's row errors: cursors followed, loops and endless pages stopped
import { describe, expect, it } from 'vitest'
import { ApiError } from '#client/lib/api-client.ts'
import {
  errorsCursorLoops,
  loadAllImportErrors,
  nextErrorsCursor,
  type ImportErrorsPage,
} from './get-import-errors.ts'

const error = (id: string) => ({
  id,
  createdAt: 0,
  errorType: 'INVALID_EMAIL',
  sourceData: {
    rowData: [],
    additionalRowData: [],
    containsEncryptedProperties: false,
    fileId: 1,
    lineNumber: Number(id) + 1,
  },
})

const page = (ids: string[], after?: string): ImportErrorsPage => ({
  results: ids.map(error),
  ...(after === undefined ? {} : { paging: { next: { after } } }),
})

describe('nextErrorsCursor', () => {
  it.each([
    {
      description: 'follows a new cursor',
      last: page([], 'b'),
      seen: [undefined, 'a'],
      expected: 'b',
    },
    { description: 'ends without paging', last: page([]), seen: [undefined], expected: undefined },
    {
      description: 'ends on an empty cursor',
      last: page([], ''),
      seen: [undefined],
      expected: undefined,
    },
    {
      description: 'refuses a repeated cursor',
      last: page([], 'a'),
      seen: [undefined, 'a'],
      expected: undefined,
    },
  ])('$description', ({ last, seen, expected }) => {
    expect(nextErrorsCursor(last, seen)).toBe(expected)
  })

  it('reports a loop only for a repeated cursor', () => {
    expect(errorsCursorLoops(page([], 'a'), [undefined, 'a'])).toBe(true)
    expect(errorsCursorLoops(page([], 'b'), [undefined, 'a'])).toBe(false)
    expect(errorsCursorLoops(page([]), [undefined])).toBe(false)
  })
})

describe('loadAllImportErrors', () => {
  const serve = (pages: Record<string, ImportErrorsPage>) => {
    const asked: (string | undefined)[] = []
    const getPage = async (_id: string, after: string | undefined) => {
      asked.push(after)
      const found = pages[after ?? '']
      if (!found) throw new Error(`no page ${after}`)
      return found
    }
    return { asked, getPage }
  }

  it('follows cursors to the end', async () => {
    const { asked, getPage } = serve({
      '': page(['1', '2'], 'p2'),
      p2: page(['3'], 'p3'),
      p3: page(['4']),
    })
    const result = await loadAllImportErrors('7', { getPage })
    expect(result.complete).toBe(true)
    expect(result.errors.map((e) => e.id)).toEqual(['1', '2', '3', '4'])
    expect(asked).toEqual([undefined, 'p2', 'p3'])
  })

  it('stops on a cursor cycle A → B → A and says the result is partial', async () => {
    const { asked, getPage } = serve({
      '': page(['1'], 'A'),
      A: page(['2'], 'B'),
      B: page(['3'], 'A'),
    })
    const result = await loadAllImportErrors('7', { getPage })
    expect(result.complete).toBe(false)
    expect(asked).toEqual([undefined, 'A', 'B'])
  })

  it('stops after maxPages', async () => {
    let n = 0
    const result = await loadAllImportErrors('7', {
      getPage: async () => page([String(n)], `c${(n += 1)}`),
      maxPages: 3,
    })
    expect(result).toMatchObject({ complete: false })
    expect(result.errors).toHaveLength(3)
  })

  it('asks a page again with the same cursor when HubSpot is busy, after its Retry-After: no row lost or repeated', async () => {
    const pages: Record<string, ImportErrorsPage> = {
      '': page(['1', '2'], 'b'),
      b: page(['3', '4'], 'c'),
      c: page(['5']),
    }
    const asked: (string | undefined)[] = []
    let refusals = 2
    const getPage = async (_id: string, after: string | undefined) => {
      asked.push(after)
      if (after === 'b' && refusals-- > 0) throw new ApiError(429, 'HubSpot is busy', undefined, 7)
      return pages[after ?? '']!
    }
    const waits: number[] = []
    const result = await loadAllImportErrors('9', {
      getPage,
      wait: async (ms) => void waits.push(ms),
    })
    expect(result.complete).toBe(true)
    expect(result.errors.map((e) => e.id)).toEqual(['1', '2', '3', '4', '5'])
    expect(asked).toEqual([undefined, 'b', 'b', 'b', 'c'])
    expect(waits).toEqual([7_000, 7_000])
  })

  it('gives up on a page after a few busy answers, and never retries a 404', async () => {
    const wait = async () => {}
    const alwaysBusy = async () => {
      throw new ApiError(503, 'down')
    }
    await expect(loadAllImportErrors('9', { getPage: alwaysBusy, wait })).rejects.toMatchObject({
      status: 503,
    })
    let calls = 0
    const gone = async () => {
      calls++
      throw new ApiError(404, 'not found')
    }
    await expect(loadAllImportErrors('9', { getPage: gone, wait })).rejects.toMatchObject({
      status: 404,
    })
    expect(calls).toBe(1)
  })
})

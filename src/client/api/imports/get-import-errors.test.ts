// Paging through an import's row errors: cursors followed, loops and endless pages stopped
import { describe, expect, it } from 'vitest'
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
})

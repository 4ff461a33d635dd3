// The line map of an upload: each uploaded row's line in the person's file
import { describe, expect, it } from 'vitest'
import { lineInOwnFile } from '#client/lib/hubspot/import-line-maps.ts'
import { runsOf } from '#client/lib/offset-runs.ts'
import { uploadLineMap, type UploadLineMapInput } from './upload-line-map.ts'

// kontakte.csv: header line 1, rows on lines 2–6; the row on line 3 is excluded, so the clean
// copy holds lines 2, 4, 5, 6 as HubSpot's lines 2, 3, 4, 5
const cleanCopy = { rows: 4, rowLines: runsOf([2, 4, 5, 6]), sourceRows: runsOf([0, 2, 3, 4]) }

describe('uploadLineMap', () => {
  it.each<{ name: string; input: UploadLineMapInput; file?: string; lines?: number[] }>([
    {
      name: 'a clean copy with a row left out',
      input: { fileName: 'kontakte.csv', clean: cleanCopy },
      file: 'kontakte.csv',
      lines: [2, 4, 5, 6],
    },
    {
      name: 'the original sent as it is, a cell on two lines',
      input: { fileName: 'a.csv', scanRowLines: runsOf([2, 3, 5, 6]) },
      file: 'a.csv',
      lines: [2, 3, 5, 6],
    },
    {
      name: "a re-import sent as it is: the person's file lines",
      input: {
        fileName: 'kontakte-failed-rows.csv',
        scanRowLines: runsOf([2, 3, 4, 5]),
        lineOrigin: { fileName: 'kontakte.csv', lines: [4, 9, 15, 30] },
      },
      file: 'kontakte.csv',
      lines: [4, 9, 15, 30],
    },
    {
      name: 'a re-import with its second row excluded',
      input: {
        fileName: 'kontakte-failed-rows.csv',
        clean: { rows: 3, rowLines: runsOf([2, 4, 5]), sourceRows: runsOf([0, 2, 3]) },
        lineOrigin: { fileName: 'kontakte.csv', lines: [4, 9, 15, 30] },
      },
      file: 'kontakte.csv',
      lines: [4, 15, 30],
    },
  ])('$name', ({ input, file, lines }) => {
    const map = uploadLineMap(input)!
    expect(map.fileName).toBe(file)
    expect(lines!.map((_, row) => lineInOwnFile(map, row + 2))).toEqual(lines)
  })

  it.each<{ name: string; input: UploadLineMapInput }>([
    { name: 'the scan kept no lines (a draft saved earlier)', input: { fileName: 'a.csv' } },
    { name: 'the clean copy kept no lines', input: { fileName: 'a.csv', clean: { rows: 2 } } },
    {
      name: "a re-import of an import whose lines were HubSpot's",
      input: {
        fileName: 'x-failed-rows.csv',
        scanRowLines: runsOf([2, 3]),
        lineOrigin: { fileName: undefined, lines: [14, 20] },
      },
    },
  ])('none when $name', ({ input }) => {
    expect(uploadLineMap(input)).toBeUndefined()
  })
})

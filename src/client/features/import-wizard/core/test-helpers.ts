// Test support: fixture files as bytes and File objects, chunked streams, check plans by header name
import { readFileSync } from 'node:fs'
import { buildCheckPlan } from './check-plan.ts'
import { CATALOGS } from './fixtures/properties.ts'
import type { ImportOperations, MappingDraft } from './mapping-draft.ts'
import type { ParseSettings } from './parse-settings.ts'

/** A fixture's bytes (tests only). */
export function fixtureBytes(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)))
}

/** A fixture as a File, the way the browser hands it over (tests only). */
export function fixtureFile(name: string): File {
  return new File([fixtureBytes(name)], name, { type: 'text/csv' })
}

/** Bytes as a stream of fixed-size chunks, to put chunk boundaries where a test wants them. */
export function chunked(
  bytes: Uint8Array,
  size: number,
): { stream: ReadableStream<Uint8Array>; size: number } {
  let offset = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close()
      controller.enqueue(bytes.slice(offset, offset + size))
      offset += size
    },
  })
  return { stream, size: bytes.length }
}

export const UTF8: ParseSettings = { encoding: 'utf-8', delimiter: ',', headerRowIndex: 0 }

/** Maps headers by name: `{ Email: 'email' }` (contacts unless `0-2/name`). */
function mappingFor(headers: string[], targets: Record<string, string>): MappingDraft {
  return headers.map((columnName, columnIndex) => {
    const target = targets[columnName]
    if (!target) return { columnIndex, columnName, objectTypeId: null, propertyName: null }
    const [objectTypeId, propertyName] = target.includes('/') ? target.split('/') : ['0-1', target]
    return {
      columnIndex,
      columnName,
      objectTypeId: objectTypeId as '0-1',
      propertyName: propertyName!,
    }
  })
}

/** The check plan for `headers` mapped by name (see mappingFor), against the fixture catalogues. */
export function planFor(
  headers: string[],
  targets: Record<string, string>,
  operations: ImportOperations = { '0-1': 'UPSERT' },
) {
  return buildCheckPlan({
    mapping: mappingFor(headers, targets),
    operations,
    catalogs: CATALOGS,
    columnCount: headers.length,
    dateFormat: 'MONTH_DAY_YEAR',
  })
}

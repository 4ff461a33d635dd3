/**
 * Planning an import: everything that can fail the whole import is checked before a row is
 * written (a file without its importRequest entry, an unreadable file, the header's column count,
 * an object type the account lacks).
 *
 * Choices where HubSpot is SILENT:
 * - Multi-file imports: files holding an `associationIdentifierColumn` are processed first, so the
 *   other files' common columns find their records whatever the upload order.
 * - A file with association columns may name one record on several rows (a company once per
 *   contact it is associated with): later rows update and associate it instead of being
 *   DUPLICATE_ALTERNATE_ID, as in a file mapping several objects (identifier.ts).
 */
import {
  normalizeColumnMapping,
  type ImportFile,
  type NormalizedColumnMapping,
} from '#shared/hubspot/import-request.ts'
import { locatedMappings } from '#shared/hubspot/multi-file-request.ts'
import { OBJECT_TYPES } from '#shared/hubspot/object-types.ts'
import type { Property } from '#shared/hubspot/property.ts'
import { compileCellCheck, type CellCheck } from '#shared/value-rules/index.ts'
import { groupColumnsByObject, planColumn, type ColumnPlanContext } from './column-plan.ts'
import { RecordTooLargeError } from './csv-records.ts'
import { readImportRecords } from './file-records.ts'
import { headerColumnCountFailure, reorderToHeader } from './header-check.ts'
import { ImportFailure } from './import-errors.ts'
import type { FilePlan } from './import-plan.ts'
import type { ImportJob, PropertyCatalogueLike, StoredImportFile } from './types.ts'

/** Plans every file of an import, in the order they are to be processed. */
export async function planImportFiles(
  job: ImportJob,
  catalogue: PropertyCatalogueLike,
): Promise<FilePlan[]> {
  const specs = job.files.map((file, i) => {
    const spec = job.request.files.find((f) => f.fileName === file.fileName) ?? job.request.files[i]
    if (!spec)
      throw new ImportFailure(
        'FILE_NOT_FOUND',
        `No importRequest entry for file ${file.fileName}.`,
        file,
      )
    return {
      file,
      spec,
      fileIndex: job.request.files.indexOf(spec),
      mappings: spec.fileImportPage.columnMappings.map(normalizeColumnMapping),
    }
  })
  const identifierColumns = locatedMappings(job.request).filter(
    (m) => m.mapping.associationIdentifierColumn,
  )
  const checkFor = cachedChecks(job)
  const plans: FilePlan[] = []
  for (const { file, spec, fileIndex, mappings } of specs) {
    const context: ColumnPlanContext = {
      file,
      fileIndex,
      identifierColumns,
      knowsObject: (objectTypeId) =>
        OBJECT_TYPES.some((o) => o.objectTypeId === objectTypeId) ||
        catalogue.list(objectTypeId).length > 0,
      property: (objectTypeId, propertyName) => catalogue.get(objectTypeId, propertyName),
      checkFor,
    }
    plans.push(await planFile(spec, mappings, context))
  }
  const holdsJoinKeys = specs.map(({ mappings }) =>
    mappings.some((m) => m.associationIdentifierColumn),
  )
  return joinKeyFilesFirst(plans, holdsJoinKeys)
}

/** The items whose flag is set first, each group in its original order. */
export function joinKeyFilesFirst<T>(items: readonly T[], holdsJoinKeys: readonly boolean[]): T[] {
  return items
    .map((item, i) => ({ item, i, first: holdsJoinKeys[i] === true }))
    .sort((a, b) => Number(b.first) - Number(a.first) || a.i - b.i)
    .map(({ item }) => item)
}

async function planFile(
  spec: ImportFile,
  mappings: NormalizedColumnMapping[],
  context: ColumnPlanContext,
): Promise<FilePlan> {
  const { file } = context
  const hasHeader = spec.fileImportPage.hasHeader
  let ordered = mappings
  if (hasHeader) {
    const header = await readHeader(file)
    const failure = headerColumnCountFailure(file, header, mappings)
    if (failure) throw failure
    ordered = reorderToHeader(mappings, header)
  }
  const columns = ordered.map((mapping, index) => planColumn(mapping, index, context))
  const objects = groupColumnsByObject(columns)
  return {
    file,
    fileIndex: context.fileIndex ?? 0,
    hasHeader,
    columnCount: ordered.length,
    columns,
    objects,
    // a file that associates its rows may list one record on several rows, once per association
    singleObject: objects.length === 1 && !columns.some((c) => c.role === 'foreign-key'),
    primaryObjectTypeId: objects[0]?.objectTypeId ?? ordered[0]?.columnObjectTypeId ?? '0-1',
  }
}

async function readHeader(file: StoredImportFile): Promise<string[]> {
  try {
    for await (const record of readImportRecords(file)) return record.cells
    return []
  } catch (error) {
    if (error instanceof ImportFailure) throw error
    if (error instanceof RecordTooLargeError) {
      throw new ImportFailure('ROW_DATA_TOO_LARGE', error.message, file)
    }
    throw new ImportFailure('FILE_NOT_FOUND', `The file ${file.fileName} could not be read.`, file)
  }
}

/** One compiled check per property for the whole import: compiling is the costly part. */
function cachedChecks(job: ImportJob): (objectTypeId: string, property: Property) => CellCheck {
  const checks = new Map<string, CellCheck>()
  return (objectTypeId, property) => {
    const key = `${objectTypeId}\u0000${property.name}`
    let check = checks.get(key)
    if (!check) {
      check = compileCellCheck(property, {
        dateFormat: job.request.dateFormat ?? 'MONTH_DAY_YEAR',
      })
      checks.set(key, check)
    }
    return check
  }
}

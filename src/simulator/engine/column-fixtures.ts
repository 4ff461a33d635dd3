/** Planned columns for the engine's unit tests, from the simulator's default catalogue. */
import type { NormalizedColumnMapping } from '#shared/hubspot/import-request.ts'
import { compileCellCheck } from '#shared/value-rules/index.ts'
import { planColumn, type ColumnPlanContext } from './column-plan.ts'
import type { ColumnPlan } from './import-plan.ts'
import { PropertyCatalogue } from './properties-catalogue.ts'

export const TEST_FILE = { fileName: 'test.csv', path: '/nowhere/test.csv', fileId: 1, rowCount: 0 }

export function testMapping(
  objectTypeId: string,
  propertyName: string | null,
  extra: Partial<NormalizedColumnMapping> = {},
): NormalizedColumnMapping {
  return {
    columnName: propertyName ?? 'column',
    columnObjectTypeId: objectTypeId,
    propertyName,
    columnType: 'STANDARD',
    associationIdentifierColumn: false,
    ignored: false,
    ...extra,
  }
}

export function testPlanContext(
  extra: Partial<ColumnPlanContext> = {},
  catalogue = new PropertyCatalogue(),
): ColumnPlanContext {
  return {
    file: TEST_FILE,
    identifierColumns: [],
    knowsObject: (objectTypeId) => catalogue.list(objectTypeId).length > 0,
    property: (objectTypeId, propertyName) => catalogue.get(objectTypeId, propertyName),
    checkFor: (_objectTypeId, property) =>
      compileCellCheck(property, { dateFormat: 'MONTH_DAY_YEAR' }),
    ...extra,
  }
}

/** The column at `index` for a property, planned as an import would plan it. */
export function testColumn(
  index: number,
  objectTypeId: string,
  propertyName: string | null,
  extra: Partial<NormalizedColumnMapping> = {},
): ColumnPlan {
  return planColumn(testMapping(objectTypeId, propertyName, extra), index, testPlanContext())
}

// The pre-flight check of every data row: value rules, repeated identifiers, create values, limits
import { IMPORT_LIMITS } from '#shared/api-paths.ts'
import { compileCellRule } from '#shared/value-rules/cell-check.ts'
import type { CheckPlan, ProblemType } from './check-plan.ts'
import type { FileIssue } from './file-issue.ts'
import { createFirstLines, detach, type FirstLines } from './first-lines.ts'
import {
  columnName,
  duplicateProblem,
  firstLineOf,
  identifierNames,
  singular,
  type CompiledColumn,
  type ObjectState,
} from './preflight-parts.ts'
import type { ProblemRow, RowProblem, ScanResult } from './scan-result.ts'

const RAGGED_LINES_KEPT = 1_000
// enough to exclude them all in one action; beyond it the next scan lists the rest
const RAGGED_ROWS_KEPT = 100_000

export type PreflightResult = Omit<
  ScanResult,
  'bytesRead' | 'excludedRows' | 'ambiguities' | 'rowLines'
>

export interface Preflight {
  /**
   * checks one data row (after edits); `extra` adds problems found while parsing it;
   * `fileCells` is the row as in the file when edits changed it (kept rows hold those)
   */
  checkRow(
    cells: readonly string[],
    rowIndex: number,
    lineNumber: number,
    extra?: RowProblem[],
    fileCells?: readonly string[],
  ): void
  /** sizes the identifier tables for about this many rows (the scan's estimate) */
  reserve(rows: number): void
  finish(): PreflightResult
}

/**
 * The pre-flight check: every mapped cell through the shared value rules (compiled once per
 * column, no zod per row: decision 0002), identifiers repeated in the file, values HubSpot
 * needs to create a record, ragged rows and the row limit. Holds counts, the first
 * `problemRowCap` problem rows and one Map entry per identifier value; never the rows.
 */
export function createPreflight(plan: CheckPlan): Preflight {
  const columns: CompiledColumn[] = plan.columns.map((column) => ({
    plan: column,
    check: compileCellRule(column.property, { dateFormat: plan.dateFormat }),
    ...(column.identifier ? { seen: createFirstLines() } : {}),
    ...(column.collectDateSamples ? { samples: [] } : {}),
  }))
  const objects: ObjectState[] = plan.objects.map((object) => ({
    plan: object,
    columns: columns.filter((c) => c.plan.objectTypeId === object.objectTypeId),
    identifierColumns: columns.filter(
      (c): c is CompiledColumn & { seen: FirstLines } =>
        c.plan.objectTypeId === object.objectTypeId && c.seen !== undefined,
    ),
    recordIdColumn: columns.find(
      (c) =>
        c.plan.objectTypeId === object.objectTypeId && c.plan.identifier === 'HUBSPOT_OBJECT_ID',
    )?.plan.columnIndex,
    result: {
      objectTypeId: object.objectTypeId,
      operation: object.operation,
      toCreate: 0,
      toUpdate: 0,
      toCreateOrUpdate: 0,
      withProblems: 0,
      skipped: 0,
    },
  }))

  const objectIndex = new Map(objects.map((o, i) => [o.plan.objectTypeId, i]))
  const blankObject: boolean[] = objects.map(() => false)
  const badObject: boolean[] = objects.map(() => false)
  const problemCounts: Partial<Record<ProblemType, number>> = {}
  const problemRows: ProblemRow[] = []
  const raggedLines: number[] = []
  const raggedRows: number[] = []
  const problemRowIndexes: Partial<Record<ProblemType, number[]>> = {}
  let totalRows = 0
  let problemRowCount = 0
  let problemRowsTruncated = false
  // per row scratch: the cleaned value of each mapped column (undefined = blank or invalid)
  const values: (string | undefined)[] = []
  // per row scratch, copied only when a row is kept
  const problems: RowProblem[] = []
  const columnCount = columns.length
  const objectCount = objects.length
  // per column, in flat arrays read for every cell: its cell index, its check, the object index
  // it counts for (-1: an object the plan doesn't import)
  const columnIndexes = Int32Array.from(columns, (c) => c.plan.columnIndex)
  const columnChecks = columns.map((c) => c.check)
  const columnObject = Int32Array.from(columns, (c) => objectIndex.get(c.plan.objectTypeId) ?? -1)

  function checkRow(
    cells: readonly string[],
    rowIndex: number,
    lineNumber: number,
    extra?: RowProblem[],
    fileCells?: readonly string[],
  ) {
    totalRows++
    problems.length = 0
    if (extra) for (const p of extra) problems.push(p)
    if (cells.length !== plan.columnCount) {
      if (raggedLines.length < RAGGED_LINES_KEPT) raggedLines.push(lineNumber)
      if (raggedRows.length < RAGGED_ROWS_KEPT) raggedRows.push(rowIndex)
      problems.push({
        type: 'INCORRECT_NUMBER_OF_COLUMNS',
        message: `This row has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'}; the header has ${plan.columnCount}. A comma or quote may be missing or extra.`,
      })
    }
    // a ragged or unparseable row is rejected whole, so its cells are not checked one by one
    const ragged = problems.length > 0
    // per object index; reused arrays, not Sets, because this runs for every row (a loop, not
    // fill: one or two objects)
    for (let i = 0; i < objectCount; i++) {
      blankObject[i] = true
      badObject[i] = false
    }

    if (!ragged) {
      for (let c = 0; c < columnCount; c++) {
        const index = columnIndexes[c]!
        const raw = cells[index] ?? ''
        const answer = columnChecks[c]!(raw)
        const object = columnObject[c]!
        // a string answer is an ok cell's value; an ok with `append` comes as a result
        if (typeof answer === 'string' || answer.kind === 'ok') {
          values[index] = typeof answer === 'string' ? answer : answer.value
          if (object >= 0) blankObject[object] = false
          const samples = columns[c]!.samples
          if (samples && samples.length < plan.dateSampleSize) samples.push(detach(raw))
        } else {
          const column = columns[c]!
          values[index] = undefined
          if (answer.kind === 'invalid') {
            if (column.samples && column.samples.length < plan.dateSampleSize)
              column.samples.push(detach(raw))
            if (object >= 0) {
              badObject[object] = true
              blankObject[object] = false
            }
            problems.push({
              type: answer.errorType,
              message: answer.message,
              columnIndex: index,
              objectTypeId: column.plan.objectTypeId,
            })
          } else if (object >= 0 && blankObject[object] && raw.trim() !== '') {
            // every check answers blank for a blank cell, but a few (";" lists) also for others
            blankObject[object] = false
          }
        }
      }
      for (let i = 0; i < objectCount; i++) {
        if (blankObject[i]) continue
        const before = problems.length
        checkObject(objects[i]!, lineNumber)
        if (problems.length > before) badObject[i] = true
      }
    }

    for (let i = 0; i < objectCount; i++) {
      const object = objects[i]!
      if (ragged || badObject[i]) object.result.withProblems++
      else if (blankObject[i]) object.result.skipped++
      else countOutcome(object)
    }

    if (problems.length === 0) return
    problemRowCount++
    for (const p of problems) {
      problemCounts[p.type] = (problemCounts[p.type] ?? 0) + 1
      // each row once per type (a row with two bad emails), for "exclude every row with this problem"
      const indexes = (problemRowIndexes[p.type] ??= [])
      if (indexes.at(-1) !== rowIndex && indexes.length < RAGGED_ROWS_KEPT) indexes.push(rowIndex)
    }
    if (problemRows.length < plan.problemRowCap) {
      // kept rows must not pin the decoded chunks their cells and messages were cut from
      problemRows.push({
        rowIndex,
        lineNumber,
        cells: (fileCells ?? cells).map(detach),
        problems: problems.map((p) => ({ ...p, message: detach(p.message) })),
      })
    } else {
      problemRowsTruncated = true
    }
  }

  function checkObject(object: ObjectState, lineNumber: number) {
    const { objectTypeId, operation } = object.plan
    let identified = false
    for (const column of object.identifierColumns) {
      const value = values[column.plan.columnIndex]
      if (value === undefined) continue
      identified = true
      const first = firstLineOf(column, column.seen, value, lineNumber)
      if (first !== undefined) problems.push(duplicateProblem(column, value, first))
    }
    const needsCreateValues = operation === 'CREATE' || (operation === 'UPSERT' && !identified)
    if (operation === 'UPDATE' && !identified) {
      problems.push({
        type: 'MISSING_REQUIRED_PROPERTY',
        message: `This row has no ${identifierNames(object)}, so HubSpot can't find the ${singular(objectTypeId)} to update.`,
        objectTypeId,
      })
    }
    if (needsCreateValues) {
      for (const group of object.plan.requiredToCreate) {
        if (group.columnIndexes.some((i) => values[i] !== undefined)) continue
        // an invalid value was reported already; only a missing one is news
        const present = group.columnIndexes.some((i) => problems.some((p) => p.columnIndex === i))
        if (present) continue
        const names = group.columnIndexes.map((i) => columnName(object, i))
        problems.push({
          type: 'MISSING_REQUIRED_PROPERTY',
          message:
            names.length > 0
              ? `${names.join(' or ')} is empty; HubSpot needs it to create a ${singular(objectTypeId)}.`
              : `HubSpot needs ${group.propertyNames.join(' or ')} to create a ${singular(objectTypeId)}.`,
          ...(group.columnIndexes[0] !== undefined ? { columnIndex: group.columnIndexes[0] } : {}),
          objectTypeId,
        })
      }
    }
  }

  function countOutcome(object: ObjectState) {
    const { operation } = object.plan
    if (operation === 'CREATE') object.result.toCreate++
    else if (operation === 'UPDATE') object.result.toUpdate++
    else if (object.recordIdColumn !== undefined && values[object.recordIdColumn] !== undefined)
      object.result.toUpdate++
    else if (object.identifierColumns.some((c) => values[c.plan.columnIndex] !== undefined))
      object.result.toCreateOrUpdate++
    else object.result.toCreate++
  }

  function finish(): PreflightResult {
    const fileIssues: FileIssue[] = []
    if (totalRows > IMPORT_LIMITS.maxRows) {
      fileIssues.push({
        code: 'TOO_MANY_ROWS',
        severity: 'error',
        message: `The file has ${totalRows.toLocaleString('en-US')} rows; HubSpot accepts at most ${IMPORT_LIMITS.maxRows.toLocaleString('en-US')} per file. Split it into smaller files.`,
      })
    }
    const dateSamples: Record<number, string[]> = {}
    for (const c of columns) if (c.samples) dateSamples[c.plan.columnIndex] = c.samples
    return {
      totalRows,
      problemCounts,
      problemRowCount,
      problemRows,
      problemRowsTruncated,
      expected: objects.map((o) => o.result),
      dateSamples,
      raggedLines,
      raggedRows,
      problemRowIndexes,
      fileIssues,
    }
  }

  function reserve(rows: number) {
    // past HubSpot's row limit the file is refused anyway: the tables grow if it comes to that
    const entries = Math.min(rows, IMPORT_LIMITS.maxRows)
    for (const column of columns) column.seen?.reserve(entries)
  }

  return { checkRow, reserve, finish }
}

// HubSpot's row errors as rows to show, filter and export: the column found, hidden values marked
import type { PublicImportError } from '#shared/hubspot/public-import-error.ts'
import { describeErrorType } from './error-types.ts'
import { lineInOwnFile, type ImportLineMap } from './import-line-maps.ts'

/** HubSpot shows sensitive values in import errors as `REDACTED` (troubleshoot-import-errors KB). */
export const REDACTED_VALUES = ['REDACTED', '[REDACTED]', '********'] as const
export const HIDDEN_LABEL = 'hidden (sensitive)'

/** One row error as the dashboard shows and exports it. */
export interface ErrorRow {
  id: string
  /** HubSpot's line: of the file it received (header = line 1); 0 for file-wide errors */
  lineNumber: number
  /** the line in the person's own file, when the import's line map is known */
  fileLine: number | undefined
  /** 0-based column in the file, when HubSpot or the invalid value tells us */
  columnIndex: number | undefined
  columnName: string | undefined
  errorType: string
  errorTypeLabel: string
  message: string
  invalidValue: string | undefined
  /** the invalid value is hidden by HubSpot */
  invalidValueHidden: boolean
  rowData: string[]
  /** some cells of the row are hidden by HubSpot */
  rowHasHiddenValues: boolean
}

export const isRedacted = (value: string | undefined): boolean =>
  value !== undefined && (REDACTED_VALUES as readonly string[]).includes(value.trim())

/**
 * The column an error is about: HubSpot's knownColumnNumber when present, else the position of the
 * invalid value in the row (unique matches only, to avoid naming the wrong column).
 */
export function errorColumnIndex(error: PublicImportError): number | undefined {
  if (error.knownColumnNumber !== undefined && error.knownColumnNumber >= 0) {
    return error.knownColumnNumber
  }
  const value = error.invalidValue
  if (value === undefined || value === '') return undefined
  const positions = error.sourceData.rowData.flatMap((cell, index) =>
    cell === value ? [index] : [],
  )
  return positions.length === 1 ? positions[0] : undefined
}

export function columnLabel(
  header: readonly string[],
  index: number | undefined,
): string | undefined {
  if (index === undefined) return undefined
  return header[index] || `Column ${index + 1}`
}

export function toErrorRow(
  error: PublicImportError,
  header: readonly string[],
  lineMap?: ImportLineMap,
): ErrorRow {
  const columnIndex = errorColumnIndex(error)
  const invalidValue = error.invalidValueToDisplay ?? error.invalidValue
  const { lineNumber } = error.sourceData
  return {
    id: error.id,
    lineNumber,
    fileLine: lineMap && lineNumber > 0 ? lineInOwnFile(lineMap, lineNumber) : undefined,
    columnIndex,
    columnName: columnLabel(header, columnIndex),
    errorType: error.errorType,
    errorTypeLabel: describeErrorType(error.errorType),
    message: error.errorMessage ?? error.extraContext ?? '',
    invalidValue,
    invalidValueHidden:
      error.invalidPropertyValue?.isEncrypted === true || isRedacted(invalidValue),
    rowData: error.sourceData.rowData,
    rowHasHiddenValues:
      error.sourceData.containsEncryptedProperties || error.sourceData.rowData.some(isRedacted),
  }
}

export interface ErrorFilter {
  errorType?: string | undefined
  columnName?: string | undefined
  search?: string | undefined
}

/** The line to show: the person's own when known, else HubSpot's. */
export const shownLine = (row: Pick<ErrorRow, 'lineNumber' | 'fileLine'>): number =>
  row.fileLine ?? row.lineNumber

/** Type and column must match exactly; the search looks at every visible text of the row. */
export function filterErrorRows(rows: readonly ErrorRow[], filter: ErrorFilter): ErrorRow[] {
  const needle = filter.search?.trim().toLowerCase() ?? ''
  return rows.filter((row) => {
    if (filter.errorType && row.errorType !== filter.errorType) return false
    if (filter.columnName && row.columnName !== filter.columnName) return false
    if (!needle) return true
    const haystack = [
      String(shownLine(row)),
      row.columnName ?? '',
      row.errorType,
      row.errorTypeLabel,
      row.message,
      row.invalidValueHidden ? '' : (row.invalidValue ?? ''),
      ...(row.rowHasHiddenValues ? [] : row.rowData),
    ]
    return haystack.some((text) => text.toLowerCase().includes(needle))
  })
}

/** Counts per error type, most frequent first. */
export function countByErrorType(
  rows: readonly ErrorRow[],
): { errorType: string; label: string; count: number }[] {
  const counts = new Map<string, { errorType: string; label: string; count: number }>()
  for (const row of rows) {
    const entry = counts.get(row.errorType)
    if (entry) entry.count += 1
    else
      counts.set(row.errorType, { errorType: row.errorType, label: row.errorTypeLabel, count: 1 })
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
}

// A problem with the file as a whole, found by the inspection or the scan
export const FILE_ISSUE_CODES = [
  'EMPTY_FILE',
  'HEADER_ONLY',
  'NOT_A_CSV',
  'FILE_TOO_LARGE',
  'TOO_MANY_COLUMNS',
  'DUPLICATE_HEADERS',
  'BLANK_HEADERS',
  'ROWS_ABOVE_HEADER',
  'NOT_UTF8',
  'NOT_COMMA_DELIMITED',
  'UNTERMINATED_QUOTE',
  'INVALID_QUOTES',
  'RAGGED_ROWS',
  'TOO_MANY_ROWS',
] as const

export type FileIssueCode = (typeof FILE_ISSUE_CODES)[number]

export interface FileIssue {
  code: FileIssueCode
  severity: 'error' | 'warning'
  /** clear, specific, for a person */
  message: string
  /** 1-based physical line numbers in the original file */
  lines?: number[]
  /** 0-based column indexes (after the header row) */
  columns?: number[]
}

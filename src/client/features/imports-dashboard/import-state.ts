// Plain words for HubSpot's import states, counters and sources, and the date and count formats
import { humanizeConstant } from '#client/lib/hubspot/error-types.ts'

/** Plain words for each state; the badge shows these, never the raw constant alone. */
export const STATE_LABELS: Record<string, string> = {
  STARTED: 'Starting',
  PROCESSING: 'Importing',
  DONE: 'Done',
  FAILED: 'Failed',
  CANCELED: 'Cancelled',
  DEFERRED: 'Waiting',
  REVERTED: 'Reverted',
}

export const STATE_EXPLANATIONS: Record<string, string> = {
  STARTED: 'HubSpot has accepted the file and will start soon.',
  PROCESSING: 'HubSpot is importing the rows.',
  DONE: 'The import has finished. Rows with problems are listed below.',
  FAILED: 'HubSpot stopped the import because of an error; it did not complete.',
  CANCELED: 'The import was cancelled. Rows imported before that stay in HubSpot.',
  DEFERRED: 'Waiting: HubSpot runs at most three imports at once.',
  REVERTED: 'The import was reverted in HubSpot.',
}

export type StateTone = 'running' | 'waiting' | 'ok' | 'bad' | 'neutral'

export const stateLabel = (state: string): string => STATE_LABELS[state] ?? humanizeConstant(state)

export const stateExplanation = (state: string): string | undefined => STATE_EXPLANATIONS[state]

export function stateTone(state: string): StateTone {
  switch (state) {
    case 'STARTED':
    case 'PROCESSING':
      return 'running'
    case 'DEFERRED':
      return 'waiting'
    case 'DONE':
      return 'ok'
    case 'FAILED':
      return 'bad'
    default:
      return 'neutral'
  }
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
})

/** A readable local date and time; an unreadable value is shown as it came. */
export function formatDateTime(value: string | number | undefined): string {
  if (value === undefined || value === '') return '—'
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? String(value) : dateTimeFormat.format(date)
}

export const formatCount = (value: number): string => value.toLocaleString()

/** HubSpot's counter keys in words; unknown keys are humanised. */
export const COUNTER_LABELS: Record<string, string> = {
  TOTAL_ROWS: 'Rows in the file',
  CREATED_OBJECTS: 'Records created',
  UPDATED_OBJECTS: 'Records updated',
  UNIQUE_OBJECTS_WRITTEN: 'Records written',
  PROPERTY_VALUES_EMITTED: 'Values written',
  ERRORS: 'Errors',
  MAPPED_COLUMNS: 'Mapped columns',
  UNMAPPED_COLUMNS: 'Unmapped columns',
  ASSOCIATIONS_EMITTED: 'Associations written',
  ASSOCIATIONS_CREATED: 'Associations created',
}

/**
 * While an import runs (or once it stopped early) HubSpot's TOTAL_ROWS is the rows processed so
 * far; only a finished import's count is the file's.
 */
export const counterLabel = (key: string, state = 'DONE'): string =>
  key === 'TOTAL_ROWS' && state !== 'DONE'
    ? 'Rows processed'
    : (COUNTER_LABELS[key] ?? humanizeConstant(key))

export const SOURCE_LABELS: Record<string, string> = {
  API: 'API',
  CRM_UI: 'HubSpot',
  IMPORT: 'HubSpot import tool',
  MOBILE_ANDROID: 'Android app',
  MOBILE_IOS: 'iOS app',
  SALESFORCE: 'Salesforce',
}

export const sourceLabel = (source: string | undefined): string =>
  source ? (SOURCE_LABELS[source] ?? humanizeConstant(source)) : '—'

// Words for HubSpot's operation and date-format constants, as the wizard shows them
import type { DateFormat } from '#shared/hubspot/import-request.ts'

export const OPERATION_LABELS = {
  UPSERT: 'Create and update',
  CREATE: 'Create only',
  UPDATE: 'Update only',
} as const

export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  MONTH_DAY_YEAR: 'Month/day/year',
  DAY_MONTH_YEAR: 'Day/month/year',
  YEAR_MONTH_DAY: 'Year/month/day',
}

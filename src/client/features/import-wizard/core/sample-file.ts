// A sample CSV per object, built from the portal's own property definitions: the columns an import needs, a few common ones, and example values of each type
import { toCsv } from '#client/lib/csv.ts'
import {
  BUILT_IN_ALTERNATE_IDS,
  OBJECT_TYPES,
  REQUIRED_TO_CREATE,
  type ObjectTypeId,
} from '#shared/hubspot/object-types.ts'
import { isWritable, type Property } from '#shared/hubspot/property.ts'

/** Columns people most often bring, after what HubSpot needs (absent ones are skipped). */
const COMMON: Record<ObjectTypeId, readonly string[]> = {
  '0-1': ['firstname', 'lastname', 'phone', 'company', 'jobtitle', 'lifecyclestage'],
  '0-2': ['city', 'country', 'industry', 'phone', 'numberofemployees'],
  '0-3': ['amount', 'closedate', 'dealtype'],
  '0-5': ['content', 'hs_ticket_priority', 'hs_ticket_category'],
}

export const SAMPLE_ROWS = 3
const MAX_COLUMNS = 9

/** Example text for properties a person recognises by name, one per sample row. */
const NAMED_EXAMPLES: Record<string, readonly string[]> = {
  firstname: ['Ada', 'Grace', 'Alan'],
  lastname: ['Lovelace', 'Hopper', 'Turing'],
  email: ['ada@example.com', 'grace@example.com', 'alan@example.com'],
  company: ['Analytical Engines', 'Navy Labs', 'Bletchley Works'],
  jobtitle: ['Engineer', 'Rear Admiral', 'Mathematician'],
  name: ['Analytical Engines', 'Navy Labs', 'Bletchley Works'],
  domain: ['analytical.example.com', 'navylabs.example.com', 'bletchley.example.com'],
  website: [
    'https://analytical.example.com',
    'https://navylabs.example.com',
    'https://bletchley.example.com',
  ],
  city: ['London', 'Arlington', 'Manchester'],
  country: ['United Kingdom', 'United States', 'United Kingdom'],
  dealname: ['Engine upgrade', 'Compiler licence', 'Codebook audit'],
  subject: ['Cannot log in', 'Invoice missing', 'Export is slow'],
  content: [
    'The login page rejects my password.',
    'March invoice not received.',
    'The nightly export takes hours.',
  ],
}

/**
 * The sample's columns: what creating a record needs, the object's built-in identifier, its
 * unique properties, then common ones; writable and visible only, at most MAX_COLUMNS.
 */
export function sampleColumns(
  objectTypeId: ObjectTypeId,
  catalog: readonly Property[],
): Property[] {
  const usable = new Map(
    catalog
      .filter((p) => isWritable(p) && !p.hidden && p.name !== 'hs_object_id')
      .map((p) => [p.name, p]),
  )
  const names = [
    ...(REQUIRED_TO_CREATE[objectTypeId] ?? []).flat(),
    BUILT_IN_ALTERNATE_IDS[objectTypeId],
    ...catalog.filter((p) => p.hasUniqueValue).map((p) => p.name),
    ...COMMON[objectTypeId],
  ]
  const chosen: Property[] = []
  for (const name of names) {
    const property = name === undefined ? undefined : usable.get(name)
    if (property && !chosen.includes(property)) chosen.push(property)
  }
  return chosen.slice(0, MAX_COLUMNS)
}

/** An example value of a property's type for sample row `row` (0-based). */
export function sampleValue(property: Property, row: number): string {
  const named = NAMED_EXAMPLES[property.name]?.[row % SAMPLE_ROWS]
  if (named !== undefined) return named
  switch (property.type) {
    case 'enumeration':
      return optionText(property, row)
    case 'bool':
      return row % 2 === 0 ? 'true' : 'false'
    case 'date':
    case 'datetime':
      return `2026-0${row + 1}-15`
    case 'number':
      return String((row + 1) * 1000)
    case 'phone_number':
      return `+44 20 7946 01${String(row).padStart(2, '0')}`
    default:
      // a unique property needs a different value on every row
      return property.hasUniqueValue
        ? `${property.name.toUpperCase()}-${1001 + row}`
        : `Example ${row + 1}`
  }
}

/** A visible option's label, or its internal value when two options share that label. */
function optionText(property: Property, row: number): string {
  const visible = property.options.filter((o) => !o.hidden)
  const option = visible[row % Math.max(visible.length, 1)]
  if (!option) return ''
  const sharedLabel =
    visible.filter((o) => o.label.toLowerCase() === option.label.toLowerCase()).length > 1
  return sharedLabel ? option.value : option.label
}

/** The sample CSV for an object: labels as headers (so the mapping step matches them), CRLF records. */
export function buildSampleCsv(
  objectTypeId: ObjectTypeId,
  catalog: readonly Property[],
): { fileName: string; text: string } {
  const columns = sampleColumns(objectTypeId, catalog)
  const rows = Array.from({ length: SAMPLE_ROWS }, (_, row) =>
    columns.map((p) => sampleValue(p, row)),
  )
  const name = OBJECT_TYPES.find((o) => o.objectTypeId === objectTypeId)?.name ?? objectTypeId
  return {
    fileName: `sample-${name}.csv`,
    text: toCsv([columns.map((p) => p.label), ...rows]),
  }
}

// What a column's select offers and says: the properties it can go to, sample values, the match note
import { OBJECT_TYPES, type ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { isWritable, type Property } from '#shared/hubspot/property.ts'
import type { MatchConfidence } from '../../core/auto-match-columns.ts'
import type { FileInspection } from '../../core/inspect-file.ts'
import type { PropertyCatalogs } from '../../core/mapping-draft.ts'
import type { SuggestedMatch } from '../../core/suggest-mapping.ts'
import { NOT_IMPORTED, targetOf, type Target } from './mapping-form.ts'

const CONFIDENCE_TEXT: Record<MatchConfidence, string> = {
  exact: 'Exact match',
  high: 'Likely match',
  fuzzy: 'Guess: check it',
  ambiguous: 'Ambiguous',
  none: 'No match found',
}

export function MatchNote({
  match,
  current,
  catalogs,
}: {
  match: SuggestedMatch | undefined
  current: Target
  catalogs: PropertyCatalogs
}) {
  if (!match) return null
  const suggested =
    match.objectTypeId && match.propertyName && targetOf(match.objectTypeId, match.propertyName)
  // the person's choice wins over whatever was (or was not) suggested
  if (current !== NOT_IMPORTED && !suggested) {
    return <span className="match match-chosen">Chosen by you</span>
  }
  if (match.confidence === 'ambiguous') {
    const names = match.alternatives
      .slice(0, 3)
      .map((c) => `${c.label} (${objectLabel(c.objectTypeId)})`)
    return (
      <span className="match match-ambiguous">
        Ambiguous: could be {names.join(' or ')}. Pick one.
      </span>
    )
  }
  if (match.confidence === 'none' || !match.objectTypeId || !match.propertyName || !suggested) {
    return <span className="match match-none">{CONFIDENCE_TEXT.none}</span>
  }
  if (suggested !== current) {
    const label =
      catalogs[match.objectTypeId]?.find((p) => p.name === match.propertyName)?.label ??
      match.propertyName
    return <span className="match match-changed">Changed by you (suggested: {label})</span>
  }
  return (
    <span className={`match match-${match.confidence}`}>
      {match.basis === 'values'
        ? 'Guessed from its values: check it'
        : match.basis === 'header and values'
          ? `${CONFIDENCE_TEXT[match.confidence]} (header and values)`
          : CONFIDENCE_TEXT[match.confidence]}
    </span>
  )
}

export const objectLabel = (id: ObjectTypeId) =>
  OBJECT_TYPES.find((o) => o.objectTypeId === id)?.label ?? id

/**
 * An option's text. With two objects the object is part of the text, not only the optgroup's
 * label: a closed select and a screen reader announce only the selected option's own text.
 */
export function optionText(property: Property, objectLabel: string, twoObjects: boolean): string {
  if (property.name === 'hs_object_id')
    return `Record ID (identifies existing ${objectLabel.toLowerCase()})`
  return twoObjects ? `${property.label} — ${objectLabel}` : property.label
}

/** Properties a column can go to: writable ones, plus the record ID as an identifier. */
export function propertyOptions(catalogs: PropertyCatalogs, objectIds: readonly ObjectTypeId[]) {
  return objectIds.map((objectTypeId) => {
    const properties = (catalogs[objectTypeId] ?? []).filter(
      (p: Property) => p.name === 'hs_object_id' || (!p.archived && !p.hidden && isWritable(p)),
    )
    properties.sort((a, b) =>
      a.name === 'hs_object_id'
        ? -1
        : b.name === 'hs_object_id'
          ? 1
          : a.label.localeCompare(b.label),
    )
    return { objectTypeId, label: objectLabel(objectTypeId), properties }
  })
}

/** up to three distinct non-blank values per column from the preview */
export function sampleValues(inspection: FileInspection): string[][] {
  return inspection.columnNames.map((_, index) => {
    const values: string[] = []
    for (const row of inspection.previewRows) {
      const value = row[index]?.trim()
      if (value && !values.includes(value))
        values.push(value.length > 40 ? `${value.slice(0, 39)}…` : value)
      if (values.length === 3) break
    }
    return values
  })
}

// The mapping form's values (one select per column) and the wizard's mapping draft, each from the other
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import type { ColumnMatch } from '../../core/auto-match-columns.ts'
import type { MappingDraft } from '../../core/mapping-draft.ts'

/** a select's value: `<objectTypeId>/<propertyName>`, or '' for "Don't import" */
export type Target = string
export const NOT_IMPORTED: Target = ''

export const targetOf = (objectTypeId: string | null, propertyName: string | null): Target =>
  objectTypeId && propertyName ? `${objectTypeId}/${propertyName}` : NOT_IMPORTED

export interface MappingForm {
  columns: { target: Target }[]
}

export function toForm(mapping: MappingDraft): MappingForm {
  return { columns: mapping.map((c) => ({ target: targetOf(c.objectTypeId, c.propertyName) })) }
}

export function toDraft(form: MappingForm, columnNames: readonly string[]): MappingDraft {
  return columnNames.map((columnName, columnIndex) => {
    const target = form.columns[columnIndex]?.target ?? NOT_IMPORTED
    const slash = target.indexOf('/')
    return slash < 0
      ? { columnIndex, columnName, objectTypeId: null, propertyName: null }
      : {
          columnIndex,
          columnName,
          objectTypeId: target.slice(0, slash) as ObjectTypeId,
          propertyName: target.slice(slash + 1),
        }
  })
}

/** The auto-matched mapping: confident matches only, an ambiguous column is left for the person. */
export function draftFromMatches(
  matches: readonly ColumnMatch[],
  columnNames: readonly string[],
): MappingDraft {
  return columnNames.map((columnName, columnIndex) => {
    const match = matches[columnIndex]
    return match?.objectTypeId && match.propertyName && match.confidence !== 'ambiguous'
      ? {
          columnIndex,
          columnName,
          objectTypeId: match.objectTypeId,
          propertyName: match.propertyName,
        }
      : { columnIndex, columnName, objectTypeId: null, propertyName: null }
  })
}

// The mapping step's short help: what a unique identifier is, and what each chosen object needs
import { OBJECT_TYPES, type ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { mappingHint } from '../../core/mapping-hints.ts'
import type { ImportOperations, PropertyCatalogs } from '../../core/mapping-draft.ts'
import { SampleFileLinks } from '../sample-file-links.tsx'

export function MappingHints({
  objectIds,
  catalogs,
  operations,
}: {
  objectIds: readonly ObjectTypeId[]
  catalogs: PropertyCatalogs
  operations: ImportOperations
}) {
  return (
    <section className="mapping-hints" aria-labelledby="mapping-hints-heading">
      <h3 id="mapping-hints-heading">What HubSpot needs</h3>
      <p className="hint">
        A <dfn>unique identifier</dfn> is a property whose value belongs to one record only, such as
        a record ID or an email address. HubSpot uses it to find the record a row updates; a row
        without one creates a new record.
      </p>
      <ul>
        {objectIds.map((id) => {
          const hint = mappingHint(id, catalogs[id] ?? [], operations[id] ?? 'UPSERT')
          const label = OBJECT_TYPES.find((o) => o.objectTypeId === id)?.label ?? id
          return (
            <li key={id}>
              <strong>{label}:</strong> {hint.needs}
            </li>
          )
        })}
      </ul>
      <SampleFileLinks objectTypeIds={objectIds} lead="To see a file that maps itself, download" />
    </section>
  )
}

// Links to a sample CSV per object, built on click from the portal's own properties
import { useQueryClient } from '@tanstack/react-query'
import { Fragment, useState } from 'react'
import { getPropertiesQueryOptions } from '#client/api/get-properties.ts'
import { getErrorMessage } from '#client/lib/api-client.ts'
import { downloadText } from '#client/lib/download-text.ts'
import { OBJECT_TYPES, type ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { buildSampleCsv } from '../core/sample-file.ts'

const infoOf = (id: ObjectTypeId) => OBJECT_TYPES.find((o) => o.objectTypeId === id)!

export function SampleFileLinks({
  objectTypeIds,
  lead,
}: {
  objectTypeIds: readonly ObjectTypeId[]
  /** the words before the links, e.g. "Not sure how to lay out the file? Download" */
  lead: string
}) {
  const queryClient = useQueryClient()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const download = async (objectTypeId: ObjectTypeId) => {
    setBusy(true)
    setError(undefined)
    try {
      // the properties are usually cached already: the mapping step loads the same query
      const catalog = await queryClient.fetchQuery(
        getPropertiesQueryOptions(infoOf(objectTypeId).name),
      )
      const { fileName, text } = buildSampleCsv(objectTypeId, catalog)
      downloadText(fileName, text)
    } catch (caught) {
      setError(`Could not build the sample file: ${getErrorMessage(caught)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="sample-files">
      <p className="hint">
        {lead}{' '}
        {objectTypeIds.map((id, index) => (
          <Fragment key={id}>
            {index > 0 && (index === objectTypeIds.length - 1 ? ' or ' : ', ')}
            <button
              type="button"
              className="link-button"
              disabled={busy}
              onClick={() => void download(id)}
            >
              a sample {infoOf(id).label.toLowerCase()} file
            </button>
          </Fragment>
        ))}
        , with the columns HubSpot needs and example values from this portal's properties.
      </p>
      {error && <p role="alert">{error}</p>}
    </div>
  )
}

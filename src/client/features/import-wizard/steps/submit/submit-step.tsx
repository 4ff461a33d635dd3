// The last step: what will be sent, then the clean copy (when needed) and the upload
import { useMemo, useRef, useState } from 'react'
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import { OBJECT_TYPES } from '#shared/hubspot/object-types.ts'
import { useCreateImport } from '#client/api/imports/create-import.ts'
import { ApiError, getErrorMessage } from '#client/lib/api-client.ts'
import { formatBytes, plural } from '#client/lib/format.ts'
import { recordImportLineMap } from '#client/lib/hubspot/import-line-maps.ts'
import { recordImportRowCount } from '#client/lib/hubspot/import-row-counts.ts'
import { recordReimportLink } from '#client/lib/hubspot/reimport-links.ts'
import { navigate, paths } from '#client/lib/router.tsx'
import { rememberStartedImport } from '#client/lib/started-imports.ts'
import { buildImportRequest } from '../../core/build-import-request.ts'
import type { ExportPlan, ExportResult } from '../../core/scan-result.ts'
import { planSideUpload } from '../../core/two-files/side-upload.ts'
import { uploadLineMap } from '../../core/upload-line-map.ts'
import { runExport } from '../../csv-tasks.ts'
import { DATE_FORMAT_LABELS, OPERATION_LABELS } from '../../labels.ts'
import { SubmitActions, type Sending } from './submit-actions.tsx'
import { unfixedProblemsNote } from './unfixed-problems.ts'
import { clearDraft } from '../../persist-wizard.ts'
import { operationsFor, useCatalogs } from '../../use-catalogs.ts'
import type { WizardState } from '../../wizard-state.ts'

type SubmitState = Extract<WizardState, { step: 'submit' }>

export function SubmitStep({ state, onBack }: { state: SubmitState; onBack: () => void }) {
  const { source, objects, mapping, options, edits, submissionKey } = state
  const { inspection, file } = source
  const { catalogs, isPending, error } = useCatalogs(objects)
  const createImport = useCreateImport()
  const [sending, setSending] = useState<Sending>({ phase: 'idle' })
  const inFlight = useRef(false)
  // the generated copy is kept for retries, so a retry sends byte-identical content
  const cleanCopy = useRef<ExportResult | undefined>(undefined)

  const { workbook } = source
  // the same rules as each file of a two-file import: the original bytes, or a clean CSV and why
  const upload = planSideUpload(source, mapping, edits, state.ambiguities)
  const { reasons, clean, original, fileFormat, fileName } = upload

  const built = useMemo((): { request: ImportRequest } | { error: string } | undefined => {
    if (isPending || error) return undefined
    try {
      const mapped = mapping
        .filter((column) => column.objectTypeId && column.propertyName)
        .map((column) => ({
          ...column,
          // the header as written in the file that is uploaded
          columnName: clean
            ? (inspection.columnNames[column.columnIndex] ?? column.columnName)
            : (inspection.headers[column.columnIndex] ?? column.columnName),
        }))
      return {
        request: buildImportRequest({
          name: options.name,
          fileName,
          fileFormat,
          mapping: mapped,
          operations: operationsFor(objects, options.operations),
          catalogs,
          dateFormat: options.dateFormat,
          marketableContactImport: options.marketableContactImport,
          createContactListFromImport: options.createContactListFromImport,
        }),
      }
    } catch (failure) {
      return { error: getErrorMessage(failure) }
    }
  }, [
    isPending,
    error,
    mapping,
    clean,
    inspection,
    options,
    fileName,
    fileFormat,
    objects,
    catalogs,
  ])

  const exportPlan = (): ExportPlan => upload.exportPlan

  const submit = async () => {
    if (inFlight.current || !built || !('request' in built)) return
    inFlight.current = true
    const checking = sending.phase === 'failed' && sending.outcomeUnknown
    try {
      let body: Blob = original
      if (clean) {
        if (!cleanCopy.current) {
          setSending({ phase: 'preparing', progress: undefined })
          cleanCopy.current = await runExport(file, inspection.settings, exportPlan(), {
            onProgress: (progress) => setSending({ phase: 'preparing', progress }),
          })
        }
        body = cleanCopy.current.blob
      }
      setSending({ phase: 'uploading', progress: undefined, checking })
      const created = await createImport.mutateAsync({
        importRequest: built.request,
        files: [body],
        idempotencyKey: submissionKey,
        onProgress: (progress) => setSending({ phase: 'uploading', progress, checking }),
      })
      rememberStartedImport(created.id)
      // a workbook sent as it is needs no map: HubSpot numbers its rows as the sheet does
      const lineMap = uploadLineMap({
        fileName: original.name,
        clean: clean ? cleanCopy.current : undefined,
        scanRowLines: fileFormat === 'SPREADSHEET' ? undefined : state.rowLines,
        lineOrigin: state.lineOrigin,
      })
      if (lineMap) recordImportLineMap(created.id, lineMap)
      const rowCount = clean ? cleanCopy.current?.rows : state.rowCount
      if (rowCount !== undefined) recordImportRowCount(created.id, rowCount)
      if (state.reimportOf) recordReimportLink(state.reimportOf, created.id)
      await clearDraft().catch(() => {})
      navigate(paths.import(created.id))
    } catch (failure) {
      setSending({
        phase: 'failed',
        message: getErrorMessage(failure),
        outcomeUnknown: failure instanceof ApiError && failure.body?.category === 'OUTCOME_UNKNOWN',
      })
    } finally {
      inFlight.current = false
    }
  }

  const request = built && 'request' in built ? built.request : undefined

  return (
    <section aria-labelledby="submit-heading" className="wizard-step">
      <h2 tabIndex={-1} id="submit-heading">
        Start the import
      </h2>
      {isPending && <p role="status">Loading HubSpot properties…</p>}
      {error && <p role="alert">Could not load the HubSpot properties: {getErrorMessage(error)}</p>}
      {built && 'error' in built && (
        <p role="alert">The import request can't be built: {built.error}</p>
      )}

      <dl className="summary-list">
        <dt>Name</dt>
        <dd>{options.name}</dd>
        <dt>File</dt>
        <dd>
          {fileName}
          {clean
            ? ` (a clean UTF-8 copy${workbook ? ` of sheet ${workbook.sheetName} of ${workbook.file.name}` : ''}, because ${reasons.join(', ')})`
            : ` (sent as it is${workbook ? ', the Excel workbook' : ''}, ${formatBytes(original.size)})`}
        </dd>
        <dt>Objects</dt>
        <dd>
          {Object.entries(operationsFor(objects, options.operations))
            .map(
              ([id, operation]) =>
                `${OBJECT_TYPES.find((o) => o.objectTypeId === id)?.label ?? id}: ${OPERATION_LABELS[operation]}`,
            )
            .join('; ')}
        </dd>
        <dt>Columns</dt>
        <dd>
          {plural(request?.files[0]?.fileImportPage.columnMappings.length ?? 0, 'column')} imported
          {edits.excludedRows.length > 0
            ? `, ${plural(edits.excludedRows.length, 'row')} excluded`
            : ''}
        </dd>
        <dt>Dates</dt>
        <dd>{DATE_FORMAT_LABELS[options.dateFormat]}</dd>
      </dl>
      {state.problemRows !== undefined && state.problemRows > 0 && (
        <p className="issues issues-warning">{unfixedProblemsNote(state.problemRows)}</p>
      )}

      {request && (
        <details className="request-json">
          <summary>Import request that will be sent</summary>
          <pre>{JSON.stringify(request, null, 2)}</pre>
        </details>
      )}

      <SubmitActions
        sending={sending}
        ready={request !== undefined}
        uploadLabel="Uploading"
        fallbackBytes={file.size}
        onBack={onBack}
        onSubmit={() => void submit()}
      />
    </section>
  )
}

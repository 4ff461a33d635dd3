// The last step of a two-file import: both files' uploads and the one request joining them, then both parts sent
import { useMemo, useRef, useState } from 'react'
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import { OBJECT_TYPES } from '#shared/hubspot/object-types.ts'
import { useCreateImport } from '#client/api/imports/create-import.ts'
import { getErrorMessage } from '#client/lib/api-client.ts'
import { formatBytes } from '#client/lib/format.ts'
import { recordReimportLink } from '#client/lib/hubspot/reimport-links.ts'
import { navigate, paths } from '#client/lib/router.tsx'
import { rememberStartedImport } from '#client/lib/started-imports.ts'
import { resolveCommonColumn, type FileSide } from '../core/two-files/common-column.ts'
import { planSideUpload, type SideUpload } from '../core/two-files/side-upload.ts'
import {
  buildTwoFileRequest,
  distinctFileNames,
  uploadMapping,
} from '../core/two-files/two-file-request.ts'
import { runExport } from '../csv-tasks.ts'
import { SubmitActions, type Sending } from '../steps/submit/submit-actions.tsx'
import { DATE_FORMAT_LABELS, OPERATION_LABELS } from '../labels.ts'
import { clearDraft } from '../persist-wizard.ts'
import { operationsFor, useCatalogs } from '../use-catalogs.ts'
import { EMPTY_EDITS, type ObjectsChoice, type WizardState } from '../wizard-state.ts'
import type { SecondFile } from './second-file-state.ts'

type SubmitState = Extract<WizardState, { step: 'submit' }> & { second: SecondFile }

const labelOf = (id: string) => OBJECT_TYPES.find((o) => o.objectTypeId === id)?.label ?? id

interface Plan {
  request: ImportRequest
  uploads: [SideUpload, SideUpload]
  owner: FileSide
}

export function TwoFileSubmitStep({ state, onBack }: { state: SubmitState; onBack: () => void }) {
  const { source, mapping, options, edits, second, submissionKey } = state
  const firstObject = state.objects.kind === 'one' ? state.objects.objectTypeId : undefined
  const secondObject = second.objectTypeId
  const both = useMemo<ObjectsChoice>(
    () =>
      firstObject && secondObject
        ? { kind: 'two', primary: firstObject, secondary: secondObject, associationTypeId: 0 }
        : state.objects,
    [firstObject, secondObject, state.objects],
  )
  const { catalogs, isPending, error } = useCatalogs(both)
  const createImport = useCreateImport()
  const [sending, setSending] = useState<Sending>({ phase: 'idle' })
  const inFlight = useRef(false)
  // generated copies are kept for retries, so a retry sends byte-identical content
  const cleanBlobs = useRef<[Blob | undefined, Blob | undefined]>([undefined, undefined])

  const built = useMemo((): Plan | { error: string } | undefined => {
    if (isPending || error) return undefined
    try {
      if (!firstObject || !secondObject || !second.mapping) {
        throw new Error('the second file is not mapped yet')
      }
      const firstName = source.workbook?.file.name ?? source.file.name
      const secondName = second.source.workbook?.file.name ?? second.source.file.name
      const resolution = resolveCommonColumn(
        {
          fileName: firstName,
          objectTypeId: firstObject,
          columnNames: source.inspection.columnNames,
          mapping,
        },
        {
          fileName: secondName,
          objectTypeId: secondObject,
          columnNames: second.source.inspection.columnNames,
          mapping: second.mapping,
        },
        second.common,
        catalogs,
      )
      if (!resolution.ok) throw new Error(resolution.problem)
      const { owner, columns } = resolution
      const firstMapping = uploadMapping('first', owner, firstObject, mapping, columns.first)
      const secondMapping = uploadMapping(
        'second',
        owner,
        secondObject,
        second.mapping,
        columns.second,
      )
      const uploads: [SideUpload, SideUpload] = [
        planSideUpload(source, firstMapping, edits, state.ambiguities),
        planSideUpload(
          second.source,
          secondMapping,
          second.edits ?? EMPTY_EDITS,
          second.ambiguities,
        ),
      ]
      const [firstFileName, secondFileName] = distinctFileNames(
        uploads[0].fileName,
        uploads[1].fileName,
      )
      uploads[0] = { ...uploads[0], fileName: firstFileName }
      uploads[1] = { ...uploads[1], fileName: secondFileName }
      const request = buildTwoFileRequest({
        name: options.name,
        sides: [
          {
            fileName: firstFileName,
            fileFormat: uploads[0].fileFormat,
            objectTypeId: firstObject,
            mapping: firstMapping,
            headerNames: uploads[0].headerNames,
            commonColumnIndex: columns.first,
          },
          {
            fileName: secondFileName,
            fileFormat: uploads[1].fileFormat,
            objectTypeId: secondObject,
            mapping: secondMapping,
            headerNames: uploads[1].headerNames,
            commonColumnIndex: columns.second,
          },
        ],
        operations: operationsFor(both, options.operations),
        catalogs,
        dateFormat: options.dateFormat,
        marketableContactImport: options.marketableContactImport,
        createContactListFromImport: options.createContactListFromImport,
      })
      return { request, uploads, owner }
    } catch (failure) {
      return { error: getErrorMessage(failure) }
    }
  }, [
    isPending,
    error,
    firstObject,
    secondObject,
    second,
    source,
    mapping,
    edits,
    state.ambiguities,
    options,
    both,
    catalogs,
  ])

  const plan = built && 'request' in built ? built : undefined
  const sources = [source, second.source] as const

  const submit = async () => {
    if (inFlight.current || !plan) return
    inFlight.current = true
    try {
      const bodies: Blob[] = []
      for (const index of [0, 1] as const) {
        const upload = plan.uploads[index]
        if (!upload.clean) {
          bodies.push(upload.original)
          continue
        }
        let blob = cleanBlobs.current[index]
        if (!blob) {
          setSending({ phase: 'preparing', fileName: upload.fileName })
          const { file, inspection } = sources[index]!
          blob = (await runExport(file, inspection.settings, upload.exportPlan)).blob
          cleanBlobs.current[index] = blob
        }
        bodies.push(blob)
      }
      setSending({ phase: 'uploading', progress: undefined })
      const created = await createImport.mutateAsync({
        importRequest: plan.request,
        files: bodies,
        idempotencyKey: submissionKey,
        onProgress: (progress) => setSending({ phase: 'uploading', progress }),
      })
      rememberStartedImport(created.id)
      if (state.reimportOf) recordReimportLink(state.reimportOf, created.id)
      await clearDraft().catch(() => {})
      navigate(paths.import(created.id))
    } catch (failure) {
      setSending({ phase: 'failed', message: getErrorMessage(failure) })
    } finally {
      inFlight.current = false
    }
  }

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
        {plan?.uploads.map((upload, index) => {
          const workbook = sources[index]?.workbook
          const object = index === 0 ? firstObject : secondObject
          return (
            <div key={index}>
              <dt>{index === 0 ? 'First file' : 'Second file'}</dt>
              <dd>
                {upload.fileName} ({object ? labelOf(object) : ''}
                {plan.owner === (index === 0 ? 'first' : 'second')
                  ? ', owns the common column'
                  : ', associated through the common column'}
                ;{' '}
                {upload.clean
                  ? `a clean UTF-8 copy${workbook ? ` of sheet ${workbook.sheetName}` : ''}, because ${upload.reasons.join(', ')}`
                  : `sent as it is${workbook ? ', the Excel workbook' : ''}, ${formatBytes(upload.original.size)}`}
                )
              </dd>
            </div>
          )
        })}
        <dt>Objects</dt>
        <dd>
          {Object.entries(operationsFor(both, options.operations))
            .map(([id, operation]) => `${labelOf(id)}: ${OPERATION_LABELS[operation]}`)
            .join('; ')}
        </dd>
        <dt>Dates</dt>
        <dd>{DATE_FORMAT_LABELS[options.dateFormat]}</dd>
      </dl>

      {plan && (
        <details className="request-json">
          <summary>Import request that will be sent</summary>
          <pre>{JSON.stringify(plan.request, null, 2)}</pre>
        </details>
      )}

      <SubmitActions
        sending={sending}
        ready={plan !== undefined}
        uploadLabel="Uploading both files"
        fallbackBytes={0}
        onBack={onBack}
        onSubmit={() => void submit()}
      />
    </section>
  )
}

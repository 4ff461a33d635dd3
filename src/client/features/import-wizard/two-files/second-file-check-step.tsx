// The check step's second turn in a two-file import: the cross-file check, then the second file's rows as the first file's were checked
import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { getErrorMessage } from '#client/lib/api-client.ts'
import { plural } from '#client/lib/format.ts'
import type { Edits } from '../core/edits.ts'
import { resolveCommonColumn } from '../core/two-files/common-column.ts'
import type { CrossFileCheckResult } from '../core/two-files/cross-file-check.ts'
import { runCrossCheck } from '../csv-tasks.ts'
import { CheckStep } from '../steps/check/check-step.tsx'
import type { EditsUpdate } from '../steps/check/problem-grid.tsx'
import { useCatalogs } from '../use-catalogs.ts'
import {
  EMPTY_EDITS,
  type FileStage,
  type ObjectsChoice,
  type WizardState,
} from '../wizard-state.ts'
import type { SecondFile } from './second-file-state.ts'

type CheckState = Extract<WizardState, { step: 'check' }>

interface SecondFileCheckStepProps {
  state: CheckState & { second: SecondFile }
  onEdits: (update: EditsUpdate) => void
  onBack: () => void
  onNext: Parameters<typeof CheckStep>[0]['onNext']
}

const fileKey = (source: FileStage) => [
  source.file.name,
  source.file.size,
  source.file.lastModified,
  source.inspection.settings,
]

export function SecondFileCheckStep({ state, onEdits, onBack, onNext }: SecondFileCheckStepProps) {
  const { second } = state
  const secondObject = second.objectTypeId
  const secondState = useMemo((): CheckState | undefined => {
    if (!secondObject || !second.mapping) return undefined
    return {
      step: 'check',
      source: second.source,
      objects: { kind: 'one', objectTypeId: secondObject },
      mapping: second.mapping,
      options: state.options,
      edits: second.edits ?? EMPTY_EDITS,
    }
  }, [second, secondObject, state.options])
  const secondName = second.source.workbook?.file.name ?? second.source.file.name

  return (
    <section aria-labelledby="second-file-check-heading" className="wizard-step">
      <h2 tabIndex={-1} id="second-file-check-heading">
        Check the second file: {secondName}
      </h2>
      {secondState ? (
        <>
          <CrossFileCheck state={state} secondState={secondState} />
          <CheckStep state={secondState} onEdits={onEdits} onBack={onBack} onNext={onNext} />
        </>
      ) : (
        <p role="alert">Map the second file first.</p>
      )}
    </section>
  )
}

/** The reference file's common values that match no row of the owner file, listed before submit. */
function CrossFileCheck({
  state,
  secondState,
}: {
  state: CheckState & { second: SecondFile }
  secondState: CheckState
}) {
  const { second } = state
  const firstObject = state.objects.kind === 'one' ? state.objects.objectTypeId : undefined
  const secondObject = second.objectTypeId
  const both = useMemo<ObjectsChoice | undefined>(
    () =>
      firstObject && secondObject
        ? { kind: 'two', primary: firstObject, secondary: secondObject, associationTypeId: 0 }
        : undefined,
    [firstObject, secondObject],
  )
  const { catalogs, isPending } = useCatalogs(both ?? state.objects)
  const firstName = state.source.workbook?.file.name ?? state.source.file.name
  const secondName = second.source.workbook?.file.name ?? second.source.file.name
  const resolution =
    firstObject && secondObject && !isPending
      ? resolveCommonColumn(
          {
            fileName: firstName,
            objectTypeId: firstObject,
            columnNames: state.source.inspection.columnNames,
            mapping: state.mapping,
          },
          {
            fileName: secondName,
            objectTypeId: secondObject,
            columnNames: second.source.inspection.columnNames,
            mapping: secondState.mapping,
          },
          second.common,
          catalogs,
        )
      : undefined
  const ok = resolution?.ok ? resolution : undefined
  const sides = ok
    ? ok.owner === 'first'
      ? {
          owner: side(state.source, ok.columns.first, state.edits),
          reference: side(second.source, ok.columns.second, secondState.edits),
          referenceName: secondName,
          ownerName: firstName,
        }
      : {
          owner: side(second.source, ok.columns.second, secondState.edits),
          reference: side(state.source, ok.columns.first, state.edits),
          referenceName: firstName,
          ownerName: secondName,
        }
    : undefined

  const check = useQuery({
    queryKey: [
      'cross-file-check',
      sides && fileKey(sides.owner.source),
      sides?.owner.columnIndex,
      sides?.owner.edits,
      sides && fileKey(sides.reference.source),
      sides?.reference.columnIndex,
      sides?.reference.edits,
      ok?.property.name,
      state.options.dateFormat,
    ],
    enabled: sides !== undefined,
    queryFn: ({ signal }) =>
      runCrossCheck(
        {
          owner: {
            ...sides!.owner,
            file: sides!.owner.source.file,
            settings: sides!.owner.source.inspection.settings,
          },
          reference: {
            ...sides!.reference,
            file: sides!.reference.source.file,
            settings: sides!.reference.source.inspection.settings,
          },
          property: ok!.property,
          dateFormat: state.options.dateFormat,
        },
        { signal },
      ),
    staleTime: Infinity,
    retry: false,
  })

  return (
    <section aria-labelledby="cross-file-heading" className="cross-file-check">
      <h3 id="cross-file-heading">Across the two files</h3>
      {resolution && !resolution.ok && <p role="alert">{resolution.problem}</p>}
      {sides && check.isPending && (
        <p role="status">Matching the common column across the files…</p>
      )}
      {check.error && (
        <p role="alert">The files could not be matched: {getErrorMessage(check.error)}</p>
      )}
      {sides && check.data && (
        <CrossFileFindings
          result={check.data}
          referenceName={sides.referenceName}
          ownerName={sides.ownerName}
        />
      )}
    </section>
  )
}

function side(source: FileStage, columnIndex: number, edits: Edits) {
  return { source, columnIndex, edits }
}

function CrossFileFindings({
  result,
  referenceName,
  ownerName,
}: {
  result: CrossFileCheckResult
  referenceName: string
  ownerName: string
}) {
  if (result.unmatchedCount === 0) {
    return (
      <p role="status">
        Every common value of {referenceName} ({plural(result.referenceRows, 'row')}) matches a row
        of {ownerName}.
      </p>
    )
  }
  return (
    <div role="alert">
      <p>
        {plural(result.unmatchedCount, 'common value')} of {referenceName}{' '}
        {result.unmatchedCount === 1 ? 'matches' : 'match'} no row of {ownerName}. These rows are
        imported without an association (HubSpot reports them as not associated): fix the values, or
        add the rows to {ownerName}.
      </p>
      <ul aria-label="Common values with no match">
        {result.unmatched.map((u) => (
          <li key={u.lineNumber}>
            Line {u.lineNumber}: {u.value}
            {u.reason === 'invalid' && u.message ? ` (${u.message})` : ''}
          </li>
        ))}
      </ul>
      {result.unmatchedCount > result.unmatched.length && (
        <p>and {(result.unmatchedCount - result.unmatched.length).toLocaleString()} more</p>
      )}
    </div>
  )
}

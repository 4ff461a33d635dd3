// The submit steps' shared end: the clean copy's and the upload's progress, why a try failed, Back and Start import
import type { UploadProgress } from '#client/api/imports/create-import.ts'
import { ProgressBar } from '#client/components/ui/progress-bar.tsx'
import { formatBytes } from '#client/lib/format.ts'
import type { ScanProgress } from '../../core/scan-result.ts'

/** Where sending the import is, for one file or two. */
export type Sending =
  | { phase: 'idle' }
  /** a clean copy is being written: of `fileName` when there are several files */
  | { phase: 'preparing'; progress?: ScanProgress | undefined; fileName?: string | undefined }
  /** `checking`: an earlier attempt's outcome is unknown, so the proxy first looks for its import */
  | { phase: 'uploading'; progress: UploadProgress | undefined; checking?: boolean | undefined }
  /** `outcomeUnknown`: the file reached HubSpot but its answer did not; the import may exist */
  | { phase: 'failed'; message: string; outcomeUnknown?: boolean | undefined }

export const isBusy = (sending: Sending) =>
  sending.phase === 'preparing' || sending.phase === 'uploading'

export function SubmitActions({
  sending,
  ready,
  uploadLabel,
  fallbackBytes,
  onBack,
  onSubmit,
}: {
  sending: Sending
  /** the request is built: Start import can be pressed */
  ready: boolean
  uploadLabel: string
  /** the size shown before the clean copy's scan reports its own */
  fallbackBytes: number
  onBack: () => void
  onSubmit: () => void
}) {
  const busy = isBusy(sending)
  return (
    <>
      {sending.phase === 'preparing' &&
        (sending.fileName !== undefined ? (
          <p role="status">Preparing the clean copy of {sending.fileName}…</p>
        ) : (
          <BytesProgress
            label="Preparing the clean copy"
            value={sending.progress?.bytesRead ?? 0}
            max={sending.progress?.totalBytes || fallbackBytes}
          />
        ))}
      {sending.phase === 'uploading' && sending.checking && (
        <p role="status">
          Checking with HubSpot whether the first attempt created the import; the file is sent again
          only if it did not.
        </p>
      )}
      {sending.phase === 'uploading' && (
        <BytesProgress
          label={uploadLabel}
          value={sending.progress?.loaded ?? 0}
          max={sending.progress?.total || 1}
        />
      )}
      {sending.phase === 'failed' && sending.outcomeUnknown && (
        <div role="alert">
          <p>HubSpot may have started this import, but its answer was lost: {sending.message}</p>
          <p>
            Check and try again: HubSpot's imports are checked for this one first, and the file is
            sent again only if it is not there, so it can't start twice.
          </p>
        </div>
      )}
      {sending.phase === 'failed' && !sending.outcomeUnknown && (
        <div role="alert">
          <p>The import was not started: {sending.message}</p>
          <p>
            Nothing is lost: try again, and the same submission is used, so it can't start twice.
          </p>
        </div>
      )}

      <div className="wizard-actions">
        <button type="button" onClick={onBack} disabled={busy}>
          Back
        </button>
        <button type="button" className="primary" disabled={busy || !ready} onClick={onSubmit}>
          {sending.phase !== 'failed'
            ? 'Start import'
            : sending.outcomeUnknown
              ? 'Check and try again'
              : 'Try again'}
        </button>
      </div>
    </>
  )
}

function BytesProgress({ label, value, max }: { label: string; value: number; max: number }) {
  return (
    <ProgressBar
      label={label}
      value={value}
      max={max}
      text={`${formatBytes(value)} of ${formatBytes(max)}`}
    />
  )
}

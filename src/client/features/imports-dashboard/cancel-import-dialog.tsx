// "Cancel import…" with a confirmation dialog that sends one request however often it is clicked
import { useEffect, useRef, useState } from 'react'
import { useCancelImport } from '#client/api/imports/cancel-import.ts'
import { getErrorMessage } from '#client/lib/api-client.ts'

/**
 * "Cancel import…" plus a confirmation in a native modal <dialog>: showModal() makes the rest of
 * the page inert, traps focus and closes on Escape; focus returns to the opening button.
 */
export function CancelImportButton({ importId }: { importId: string }) {
  const [open, setOpen] = useState(false)
  const dialogRef = useRef<HTMLDialogElement>(null)
  const openerRef = useRef<HTMLButtonElement>(null)
  const keepRef = useRef<HTMLButtonElement>(null)
  const cancel = useCancelImport(importId)

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (open && !dialog.open) {
      dialog.showModal()
      // the safe choice gets focus, so Enter does not cancel by accident
      keepRef.current?.focus()
    } else if (!open && dialog.open) {
      dialog.close()
    }
  }, [open])

  const close = () => {
    setOpen(false)
    openerRef.current?.focus()
  }

  // a ref, not isPending: a double click lands before React re-renders the disabled button
  const inFlight = useRef(false)
  const confirm = () => {
    if (inFlight.current) return
    inFlight.current = true
    cancel.mutate(undefined, {
      onSuccess: close,
      onSettled: () => {
        inFlight.current = false
      },
    })
  }

  return (
    <>
      <button
        type="button"
        ref={openerRef}
        onClick={() => {
          cancel.reset()
          setOpen(true)
        }}
        aria-haspopup="dialog"
      >
        Cancel import…
      </button>
      <dialog
        ref={dialogRef}
        className="confirm"
        aria-modal="true"
        aria-labelledby={`cancel-title-${importId}`}
        aria-describedby={`cancel-text-${importId}`}
        // Escape closes the native dialog; keep React's state in step
        onClose={() => open && close()}
      >
        <h2 id={`cancel-title-${importId}`}>Cancel this import?</h2>
        <p id={`cancel-text-${importId}`}>
          HubSpot stops at the next row. Records already imported stay in HubSpot; the remaining
          rows are not imported. This cannot be undone.
        </p>
        {cancel.isError && (
          <p role="alert">Could not cancel the import: {getErrorMessage(cancel.error)}</p>
        )}
        <div className="toolbar">
          <button type="button" ref={keepRef} onClick={close} disabled={cancel.isPending}>
            Keep importing
          </button>
          <button
            type="button"
            className="danger"
            onClick={confirm}
            // one request however often it is clicked: a second cancel only earns HubSpot's refusal
            disabled={cancel.isPending}
          >
            {cancel.isPending ? 'Cancelling…' : 'Yes, cancel import'}
          </button>
        </div>
      </dialog>
    </>
  )
}

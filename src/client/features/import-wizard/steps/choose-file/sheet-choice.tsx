// A workbook on the file step: the choice of sheet when it has several (its reading progress: workbook-read-progress.tsx)
import { useId, useState } from 'react'

/** HubSpot imports one sheet of a workbook: the person says which. */
export function SheetChoice({
  fileName,
  sheetNames,
  current,
  disabled,
  onPick,
}: {
  fileName: string
  sheetNames: readonly string[]
  current: string | undefined
  disabled: boolean
  onPick: (sheetName: string) => void
}) {
  const name = useId()
  // the pick shows at once, while the sheet is read
  const [picked, setPicked] = useState<string>()
  const checked = picked ?? current
  return (
    <fieldset className="sheet-choice" disabled={disabled}>
      <legend>Which sheet of {fileName} do you want to import?</legend>
      <p className="hint">
        The workbook has {sheetNames.length} sheets and HubSpot imports one. The chosen sheet is
        uploaded on its own, as a CSV named after it.
      </p>
      {sheetNames.map((sheetName) => (
        <label key={sheetName} className="radio">
          <input
            type="radio"
            name={name}
            value={sheetName}
            checked={sheetName === checked}
            onChange={() => {
              setPicked(sheetName)
              onPick(sheetName)
            }}
          />
          {sheetName}
        </label>
      ))}
    </fieldset>
  )
}

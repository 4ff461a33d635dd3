// The "Exclude" checkbox of a row, named after the row's line for screen readers and tests
export function ExcludeRowCheckbox({
  lineNumber,
  checked,
  onChange,
}: {
  lineNumber: number
  checked: boolean
  onChange: (exclude: boolean) => void
}) {
  // named by aria-label (which starts with the visible "Exclude"), not by a visually hidden span:
  // a hidden span is one clipped box per row, which the problem grid pays for on every scroll frame
  return (
    <label className="choice">
      <input
        type="checkbox"
        aria-label={`Exclude line ${lineNumber}`}
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      Exclude
    </label>
  )
}

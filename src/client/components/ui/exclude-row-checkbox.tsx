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
  return (
    <label className="choice">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      Exclude<span className="visually-hidden"> line {lineNumber}</span>
    </label>
  )
}

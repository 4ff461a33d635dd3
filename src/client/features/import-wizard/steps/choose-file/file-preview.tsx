// The first rows of a file as they will be imported, under their column names
import type { FileInspection } from '../../core/inspect-file.ts'

export function PreviewTable({ inspection }: { inspection: FileInspection }) {
  const rows = inspection.previewRows.slice(0, 10)
  if (inspection.columnNames.length === 0) return null
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="File preview">
      <table>
        <caption>
          Preview: the first {rows.length} {rows.length === 1 ? 'row' : 'rows'} as they will be
          imported
        </caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            {inspection.columnNames.map((name, index) => (
              <th key={index} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              <th scope="row">{inspection.previewLineNumbers[rowIndex]}</th>
              {row.map((cell, cellIndex) => (
                <td key={cellIndex}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

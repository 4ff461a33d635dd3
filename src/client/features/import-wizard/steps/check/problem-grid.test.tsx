// @vitest-environment jsdom
// The problem grid: bad cells marked, fixes re-checked as typed, applied to equal values, rows excluded
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { useState } from 'react'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { compileCellCheck } from '#shared/value-rules/cell-check.ts'
import { makeOptions, makeProperty } from '#shared/value-rules/property-fixtures.ts'
import type { Edits } from '../../core/edits.ts'
import type { ProblemRow } from '../../core/scan-result.ts'
import { ProblemGrid, ROW_HEIGHT_REM, type GridColumn } from './problem-grid.tsx'

afterEach(cleanup)

// jsdom lays nothing out: give the scroll box a height so the virtualiser renders rows
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight')
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get: () => 600,
  })
})
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight)
})

const stage = makeProperty({
  name: 'lifecyclestage',
  label: 'Lifecycle Stage',
  type: 'enumeration',
  fieldType: 'radio',
  options: makeOptions([
    ['Lead', 'lead'],
    ['Customer', 'customer'],
  ]),
})
const email = makeProperty({ name: 'email', label: 'Email' })
const columns: GridColumn[] = [
  {
    columnIndex: 0,
    columnName: 'Email',
    check: compileCellCheck(email, { dateFormat: 'MONTH_DAY_YEAR' }),
    options: [],
  },
  {
    columnIndex: 1,
    columnName: 'Stage',
    check: compileCellCheck(stage, { dateFormat: 'MONTH_DAY_YEAR' }),
    options: stage.options,
  },
]
const rows: ProblemRow[] = [
  {
    rowIndex: 0,
    lineNumber: 2,
    cells: ['bob[at]x.com', 'Customers'],
    problems: [
      { type: 'INVALID_EMAIL', message: 'not an email', columnIndex: 0 },
      { type: 'INVALID_ENUMERATION_OPTION', message: 'not an option', columnIndex: 1 },
    ],
  },
  {
    rowIndex: 4,
    lineNumber: 6,
    cells: ['c@x.com', 'Customers'],
    problems: [{ type: 'INVALID_ENUMERATION_OPTION', message: 'not an option', columnIndex: 1 }],
  },
]

const NO_EDITS: Edits = { cells: [], replacements: [], excludedRows: [] }

let latest: Edits
function Harness() {
  const [edits, setEdits] = useState<Edits>({ cells: [], replacements: [], excludedRows: [] })
  latest = edits
  return <ProblemGrid rows={rows} columns={columns} edits={edits} onEdits={setEdits} />
}

describe('ProblemGrid', () => {
  it('marks bad cells and re-checks an edit as the person types', () => {
    render(<Harness />)
    const cell = screen.getByLabelText('Value for Email on line 2')
    expect(cell.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText('not an email')).toBeTruthy()
    fireEvent.change(cell, { target: { value: 'still bad' } })
    expect(cell.getAttribute('aria-invalid')).toBe('true')
    fireEvent.change(cell, { target: { value: 'bob@x.com' } })
    expect(cell.getAttribute('aria-invalid')).toBeNull()
    fireEvent.blur(cell)
    expect(latest.cells).toEqual([{ rowIndex: 0, columnIndex: 0, value: 'bob@x.com' }])
  })

  it('applies a fix to every equal value in the column', () => {
    render(<Harness />)
    fireEvent.change(screen.getByLabelText('Value for Stage on line 2'), {
      target: { value: 'customer' },
    })
    fireEvent.click(
      screen.getByRole('button', { name: /Apply to all equal values: "Customers" to "customer"/ }),
    )
    expect(latest.replacements).toEqual([{ columnIndex: 1, from: 'Customers', to: 'customer' }])
    const other = screen.getByLabelText('Value for Stage on line 6') as HTMLInputElement
    expect(other.value).toBe('customer')
    expect(other.getAttribute('aria-invalid')).toBeNull()
  })

  it('excludes a row', () => {
    render(<Harness />)
    fireEvent.click(screen.getByLabelText('Exclude line 6'))
    expect(latest.excludedRows).toEqual([4])
  })

  it('shows values after edits on an excluded row, and after bringing it back', () => {
    render(<Harness />)
    fireEvent.change(screen.getByLabelText('Value for Stage on line 2'), {
      target: { value: 'customer' },
    })
    fireEvent.click(
      screen.getByRole('button', { name: /Apply to all equal values: "Customers" to "customer"/ }),
    )
    const other = () => screen.getByLabelText('Value for Stage on line 6') as HTMLInputElement
    fireEvent.click(screen.getByLabelText('Exclude line 6'))
    expect(latest.excludedRows).toEqual([4])
    expect(other().value).toBe('customer')
    fireEvent.click(screen.getByLabelText('Exclude line 6'))
    expect(latest.excludedRows).toEqual([])
    expect(other().value).toBe('customer')
    expect(other().getAttribute('aria-invalid')).toBeNull()
    // the fix survived both clicks
    expect(latest.replacements).toEqual([{ columnIndex: 1, from: 'Customers', to: 'customer' }])
  })

  it('keeps a typed fix when the row is excluded right after', () => {
    render(<Harness />)
    const cell = screen.getByLabelText('Value for Email on line 2') as HTMLInputElement
    fireEvent.change(cell, { target: { value: 'bob@x.com' } })
    fireEvent.blur(cell)
    fireEvent.click(screen.getByLabelText('Exclude line 2'))
    expect(latest).toEqual({
      cells: [{ rowIndex: 0, columnIndex: 0, value: 'bob@x.com' }],
      replacements: [],
      excludedRows: [0],
    })
    expect(cell.value).toBe('bob@x.com')
  })

  it('is a table: named, every row counted and numbered, a row header per line, every input named', () => {
    render(<Harness />)
    const table = screen.getByRole('table', { name: /^Rows with problems/ })
    expect(table.getAttribute('aria-rowcount')).toBe('3')
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Line', 'Email', 'Stage'])
    const bodyRows = within(table).getAllByRole('row').slice(1)
    expect(bodyRows.map((r) => r.getAttribute('aria-rowindex'))).toEqual(['2', '3'])
    expect(within(bodyRows[1]!).getByRole('rowheader').textContent).toMatch(/^Line 6/)
    expect(within(bodyRows[1]!).getAllByRole('cell')).toHaveLength(2)
    for (const input of within(table)
      .getAllByRole('textbox')
      .concat(within(table).getAllByRole('checkbox')))
      expect(input.getAttribute('aria-label')).toMatch(/ on line \d+$|^Exclude line \d+$/)
  })

  it('keeps only the rows in view in the DOM, each placed at its own offset', () => {
    const many: ProblemRow[] = Array.from({ length: 20_000 }, (_, i) => ({
      rowIndex: i,
      lineNumber: i + 2,
      cells: [`person${i}[at]x.com`, 'lead'],
      problems: [{ type: 'INVALID_EMAIL', message: 'not an email', columnIndex: 0 }],
    }))
    render(<ProblemGrid rows={many} columns={columns} edits={NO_EDITS} onEdits={() => {}} />)
    const table = screen.getByRole('table', { name: /^Rows with problems/ })
    expect(table.getAttribute('aria-rowcount')).toBe('20001')
    const bodyRows = within(table).getAllByRole('row').slice(1)
    expect(bodyRows.length).toBeGreaterThan(0)
    expect(bodyRows.length).toBeLessThan(40)
    // jsdom has no root font size: the grid falls back to 16 px
    const rowHeight = ROW_HEIGHT_REM * 16
    bodyRows.forEach((row, i) => {
      expect(row.getAttribute('aria-rowindex')).toBe(String(i + 2))
      expect(row.style.top).toBe(`${i * rowHeight}px`)
    })
  })

  it('shows values and messages as text, never as markup', () => {
    const markup = '<img src=x onerror="alert(1)">'
    const hostile: ProblemRow[] = [
      {
        rowIndex: 0,
        lineNumber: 2,
        cells: [markup, markup],
        problems: [{ type: 'INVALID_EMAIL', message: markup, columnIndex: 0 }],
      },
    ]
    const { container } = render(
      <ProblemGrid rows={hostile} columns={columns} edits={NO_EDITS} onEdits={() => {}} />,
    )
    expect(container.querySelector('img')).toBeNull()
    expect(screen.getAllByText(markup).length).toBeGreaterThanOrEqual(2)
    expect((screen.getByLabelText('Value for Email on line 2') as HTMLInputElement).value).toBe(
      markup,
    )
  })
})

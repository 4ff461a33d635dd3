// @vitest-environment jsdom
// The check step over the wizard's reducer: scan results on screen, and a grid that fails to render
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { createElement, useReducer, type ComponentProps } from 'react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { makeProperty } from '#shared/value-rules/property-fixtures.ts'
import type { FileInspection } from '../../core/inspect-file.ts'
import type { ScanResult } from '../../core/scan-result.ts'
import { EMPTY_EDITS, wizardReducer, type WizardState } from '../../wizard-state.ts'
import { CheckStep } from './check-step.tsx'
import type * as ProblemGridModule from './problem-grid.tsx'

const grid = vi.hoisted(() => ({ broken: false }))

// the real grid, unless the test breaks it: a render error the boundary must contain
vi.mock('./problem-grid.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof ProblemGridModule>()
  return {
    ...actual,
    ProblemGrid: (props: ComponentProps<typeof actual.ProblemGrid>) => {
      if (grid.broken) throw new Error('the grid broke')
      return createElement(actual.ProblemGrid, props)
    },
  }
})

const scanResult: ScanResult = {
  totalRows: 2,
  excludedRows: 0,
  bytesRead: 40,
  problemCounts: { INVALID_EMAIL: 1 },
  problemRowCount: 1,
  problemRows: [
    {
      rowIndex: 0,
      lineNumber: 2,
      cells: ['bob[at]x.example'],
      problems: [{ type: 'INVALID_EMAIL', message: 'not an email', columnIndex: 0 }],
    },
  ],
  problemRowsTruncated: false,
  expected: [
    {
      objectTypeId: '0-1',
      operation: 'UPSERT',
      toCreate: 0,
      toUpdate: 0,
      toCreateOrUpdate: 1,
      withProblems: 1,
      skipped: 0,
    },
  ],
  dateSamples: {},
  raggedLines: [],
  raggedRows: [],
  problemRowIndexes: { INVALID_EMAIL: [0] },
  fileIssues: [],
  ambiguities: { blankRows: 0, quoteRows: 0 },
}

vi.mock('../../csv-tasks.ts', () => ({ runScan: async () => scanResult }))

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
afterEach(() => {
  cleanup()
  grid.broken = false
  vi.restoreAllMocks()
})

const atCheck: WizardState = {
  step: 'check',
  source: {
    file: new File(['Email\nbob[at]x.example\nada@x.example\n'], 'people.csv'),
    overrides: {},
    inspection: {
      headers: ['Email'],
      columnNames: ['Email'],
      settings: { encoding: 'utf-8', delimiter: ',', headerRowIndex: 0 },
    } as unknown as FileInspection,
  },
  objects: { kind: 'one', objectTypeId: '0-1' },
  mapping: [{ columnIndex: 0, columnName: 'Email', objectTypeId: '0-1', propertyName: 'email' }],
  options: {
    name: 'People',
    operations: { '0-1': 'UPSERT' },
    dateFormat: 'MONTH_DAY_YEAR',
    marketableContactImport: false,
    createContactListFromImport: false,
  },
  edits: EMPTY_EDITS,
}

function Wizard() {
  const [state, dispatch] = useReducer(wizardReducer, atCheck)
  if (state.step !== 'check') return <p>Left the check step</p>
  return (
    <CheckStep
      state={state}
      onEdits={(update) => dispatch({ type: 'edits-changed', update })}
      onBack={() => {}}
      onNext={() => {}}
    />
  )
}

function renderCheckStep() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  client.setQueryData(['properties', 'contacts'], [makeProperty({ name: 'email', label: 'Email' })])
  render(
    <QueryClientProvider client={client}>
      <Wizard />
    </QueryClientProvider>,
  )
}

describe('CheckStep', () => {
  it('shows the scan and lets a bad value be fixed in place', async () => {
    renderCheckStep()
    expect((await screen.findByRole('status')).textContent).toMatch(/Checked 2 rows: 1 row with/)
    // the grid's rows render after the counts
    const email = (await screen.findByLabelText('Value for Email on line 2')) as HTMLInputElement
    expect(email.getAttribute('aria-invalid')).toBe('true')
    fireEvent.change(email, { target: { value: 'bob@x.example' } })
    fireEvent.keyDown(email, { key: 'Enter' })
    expect(email.getAttribute('aria-invalid')).toBeNull()
  })

  it('contains a grid that fails to render, and "Try again" brings it back with the fixes kept', async () => {
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {})
    renderCheckStep()
    const email = (await screen.findByLabelText('Value for Email on line 2')) as HTMLInputElement
    fireEvent.change(email, { target: { value: 'bob@x.example' } })
    fireEvent.keyDown(email, { key: 'Enter' })

    grid.broken = true
    fireEvent.click(screen.getByLabelText('Exclude line 2'))
    expect(screen.getByRole('alert').textContent).toMatch(
      /The rows with problems could not be shown \(the grid broke\)\. Your fixes and excluded rows so far are kept\./,
    )
    expect(screen.queryByLabelText('Value for Email on line 2')).toBeNull()
    // the rest of the step stays usable
    expect(screen.getByRole('heading', { name: 'Check the rows before importing' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Back' })).toBeTruthy()
    expect(reported).toHaveBeenCalled()

    grid.broken = false
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(screen.queryByRole('alert')).toBeNull()
    expect((screen.getByLabelText('Value for Email on line 2') as HTMLInputElement).value).toBe(
      'bob@x.example',
    )
    expect((screen.getByLabelText('Exclude line 2') as HTMLInputElement).checked).toBe(true)
  })
})

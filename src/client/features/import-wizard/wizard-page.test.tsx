// @vitest-environment jsdom
// The wizard page: a saved draft restored, a step that fails to render contained, and nothing lost either way
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { createElement, type ComponentProps } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { makeProperty } from '#shared/value-rules/property-fixtures.ts'
import type { FileInspection } from './core/inspect-file.ts'
import type * as MapColumnsModule from './steps/map-columns/map-columns-step.tsx'
import { WizardPage } from './wizard-page.tsx'
import type { WizardState } from './wizard-state.ts'

const saved = vi.hoisted(() => new Map<string, unknown>())
const step = vi.hoisted(() => ({ broken: false }))

// IndexedDB through idb-keyval, kept in memory (jsdom has no IndexedDB)
vi.mock('idb-keyval', () => ({
  createStore: () => 'drafts',
  get: async (key: string) => saved.get(key),
  set: async (key: string, value: unknown) => void saved.set(key, value),
  del: async (key: string) => void saved.delete(key),
}))

vi.mock('./steps/map-columns/map-columns-step.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof MapColumnsModule>()
  return {
    ...actual,
    MapColumnsStep: (props: ComponentProps<typeof actual.MapColumnsStep>) => {
      if (step.broken) throw new Error('the mapping broke')
      return createElement(actual.MapColumnsStep, props)
    },
  }
})

const atMapping: WizardState = {
  step: 'mapping',
  source: {
    file: new File(['Email,Notes\nada@x.example,hi\n'], 'people.csv'),
    overrides: {},
    inspection: {
      fileName: 'people.csv',
      headers: ['Email', 'Notes'],
      columnNames: ['Email', 'Notes'],
      previewRows: [['ada@x.example', 'hi']],
      settings: { encoding: 'utf-8', delimiter: ',', headerRowIndex: 0 },
      issues: [],
    } as unknown as FileInspection,
  },
  objects: { kind: 'one', objectTypeId: '0-1' },
  mapping: [
    { columnIndex: 0, columnName: 'Email', objectTypeId: '0-1', propertyName: 'email' },
    { columnIndex: 1, columnName: 'Notes', objectTypeId: null, propertyName: null },
  ],
}

const savedMapping = () =>
  (saved.get('draft') as { state: { mapping: WizardState['mapping'] } } | undefined)?.state.mapping

beforeEach(() => {
  vi.stubGlobal('indexedDB', {})
  saved.set('draft', { version: 1, savedAt: new Date().toISOString(), state: atMapping })
})
afterEach(() => {
  cleanup()
  saved.clear()
  step.broken = false
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

function renderWizard() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  client.setQueryData(
    ['properties', 'contacts'],
    [
      makeProperty({ name: 'email', label: 'Email' }),
      makeProperty({ name: 'notes', label: 'Notes' }),
    ],
  )
  return render(
    <QueryClientProvider client={client}>
      <WizardPage loadReimportSeed={() => Promise.reject(new Error('not a re-import'))} />
    </QueryClientProvider>,
  )
}

const select = (column: string) =>
  screen.getByLabelText(`HubSpot property for column ${column}`) as HTMLSelectElement

/** A person's choice: the select is reached (which fills its list of properties), then changed. */
function choose(column: string, value: string) {
  fireEvent.focus(select(column))
  fireEvent.change(select(column), { target: { value } })
}

describe('WizardPage', () => {
  it('contains a step that fails to render; "Try again" brings it back with the draft intact', async () => {
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {})
    renderWizard()
    expect(await screen.findByText('Restored your import in progress.')).toBeTruthy()
    expect(select('Email').value).toBe('0-1/email')
    choose('Notes', '0-1/notes')

    step.broken = true
    fireEvent.change(select('Email'), { target: { value: '' } })
    expect(screen.getByRole('alert').textContent).toMatch(
      /This step could not be shown \(the mapping broke\)\. Your import in progress is kept/,
    )
    expect(reported).toHaveBeenCalled()
    // the stepper stays, to go to another step
    expect(screen.getByRole('navigation', { name: 'Import steps' })).toBeTruthy()

    step.broken = false
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(select('Email').value).toBe('')
    expect(select('Notes').value).toBe('0-1/notes')
  })

  it('saves a change not saved yet when the wizard goes away', async () => {
    const view = renderWizard()
    await screen.findByText('Restored your import in progress.')
    choose('Notes', '0-1/notes')
    // gone before the autosave delay: the unmount saves it
    view.unmount()
    await act(() => Promise.resolve())
    expect(savedMapping()?.[1]).toMatchObject({ objectTypeId: '0-1', propertyName: 'notes' })
  })
})

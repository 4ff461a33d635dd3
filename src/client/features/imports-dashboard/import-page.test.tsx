// @vitest-environment jsdom
// The import page: row errors that fail to render are contained, and "Try again" brings them back
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { createElement, type ComponentProps } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PublicImportResponse } from '#shared/hubspot/public-import-response.ts'
import { importKeys } from '#client/api/imports/import-keys.ts'
import type * as ErrorsPanelModule from './import-errors-panel.tsx'
import { ImportPage } from './import-page.tsx'

const panel = vi.hoisted(() => ({ broken: false }))

vi.mock('./import-errors-panel.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof ErrorsPanelModule>()
  return {
    ...actual,
    ImportErrorsPanel: (props: ComponentProps<typeof actual.ImportErrorsPanel>) => {
      if (panel.broken) throw new Error('the errors panel broke')
      return createElement(actual.ImportErrorsPanel, props)
    },
  }
})

afterEach(() => {
  cleanup()
  panel.broken = false
  vi.restoreAllMocks()
})

const done: PublicImportResponse = {
  id: '7',
  state: 'DONE',
  createdAt: '2026-05-01T10:00:00Z',
  updatedAt: '2026-05-01T10:01:00Z',
  importName: 'Contacts May',
  importSource: 'API',
  optOutImport: false,
  importRequestJson: undefined,
  metadata: {
    counters: { TOTAL_ROWS: 3, CREATED_OBJECTS: 3, ERRORS: 0 },
    fileIds: [],
    objectLists: [],
  },
} as unknown as PublicImportResponse

function renderImportPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  client.setQueryData(importKeys.detail('7'), done)
  client.setQueryData(importKeys.errors('7', { includeRowData: true, includeErrorMessage: true }), {
    pages: [{ results: [] }],
    pageParams: [undefined],
  })
  render(
    <QueryClientProvider client={client}>
      <ImportPage importId="7" />
    </QueryClientProvider>,
  )
}

describe('ImportPage', () => {
  it('keeps the import on screen when its row errors fail to render', () => {
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {})
    panel.broken = true
    renderImportPage()
    expect(screen.getByRole('alert').textContent).toMatch(
      /The row errors could not be shown \(the errors panel broke\)\. The import itself is not affected\./,
    )
    expect(screen.getByRole('heading', { name: 'Contacts May' })).toBeTruthy()
    expect(screen.getByRole('status', { name: 'Import state' }).textContent).toMatch(/Done/)
    expect(reported).toHaveBeenCalled()

    panel.broken = false
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(screen.getByText('No row errors.')).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})

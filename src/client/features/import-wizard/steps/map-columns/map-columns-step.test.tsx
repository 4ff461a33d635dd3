// @vitest-environment jsdom
// The mapping step: auto-match, the options offered, changes handed up, and Next blocked until it can import
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeProperty } from '#shared/value-rules/property-fixtures.ts'
import type { FileInspection } from '../../core/inspect-file.ts'
import type { MappingDraft } from '../../core/mapping-draft.ts'
import { optionText } from './column-choices.tsx'
import { MapColumnsStep } from './map-columns-step.tsx'

afterEach(cleanup)

const contacts = [
  makeProperty({ name: 'email', label: 'Email' }),
  makeProperty({ name: 'firstname', label: 'First Name' }),
  makeProperty({ name: 'hs_object_id', label: 'Record ID', type: 'number' }),
  makeProperty({
    name: 'num_associated_deals',
    label: 'Number of deals',
    calculated: true,
    modificationMetadata: { archivable: false, readOnlyDefinition: true, readOnlyValue: true },
  }),
]

const inspection = {
  columnNames: ['Email', 'First Name', 'Notes'],
  previewRows: [['a@x.com', 'Ada', 'hello']],
} as unknown as FileInspection

function renderStep(onNext = vi.fn(), onChange = vi.fn<(mapping: MappingDraft) => void>()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  client.setQueryData(['properties', 'contacts'], contacts)
  render(
    <QueryClientProvider client={client}>
      <MapColumnsStep
        inspection={inspection}
        objects={{ kind: 'one', objectTypeId: '0-1' }}
        mapping={undefined}
        operations={undefined}
        onChange={onChange}
        onBack={() => {}}
        onNext={onNext}
      />
    </QueryClientProvider>,
  )
  return { onNext, onChange }
}

const select = (name: string) =>
  screen.getByLabelText(`HubSpot property for column ${name}`) as HTMLSelectElement

describe('MapColumnsStep', () => {
  it('auto-matches columns and shows the confidence', () => {
    renderStep()
    expect(select('Email').value).toBe('0-1/email')
    expect(select('First Name').value).toBe('0-1/firstname')
    expect(select('Notes').value).toBe('')
    expect(screen.getAllByText('Exact match')).toHaveLength(2)
  })

  it('hands each change up as it happens, so the wizard saves it, and says when it blocks', () => {
    const { onChange } = renderStep()
    fireEvent.change(select('Email'), { target: { value: '' } })
    // without Email, contacts can be neither found nor created: later steps stay closed
    expect(onChange).toHaveBeenLastCalledWith(
      [
        { columnIndex: 0, columnName: 'Email', objectTypeId: null, propertyName: null },
        {
          columnIndex: 1,
          columnName: 'First Name',
          objectTypeId: '0-1',
          propertyName: 'firstname',
        },
        { columnIndex: 2, columnName: 'Notes', objectTypeId: null, propertyName: null },
      ],
      true,
    )
    fireEvent.change(select('Email'), { target: { value: '0-1/email' } })
    expect(onChange).toHaveBeenLastCalledWith(expect.any(Array), false)
  })

  it('offers the record ID but no calculated property, and disables properties already used', () => {
    renderStep()
    const options = [...select('Notes').options]
    expect(options.map((o) => o.textContent)).toContain('Record ID (identifies existing contacts)')
    expect(options.some((o) => o.textContent?.includes('Number of deals'))).toBe(false)
    expect(options.find((o) => o.value === '0-1/email')?.disabled).toBe(true)
  })

  it('blocks Next with an alert until the mapping can import', () => {
    const { onNext } = renderStep()
    fireEvent.change(select('Email'), { target: { value: '' } })
    fireEvent.change(select('First Name'), { target: { value: '' } })
    expect(screen.getByRole('alert').textContent).toMatch(/No column is mapped/)
    const next = screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement
    expect(next.disabled).toBe(true)
    fireEvent.change(select('Email'), { target: { value: '0-1/email' } })
    expect(screen.queryByRole('alert')).toBeNull()
    expect(next.disabled).toBe(false)
    expect(onNext).not.toHaveBeenCalled()
  })

  it('names the object in the option text when the file holds two objects', () => {
    const name = makeProperty({ name: 'name', label: 'Company name' })
    expect(optionText(name, 'Companies', true)).toBe('Company name — Companies')
    expect(optionText(name, 'Companies', false)).toBe('Company name')
    const id = makeProperty({ name: 'hs_object_id', label: 'Record ID', type: 'number' })
    expect(optionText(id, 'Companies', true)).toBe('Record ID (identifies existing companies)')
  })
})

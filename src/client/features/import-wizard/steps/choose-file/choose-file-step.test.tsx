// @vitest-environment jsdom
// The file step: a chosen file is read and previewed, and the read settings can be changed
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, fireEvent, render as renderInDom, screen, waitFor } from '@testing-library/react'
import { useState, type ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import type { FileStage } from '../../wizard-state.ts'
import { ChooseFileStep } from './choose-file-step.tsx'

afterEach(cleanup)

// the sample-file links fetch the portal's properties through the query client
const render = (ui: ReactNode) =>
  renderInDom(ui, {
    wrapper: ({ children }) => (
      <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>
    ),
  })

function Harness() {
  const [source, setSource] = useState<FileStage>()
  return <ChooseFileStep source={source} onRead={setSource} onNext={() => {}} />
}

function choose(file: File) {
  fireEvent.change(screen.getByLabelText('Choose a CSV or Excel file'), {
    target: { files: [file] },
  })
}

/** The file step with a second file allowed and none chosen yet. */
function TwoFileHarness() {
  const [source, setSource] = useState<FileStage>()
  return (
    <ChooseFileStep
      source={source}
      onRead={setSource}
      onNext={() => {}}
      secondFile={{ second: undefined, onRead: () => {}, onRemove: () => {} }}
    />
  )
}

describe('ChooseFileStep', () => {
  it('offers a sample file per object until a file is chosen', async () => {
    render(<Harness />)
    const samples = ['contacts', 'companies', 'deals', 'tickets'].map((name) =>
      screen.getByRole('button', { name: `a sample ${name} file` }),
    )
    expect(samples).toHaveLength(4)
    choose(new File(['Email\r\na@example.com\r\n'], 'a.csv'))
    await waitFor(() => expect(screen.queryByRole('button', { name: /a sample/ })).toBeNull())
  })

  it('explains why an empty file cannot be imported and keeps Next disabled', async () => {
    render(<Harness />)
    choose(new File([], 'empty.csv'))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/empty/))
    expect((screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(true)
    // nothing was detected, so no detection hints or overrides next to the error
    expect(screen.queryByRole('group', { name: 'How the file is read' })).toBeNull()
    expect(screen.queryByLabelText('Delimiter')).toBeNull()
    expect(screen.queryByText(/Detected:/)).toBeNull()
  })

  // a PNG renamed .csv, and a zip (what an .xlsx is) named .csv: only the message, no preview of bytes
  it.each([
    {
      name: 'logo.csv',
      bytes: [
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
      ],
      message: /binary data/,
    },
    {
      name: 'book.csv',
      bytes: [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x41, 0x2c, 0x0a, 0x42, 0x2c],
      message: /Excel workbook/,
    },
  ])(
    'shows only the message for a file that is not text ($name)',
    async ({ name, bytes, message }) => {
      render(<Harness />)
      choose(new File([new Uint8Array(bytes)], name))
      await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(message))
      expect((screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(
        true,
      )
      expect(screen.queryByRole('group', { name: 'How the file is read' })).toBeNull()
      expect(screen.queryByText(/Detected:/)).toBeNull()
      expect(screen.queryByRole('region', { name: 'File preview' })).toBeNull()
      expect(screen.queryByText(/rows\)/)).toBeNull()
    },
  )

  it('says which file was used when two are dropped, and where the other one can go', async () => {
    render(<TwoFileHarness />)
    const contacts = new File(['Email\na@x.com\n'], 'contacts.csv')
    const companies = new File(['Name\nAcme\n'], 'companies.csv')
    fireEvent.drop(screen.getByLabelText('Choose a CSV or Excel file').parentElement!, {
      dataTransfer: { files: [contacts, companies] },
    })
    const note = await screen.findByText(/files were dropped/)
    expect(note.getAttribute('role')).toBe('status')
    expect(note.textContent).toBe(
      '2 files were dropped; one file is read at a time, so "contacts.csv" was used. To import another file with it, choose "Add a second file" below.',
    )
    await waitFor(() => expect(screen.getByText('contacts.csv')).toBeTruthy())
  })

  it('moves focus to the second file input when it is added, and back to the button when it is dropped', async () => {
    render(<TwoFileHarness />)
    choose(new File(['Email\na@x.com\n'], 'contacts.csv'))
    fireEvent.click(await screen.findByRole('button', { name: 'Add a second file' }))
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText('Choose the second file')),
    )
    fireEvent.click(screen.getByRole('button', { name: 'Import one file only' }))
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Add a second file' }),
      ),
    )
  })

  it('shows what was detected, with overrides, and a preview', async () => {
    render(<Harness />)
    choose(new File(['Email;Name\na@x.com;Ada\nb@x.com;Bob\n'], 'list.csv'))
    await waitFor(() =>
      expect((screen.getByLabelText('Delimiter') as HTMLSelectElement).value).toBe(';'),
    )
    expect((screen.getByLabelText('Encoding') as HTMLSelectElement).value).toBe('utf-8')
    expect((screen.getByLabelText('Header row') as HTMLSelectElement).value).toBe('0')
    expect(screen.getByRole('table', { name: /Preview/ }).textContent).toContain('Ada')
    expect((screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(false)

    // reading with another delimiter re-reads the file: one column
    fireEvent.change(screen.getByLabelText('Delimiter'), { target: { value: ',' } })
    await waitFor(() =>
      expect(screen.getByRole('columnheader', { name: 'Email;Name' })).toBeTruthy(),
    )
  })

  it("shows the head's estimate until the check step's scan has counted the rows exactly", async () => {
    let read: FileStage | undefined
    const step = (source: FileStage | undefined) => (
      <ChooseFileStep source={source} onRead={(next) => (read = next)} onNext={() => {}} />
    )
    const { rerender } = render(step(undefined))
    // past the 256 KB the preview reads, so the count is estimated from the head
    const rows = Array.from({ length: 30_000 }, (_, i) => `person${i}@example.com,Name ${i}`)
    choose(new File([`Email,Name\n${rows.join('\n')}\n`], 'big.csv'))
    await waitFor(() => expect(read).toBeDefined())
    rerender(step(read))
    expect(screen.getByText(/big\.csv/).parentElement?.textContent).toMatch(/, about [\d,]+ rows\)/)

    rerender(step(read && { ...read, countedRows: 30_000 }))
    expect(screen.getByText(/big\.csv/).parentElement?.textContent).toMatch(/, 30,000 rows\)$/)
  })
})

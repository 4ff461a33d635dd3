// Processing files of every shape: legacy mappings, BOM and line endings, headers, wrong column counts
import { describe, expect, it } from 'vitest'
import { brief, byEmail, contact, run, userValues } from './process-test-support.ts'

describe('processImport: file format', () => {
  it('reads the legacy mapping spelling and skips ignored columns', async () => {
    const { result, store } = await run([
      {
        content: 'Email,Notes,Last Name\nleg@example.com,skip me,Acy\n',
        mappings: [
          {
            columnObjectType: 'CONTACT',
            columnName: 'Email',
            propertyName: 'email',
            idColumnType: 'HUBSPOT_ALTERNATE_ID',
            ignored: false,
            foreignKeyType: null,
            associationIdentifierColumn: false,
          },
          {
            columnObjectType: 'CONTACT',
            columnName: 'Notes',
            propertyName: 'message',
            ignored: true,
          },
          {
            columnObjectType: 'CONTACT',
            columnName: 'Last Name',
            propertyName: 'lastname',
            idColumnType: null,
          },
        ],
      },
    ])
    expect(result.errors).toEqual([])
    expect(userValues(byEmail(store, 'leg@example.com'))).toEqual({
      email: 'leg@example.com',
      lastname: 'Acy',
    })
  })

  it.each([
    [
      'BOM, CRLF, quoted comma and newline',
      '\uFEFFEmail,First Name\r\n"q@example.com","Multi\r\nLine, Name"\r\n',
      [],
      'Multi\r\nLine, Name',
    ],
    ['LF, no trailing newline', 'Email,First Name\nq@example.com,Plain', [], 'Plain'],
    ['blank lines are not records', 'Email,First Name\n\nq@example.com,Gap\n\n', [], 'Gap'],
  ])('%s', async (_name, content, errors, firstname) => {
    const { result, store } = await run([
      { content, mappings: [contact('Email', 'email'), contact('First Name', 'firstname')] },
    ])
    expect(brief(result.errors)).toEqual(errors)
    expect(byEmail(store, 'q@example.com')?.properties.firstname).toBe(firstname)
    expect(result.counters.TOTAL_ROWS).toBe(1)
  })

  it('hasHeader false: line 1 is data', async () => {
    const { result, store } = await run([
      {
        content: 'h1@example.com,One\nh2@example.com\n',
        hasHeader: false,
        mappings: [contact('Email', 'email'), contact('First Name', 'firstname')],
      },
    ])
    expect(brief(result.errors)).toEqual([[2, 'INCORRECT_NUMBER_OF_COLUMNS', undefined]])
    expect(byEmail(store, 'h1@example.com')?.properties.firstname).toBe('One')
    expect(result.counters.TOTAL_ROWS).toBe(2)
  })

  it('follows the header when it holds the mapped names in another order', async () => {
    const { store } = await run([
      {
        content: 'First Name,Email\nRe,re@example.com\n',
        mappings: [contact('Email', 'email'), contact('First Name', 'firstname')],
      },
    ])
    expect(byEmail(store, 're@example.com')?.properties.firstname).toBe('Re')
  })

  it('a semicolon-delimited file is one column per row: every row has the wrong column count', async () => {
    const { result, store } = await run([
      {
        content: 'Email;First Name\ns@example.com;Semi\n',
        hasHeader: false,
        mappings: [contact('Email', 'email'), contact('First Name', 'firstname')],
      },
    ])
    expect(brief(result.errors)).toEqual([
      [1, 'INCORRECT_NUMBER_OF_COLUMNS', undefined],
      [2, 'INCORRECT_NUMBER_OF_COLUMNS', undefined],
    ])
    expect(store.count('0-1')).toBe(0)
  })

  it.each([
    ['an unmapped extra column', 'Email,First Name,Extra\nx@example.com,X,1\n', 2, 'Extra'],
    ['a missing column', 'Email\nx@example.com\n', undefined, undefined],
    ['a semicolon header', 'Email;First Name\nx@example.com;X\n', undefined, undefined],
    ['an empty file', '', undefined, undefined],
  ])('FAILED before writing anything: %s', async (_name, content, column, invalidValue) => {
    const { result, store } = await run([
      {
        content: 'Email,First Name\nok@example.com,Ok\n',
        mappings: [contact('Email', 'email'), contact('First Name', 'firstname')],
      },
      { content, mappings: [contact('Email', 'email'), contact('First Name', 'firstname')] },
    ])
    expect(result.outcome).toBe('FAILED')
    expect(result.failureReason).toMatch(/columns/)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatchObject({
      errorType: 'INCORRECT_NUMBER_OF_COLUMNS',
      ...(column === undefined ? {} : { knownColumnNumber: column, invalidValue }),
      sourceData: { lineNumber: 0, fileId: 5001 },
    })
    if (column === undefined) expect(result.errors[0]?.knownColumnNumber).toBeUndefined()
    expect(store.count('0-1')).toBe(0)
    expect(result.counters).toMatchObject({ TOTAL_ROWS: 0, ERRORS: 1 })
  })
})

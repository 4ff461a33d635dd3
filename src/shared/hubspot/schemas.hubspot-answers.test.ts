// HubSpot's answers (imports, errors, paging, properties, error bodies) against its own examples, read tolerantly
import { describe, expect, it } from 'vitest'
import { hubSpotErrorBodySchema } from './error-body.ts'
import { collectionResponseSchema } from './paging.ts'
import { publicImportErrorSchema } from './public-import-error.ts'
import {
  actionResponseSchema,
  counter,
  isTerminalState,
  publicImportResponseSchema,
} from './public-import-response.ts'
import { isWritable, propertySchema } from './property.ts'

// HubSpot's own example of a finished import (v3 spec, 2023), plus what newer portals add
const doneImport = {
  id: '1471',
  createdAt: '2020-01-14T22:45:00.153Z',
  updatedAt: '2020-01-14T22:45:00.153Z',
  state: 'DONE',
  optOutImport: false,
  mappedObjectTypeIds: ['0-1'],
  metadata: {
    objectLists: [{ objectType: 'contacts', listId: '3' }],
    counters: { TOTAL_ROWS: 1000, PROPERTY_VALUES_EMITTED: 1000, CREATED_OBJECTS: 1000 },
    fileIds: ['32938649'],
  },
}

describe('PublicImportResponse: what HubSpot sends is read tolerantly', () => {
  it.each([
    ['the spec example', doneImport, 'DONE'],
    ['an unknown state', { ...doneImport, state: 'ARCHIVED_BY_ROBOTS' }, 'ARCHIVED_BY_ROBOTS'],
    ['a new top-level field', { ...doneImport, brandNewField: { a: 1 } }, 'DONE'],
    [
      'unknown counters keys',
      { ...doneImport, metadata: { ...doneImport.metadata, counters: { SOMETHING_NEW: 4 } } },
      'DONE',
    ],
    [
      'an unknown importSource and template type',
      {
        ...doneImport,
        importSource: 'NEW_SOURCE',
        importTemplate: { templateId: 5, templateType: 'future_kind' },
      },
      'DONE',
    ],
    [
      'no mappedObjectTypeIds (older responses)',
      { ...doneImport, mappedObjectTypeIds: undefined },
      'DONE',
    ],
  ])('parses %s', (_name, body, state) => {
    const parsed = publicImportResponseSchema.parse(body)
    expect(parsed.state).toBe(state)
    expect(parsed.id).toBe('1471')
  })

  it.each([
    ['no id', { ...doneImport, id: undefined }],
    ['a numeric id', { ...doneImport, id: 1471 }],
    ['no metadata', { ...doneImport, metadata: undefined }],
    [
      'a counter that is not a number',
      { ...doneImport, metadata: { ...doneImport.metadata, counters: { ERRORS: 'x' } } },
    ],
  ])('rejects %s', (_name, body) => {
    expect(publicImportResponseSchema.safeParse(body).success).toBe(false)
  })

  it('treats a missing counter as zero (HubSpot omits zero-valued keys)', () => {
    const parsed = publicImportResponseSchema.parse(doneImport)
    expect(counter(parsed, 'CREATED_OBJECTS')).toBe(1000)
    expect(counter(parsed, 'ERRORS')).toBe(0)
  })

  it.each([
    ['DONE', true],
    ['FAILED', true],
    ['CANCELED', true],
    ['REVERTED', true],
    ['STARTED', false],
    ['PROCESSING', false],
    ['DEFERRED', false],
    ['SOMETHING_NEW', false],
    [undefined, false],
  ])('isTerminalState(%s) is %s', (state, terminal) => {
    expect(isTerminalState(state)).toBe(terminal)
  })
})

describe('PublicImportError and paging', () => {
  const error = {
    id: '55-1',
    createdAt: 1_767_225_600_000,
    errorType: 'INVALID_EMAIL',
    knownColumnNumber: 1,
    invalidValue: 'not-an-email',
    objectType: 'CONTACT',
    objectTypeId: '0-1',
    sourceData: {
      rowData: ['Ann', 'not-an-email'],
      lineNumber: 2,
      fileId: 9,
      containsEncryptedProperties: false,
    },
  }

  it.each([
    ['a known errorType', error, 'INVALID_EMAIL'],
    [
      'an errorType newer than our list',
      { ...error, errorType: 'BRAND_NEW_ERROR' },
      'BRAND_NEW_ERROR',
    ],
  ])('parses %s', (_name, body, errorType) => {
    const parsed = publicImportErrorSchema.parse(body)
    expect(parsed.errorType).toBe(errorType)
    // additionalRowData arrived in 2026-02: older bodies lack it
    expect(parsed.sourceData.additionalRowData).toEqual([])
  })

  it.each([
    ['a last page without paging', { results: [error] }, undefined],
    ['a last page with empty paging', { results: [error], paging: {} }, undefined],
    [
      'a page with a next cursor',
      { results: [error], paging: { next: { after: '10', link: 'x' } } },
      '10',
    ],
    // the Node client 13.5 still reads the removed `prev`; HubSpot may still send it
    [
      'a page with the old prev',
      { results: [], paging: { next: { after: '3' }, prev: { before: '1' } } },
      '3',
    ],
  ])('reads forward paging from %s', (_name, body, after) => {
    const parsed = collectionResponseSchema(publicImportErrorSchema).parse(body)
    expect(parsed.paging?.next?.after).toBe(after)
  })
})

describe('ActionResponse, Property and the error body', () => {
  it.each([['COMPLETE'], ['CANCELED'], ['A_NEW_STATUS']])(
    'reads a cancel answer with status %s',
    (status) => {
      const parsed = actionResponseSchema.parse({ status, startedAt: 'a', completedAt: 'b' })
      expect(parsed.status).toBe(status)
    },
  )

  it.each([
    ['a writable property', {}, true],
    ['a calculated property', { calculated: true }, false],
    [
      'a read-only value',
      { modificationMetadata: { archivable: true, readOnlyDefinition: true, readOnlyValue: true } },
      false,
    ],
  ])('isWritable: %s → %s', (_name, extra, writable) => {
    const property = propertySchema.parse({
      name: 'x',
      label: 'X',
      type: 'string',
      fieldType: 'text',
      groupName: 'g',
      ...extra,
    })
    expect(isWritable(property)).toBe(writable)
    expect(property.options).toEqual([])
  })

  it.each([
    [
      'the observed bad-multipart body without category',
      { status: 'error', message: 'Unable to process JSON', correlationId: 'c' },
    ],
    [
      'a 429 with policyName',
      {
        status: 'error',
        message: 'You have reached your daily limit.',
        errorType: 'RATE_LIMIT',
        policyName: 'DAILY',
        correlationId: 'c',
        requestId: 'r',
      },
    ],
    [
      'a 403 with required scopes',
      {
        status: 'error',
        message: 'This app hasn’t been granted all required scopes',
        category: 'MISSING_SCOPES',
        errors: [
          {
            message: 'One or more of the following scopes are required.',
            context: { requiredScopes: ['crm.import'] },
          },
        ],
      },
    ],
  ])('parses %s', (_name, body) => {
    expect(hubSpotErrorBodySchema.parse(body).message).toBe(body.message)
  })
})

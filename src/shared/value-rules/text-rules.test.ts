// Text cells: length, email, domain, phone, record ID, lists
import { describe, expect, it } from 'vitest'
import { compileCellCheck } from './cell-check.ts'
import { makeProperty } from './property-fixtures.ts'
import {
  MAX_STRING_LENGTH,
  normalizeDomain,
  normalizeEmail,
  normalizeRecordId,
} from './text-rules.ts'

const options = { dateFormat: 'MONTH_DAY_YEAR' } as const

describe('text cells', () => {
  const jobTitle = compileCellCheck(makeProperty({ name: 'jobtitle', label: 'Job Title' }), options)

  it.each([
    { input: 'Engineer', expected: 'Engineer' },
    { input: '  Senior  Engineer \t', expected: 'Senior  Engineer' },
    { input: 'line 1\nline 2', expected: 'line 1\nline 2' },
    { input: '=1+1', expected: '=1+1' },
    { input: 'x'.repeat(MAX_STRING_LENGTH), expected: 'x'.repeat(MAX_STRING_LENGTH) },
    { input: ` ${'x'.repeat(MAX_STRING_LENGTH)} `, expected: 'x'.repeat(MAX_STRING_LENGTH) },
  ])('$input → kept, trimmed', ({ input, expected }) => {
    expect(jobTitle(input)).toEqual({ kind: 'ok', value: expected })
  })

  it('more than 65,536 characters is COLUMN_TOO_LARGE', () => {
    expect(jobTitle('x'.repeat(MAX_STRING_LENGTH + 1))).toEqual({
      kind: 'invalid',
      errorType: 'COLUMN_TOO_LARGE',
      message: 'The value is 65,537 characters long; Job Title holds at most 65,536.',
    })
  })
})

describe('email cells', () => {
  const byName = compileCellCheck(makeProperty({ name: 'email', label: 'Email' }), options)
  const byHint = compileCellCheck(
    makeProperty({ name: 'work_email', label: 'Work email', textDisplayHint: 'email' }),
    options,
  )

  it.each([
    { input: 'jane@example.com', expected: 'jane@example.com' },
    { input: ' Jane.Doe@Example.COM ', expected: 'jane.doe@example.com' },
    { input: 'jane+crm@mail.example.co.uk', expected: 'jane+crm@mail.example.co.uk' },
    { input: "o'brien@example.ie", expected: "o'brien@example.ie" },
    {
      input: 'first_last-1@sub-domain.example.org',
      expected: 'first_last-1@sub-domain.example.org',
    },
  ])('$input → $expected', ({ input, expected }) => {
    expect(byName(input)).toEqual({ kind: 'ok', value: expected })
    expect(byHint(input)).toEqual({ kind: 'ok', value: expected })
  })

  it.each([
    'jane',
    'jane@',
    '@example.com',
    'jane@example',
    'jane@localhost',
    'jane@@example.com',
    'jane doe@example.com',
    '.jane@example.com',
    'jane..doe@example.com',
    'jane.@example.com',
    'jane@-example.com',
    'jane@example.c',
    'Jane <jane@example.com>',
    'jane@example.com;joe@example.com',
    `${'a'.repeat(250)}@example.com`,
  ])('%s is INVALID_EMAIL', (input) => {
    const result = byName(input)
    expect(result).toMatchObject({ kind: 'invalid', errorType: 'INVALID_EMAIL' })
    expect(result.kind === 'invalid' && result.message).toContain(
      'is not a valid email address for Email',
    )
  })
})

describe('domain cells', () => {
  const byName = compileCellCheck(
    makeProperty({ name: 'domain', label: 'Company Domain Name' }),
    options,
  )
  const byHint = compileCellCheck(
    makeProperty({ name: 'website_domain', textDisplayHint: 'domain_name' }),
    options,
  )

  it.each([
    { input: 'example.com', expected: 'example.com' },
    { input: 'https://www.Example.com/path', expected: 'example.com' },
    { input: 'HTTP://EXAMPLE.COM', expected: 'example.com' },
    { input: 'www.example.co.uk', expected: 'example.co.uk' },
    { input: 'www2.example.com', expected: 'example.com' },
    { input: 'shop.example.com', expected: 'shop.example.com' },
    { input: 'example.com:8080', expected: 'example.com' },
    { input: 'https://example.com:443/a/b?c=d#e', expected: 'example.com' },
    { input: 'example.com/about-us', expected: 'example.com' },
    { input: 'example.com?ref=csv', expected: 'example.com' },
    { input: 'example.com.', expected: 'example.com' },
    { input: 'https://user@example.com', expected: 'example.com' },
    { input: 'www.com', expected: 'www.com' },
    { input: 'my-company.io', expected: 'my-company.io' },
    { input: 'xn--mller-kva.de', expected: 'xn--mller-kva.de' },
    { input: 'Müller.de', expected: 'müller.de' },
    { input: 'example.xn--p1ai', expected: 'example.xn--p1ai' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(byName(input)).toEqual({ kind: 'ok', value: expected })
    expect(byHint(input)).toEqual({ kind: 'ok', value: expected })
  })

  it.each([
    'localhost',
    'http://localhost:3000',
    'example',
    '10.0.0.1',
    'example.c0m',
    'example.c',
    '-example.com',
    'example-.com',
    'exa mple.com',
    'example..com',
    '.com',
    'https://',
    'example.com:abc',
    `${'a'.repeat(64)}.com`,
  ])('%s is INVALID_DOMAIN', (input) => {
    const result = byName(input)
    expect(result).toMatchObject({ kind: 'invalid', errorType: 'INVALID_DOMAIN' })
    expect(result.kind === 'invalid' && result.message).toContain('Company Domain Name')
  })
})

describe('list cells (additional emails and domains)', () => {
  const emails = compileCellCheck(
    makeProperty({ name: 'hs_additional_emails', label: 'Additional email addresses' }),
    options,
  )
  const domains = compileCellCheck(
    makeProperty({ name: 'hs_additional_domains', label: 'Additional Domains' }),
    options,
  )

  it.each([
    { check: emails, input: 'A@x.com;b@y.org', expected: { kind: 'ok', value: 'a@x.com;b@y.org' } },
    { check: emails, input: 'a@x.com; A@X.com;', expected: { kind: 'ok', value: 'a@x.com' } },
    { check: emails, input: ';', expected: { kind: 'blank' } },
    {
      check: domains,
      input: 'https://www.a.com;b.org/x',
      expected: { kind: 'ok', value: 'a.com;b.org' },
    },
    {
      check: emails,
      input: 'a@x.com;nope',
      expected: {
        kind: 'invalid',
        errorType: 'INVALID_EMAIL',
        message: '"nope" in Additional email addresses is not a valid email address.',
      },
    },
    {
      check: domains,
      input: 'a.com;localhost',
      expected: {
        kind: 'invalid',
        errorType: 'INVALID_DOMAIN',
        message: '"localhost" in Additional Domains is not a valid domain.',
      },
    },
  ])('$input → $expected.kind', ({ check, input, expected }) => {
    expect(check(input)).toEqual(expected)
  })
})

describe('record ID cells', () => {
  // HubSpot declares hs_object_id a number; the name decides the rule
  const recordId = compileCellCheck(
    makeProperty({
      name: 'hs_object_id',
      label: 'Record ID',
      type: 'number',
      fieldType: 'number',
      calculated: true,
    }),
    options,
  )

  it.each([
    { input: '12345', expected: '12345' },
    { input: ' 1 ', expected: '1' },
    { input: '00042', expected: '42' },
    { input: '9223372036854775807', expected: '9223372036854775807' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(recordId(input)).toEqual({ kind: 'ok', value: expected })
  })

  it.each([
    '0',
    '000',
    '-5',
    '+5',
    '12.0',
    '1e5',
    '12 345',
    'abc',
    '9223372036854775808',
    '12345678901234567890',
  ])('%s is INVALID_RECORD_ID', (input) => {
    const result = recordId(input)
    expect(result).toMatchObject({ kind: 'invalid', errorType: 'INVALID_RECORD_ID' })
    expect(result.kind === 'invalid' && result.message).toContain('is not a valid Record ID')
  })
})

describe('phone cells', () => {
  it.each([
    makeProperty({ name: 'phone', label: 'Phone Number', fieldType: 'phonenumber' }),
    makeProperty({ name: 'mobile', label: 'Phone Number', textDisplayHint: 'phone_number' }),
    makeProperty({
      name: 'fax',
      label: 'Phone Number',
      type: 'phone_number',
      fieldType: 'phonenumber',
    }),
  ])('$name keeps numbers as typed and refuses text without digits', (property) => {
    const phone = compileCellCheck(property, options)
    expect(phone(' +1 (617) 555-0100 ext123 ')).toEqual({
      kind: 'ok',
      value: '+1 (617) 555-0100 ext123',
    })
    expect(phone('1-800-FLOWERS')).toEqual({ kind: 'ok', value: '1-800-FLOWERS' })
    expect(phone('call me')).toMatchObject({
      kind: 'invalid',
      errorType: 'INVALID_PROPERTY_VALUE_FORMAT',
    })
  })
})

describe('normalisers', () => {
  it.each([
    { fn: normalizeEmail, input: 'A@B.CO', expected: 'a@b.co' },
    { fn: normalizeEmail, input: 'a@b', expected: undefined },
    { fn: normalizeDomain, input: 'ftp://files.example.com/x', expected: 'files.example.com' },
    { fn: normalizeDomain, input: 'localhost', expected: undefined },
    { fn: normalizeRecordId, input: '0007', expected: '7' },
    { fn: normalizeRecordId, input: '0', expected: undefined },
  ])('$fn.name($input) → $expected', ({ fn, input, expected }) => {
    expect(fn(input)).toBe(expected)
  })
})

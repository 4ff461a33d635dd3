// Value rules for text cells: plain text, email, domain, phone, record ID, lists
import type { Property } from '../hubspot/property.ts'
import {
  type CellRule,
  type CellResult,
  BLANK,
  invalid,
  propertyLabel,
  quote,
} from './cell-result.ts'
import { isPlausibleEmail } from './email-address.ts'

/** HubSpot's limit for a `string` value, in UTF-16 code units (JavaScript's `length`). */
export const MAX_STRING_LENGTH = 65_536

// optional scheme and user, the host, an optional port, then anything past the host
const URL_PARTS_RE = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/?#]*@)?([^/?#:]*)(?::\d*)?(?:[/?#][^]*)?$/
const WWW_RE = /^www\d*\./
// labels of letters, digits and inner hyphens; a TLD of letters or punycode
const HOSTNAME_RE =
  /^(?=[^]{1,253}$)(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u
const RECORD_ID_RE = /^\d+$/
const DIGIT_RE = /\d/
const MAX_RECORD_ID = '9223372036854775807' // HubSpot ids are Java longs

function tooLong(text: string, label: string): CellResult {
  return invalid(
    'COLUMN_TOO_LARGE',
    `The value is ${text.length.toLocaleString('en-US')} characters long; ${label} holds at most ${MAX_STRING_LENGTH.toLocaleString('en-US')}.`,
  )
}

/** Accepts any non-blank text, trimmed. */
export function compileTrimmedCheck(): CellRule {
  return (raw) => {
    const text = raw.trim()
    return text === '' ? BLANK : text
  }
}

/** The check for plain text: trimmed, at most 65,536 characters (longer → COLUMN_TOO_LARGE). */
export function compileStringCheck(property: Property): CellRule {
  const label = propertyLabel(property)
  return (raw) => {
    const text = raw.trim()
    if (text === '') return BLANK
    if (text.length > MAX_STRING_LENGTH) return tooLong(text, label)
    return text
  }
}

/** A lowercased email address, or undefined when the text isn't a plausible one. */
export function normalizeEmail(text: string): string | undefined {
  if (text.length > 254 || !isPlausibleEmail(text)) return undefined
  // the pattern admits ASCII only, so without A–Z there is nothing to lowercase (most cells)
  return hasAsciiCapital(text) ? text.toLowerCase() : text
}

function hasAsciiCapital(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 65 && code <= 90) return true
  }
  return false
}

/**
 * The hostname HubSpot keeps for a company domain: lowercased, without scheme, `www.`, user,
 * port, path, query or trailing dot (`https://www.Example.com/about` → `example.com`); undefined
 * when what is left isn't a hostname with a TLD (`localhost`, `10.0.0.1`).
 */
export function normalizeDomain(text: string): string | undefined {
  const parts = URL_PARTS_RE.exec(text.toLowerCase())
  if (!parts) return undefined
  let host = parts[1] ?? ''
  if (host.endsWith('.')) host = host.slice(0, -1)
  // `www.com` is itself a domain: only strip `www.` when a dot remains
  const www = WWW_RE.exec(host)
  if (www && host.indexOf('.', www[0].length) !== -1) host = host.slice(www[0].length)
  return HOSTNAME_RE.test(host) ? host : undefined
}

/** A record ID without leading zeros, or undefined unless it is a positive 64-bit integer. */
export function normalizeRecordId(text: string): string | undefined {
  if (!RECORD_ID_RE.test(text)) return undefined
  let start = 0
  while (start < text.length - 1 && text.charCodeAt(start) === 48) start++
  const id = start === 0 ? text : text.slice(start)
  if (id === '0') return undefined
  if (id.length > MAX_RECORD_ID.length) return undefined
  if (id.length === MAX_RECORD_ID.length && id > MAX_RECORD_ID) return undefined
  return id
}

/** The check for an email property: a plausible address, lowercased, else INVALID_EMAIL. */
export function compileEmailCheck(property: Property): CellRule {
  const label = propertyLabel(property)
  return (raw) => {
    const text = raw.trim()
    if (text === '') return BLANK
    const email = normalizeEmail(text)
    if (email !== undefined) return email
    return invalid(
      'INVALID_EMAIL',
      `${quote(text)} is not a valid email address for ${label}: expected something like name@example.com.`,
    )
  }
}

/** The check for a company domain: normalised hostname, else INVALID_DOMAIN. */
export function compileDomainCheck(property: Property): CellRule {
  const label = propertyLabel(property)
  return (raw) => {
    const text = raw.trim()
    if (text === '') return BLANK
    const domain = normalizeDomain(text)
    if (domain !== undefined) return domain
    return invalid(
      'INVALID_DOMAIN',
      `${quote(text)} is not a valid domain for ${label}: expected a website domain with a top-level domain, such as example.com.`,
    )
  }
}

/**
 * The check for `;`-separated email or domain lists (`hs_additional_emails`,
 * `hs_additional_domains`): each part normalised, deduped; the first bad part is named.
 */
export function compileListCheck(property: Property, kind: 'email' | 'domain'): CellRule {
  const label = propertyLabel(property)
  const normalize = kind === 'email' ? normalizeEmail : normalizeDomain
  return (raw) => {
    const text = raw.trim()
    if (text === '') return BLANK
    const values: string[] = []
    for (const piece of text.split(';')) {
      const part = piece.trim()
      if (part === '') continue
      const value = normalize(part)
      if (value === undefined) {
        return kind === 'email'
          ? invalid('INVALID_EMAIL', `${quote(part)} in ${label} is not a valid email address.`)
          : invalid('INVALID_DOMAIN', `${quote(part)} in ${label} is not a valid domain.`)
      }
      if (!values.includes(value)) values.push(value)
    }
    if (values.length === 0) return BLANK
    const value = values.join(';')
    if (value.length > MAX_STRING_LENGTH) return tooLong(value, label)
    return value
  }
}

/** The check for `hs_object_id`: a positive integer, else INVALID_RECORD_ID. */
export function compileRecordIdCheck(property: Property): CellRule {
  const label = propertyLabel(property)
  return (raw) => {
    const text = raw.trim()
    if (text === '') return BLANK
    const id = normalizeRecordId(text)
    if (id !== undefined) return id
    return invalid(
      'INVALID_RECORD_ID',
      `${quote(text)} is not a valid ${label}: a record ID is a positive whole number such as 12345.`,
    )
  }
}

/**
 * The check for a phone number: kept as typed (HubSpot formats numbers itself and accepts
 * extensions and letters, e.g. `+1 800 FLOWERS ext 12`); only text without a digit is refused.
 */
export function compilePhoneCheck(property: Property): CellRule {
  const label = propertyLabel(property)
  return (raw) => {
    const text = raw.trim()
    if (text === '') return BLANK
    if (text.length > MAX_STRING_LENGTH) return tooLong(text, label)
    if (DIGIT_RE.test(text)) return text
    return invalid(
      'INVALID_PROPERTY_VALUE_FORMAT',
      `${quote(text)} is not a phone number for ${label}: expected digits such as +1 617 555 0100 (an extension like ext 12 may follow).`,
    )
  }
}

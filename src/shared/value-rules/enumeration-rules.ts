// Value rules for option cells: single choice, single checkbox, multiple checkboxes
import type { Option, Property } from '../hubspot/property.ts'
import {
  type CellRule,
  type CellResult,
  BLANK,
  invalid,
  propertyLabel,
  quote,
} from './cell-result.ts'
import { compileTrimmedCheck } from './text-rules.ts'

/** A cell text that names two or more options with different internal values. */
export interface AmbiguousOption {
  values: readonly string[]
}

/** What a cell names: an option's internal value, an ambiguity, or nothing (undefined). */
export type OptionMatch = string | AmbiguousOption | undefined

/** Looks a trimmed cell text up among a property's options. */
export type OptionMatcher = (text: string) => OptionMatch

function addFolded(map: Map<string, string | AmbiguousOption>, key: string, value: string): void {
  const existing = map.get(key)
  if (existing === undefined) map.set(key, value)
  else if (typeof existing === 'string') {
    if (existing !== value) map.set(key, { values: [existing, value] })
  } else if (!existing.values.includes(value)) {
    map.set(key, { values: [...existing.values, value] })
  }
}

/**
 * Compiles option lookup. Precedence: an exact internal value, then an internal value in any
 * case, then a label in any case. Hidden options still match (HubSpot hides them from forms,
 * not from imports). Text that folds to two different values at the same level is ambiguous.
 */
export function compileOptionMatcher(options: readonly Option[]): OptionMatcher {
  const exact = new Map<string, string>()
  const byValue = new Map<string, string | AmbiguousOption>()
  const byLabel = new Map<string, string | AmbiguousOption>()
  for (const option of options) {
    exact.set(option.value, option.value)
    addFolded(byValue, option.value.trim().toLowerCase(), option.value)
  }
  for (const option of options) {
    const key = option.label.trim().toLowerCase()
    if (key !== '' && !byValue.has(key)) addFolded(byLabel, key, option.value)
  }
  return (text) => {
    const hit = exact.get(text)
    if (hit !== undefined) return hit
    const folded = text.toLowerCase()
    return byValue.get(folded) ?? byLabel.get(folded)
  }
}

const CHOICES_SHOWN = 5

/** "such as New, Open, In progress (and 5 more)", from the visible options, for messages. */
export function describeChoices(options: readonly Option[]): string {
  const visible = options.filter((option) => !option.hidden)
  const pool = visible.length > 0 ? visible : options
  const shown = pool.slice(0, CHOICES_SHOWN)
  const names = shown.map((option) => option.label.trim() || option.value)
  const more = pool.length - shown.length
  return `${names.join(', ')}${more > 0 ? ` (and ${more} more)` : ''}`
}

function notAnOption(part: readonly string[], label: string, choices: string): CellResult {
  const named =
    part.length === 1
      ? `${quote(part[0]!)} is not an option`
      : `${part.map(quote).join(', ')} are not options`
  return invalid(
    'INVALID_ENUMERATION_OPTION',
    `${named} of ${label}. Use an option's label or internal value, such as ${choices}.`,
  )
}

function ambiguous(text: string, match: AmbiguousOption, label: string): CellResult {
  return invalid(
    'AMBIGUOUS_ENUMERATION_OPTION',
    `${quote(text)} matches more than one option of ${label} (${match.values.join(', ')}). Use the option's internal value instead.`,
  )
}

/** The check for a single-choice enumeration (select, radio, calculation). */
export function compileEnumerationCheck(property: Property): CellRule {
  // options loaded from elsewhere (owners, pipelines) or none at all: the caller resolves the value
  if (property.externalOptions || property.options.length === 0) return compileTrimmedCheck()
  const match = compileOptionMatcher(property.options)
  const label = propertyLabel(property)
  const choices = describeChoices(property.options)
  return (raw) => {
    const text = raw.trim()
    if (text === '') return BLANK
    const found = match(text)
    if (typeof found === 'string') return found
    if (found !== undefined) return ambiguous(text, found, label)
    return notAnOption([text], label, choices)
  }
}

const BAD_PARTS_SHOWN = 3

/** The check for a multiple-checkbox enumeration: `a;b` replaces, `;a;b` appends; values deduped. */
export function compileCheckboxCheck(property: Property): CellRule {
  if (property.externalOptions || property.options.length === 0) return compileTrimmedCheck()
  const match = compileOptionMatcher(property.options)
  const label = propertyLabel(property)
  const choices = describeChoices(property.options)
  return (raw) => {
    const text = raw.trim()
    if (text === '') return BLANK
    if (!text.includes(';')) {
      const found = match(text)
      if (typeof found === 'string') return found
      if (found !== undefined) return ambiguous(text, found, label)
      return notAnOption([text], label, choices)
    }
    const values: string[] = []
    let bad: string[] | undefined
    for (const piece of text.split(';')) {
      const part = piece.trim()
      if (part === '') continue // `a;;b` and a trailing `;` are harmless
      const found = match(part)
      if (typeof found === 'string') {
        if (!values.includes(found)) values.push(found)
      } else if (found !== undefined) {
        return ambiguous(part, found, label)
      } else if ((bad ??= []).length < BAD_PARTS_SHOWN) {
        bad.push(part)
      }
    }
    if (bad) return notAnOption(bad, label, choices)
    // a lone `;` appends nothing, which is the same as a blank cell
    if (values.length === 0) return BLANK
    const value = values.join(';')
    return text.charCodeAt(0) === 59 ? { kind: 'ok', value, append: true } : value
  }
}

const BOOLEAN_WORDS: ReadonlyMap<string, 'true' | 'false'> = new Map([
  ['true', 'true'],
  ['yes', 'true'],
  ['false', 'false'],
  ['no', 'false'],
])

/**
 * The check for a single checkbox (`bool`, or an enumeration shown as `booleancheckbox`):
 * True/Yes/False/No in any case → `true`/`false`. `1`/`0` are refused as HubSpot documents only
 * the words; an enumeration's own option labels (e.g. a custom "Checked") also match.
 */
export function compileBooleanCheck(property: Property): CellRule {
  const match = property.options.length > 0 ? compileOptionMatcher(property.options) : undefined
  const label = propertyLabel(property)
  return (raw) => {
    const text = raw.trim()
    if (text === '') return BLANK
    const word = BOOLEAN_WORDS.get(text.toLowerCase())
    if (word !== undefined) return word
    const found = match?.(text)
    if (typeof found === 'string') return found
    if (found !== undefined) return ambiguous(text, found, label)
    return invalid(
      'INVALID_ENUMERATION_OPTION',
      `${quote(text)} is not a checkbox value for ${label}. Use Yes, True, No or False.`,
    )
  }
}

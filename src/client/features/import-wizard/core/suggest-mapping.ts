// Mapping suggestions from a column's header (in several languages) and from its values; the object a file holds
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { isWritable, type Property } from '#shared/hubspot/property.ts'
import {
  autoMatchColumns,
  compact,
  objectHintOf,
  type ColumnMatch,
  type MatchCandidate,
} from './auto-match-columns.ts'
import { valueFit } from './column-values.ts'
import { HEADER_TRANSLATIONS } from './header-translations.ts'
import type { PropertyCatalogs } from './mapping-draft.ts'

/** A match says what it was read from, so the Match column can say why. */
export interface SuggestedMatch extends ColumnMatch {
  basis?: 'header' | 'values' | 'header and values'
}

/** At least this share of a column's samples must fit a property for the values to count. */
export const VALUES_FIT = 0.8
/** A header guess whose values fit the property less than this is dropped. */
export const VALUES_MISFIT = 0.5
/** A header read through the translations scores as a synonym does. */
const TRANSLATED_SCORE = 0.95

const TRANSLATIONS = new Map<string, { objects: readonly ObjectTypeId[]; property: string }[]>()
for (const entry of HEADER_TRANSLATIONS) {
  for (const word of entry.words.split(/\s+/)) {
    if (!word) continue
    const list = TRANSLATIONS.get(word) ?? []
    list.push({ objects: entry.objects, property: entry.property })
    TRANSLATIONS.set(word, list)
  }
}

const findProperty = (catalogs: PropertyCatalogs, objectTypeId: ObjectTypeId, name: string) =>
  catalogs[objectTypeId]?.find((p) => p.name === name && !p.archived)

/** The property a translated header names, for the first chosen object that has it. */
function translate(
  header: string,
  catalogs: PropertyCatalogs,
  objectIds: readonly ObjectTypeId[],
): string | undefined {
  const entries = TRANSLATIONS.get(compact(header))
  if (!entries) return undefined
  for (const objectTypeId of objectIds) {
    for (const entry of entries) {
      if (!entry.objects.includes(objectTypeId)) continue
      const property = findProperty(catalogs, objectTypeId, entry.property)
      // the record ID is read-only but identifies the record, as autoMatchColumns offers it
      if (property && (isWritable(property) || property.name === 'hs_object_id'))
        return property.name
    }
  }
  return undefined
}

const keyOf = (objectTypeId: ObjectTypeId | undefined, propertyName: string | undefined) =>
  `${objectTypeId}/${propertyName}`

/**
 * Suggests a property per column. First the header: HubSpot's names and labels, the synonyms,
 * then the words of seven languages (`header-translations.ts`), all through `autoMatchColumns`
 * and its ambiguity guard. Then the values (`columnValues`, the preview's cells per column):
 * - a fuzzy header guess whose values fit its property (≥ 80 % of the samples, for a property
 *   that says something about its values) becomes likely; a guess whose values do not fit
 *   (< 50 %) is dropped, the property kept as an alternative, and so is a record ID holding
 *   another system's ids ("Contact ID": 0035g00000ABC);
 * - an ambiguous header goes to the one candidate its values fit, if exactly one does;
 * - a column no header matched goes to the one dropdown property whose options hold ≥ 80 % of
 *   its values ("Lead", "Customer" → Lifecycle stage), if exactly one free property does. Dates,
 *   numbers and yes/no say too little about which property they are, so they never decide alone.
 */
export function suggestMapping(
  headers: readonly string[],
  columnValues: readonly (readonly string[])[],
  catalogs: PropertyCatalogs,
  objectIds: readonly ObjectTypeId[] = Object.keys(catalogs) as ObjectTypeId[],
): SuggestedMatch[] {
  // a header HubSpot's own names or labels match exactly keeps that match
  const plain = autoMatchColumns(headers, catalogs, objectIds)
  const translated = headers.map((header, i) =>
    plain[i]?.confidence === 'exact' ? undefined : translate(header, catalogs, objectIds),
  )
  const matches: SuggestedMatch[] = autoMatchColumns(
    headers.map((header, i) => translated[i] ?? header),
    catalogs,
    objectIds,
  ).map((match, i) => {
    const columnName = headers[i] ?? match.columnName
    if (translated[i] && match.propertyName) {
      return { ...match, columnName, confidence: 'high', score: TRANSLATED_SCORE, basis: 'header' }
    }
    return { ...match, columnName, ...(match.propertyName ? { basis: 'header' as const } : {}) }
  })

  const taken = new Set(
    matches.flatMap((m) => (m.propertyName ? [keyOf(m.objectTypeId, m.propertyName)] : [])),
  )
  return matches.map((match, i) => {
    const values = columnValues[i] ?? []
    if (values.length === 0) return match
    if (match.propertyName && match.objectTypeId) {
      if (match.confidence === 'exact') return match
      const property = findProperty(catalogs, match.objectTypeId, match.propertyName)
      const fit = property && valueFit(property, values)
      if (!property || !fit?.telling || fit.samples === 0) return match
      if (match.confidence === 'fuzzy' && fit.share >= VALUES_FIT)
        return { ...match, confidence: 'high', basis: 'header and values' }
      // a likely header keeps its property unless it is the record ID holding another system's
      // ids: a birthday without a year or stages under other names are fixed on the check step
      const misfit =
        fit.share < VALUES_MISFIT &&
        (match.confidence === 'fuzzy' || property.name === 'hs_object_id')
      if (!misfit) return match
      taken.delete(keyOf(match.objectTypeId, match.propertyName))
      const dropped: MatchCandidate = {
        objectTypeId: match.objectTypeId,
        propertyName: match.propertyName,
        label: property.label,
        score: match.score,
      }
      return {
        columnIndex: match.columnIndex,
        columnName: match.columnName,
        confidence: 'none',
        score: 0,
        alternatives: [dropped, ...match.alternatives],
      }
    }
    const pool: { objectTypeId: ObjectTypeId; property: Property }[] =
      match.confidence === 'ambiguous'
        ? match.alternatives.flatMap((c) => {
            const property = findProperty(catalogs, c.objectTypeId, c.propertyName)
            return property ? [{ objectTypeId: c.objectTypeId, property }] : []
          })
        : objectIds.flatMap((objectTypeId) =>
            (catalogs[objectTypeId] ?? [])
              .filter((p) => p.type === 'enumeration' && p.options.length > 0)
              .map((property) => ({ objectTypeId, property })),
          )
    const fitting = pool.filter(({ objectTypeId, property }) => {
      if (property.archived || !isWritable(property)) return false
      if (taken.has(keyOf(objectTypeId, property.name))) return false
      const fit = valueFit(property, values)
      const enough = match.confidence === 'ambiguous' ? 1 : 2
      return fit.telling && fit.samples >= enough && fit.share >= VALUES_FIT
    })
    const [only, other] = fitting
    if (!only || other) return match
    taken.add(keyOf(only.objectTypeId, only.property.name))
    return {
      ...match,
      objectTypeId: only.objectTypeId,
      propertyName: only.property.name,
      confidence: 'fuzzy',
      score: VALUES_FIT,
      alternatives: match.alternatives.filter((c) => c.propertyName !== only.property.name),
      basis: match.confidence === 'ambiguous' ? 'header and values' : 'values',
    }
  })
}

/**
 * The object a file most likely holds: per object, the columns its properties match well
 * (exact or likely: 1, a guess: ½) plus the headers that name it ("Company domain"), best first.
 * Undefined when two objects tie (the person picks) or nothing matches.
 */
export function suggestObject(
  headers: readonly string[],
  columnValues: readonly (readonly string[])[],
  catalogs: PropertyCatalogs,
  /** one object's suggested mapping (a cached one, say) */
  matchesFor: (objectTypeId: ObjectTypeId) => SuggestedMatch[] = (objectTypeId) =>
    suggestMapping(headers, columnValues, catalogs, [objectTypeId]),
): ObjectTypeId | undefined {
  const scores = (Object.keys(catalogs) as ObjectTypeId[]).map((objectTypeId) => {
    const matches = matchesFor(objectTypeId)
    let score = 0
    for (const match of matches) {
      if (!match.propertyName || match.propertyName === 'hs_object_id') continue
      score += match.confidence === 'fuzzy' ? 0.5 : 1
    }
    for (const header of headers) if (objectHintOf(header) === objectTypeId) score += 1
    return { objectTypeId, score }
  })
  scores.sort((a, b) => b.score - a.score)
  const [best, next] = scores
  if (!best || best.score === 0 || (next && next.score === best.score)) return undefined
  return best.objectTypeId
}

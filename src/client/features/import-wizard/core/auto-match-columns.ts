// Suggests a HubSpot property for each CSV header: exact, synonym, then fuzzy, one column each
import { findObjectType, type ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { isWritable, type Property } from '#shared/hubspot/property.ts'
import { OBJECT_PREFIXES, SYNONYMS } from './header-synonyms.ts'
import type { PropertyCatalogs } from './mapping-draft.ts'

export type MatchConfidence = 'exact' | 'high' | 'fuzzy' | 'ambiguous' | 'none'

export interface MatchCandidate {
  objectTypeId: ObjectTypeId
  propertyName: string
  label: string
  /** 0..1 */
  score: number
}

export interface ColumnMatch {
  columnIndex: number
  columnName: string
  objectTypeId?: ObjectTypeId
  propertyName?: string
  confidence: MatchConfidence
  /** 0..1; 0 when nothing matched */
  score: number
  /** best other candidates, best first (for the dropdown; both sides of an ambiguity) */
  alternatives: MatchCandidate[]
}

/** Below this a fuzzy score is no match. */
export const FUZZY_THRESHOLD = 0.75
/** At or above this a fuzzy score counts as a high-confidence match. */
export const HIGH_THRESHOLD = 0.9
/** Two candidates of one object closer than this are ambiguous: neither is picked (Twenty's guard). */
export const AMBIGUITY_MARGIN = 0.05
const SYNONYM_SCORE = 0.95
const ALTERNATIVES = 4

/** Lowercase words without accents or punctuation: "E-Mail Adresse" → ["e", "mail", "adresse"]. */
export function headerWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
}

/** The words run together: "First Name", "first_name" and "FirstName" all give "firstname". */
export function compact(text: string): string {
  return headerWords(text).join('')
}

interface Target {
  objectTypeId: ObjectTypeId
  property: Property
  keys: string[]
  bigrams: Map<string, number>[]
  synonyms: Set<string>
}

/**
 * Suggests a HubSpot property for each header: exact name or label, then known synonyms, then a
 * fuzzy score (Dice over letter pairs) above FUZZY_THRESHOLD. Close calls within one object are
 * `ambiguous` and left unmapped with both candidates listed; no property is suggested twice (the
 * better score wins). Only writable properties are offered, plus `hs_object_id` as the record ID.
 * With several objects, a prefix such as "Company …" sends the column to that object; otherwise
 * the first object in `objectTypeIds` wins a tie.
 */
export function autoMatchColumns(
  headers: readonly string[],
  catalogs: PropertyCatalogs,
  objectTypeIds: readonly ObjectTypeId[] = Object.keys(catalogs) as ObjectTypeId[],
): ColumnMatch[] {
  const targets = buildTargets(catalogs, objectTypeIds)
  const multi = objectTypeIds.length > 1
  const matches = headers.map((header, columnIndex) =>
    matchHeader(header, columnIndex, targets, objectTypeIds, multi),
  )
  return dropRepeats(matches, targets)
}

function buildTargets(
  catalogs: PropertyCatalogs,
  objectTypeIds: readonly ObjectTypeId[],
): Target[] {
  const targets: Target[] = []
  for (const objectTypeId of objectTypeIds) {
    for (const property of catalogs[objectTypeId] ?? []) {
      if (property.archived) continue
      if (!isWritable(property) && property.name !== 'hs_object_id') continue
      const keys = [...new Set([compact(property.name), compact(property.label)])].filter(Boolean)
      const synonyms = new Set(
        SYNONYMS.filter(
          (s) => s.property === property.name && s.objects.includes(objectTypeId),
        ).flatMap((s) => s.words),
      )
      targets.push({ objectTypeId, property, keys, bigrams: keys.map(bigramsOf), synonyms })
    }
  }
  return targets
}

interface Scored {
  target: Target
  score: number
  confidence: Exclude<MatchConfidence, 'ambiguous' | 'none'>
  /** 2 = the header names this object, 1 = first object, 0 = other */
  priority: number
}

function matchHeader(
  header: string,
  columnIndex: number,
  targets: Target[],
  objectTypeIds: readonly ObjectTypeId[],
  multi: boolean,
): ColumnMatch {
  const words = headerWords(header)
  const full = words.join('')
  const none: ColumnMatch = {
    columnIndex,
    columnName: header,
    confidence: 'none',
    score: 0,
    alternatives: [],
  }
  if (full === '') return none

  const hinted = multi && words.length > 1 ? OBJECT_PREFIXES[words[0]!] : undefined
  const hint = hinted && objectTypeIds.includes(hinted) ? hinted : undefined
  const rest = hint ? words.slice(1).join('') : undefined

  const scored: Scored[] = []
  for (const target of targets) {
    const priority =
      target.objectTypeId === hint ? 2 : target.objectTypeId === objectTypeIds[0] ? 1 : 0
    let best = scoreAgainst(full, target)
    if (rest && target.objectTypeId === hint) {
      const restScore = scoreAgainst(rest, target)
      if (restScore && (!best || restScore.score > best.score)) best = restScore
    }
    // with a prefix for another object, this object's properties only count when exact
    if (best && hint && target.objectTypeId !== hint && best.confidence !== 'exact') continue
    if (best) scored.push({ target, ...best, priority })
  }
  if (scored.length === 0) return none
  scored.sort((a, b) => b.score - a.score || b.priority - a.priority)
  // across objects, a near-tie goes to the object the header names, then to the first object
  let winner = scored[0]!
  for (const s of scored) {
    if (winner.score - s.score >= AMBIGUITY_MARGIN) break
    if (s.priority > winner.priority) winner = s
  }
  const alternatives = scored
    .filter((s) => s !== winner)
    .slice(0, ALTERNATIVES)
    .map(toCandidate)
  const rival = scored.find(
    (s) => s !== winner && s.target.objectTypeId === winner.target.objectTypeId,
  )
  if (rival && winner.score - rival.score < AMBIGUITY_MARGIN) {
    return {
      columnIndex,
      columnName: header,
      confidence: 'ambiguous',
      score: winner.score,
      alternatives: [toCandidate(winner), ...alternatives],
    }
  }
  return {
    columnIndex,
    columnName: header,
    objectTypeId: winner.target.objectTypeId,
    propertyName: winner.target.property.name,
    confidence: winner.confidence,
    score: round(winner.score),
    alternatives,
  }
}

function scoreAgainst(
  key: string,
  target: Target,
): Omit<Scored, 'target' | 'priority'> | undefined {
  if (target.keys.includes(key)) return { score: 1, confidence: 'exact' }
  if (target.synonyms.has(key)) return { score: SYNONYM_SCORE, confidence: 'high' }
  const grams = bigramsOf(key)
  let score = 0
  for (const g of target.bigrams) score = Math.max(score, dice(grams, g))
  if (score < FUZZY_THRESHOLD) return undefined
  // fuzzy never outranks an exact or synonym hit
  const capped = Math.min(score, SYNONYM_SCORE - 0.01)
  return { score: capped, confidence: capped >= HIGH_THRESHOLD ? 'high' : 'fuzzy' }
}

function toCandidate(s: Scored): MatchCandidate {
  return {
    objectTypeId: s.target.objectTypeId,
    propertyName: s.target.property.name,
    label: s.target.property.label,
    score: round(s.score),
  }
}

// one column per property: the higher score keeps it, ties go to the earlier column
function dropRepeats(matches: ColumnMatch[], targets: Target[]): ColumnMatch[] {
  const labels = new Map(
    targets.map((t) => [`${t.objectTypeId}/${t.property.name}`, t.property.label]),
  )
  const order = matches
    .filter((m) => m.propertyName)
    .sort((a, b) => b.score - a.score || a.columnIndex - b.columnIndex)
  const taken = new Map<string, ColumnMatch>()
  const losers = new Set<number>()
  for (const m of order) {
    const key = `${m.objectTypeId}/${m.propertyName}`
    if (taken.has(key)) losers.add(m.columnIndex)
    else taken.set(key, m)
  }
  return matches.map((m) => {
    if (!losers.has(m.columnIndex)) return m
    const lost: MatchCandidate = {
      objectTypeId: m.objectTypeId!,
      propertyName: m.propertyName!,
      label: labels.get(`${m.objectTypeId}/${m.propertyName}`) ?? m.propertyName!,
      score: m.score,
    }
    return {
      columnIndex: m.columnIndex,
      columnName: m.columnName,
      confidence: 'none',
      score: 0,
      alternatives: [lost, ...m.alternatives],
    }
  })
}

function bigramsOf(text: string): Map<string, number> {
  const grams = new Map<string, number>()
  if (text.length === 1) grams.set(text, 1)
  for (let i = 0; i < text.length - 1; i++) {
    const g = text.slice(i, i + 2)
    grams.set(g, (grams.get(g) ?? 0) + 1)
  }
  return grams
}

// Sørensen–Dice over letter pairs (with multiplicity)
function dice(a: Map<string, number>, b: Map<string, number>): number {
  let total = 0
  let shared = 0
  for (const n of a.values()) total += n
  for (const [g, n] of b) {
    total += n
    shared += Math.min(n, a.get(g) ?? 0)
  }
  return total === 0 ? 0 : (2 * shared) / total
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000
}

/** The object named by a header's first word, if any ("Company domain" → `0-2`). */
export function objectHintOf(header: string): ObjectTypeId | undefined {
  const first = headerWords(header)[0]
  return first ? (OBJECT_PREFIXES[first] ?? findObjectType(first)?.objectTypeId) : undefined
}

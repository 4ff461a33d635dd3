// Mapping templates saved in this browser, and a previous import's mapping, applied by column name
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { findObjectType } from '#shared/hubspot/object-types.ts'
import { compact } from './core/auto-match-columns.ts'
import type { MappingDraft } from './core/mapping-draft.ts'

/** One column of a saved mapping: which property a column of that name went to. */
export interface TemplateColumn {
  columnName: string
  objectTypeId: ObjectTypeId | null
  propertyName: string | null
}

export interface MappingTemplate {
  name: string
  savedAt: string
  columns: TemplateColumn[]
}

const STORAGE_KEY = 'hubspot-import-tool:mapping-templates'

export function loadTemplates(): MappingTemplate[] {
  try {
    const raw = localStorage.getItem(STORAGE_KEY)
    const parsed: unknown = raw ? JSON.parse(raw) : []
    return Array.isArray(parsed) ? (parsed as MappingTemplate[]) : []
  } catch {
    return []
  }
}

/** Saves (or replaces, by name) a template; returns the new list. */
export function saveTemplate(name: string, mapping: MappingDraft): MappingTemplate[] {
  const template: MappingTemplate = {
    name: name.trim(),
    savedAt: new Date().toISOString(),
    columns: mapping.map(({ columnName, objectTypeId, propertyName }) => ({
      columnName,
      objectTypeId,
      propertyName,
    })),
  }
  const list = [template, ...loadTemplates().filter((t) => t.name !== template.name)]
  localStorage.setItem(STORAGE_KEY, JSON.stringify(list))
  return list
}

export function deleteTemplate(name: string): MappingTemplate[] {
  const list = loadTemplates().filter((t) => t.name !== name)
  localStorage.setItem(STORAGE_KEY, JSON.stringify(list))
  return list
}

/** A previous import's column mappings, read leniently from its `importRequestJson` summary. */
export function templateColumnsFromImport(
  columns: readonly {
    columnName: string
    objectTypeId: string | undefined
    propertyName: string | null
    ignored: boolean
  }[],
): TemplateColumn[] {
  return columns.map((column) => ({
    columnName: column.columnName,
    objectTypeId: column.objectTypeId
      ? (findObjectType(column.objectTypeId)?.objectTypeId ?? null)
      : null,
    propertyName: column.ignored ? null : column.propertyName,
  }))
}

/**
 * Applies saved columns to the current mapping by column name (exact first, then ignoring case,
 * spaces and punctuation). Columns the template doesn't name keep their current mapping; a
 * property the template would use twice (or that another column already has) is skipped.
 * Returns the new mapping and how many columns it set.
 */
export function applyTemplateColumns(
  mapping: MappingDraft,
  columns: readonly TemplateColumn[],
  allowedObjects: readonly ObjectTypeId[],
): { mapping: MappingDraft; applied: number } {
  const byExact = new Map(columns.map((c) => [c.columnName, c]))
  const byCompact = new Map(columns.map((c) => [compact(c.columnName), c]))
  let applied = 0
  const next = mapping.map((column) => {
    const found = byExact.get(column.columnName) ?? byCompact.get(compact(column.columnName))
    if (!found) return column
    if (found.objectTypeId && !allowedObjects.includes(found.objectTypeId)) return column
    applied++
    return {
      ...column,
      objectTypeId: found.propertyName ? found.objectTypeId : null,
      propertyName: found.propertyName,
    }
  })
  // one property per object: the first column keeps it
  const used = new Set<string>()
  const deduped = next.map((column) => {
    if (!column.propertyName || !column.objectTypeId) return column
    const key = `${column.objectTypeId}/${column.propertyName}`
    if (used.has(key)) return { ...column, objectTypeId: null, propertyName: null }
    used.add(key)
    return column
  })
  return { mapping: deduped, applied }
}

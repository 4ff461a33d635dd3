// Links between an import and its re-import: a name suffix HubSpot shows, and a map in localStorage
import { browserStorage } from '../browser-storage.ts'

/**
 * Links between an import and its re-import. HubSpot has no field for it, so the link lives in two
 * places: the new import's name ends with "(re-import of #<id>)", which every browser and HubSpot's
 * own UI can see; and a localStorage map `reimport-links` (new id → source id), which also answers
 * "re-imported as" without paging through every import. The map wins; the name is the fallback.
 */
export const REIMPORT_LINKS_KEY = 'reimport-links'

const NAME_SUFFIX = /\s*\(re-import of #(\d+)\)\s*$/
const MAX_NAME = 255

/** The name for a re-import: the original name (without an earlier suffix) plus the source id. */
export function reimportName(originalName: string | undefined, sourceImportId: string): string {
  const suffix = ` (re-import of #${sourceImportId})`
  const base = (originalName ?? '').replace(NAME_SUFFIX, '').trim() || `Import ${sourceImportId}`
  return base.slice(0, MAX_NAME - suffix.length) + suffix
}

/** The source id named in a re-import's name, if any. */
export function reimportSourceFromName(importName: string | undefined): string | undefined {
  return importName ? NAME_SUFFIX.exec(importName)?.[1] : undefined
}

type Links = Record<string, string>

function readLinks(storage: Storage | undefined): Links {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(REIMPORT_LINKS_KEY) ?? '{}')
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    )
  } catch {
    // storage blocked (sandboxed iframe) or corrupted: links are a convenience, not data
    return {}
  }
}

const defaultStorage = () => browserStorage('localStorage')

/** The wizard calls this once the re-import has been created. */
export function recordReimportLink(
  sourceImportId: string,
  newImportId: string,
  storage: Storage | undefined = defaultStorage(),
): void {
  const links = readLinks(storage)
  links[newImportId] = sourceImportId
  try {
    storage?.setItem(REIMPORT_LINKS_KEY, JSON.stringify(links))
  } catch {
    // quota or blocked storage: the name suffix still carries the link
  }
}

export function reimportedFrom(
  importId: string,
  importName: string | undefined,
  storage: Storage | undefined = defaultStorage(),
): string | undefined {
  return readLinks(storage)[importId] ?? reimportSourceFromName(importName)
}

/** Imports started from this one in this browser, oldest first by id. */
export function reimportedAs(
  importId: string,
  storage: Storage | undefined = defaultStorage(),
): string[] {
  return Object.entries(readLinks(storage))
    .filter(([, source]) => source === importId)
    .map(([id]) => id)
    .sort((a, b) => Number(a) - Number(b))
}

/**
 * Copies a link the name carries into the map, so the source import can show "re-imported as"
 * for any re-import this browser has seen (in the list or on its page), whoever started it.
 */
export function learnReimportLinks(
  imports: readonly { id: string; importName?: string | undefined }[],
  storage: Storage | undefined = defaultStorage(),
): void {
  const links = readLinks(storage)
  const learned = imports.flatMap((item) => {
    const source = reimportSourceFromName(item.importName)
    return source && source !== item.id && links[item.id] === undefined ? [[item.id, source]] : []
  })
  if (learned.length === 0) return
  try {
    storage?.setItem(
      REIMPORT_LINKS_KEY,
      JSON.stringify({ ...links, ...Object.fromEntries(learned) }),
    )
  } catch {
    // not remembered: the re-import's own page still shows its source from the name
  }
}

/**
 * Test support for the engine's processing tests: files written to a temporary folder, a fresh
 * catalogue and store, compact views of the results, and the check that counters add up.
 */
import { mkdtempSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, onTestFinished } from 'vitest'
import type {
  ColumnMapping,
  ImportRequest,
  LegacyColumnMapping,
} from '#shared/hubspot/import-request.ts'
import {
  publicImportErrorSchema,
  type PublicImportError,
} from '#shared/hubspot/public-import-error.ts'
import { CrmStore } from './crm-store.ts'
import { processImport } from './process-import.ts'
import { PropertyCatalogue } from './properties-catalogue.ts'
import type { CrmObject, ImportJob, ProcessDeps, ProcessResult } from './types.ts'

let fileCounter = 0
let testFolder: string | undefined

/** A temporary folder for the current test's own files, removed when the test ends. */
export function testDir(): string {
  if (testFolder === undefined) {
    const made = mkdtempSync(join(tmpdir(), 'process-import-'))
    testFolder = made
    onTestFinished(async () => {
      testFolder = undefined
      await rm(made, { recursive: true, force: true })
    })
  }
  return testFolder
}

export const NOW = new Date('2026-03-01T12:00:00.000Z')
const SYSTEM = new Set(['hs_object_id', 'createdate', 'lastmodifieddate', 'hs_lastmodifieddate'])

export interface FileInput {
  name?: string
  content: string
  /** an `.xlsx` workbook's bytes instead of CSV `content` */
  bytes?: Uint8Array
  mappings: (ColumnMapping | LegacyColumnMapping)[]
  hasHeader?: boolean
}

export function world() {
  const catalogue = new PropertyCatalogue()
  const store = new CrmStore({ catalogue })
  return { catalogue, store }
}

export async function run(
  files: FileInput[],
  request: Partial<Omit<ImportRequest, 'files'>> = {},
  options: Partial<ProcessDeps> & { world?: ReturnType<typeof world> } = {},
): Promise<{ result: ProcessResult; store: CrmStore; job: ImportJob }> {
  const { store, catalogue } = options.world ?? world()
  // a folder per run, removed after it: no hooks at module level, which a shared module graph
  // (the unit project runs files in one) would register for the first test file only
  const dir = await mkdtemp(join(tmpdir(), 'process-import-'))
  try {
    return await processFiles(dir, files, request, store, catalogue, options)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function processFiles(
  dir: string,
  files: FileInput[],
  request: Partial<Omit<ImportRequest, 'files'>>,
  store: CrmStore,
  catalogue: PropertyCatalogue,
  options: Partial<ProcessDeps>,
): Promise<{ result: ProcessResult; store: CrmStore; job: ImportJob }> {
  const stored = await Promise.all(
    files.map(async (f, i) => {
      fileCounter += 1
      const fileName = f.name ?? `file-${fileCounter}.csv`
      const path = join(dir, `${fileCounter}-${fileName}`)
      await writeFile(path, f.bytes ?? f.content)
      const fileFormat = f.bytes ? ('SPREADSHEET' as const) : ('CSV' as const)
      return { fileName, path, fileId: 5000 + i, rowCount: 0, fileFormat }
    }),
  )
  const job: ImportJob = {
    importId: '7001',
    request: {
      name: 'test import',
      ...request,
      files: files.map((f, i) => ({
        fileName: stored[i]?.fileName ?? '',
        fileFormat: stored[i]?.fileFormat ?? 'CSV',
        fileImportPage: { hasHeader: f.hasHeader ?? true, columnMappings: f.mappings },
      })),
    },
    files: stored,
  }
  const result = await processImport(job, {
    catalogue,
    store,
    signal: options.signal ?? new AbortController().signal,
    rowsPerSecond: options.rowsPerSecond ?? 0,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    now: () => NOW,
  })
  return { result, store, job }
}

export const contact = (
  columnName: string,
  propertyName: string,
  extra: Partial<ColumnMapping> = {},
): ColumnMapping => ({
  columnObjectTypeId: '0-1',
  columnName,
  propertyName,
  ...extra,
})
export const company = (columnName: string, propertyName: string): ColumnMapping => ({
  columnObjectTypeId: '0-2',
  columnName,
  propertyName,
})

export function all(store: CrmStore, objectTypeId: string): CrmObject[] {
  return store.list(objectTypeId, { limit: 10_000 }).results
}

export function byEmail(store: CrmStore, email: string): CrmObject | undefined {
  return store.findByUnique('0-1', 'email', email)
}

export function userValues(record: CrmObject | undefined): Record<string, string> | undefined {
  if (!record) return undefined
  return Object.fromEntries(Object.entries(record.properties).filter(([k]) => !SYSTEM.has(k)))
}

/** [lineNumber, errorType, knownColumnNumber] for compact comparisons */
export function brief(errors: PublicImportError[]) {
  return errors.map((e) => [e.sourceData.lineNumber, e.errorType, e.knownColumnNumber])
}

/** Counters must describe exactly what is in the store and the error list. */
export function expectCountersAddUp(
  result: ProcessResult,
  store: CrmStore,
  objectTypeIds: string[],
) {
  const records = objectTypeIds.flatMap((id) => all(store, id))
  expect(result.counters.ERRORS).toBe(result.errors.length)
  expect(result.counters.UNIQUE_OBJECTS_WRITTEN).toBeLessThanOrEqual(
    (result.counters.CREATED_OBJECTS ?? 0) + (result.counters.UPDATED_OBJECTS ?? 0),
  )
  for (const error of result.errors) expect(publicImportErrorSchema.parse(error)).toEqual(error)
  expect(new Set(result.errors.map((e) => e.id)).size).toBe(result.errors.length)
  return records
}

// The imports endpoints: create, list, get, cancel, errors, in both versions
import { rm } from 'node:fs/promises'
import { Hono } from 'hono'
import * as z from 'zod'
import {
  importRequestSchema,
  normalizeColumnMapping,
  type ImportRequest,
} from '#shared/hubspot/import-request.ts'
import {
  multiFileRequestProblems,
  type MultiFileProblem,
} from '#shared/hubspot/multi-file-request.ts'
import { collectionResponseSchema } from '#shared/hubspot/paging.ts'
import {
  publicImportErrorSchema,
  type PublicImportError,
} from '#shared/hubspot/public-import-error.ts'
import {
  actionResponseSchema,
  publicImportResponseSchema,
  type PublicImportResponse,
} from '#shared/hubspot/public-import-response.ts'
import {
  hubspotJson,
  nextLink,
  pageLimit,
  queryFlag,
  requireAnyScope,
  type SimulatorContext,
  type SimulatorEnv,
} from './http.ts'
import {
  notFound,
  unableToProcessJson,
  validationError,
  type HubSpotError,
} from './hubspot-errors.ts'
import type { ImportRecord } from './import-scheduler.ts'
import { storeImportFiles, uploadFailure } from './import-files.ts'
import { receiveUpload, UploadError, type ReceivedFile } from './receive-upload.ts'
import type { SimulatorState } from './simulator-state.ts'
import { IMPORT_SCOPE } from './tokens.ts'

const importsPageSchema = collectionResponseSchema(publicImportResponseSchema)
const errorsPageSchema = collectionResponseSchema(publicImportErrorSchema)

/**
 * `/crm/v3/imports` and `/crm/imports/2026-03` (HubSpot keeps their schemas identical).
 * Mounted with `strict: false`, so `/crm/v3/imports/` (the Node client's path) is the same route.
 */
export function importsRoutes(state: SimulatorState): Hono<SimulatorEnv> {
  const app = new Hono<SimulatorEnv>({ strict: false })
  app.use('*', requireAnyScope([IMPORT_SCOPE]))

  app.post('/', async (c) => {
    const upload = await receiveUpload(c.env.incoming, {
      dir: state.dataDir,
      maxFileBytes: state.limits.maxFileBytes,
      // one record more than the row limit may be the header
      maxRecords: state.limits.maxRows + 1,
      nextFileId: state.nextFileId,
    }).catch((error: unknown) => {
      throw error instanceof UploadError ? uploadFailure(error.failure, state) : error
    })
    try {
      const record = await createImport(state, c.get('appId'), upload.importRequest, upload.files)
      return hubspotJson(c, importResponse(record, state))
    } catch (error) {
      await Promise.allSettled(upload.files.map((f) => rm(f.path, { force: true })))
      throw error
    }
  })

  app.get('/', (c) => {
    const limit = pageLimit(c)
    // "only imports performed by the same app" (the imports guide); the cursor is an import id,
    // so paging through one app's list skips the others' imports in between
    const all = state.scheduler.list(c.get('appId'))
    // `before` (still sent by the Node client) is accepted and ignored: HubSpot dropped it in 2026-02
    const after = c.req.query('after')
    const afterId = after === undefined || after === '' ? undefined : Number(after)
    if (afterId !== undefined && !Number.isInteger(afterId)) {
      throw validationError(`after must be a cursor from a previous page, got "${after}"`)
    }
    // the cursor is the id of the next page's first import: stable while new imports arrive on top
    const start = afterId === undefined ? 0 : all.findIndex((r) => Number(r.id) <= afterId)
    const page = start < 0 ? [] : all.slice(start, start + limit)
    const next = start < 0 ? undefined : all[start + limit]
    return hubspotJson(
      c,
      importsPageSchema.parse({
        results: page.map((record) => importResponse(record, state)),
        ...(next ? { paging: { next: { after: next.id, link: nextLink(c, next.id) } } } : {}),
      }),
    )
  })

  // one import, its cancel and its errors: any app of the account may use them (the guide limits
  // only the list, and import ids are account-wide; SILENT, see the README)
  app.get('/:importId', (c) => hubspotJson(c, importResponse(findImport(state, c), state)))

  app.post('/:importId/cancel', (c) => {
    const id = c.req.param('importId')
    const outcome = state.scheduler.cancel(id)
    if (outcome.kind === 'not-found') throw importNotFound(id)
    if (outcome.kind === 'not-cancellable') {
      // SILENT in HubSpot's docs: a finished import cannot change any more, so say so with a 400
      throw validationError(
        `Import ${id} is ${outcome.state} and can no longer be canceled; only STARTED, PROCESSING or DEFERRED imports can.`,
        { context: { importId: [id], state: [outcome.state] } },
      )
    }
    return hubspotJson(c, actionResponseSchema.parse(outcome.action))
  })

  app.get('/:importId/errors', (c) => {
    const record = findImport(state, c)
    const limit = pageLimit(c)
    const after = c.req.query('after')
    const start = after === undefined || after === '' ? 0 : Number(after)
    if (!Number.isInteger(start) || start < 0) {
      throw validationError(`after must be a cursor from a previous page, got "${after}"`)
    }
    const withMessage = queryFlag(c, 'includeErrorMessage')
    const withRowData = queryFlag(c, 'includeRowData')
    const page = record.errors
      .slice(start, start + limit)
      .map((e) => presentError(e, withMessage, withRowData))
    const nextStart = start + limit
    return hubspotJson(
      c,
      errorsPageSchema.parse({
        results: page,
        ...(nextStart < record.errors.length
          ? { paging: { next: { after: String(nextStart), link: nextLink(c, String(nextStart)) } } }
          : {}),
      }),
    )
  })

  return app
}

/**
 * An import id is an int64 path parameter; HubSpot's JAX-RS stack answers a value it cannot
 * convert as an unmatched path, so a non-numeric id is a 404 like an unknown one.
 */
function findImport(state: SimulatorState, c: SimulatorContext): ImportRecord {
  const id = c.req.param('importId') ?? ''
  const record = /^\d+$/.test(id) ? state.scheduler.get(id) : undefined
  if (!record) throw importNotFound(id)
  return record
}

const importNotFound = (id: string) =>
  notFound(`Import ${id} not found.`, {
    importId: [id],
  })

/** Checks the upload the way HubSpot does before answering, then registers the import. */
async function createImport(
  state: SimulatorState,
  appId: number,
  part: { text: string } | undefined,
  files: ReceivedFile[],
): Promise<ImportRecord> {
  let requestJson: unknown
  try {
    if (part === undefined) throw new Error('no importRequest part')
    requestJson = JSON.parse(part.text)
  } catch {
    throw unableToProcessJson()
  }
  const parsed = importRequestSchema.safeParse(requestJson)
  if (!parsed.success) throw invalidImportRequest(parsed.error)
  const request = parsed.data
  const problems = multiFileRequestProblems(request, (objectTypeId, name) =>
    state.catalogue.get(objectTypeId, name),
  )
  if (problems.length > 0) throw invalidMultiFileRequest(problems)
  const stored = await storeImportFiles(state, request, files)
  return state.scheduler.create({
    appId,
    request,
    requestJson,
    files: stored,
    mappedObjectTypeIds: mappedObjectTypeIds(request),
  })
}

/**
 * A multi-file request whose files do not join (SILENT in HubSpot's docs): one 400 with every
 * problem in `errors[]`, each with its JSON path in `in`, as a validation error of the request.
 */
function invalidMultiFileRequest(problems: readonly MultiFileProblem[]): HubSpotError {
  const [first] = problems
  const more =
    problems.length > 1
      ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})`
      : ''
  return validationError(`Invalid importRequest: ${first?.message ?? ''}${more}`, {
    errors: problems.map((p) => ({ message: p.message, code: p.code, in: p.in })),
  })
}

function invalidImportRequest(error: z.ZodError): HubSpotError {
  return validationError(`Invalid importRequest: ${z.prettifyError(error).replaceAll('\n', ' ')}`, {
    errors: error.issues.map((issue) => ({
      message: issue.message,
      code: issue.code,
      in: issue.path.join('.'),
    })),
  })
}

/** Objects the import writes: every mapped column's object (legacy names resolved), first seen first. */
function mappedObjectTypeIds(request: ImportRequest): string[] {
  const ids = request.files
    .flatMap((f) => f.fileImportPage.columnMappings)
    .map(normalizeColumnMapping)
    .filter((m) => !m.ignored)
    .map((m) => m.columnObjectTypeId)
  return [...new Set(ids)]
}

function importResponse(record: ImportRecord, state: SimulatorState): PublicImportResponse {
  const counters = state.settings.omitZeroCounters
    ? Object.fromEntries(Object.entries(record.counters).filter(([, value]) => value !== 0))
    : record.counters
  return publicImportResponseSchema.parse({
    id: record.id,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    state: record.state,
    optOutImport: false,
    mappedObjectTypeIds: record.mappedObjectTypeIds,
    metadata: {
      counters,
      fileIds: record.files.map((f) => String(f.fileId)),
      objectLists: record.objectLists,
    },
    importName: record.request.name,
    importRequestJson: record.requestJson,
    importSource: 'API',
  })
}

/** `errorMessage` only with includeErrorMessage=true, real `rowData` only with includeRowData=true (their spec descriptions). */
function presentError(
  error: PublicImportError,
  withMessage: boolean,
  withRowData: boolean,
): PublicImportError {
  const { errorMessage, ...rest } = error
  return {
    ...rest,
    ...(withMessage && errorMessage !== undefined ? { errorMessage } : {}),
    sourceData: withRowData
      ? error.sourceData
      : { ...error.sourceData, rowData: [], additionalRowData: [] },
  }
}

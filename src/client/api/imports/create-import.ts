// Starting an import: the multipart upload through the proxy, with progress, and its mutation hook
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { importsPath } from '#shared/api-paths.ts'
import { fileNameParameters } from '#shared/file-name.ts'
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import {
  publicImportResponseSchema,
  type PublicImportResponse,
} from '#shared/hubspot/public-import-response.ts'
import { withBase } from '#client/lib/base-path.ts'
import { ApiError, HUBSPOT_BASE, REQUESTED_BY_HEADER, toApiError } from '#client/lib/api-client.ts'
import { importKeys } from './import-keys.ts'

export interface UploadProgress {
  loaded: number
  total: number
}

export interface CreateImportInput {
  importRequest: ImportRequest
  /**
   * One file per `importRequest.files` entry, in the same order: the original File, the clean
   * UTF-8 export, or an .xlsx workbook as it is
   */
  files: readonly Blob[]
  /** one per wizard submission, kept across retries, so the proxy answers a repeat with the first import */
  idempotencyKey: string
  onProgress?: (progress: UploadProgress) => void
  signal?: AbortSignal
}

/**
 * Starts an import: multipart `importRequest` (JSON) then one `files` part per file, through the
 * proxy.
 * XMLHttpRequest rather than fetch because only XHR reports upload progress.
 */
export function createImport(input: CreateImportInput): Promise<PublicImportResponse> {
  const { importRequest, files, idempotencyKey, onProgress, signal } = input
  const { body, contentType } = multipartBody(
    importRequest,
    files.map((blob, i) => {
      const entry = importRequest.files[i]
      return { blob, fileName: entry?.fileName ?? 'import.csv', fileFormat: entry?.fileFormat }
    }),
  )

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', withBase(`${HUBSPOT_BASE}${importsPath('v3')}`))
    for (const [key, value] of Object.entries(REQUESTED_BY_HEADER)) xhr.setRequestHeader(key, value)
    xhr.setRequestHeader('Idempotency-Key', idempotencyKey)
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Content-Type', contentType)
    xhr.upload.onprogress = (event) => {
      onProgress?.({
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : body.size,
      })
    }
    xhr.onload = () => {
      void settle(xhr).then(resolve, reject)
    }
    xhr.onerror = () =>
      reject(
        new ApiError(
          0,
          'The upload did not reach the server (network error). Check the connection and try again: the same submission will not create a second import.',
        ),
      )
    xhr.ontimeout = () => reject(new ApiError(0, 'The upload timed out. Try again.'))
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'))
    if (signal) {
      if (signal.aborted) return reject(new DOMException('The upload was cancelled.', 'AbortError'))
      signal.addEventListener('abort', () => xhr.abort(), { once: true })
    }
    xhr.send(body)
  })
}

/**
 * The multipart body, written by hand: FormData would give the JSON part a filename ("blob"),
 * which makes it a file part, while HubSpot's own example sends it as a field with
 * `Content-Type: application/json`. A Blob of parts still streams the file from disk.
 */
export function multipartBody(
  importRequest: ImportRequest,
  files: readonly UploadPart[],
): { body: Blob; contentType: string } {
  const boundary = `----hubspot-import-${crypto.getRandomValues(new Uint32Array(4)).join('')}`
  const parts: BlobPart[] = [
    `--${boundary}\r\n` +
      'Content-Disposition: form-data; name="importRequest"\r\n' +
      'Content-Type: application/json\r\n\r\n' +
      `${JSON.stringify(importRequest)}\r\n`,
  ]
  for (const part of files) {
    parts.push(
      `--${boundary}\r\n` +
        `Content-Disposition: form-data; name="files"; ${fileNameParameters(part.fileName)}\r\n` +
        `Content-Type: ${part.fileFormat === 'SPREADSHEET' ? XLSX_CONTENT_TYPE : 'text/csv'}\r\n\r\n`,
      part.blob,
      '\r\n',
    )
  }
  parts.push(`--${boundary}--\r\n`)
  return {
    body: new Blob(parts),
    contentType: `multipart/form-data; boundary=${boundary}`,
  }
}

/** One `files` part: its bytes, and the name and format of its `importRequest.files` entry. */
export interface UploadPart {
  blob: Blob
  fileName: string
  fileFormat?: 'CSV' | 'SPREADSHEET' | undefined
}

const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

async function settle(xhr: XMLHttpRequest): Promise<PublicImportResponse> {
  // Response() only takes 200–599; anything else means the answer never really came
  if (xhr.status < 200 || xhr.status > 599) {
    throw new ApiError(xhr.status, 'The server gave no answer to the upload. Try again.')
  }
  const response = new Response(xhr.responseText, {
    status: xhr.status,
    statusText: xhr.statusText,
  })
  if (!response.ok) throw await toApiError(response)
  let json: unknown
  try {
    json = JSON.parse(xhr.responseText)
  } catch {
    throw new ApiError(xhr.status, 'The server accepted the upload but its answer was not JSON.')
  }
  const parsed = publicImportResponseSchema.safeParse(json)
  if (!parsed.success) {
    throw new ApiError(
      xhr.status,
      'The server accepted the upload but its answer was not an import.',
    )
  }
  return parsed.data
}

export function useCreateImport() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createImport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKeys.all }),
  })
}

/**
 * The file parts of one create, in form order, each checked as it comes: its name must be an
 * entry of importRequest.files not yet sent, and a CSV must be text with a header line of one
 * column per mapping of that entry and a data row. Files that come before importRequest (the official Node client's order)
 * are spooled to disk until it arrives; the others stream straight through.
 */
import { createReadStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import { ProxyError } from '../../errors.ts'
import { readHead } from './csv-header.ts'
import { spoolToDisk, type FilePart, type ImportForm } from './import-form.ts'
import {
  checkAllFilesSent,
  checkColumns,
  checkedRest,
  checkFileCount,
  checkFileName,
  checkFirstRow,
} from './import-request-checks.ts'

/** A file ready to go upstream: its header line already read and checked. */
export interface CheckedFile {
  /** the name to send upstream: its importRequest entry's */
  fileName: string
  mimeType: string
  head: Buffer
  rest: AsyncIterator<Buffer>
  /** busboy stopped the file at the size limit */
  truncated(): boolean
}

export class FormFiles {
  private readonly form: ImportForm
  private readonly touch: () => void
  private readonly spooled: { part: FilePart; file: string }[] = []
  private readonly spoolDirs: string[] = []
  private streaming: FilePart | undefined
  private readonly sent = new Set<string>()
  private request: ImportRequest | undefined

  constructor(form: ImportForm, touch: () => void) {
    this.form = form
    this.touch = touch
  }

  /** The file names in form order so far, for the audit line. */
  get names(): string[] {
    return [...this.sent]
  }

  /** Waits for importRequest, spooling the files sent before it; checks how many files it lists. */
  async readRequest(): Promise<ImportRequest> {
    for (;;) {
      const part = await this.form.nextFile()
      if (!part) break
      if (part.afterRequest) {
        this.streaming = part
        break
      }
      const spool = await spoolToDisk(part, this.touch)
      this.spoolDirs.push(spool.dir)
      this.spooled.push({ part, file: spool.file })
    }
    const request = await this.form.importRequest
    checkFileCount(request)
    this.request = request
    return request
  }

  /** The first file, checked. */
  async first(): Promise<CheckedFile> {
    const file = await this.next()
    // a request lists at least one file, so next() names a missing one rather than ending here
    if (!file) throw new ProxyError(400, 'VALIDATION_ERROR', 'The form has no file part.')
    return file
  }

  /**
   * The next file, checked, or undefined after the last one, once every entry had its file.
   * Throws a ProxyError for a file that fails a check.
   */
  async next(): Promise<CheckedFile | undefined> {
    const request = this.request
    if (!request) throw new Error('readRequest() first')
    const spooled = this.spooled.shift()
    const part = spooled?.part ?? this.takeStreaming() ?? (await this.form.nextFile())
    if (!part) {
      checkAllFilesSent(request, this.sent)
      return undefined
    }
    const fileName = checkFileName(request, part.filename, this.sent)
    this.sent.add(fileName)
    const source = spooled ? createReadStream(spooled.file) : part.stream
    const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>
    const head = await readHead(chunks, this.touch)
    checkColumns(request, fileName, head)
    await checkFirstRow(request, fileName, head, chunks, this.touch)
    return {
      fileName,
      mimeType: part.mimeType,
      head: head.bytes,
      rest: checkedRest(request, fileName, head, chunks),
      truncated: () => part.stream.truncated === true,
    }
  }

  /** Removes the spooled files. */
  async cleanup(): Promise<void> {
    await Promise.all(this.spoolDirs.map((dir) => rm(dir, { recursive: true, force: true })))
  }

  private takeStreaming(): FilePart | undefined {
    const part = this.streaming
    this.streaming = undefined
    return part
  }
}

/**
 * The proxy's first-line reader: the head of an upload, read in the CSV dialect the wizard and
 * the simulator share (`#shared/csv`), far enough to know the header's cells and whether a data
 * row follows. The bytes read are kept, to be sent on first.
 */
import { CsvFileSurvey, zeroByteProblem } from '#shared/csv/file-content.ts'
import { ProxyError } from '../../errors.ts'

/** The header record must end within this many bytes. */
export const MAX_HEADER_BYTES = 1024 * 1024

export interface CsvHead {
  /** the bytes read, to be forwarded before the rest */
  bytes: Buffer
  /** what they hold; finished when the file ended within the head */
  survey: CsvFileSurvey
}

/**
 * Reads until the header record has ended (or the file ends, or shows itself to be UTF-16 or
 * binary), so the header is checked as soon as it is in.
 */
export async function readHead(chunks: AsyncIterator<Buffer>, touch: () => void): Promise<CsvHead> {
  const head: CsvHead = { bytes: Buffer.alloc(0), survey: new CsvFileSurvey() }
  await readOn(head, chunks, touch, (survey) => {
    if (survey.records > 0) return true
    if (survey.bytes > MAX_HEADER_BYTES) {
      throw new ProxyError(
        400,
        'VALIDATION_ERROR',
        "The file's first line is longer than 1 MB; is it a CSV?",
      )
    }
    return false
  })
  return head
}

/**
 * Reads on until a data row has begun after the header, or the file ends. A data row still
 * missing after another 1 MB of blank lines is not waited for.
 */
export async function readFirstRow(
  head: CsvHead,
  chunks: AsyncIterator<Buffer>,
  touch: () => void,
): Promise<void> {
  await readOn(
    head,
    chunks,
    touch,
    (survey) => survey.hasDataRow || survey.bytes > 2 * MAX_HEADER_BYTES,
  )
}

async function readOn(
  head: CsvHead,
  chunks: AsyncIterator<Buffer>,
  touch: () => void,
  enough: (survey: CsvFileSurvey) => boolean,
): Promise<void> {
  const { survey } = head
  const parts: Buffer[] = [head.bytes]
  while (!survey.decided && !enough(survey)) {
    const next = await chunks.next()
    if (next.done) {
      survey.finish()
      break
    }
    touch()
    parts.push(next.value)
    survey.push(next.value)
  }
  head.bytes = Buffer.concat(parts)
}

/**
 * The rest of a CSV upload after its head, refused at the first zero byte: a CSV is text, and a
 * NUL would end up in a CRM value. Throwing here stops the upstream body before its closing
 * boundary, so HubSpot never receives the file whole.
 */
export async function* refuseZeroBytes(
  chunks: AsyncIterator<Buffer>,
  offset: number,
): AsyncGenerator<Buffer> {
  let position = offset
  for (;;) {
    const next = await chunks.next()
    if (next.done) return
    const at = next.value.indexOf(0)
    if (at !== -1) {
      const problem = zeroByteProblem(`at byte ${position + at + 1}`)
      throw new ProxyError(400, 'VALIDATION_ERROR', problem.message)
    }
    position += next.value.length
    yield next.value
  }
}

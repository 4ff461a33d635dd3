/**
 * Unzips a workbook while saying how far it got, then packs its XML parts again without
 * compression, so the reader's own unzip is only a copy.
 *
 * `read-excel-file` offers no progress: it unzips, then parses every part, in one call. Its unzip
 * (inflating the sheet's XML, ten times the file's size or more) is the part that can be measured
 * from outside: the compressed bytes fed to the inflater, out of the file's size. Parsing the XML
 * stays one step without a measure; the caller says so rather than inventing a percentage.
 */
import { Unzip, UnzipInflate, zipSync, type Zippable } from 'fflate'

export interface UnpackProgress {
  /** compressed bytes of the file read and inflated so far */
  bytes: number
  totalBytes: number
}

export interface UnpackedWorkbook {
  /** the workbook's XML parts in a zip that stores them uncompressed */
  stored: Uint8Array<ArrayBuffer>
  /** uncompressed bytes of all the XML parts: what the reader then parses */
  xmlBytes: number
}

/** the parts the reader reads; anything else (images, printer settings) is left out */
const isReadPart = (name: string) => name.endsWith('.xml') || name.endsWith('.xml.rels')

const DEFAULT_CHUNK_BYTES = 1 << 20

/**
 * Inflates `input` chunk by chunk, reporting progress after each chunk (and once at 0 and at the
 * end). Throws when `input` is not a zip archive or a part is damaged; the caller then lets the
 * reader say what is wrong with the file.
 */
export async function unpackWithProgress(
  input: Blob,
  options: {
    onProgress?: (progress: UnpackProgress) => void
    signal?: AbortSignal
    chunkBytes?: number
  } = {},
): Promise<UnpackedWorkbook> {
  const { onProgress, signal } = options
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES
  const totalBytes = input.size
  const parts = new Map<string, Uint8Array[]>()
  const done = new Set<string>()
  let failure: unknown
  const unzip = new Unzip((file) => {
    if (!isReadPart(file.name)) return
    const chunks: Uint8Array[] = []
    parts.set(file.name, chunks)
    file.ondata = (error, data, final) => {
      if (error) failure ??= error
      else chunks.push(data)
      if (final) done.add(file.name)
    }
    file.start()
  })
  unzip.register(UnzipInflate)

  onProgress?.({ bytes: 0, totalBytes })
  for (let offset = 0; offset < totalBytes; offset += chunkBytes) {
    signal?.throwIfAborted()
    const end = Math.min(totalBytes, offset + chunkBytes)
    const chunk = new Uint8Array(await input.slice(offset, end).arrayBuffer())
    unzip.push(chunk, end === totalBytes)
    if (failure) throw failure
    onProgress?.({ bytes: end, totalBytes })
  }
  if (totalBytes === 0) unzip.push(new Uint8Array(0), true)
  if (parts.size === 0) throw new Error('not a zip archive, or one without XML parts')
  const unfinished = [...parts.keys()].filter((name) => !done.has(name))
  if (unfinished.length > 0) throw new Error(`the archive ends inside ${unfinished[0]}`)

  const files: Zippable = {}
  let xmlBytes = 0
  for (const [name, chunks] of parts) {
    const data = joined(chunks)
    xmlBytes += data.length
    files[name] = [data, { level: 0 }]
  }
  return { stored: zipSync(files), xmlBytes }
}

function joined(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array
  const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0))
  let at = 0
  for (const chunk of chunks) {
    all.set(chunk, at)
    at += chunk.length
  }
  return all
}

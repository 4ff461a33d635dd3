// The multipart/form-data reader the proxy and the simulator share: @fastify/busboy, names kept whole
import {
  Busboy,
  type BusboyConfig,
  type BusboyFileStream,
  type BusboyInstance,
} from '@fastify/busboy'
import type { EventEmitter } from 'node:events'

export type MultipartParser = BusboyInstance
export type MultipartFileStream = BusboyFileStream

export interface MultipartFile {
  stream: MultipartFileStream
  /** the part's RFC 5987 `filename*` when it has one, else its `filename`, as sent (no path cut) */
  filename: string
  mimeType: string
}

/**
 * A parser that keeps file names whole (UTF-8, path included) and hands each file part to
 * `onFile` with the name its sender meant. @fastify/busboy 3.2 reads a Content-Disposition that
 * starts `form-data; name="…"; filename="…"` by a shortcut that ignores a `filename*` after it,
 * so "a \"b\".csv" would arrive as the form-encoded "a %22b%22.csv". Its events give no part
 * headers, so the raw Content-Disposition is read from its part parser (Dicer), one listener ahead
 * of busboy's own, and `filename*` is decoded here (`file-name.test.ts` pins this down).
 */
export function createMultipartParser(
  config: Omit<BusboyConfig, 'preservePath'>,
  onFile: (name: string, file: MultipartFile) => void,
): MultipartParser {
  const parser = new Busboy({ ...config, preservePath: true })
  let disposition = ''
  const parts = (parser as unknown as { _parser?: { parser?: EventEmitter } })._parser?.parser
  parts?.prependListener('part', (part: EventEmitter) => {
    part.prependListener('header', (header: Record<string, string[] | undefined>) => {
      disposition = header['content-disposition']?.[0] ?? ''
    })
  })
  parser.on('file', (name, stream, filename, _encoding, mimeType) => {
    onFile(name, { stream, filename: extendedFileName(disposition) ?? filename ?? '', mimeType })
  })
  return parser
}

/** The RFC 5987 `filename*` of a Content-Disposition (UTF-8 or ISO-8859-1), if it has one. */
export function extendedFileName(disposition: string): string | undefined {
  const match = /;\s*filename\*\s*=\s*([^';\s]*)'[^']*'([^;\s]*)/i.exec(disposition)
  if (!match) return undefined
  const charset = (match[1] ?? '').toLowerCase()
  const encoding = charset === 'utf-8' || charset === 'utf8' ? 'utf8' : 'latin1'
  if (encoding === 'latin1' && charset !== 'iso-8859-1') return undefined
  const bytes: number[] = []
  const value = match[2] ?? ''
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3)
    if (value[i] === '%' && /^[0-9a-f]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else bytes.push(value.charCodeAt(i) & 0xff)
  }
  return Buffer.from(bytes).toString(encoding)
}

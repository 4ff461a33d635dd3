// Detects a file's text encoding from its first bytes
import { utf16ByteOrder } from '#shared/csv/file-content.ts'
import { ENCODINGS, type Encoding } from './parse-settings.ts'

export interface EncodingDetection {
  encoding: Encoding
  hasBom: boolean
  /** for a person: "UTF-8 byte order mark", "bytes are not valid UTF-8 …" */
  reason: string
}

export { ENCODINGS }

/** Whether a label is one the wizard offers (for an override read back from storage). */
export function isSupportedEncoding(value: string): value is Encoding {
  return ENCODINGS.some((e) => e.value === value)
}

/**
 * Guesses the encoding from the first bytes of a file: BOM, then UTF-8 validity, else
 * windows-1252 (what Excel on Windows writes for "CSV (comma delimited)").
 * `complete` says the bytes are the whole file; otherwise a multibyte sequence cut off at the
 * end of the sample is not held against UTF-8.
 */
export function detectEncoding(
  head: Uint8Array,
  { complete = false }: { complete?: boolean } = {},
): EncodingDetection {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return {
      encoding: 'utf-8',
      hasBom: true,
      reason: 'The file starts with a UTF-8 byte order mark.',
    }
  }
  if (head[0] === 0xff && head[1] === 0xfe) {
    return {
      encoding: 'utf-16le',
      hasBom: true,
      reason: 'The file starts with a UTF-16 little-endian byte order mark (Excel "Unicode text").',
    }
  }
  if (head[0] === 0xfe && head[1] === 0xff) {
    return {
      encoding: 'utf-16be',
      hasBom: true,
      reason: 'The file starts with a UTF-16 big-endian byte order mark.',
    }
  }
  // no BOM: ASCII-range text in UTF-16 has zeros in one byte lane
  const utf16 = utf16ByteOrder(head)
  if (utf16) {
    return {
      encoding: utf16,
      hasBom: false,
      reason: `Every other byte is zero, which is how ${utf16 === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} stores plain text.`,
    }
  }
  const utf8Text = decodeValidUtf8(head, complete)
  const firstInvalid = utf8Text === undefined ? findInvalidUtf8(head, complete) : -1
  if (firstInvalid === -1) {
    // every byte of valid UTF-8 text is a character of its own only when all are ASCII
    const ascii = utf8Text !== undefined && utf8Text.length === head.length
    return {
      encoding: 'utf-8',
      hasBom: false,
      reason: ascii
        ? 'The sampled bytes are plain ASCII, which reads the same in UTF-8.'
        : 'The sampled bytes are valid UTF-8.',
    }
  }
  return {
    encoding: 'windows-1252',
    hasBom: false,
    reason: `Byte ${firstInvalid + 1} (0x${head[firstInvalid]!.toString(16).toUpperCase().padStart(2, '0')}) is not valid UTF-8, so the file is read as Windows-1252 (Excel's default on Windows). Pick another encoding if accents look wrong.`,
  }
}

/**
 * The bytes as text when they are valid UTF-8 (a sequence cut at the end of a sample is held
 * back, not refused), else undefined. The browser's decoder checks 256 KB in well under a
 * millisecond where a byte loop in a worker that has just started took 5–12 ms of the preview's
 * wait; the WHATWG decoder refuses what RFC 3629 refuses (overlongs, surrogates, > U+10FFFF), so
 * `findInvalidUtf8` is only needed to name the byte.
 */
function decodeValidUtf8(bytes: Uint8Array, complete: boolean): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, {
      stream: !complete,
    })
  } catch {
    return undefined
  }
}

/**
 * Index of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF),
 * or -1. A sequence that is only incomplete at the end of a sample is fine.
 */
export function findInvalidUtf8(bytes: Uint8Array, complete = false): number {
  const n = bytes.length
  let i = 0
  while (i < n) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    let max = 0xbf
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1
      min = 0x80
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      // e0 needs a0.. (no overlong), ed needs ..9f (no surrogates)
      min = b === 0xe0 ? 0xa0 : 0x80
      if (b === 0xed) max = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      min = b === 0xf0 ? 0x90 : 0x80
      if (b === 0xf4) max = 0x8f
    } else {
      return i
    }
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return complete ? i : -1
      const c = bytes[i + k]!
      const lo = k === 1 ? min : 0x80
      const hi = k === 1 ? max : 0xbf
      if (c < lo || c > hi) return i
    }
    i += need + 1
  }
  return -1
}

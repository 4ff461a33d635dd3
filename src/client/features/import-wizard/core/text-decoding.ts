// Text decoding that never throws, strips a BOM, and reads windows-1252 as browsers do
import type { Encoding } from './parse-settings.ts'

// WHATWG windows-1252 for 0x80–0x9f; some runtimes (Node 20's latin1 fast path) decode these
// bytes as C1 controls instead, so "€" would come out as U+0080
const CP1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'
const C1_RE = /[\u0080-\u009f]/g

function fixC1(text: string): string {
  return text.replace(C1_RE, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!)
}

/** A decoder that never throws (bad bytes become U+FFFD) and strips a BOM. */
export function createTextDecoder(encoding: Encoding): {
  decode(bytes: Uint8Array, options?: { stream?: boolean }): string
} {
  const decoder = new TextDecoder(encoding, { fatal: false })
  if (encoding !== 'windows-1252') return decoder
  return { decode: (bytes, options) => fixC1(decoder.decode(bytes, options)) }
}

/**
 * A decoding stream: a multibyte character split across chunks is joined before it reaches the
 * parser (papaparse#908).
 */
export function createDecoderStream(encoding: Encoding): ReadableWritablePair<string, Uint8Array> {
  // TextDecoderStream takes any BufferSource; narrowed to what our byte streams carry
  const decoder = new TextDecoderStream(encoding, {
    fatal: false,
  }) as unknown as ReadableWritablePair<string, Uint8Array>
  if (encoding !== 'windows-1252') return decoder
  const fix = new TransformStream<string, string>({
    transform: (chunk, controller) => controller.enqueue(fixC1(chunk)),
  })
  return { writable: decoder.writable, readable: decoder.readable.pipeThrough(fix) }
}

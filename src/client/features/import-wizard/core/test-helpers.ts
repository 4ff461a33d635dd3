// Test support: fixture files as bytes and File objects
import { readFileSync } from 'node:fs'

/** A fixture's bytes (tests only). */
export function fixtureBytes(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)))
}

/** A fixture as a File, the way the browser hands it over (tests only). */
export function fixtureFile(name: string): File {
  return new File([fixtureBytes(name)], name, { type: 'text/csv' })
}

/** Bytes as a stream of fixed-size chunks, to put chunk boundaries where a test wants them. */
export function chunked(
  bytes: Uint8Array,
  size: number,
): { stream: ReadableStream<Uint8Array>; size: number } {
  let offset = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close()
      controller.enqueue(bytes.slice(offset, offset + size))
      offset += size
    },
  })
  return { stream, size: bytes.length }
}

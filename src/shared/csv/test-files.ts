/** Test files the wizard, proxy and simulator tests share (tests only). */

/** Text as UTF-16 bytes (ASCII-range text only), with or without the byte order mark. */
export function utf16Bytes(
  text: string,
  { littleEndian = true, bom = true }: { littleEndian?: boolean; bom?: boolean } = {},
): Uint8Array<ArrayBuffer> {
  const bytes: number[] = bom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : []
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    bytes.push(...(littleEndian ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff]))
  }
  return new Uint8Array(bytes)
}

// A byte count in words for messages: the largest unit it reaches, so a cap below 1 MB reads right
/** 1572864 → "1.5 MB", 65536 → "64 KB", 1000 → "1000 bytes": to one decimal, no trailing ".0". */
export function sizeInWords(bytes: number): string {
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'MB'] : bytes >= 1024 ? [bytes / 1024, 'KB'] : []
  if (value === undefined) return bytes === 1 ? '1 byte' : `${bytes} bytes`
  return `${Math.round(value * 10) / 10} ${unit}`
}

// Byte sizes and counted nouns in words
/** 1536 → "1.5 KB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`
}

// one formatter for the page: Number#toLocaleString builds a new one on each call, a cost that
// showed in the file step's first render
const numbers = new Intl.NumberFormat()

/** 12345 → "12,345" in the browser's locale, as Number#toLocaleString() writes it */
export const formatCount = (count: number): string => numbers.format(count)

/** "1 row", "2 rows" */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`
}

/**
 * A row count read from the whole file is exact ("2,000 rows"); one estimated from a sample's bytes
 * per row is rounded to two significant figures ("about 2,000 rows", not "about 2,006"), so it
 * does not claim a precision it lacks.
 */
export function rowCountInWords(count: number, exact: boolean): string {
  if (exact || count < 100) return `${exact ? '' : 'about '}${plural(count, 'row')}`
  const magnitude = 10 ** (Math.floor(Math.log10(count)) - 1)
  return `about ${plural(Math.round(count / magnitude) * magnitude, 'row')}`
}

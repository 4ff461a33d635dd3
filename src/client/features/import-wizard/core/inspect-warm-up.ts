// Sample heads the CSV worker inspects while it waits for a file, so the person's preview runs optimised code
import { inspectBytes, type FileInspection } from './inspect-file.ts'

/**
 * A contacts-like export: emails, names with and without accents, phone numbers, dates, amounts,
 * blank cells and quoted notes holding commas, doubled quotes and line breaks. Accents matter: a
 * head with one non-ASCII character decodes to a two-byte string, and code optimised only for
 * one-byte (ASCII) strings is thrown away on the first such file.
 */
function sampleCsv(rows: number, accents: boolean, lineBreak: string): string {
  const names = accents
    ? ['Zoë', 'Jürgen', 'Łucja', 'José', 'Ann']
    : ['Zoe', 'Jurgen', 'Lucja', 'Jose', 'Ann']
  const lines = ['Record ID,Email,First Name,Last Name,Phone,Date of birth,Annual Revenue,Notes']
  for (let i = 0; i < rows; i++) {
    const name = names[i % names.length]!
    const notes =
      i % 7 === 0
        ? `"said ""call back"", then left"`
        : i % 11 === 0
          ? '"two\nlines"'
          : 'renewal due'
    lines.push(
      [
        100_000 + i,
        `${name.toLowerCase()}.${i}@example.com`,
        name,
        i % 13 === 0 ? '' : 'Lee',
        `+49 30 ${1_000_000 + i}`,
        `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
        i % 5 === 0 ? '' : `${(i * 7919) % 900_000}.${i % 100}`,
        notes,
      ].join(','),
    )
  }
  return lines.join(lineBreak)
}

/** Inspections worth of warming: each about as long as a real head, accented and plain, CRLF and LF. */
const WARM_UP_HEADS = [
  { rows: 300, accents: true, lineBreak: '\r\n' },
  { rows: 300, accents: false, lineBreak: '\n' },
  { rows: 1_500, accents: true, lineBreak: '\n' },
  { rows: 1_500, accents: false, lineBreak: '\r\n' },
  { rows: 1_500, accents: true, lineBreak: '\r\n' },
]

/**
 * The warm-up, one inspection per step so the worker can stop between steps when a real request
 * comes in. The first steps are short: a request arriving mid-step waits for one short step only.
 */
export function* warmUpInspections(): Generator<FileInspection, void, undefined> {
  const encoder = new TextEncoder()
  for (const { rows, accents, lineBreak } of WARM_UP_HEADS) {
    const bytes = encoder.encode(sampleCsv(rows, accents, lineBreak))
    // sampled, as a real head is: a cut last record and an estimated row count
    yield inspectBytes(bytes, {
      fileName: 'warm-up.csv',
      fileSize: bytes.length * 50,
      sampled: true,
    })
  }
}

/**
 * Runs `steps` one per task (`later`) until they end or `busy()` says a real request has come in;
 * the step in hand finishes first, so a request waits for at most one step.
 */
export function warmUpWhileIdle(
  steps: Iterator<unknown>,
  busy: () => boolean,
  later: (next: () => void) => void = (next) => setTimeout(next, 0),
): void {
  const step = () => {
    if (!busy() && !steps.next().done) later(step)
  }
  later(step)
}

/**
 * The bench's results: figures with their rounds, median and target, the printed table, the
 * Markdown table for the README and the change against the previous run. Pure, so unit-tested.
 */
import { median } from './stats.ts'

export type Unit = 'ms' | 'MB' | 'MB/s' | '×' | 'fps' | 'calls' | 'rows/s'

export interface Target {
  op: '<=' | '>='
  value: number
}

export interface Figure {
  /** stable across runs: the diff matches figures by key */
  key: string
  label: string
  unit: Unit
  rounds: number[]
  median: number
  target?: Target
}

export interface BenchResults {
  version: 1
  startedAt: string
  elapsedSeconds: number
  environment: Record<string, string | number>
  knobs: Record<string, unknown>
  figures: Figure[]
}

/** A figure from its rounds: the median is taken here, so every figure is one. */
export function figure(
  key: string,
  label: string,
  unit: Unit,
  rounds: readonly number[],
  target?: Target,
): Figure {
  return {
    key,
    label,
    unit,
    rounds: [...rounds],
    median: median(rounds),
    ...(target ? { target } : {}),
  }
}

export type Status = 'met' | 'NOT MET' | 'no value' | ''

export function status(f: Pick<Figure, 'median' | 'target'>): Status {
  if (!f.target) return ''
  if (!Number.isFinite(f.median)) return 'no value'
  const ok = f.target.op === '<=' ? f.median <= f.target.value : f.median >= f.target.value
  return ok ? 'met' : 'NOT MET'
}

/** Whether a larger value is an improvement: from the target when there is one, else the unit. */
export function higherIsBetter(f: Pick<Figure, 'unit' | 'target'>): boolean {
  if (f.target) return f.target.op === '>='
  return f.unit === 'MB/s' || f.unit === 'fps' || f.unit === 'rows/s'
}

export function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return '–'
  const digits =
    unit === '×' || unit === 'calls'
      ? 2
      : unit === 'fps' || (unit === 'ms' && Math.abs(value) < 10)
        ? 1
        : 0
  // a rounded -0.3 MB is "0 MB", not "-0 MB"
  const text = (Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value).toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })
  return unit === '×' ? `${text}×` : `${text} ${unit}`
}

export function formatTarget(f: Pick<Figure, 'unit' | 'target'>): string {
  if (!f.target) return ''
  return `${f.target.op === '<=' ? '≤' : '≥'} ${formatValue(f.target.value, f.unit)}`
}

/** "–" when either side is missing; else the relative change and whether it is better or worse. */
export function change(current: Figure, previous: Figure | undefined): string {
  if (!previous || !Number.isFinite(previous.median) || !Number.isFinite(current.median)) return '–'
  if (previous.median === 0) return current.median === 0 ? '±0 %' : '–'
  const relative = current.median / previous.median - 1
  const percent = Math.round(relative * 100)
  if (percent === 0) return '±0 %'
  const better = relative > 0 === higherIsBetter(current)
  return `${percent > 0 ? '+' : '−'}${Math.abs(percent)} % (${better ? 'better' : 'worse'})`
}

function roundsText(f: Figure): string {
  const finite = f.rounds.filter(Number.isFinite)
  if (finite.length < 2) return finite.length ? formatValue(finite[0]!, f.unit) : '–'
  const low = Math.min(...finite)
  const high = Math.max(...finite)
  return `${formatValue(low, f.unit)} – ${formatValue(high, f.unit)}`
}

const HEADER = ['figure', 'median', 'range of rounds', 'target', 'status']
const CHANGE = 'vs previous run'

/** The header and one row per figure; the change column only when there is a previous run. */
export function tableRows(results: BenchResults, previous?: BenchResults): string[][] {
  const before = new Map(previous?.figures.map((f) => [f.key, f]))
  const rows = results.figures.map((f) => [
    f.label,
    formatValue(f.median, f.unit),
    roundsText(f),
    formatTarget(f),
    status(f),
    ...(previous ? [change(f, before.get(f.key))] : []),
  ])
  return [previous ? [...HEADER, CHANGE] : HEADER, ...rows]
}

/** A plain-text table for the terminal, columns padded to their widest cell. */
export function formatTable(results: BenchResults, previous?: BenchResults): string {
  const rows = tableRows(results, previous)
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd()
  return [
    line(rows[0]!),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n')
}

/** The same table in Markdown, for the README's Performance section. */
export function formatMarkdown(results: BenchResults, previous?: BenchResults): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|')
  const [header, ...rows] = tableRows(results, previous)
  return [
    `| ${header!.join(' | ')} |`,
    `|${header!.map((_, i) => (i === 0 || i === 4 ? '---' : '---:')).join('|')}|`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n')
}

/** Targets not met, one line each with how far off they are: the summary under the table. */
export function unmetTargets(results: BenchResults): string[] {
  return results.figures
    .filter((f) => status(f) === 'NOT MET')
    .map((f) => {
      const by = f.median / f.target!.value
      return `${f.label}: ${formatValue(f.median, f.unit)} against ${formatTarget(f)} (${by.toFixed(2)}× the target)`
    })
}

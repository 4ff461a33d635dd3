// The bench's data files: deterministic HubSpot-style contacts exports of any size
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'

/**
 * Writes a deterministic HubSpot-style contacts export like the ones the parsing and validation choices were measured on:
 * 13 columns, ~5 % non-ASCII names, ~8 % quoted notes (commas, newlines, escaped quotes) and
 * ~2.5 % invalid cells (bad email, enum label with a trailing space, DD/MM date, `$` amount).
 */
export const BENCH_HEADER = [
  'Record ID',
  'Email',
  'First Name',
  'Last Name',
  'Company Name',
  'Job Title',
  'Phone Number',
  'City',
  'Country',
  'Lifecycle Stage',
  'Date of birth',
  'Annual Revenue',
  'Notes',
]

const FIRST = [
  'Anna',
  'Ben',
  'Chloé',
  'David',
  'Emma',
  'Felix',
  'José',
  'Łukasz',
  'Maria',
  'Noah',
  'Olivia',
  'Paul',
]
const LAST = [
  'Smith',
  'Müller',
  'Garcia',
  'Brown',
  'Nowak',
  'Rossi',
  'Dubois',
  'Jensen',
  'Kim',
  'Lee',
]
const CITIES = ['Berlin', 'Paris', 'Boston', 'Madrid', 'Warsaw', 'Dublin', 'Austin', 'Lyon']
const COUNTRIES = ['Germany', 'France', 'United States', 'Spain', 'Poland', 'Ireland']
const STAGES = ['lead', 'subscriber', 'customer', 'opportunity', 'marketingqualifiedlead', 'Lead']
const WORDS = ['call back', 'met at fair', 'prefers email', 'VIP', 'renewal due', 'trial user']

function prng(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

// addresses are ASCII as in real exports; the names keep their accents
const asciiLower = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace('Ł', 'L')
    .toLowerCase()

const quote = (value: string) => `"${value.replaceAll('"', '""')}"`

/**
 * `badEmailEvery: n` gives every n-th row a bad email on top of the random problems (1: every row
 * has a problem, for the problem grid).
 */
export async function generateContactsCsv(
  path: string,
  rows: number,
  { seed = 42, badEmailEvery = 0 }: { seed?: number; badEmailEvery?: number } = {},
): Promise<number> {
  const random = prng(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const out = createWriteStream(path)
  let bytes = 0
  let batch: string[] = [BENCH_HEADER.join(',')]
  const flush = async () => {
    const text = batch.join('\n') + '\n'
    bytes += Buffer.byteLength(text)
    batch = []
    if (!out.write(text)) await once(out, 'drain')
  }
  for (let i = 1; i <= rows; i++) {
    const first = pick(FIRST)
    const last = pick(LAST)
    const roll = random()
    const email =
      roll < 0.01 || (badEmailEvery > 0 && i % badEmailEvery === 0)
        ? `${asciiLower(first)}.${asciiLower(last)}.example.com`
        : `${asciiLower(first)}.${asciiLower(last)}${i}@example.com`
    const stage = roll > 0.995 ? 'Lead ' : pick(STAGES)
    const day = 1 + Math.floor(random() * 28)
    const month = 1 + Math.floor(random() * 12)
    const year = 1960 + Math.floor(random() * 45)
    const date =
      roll > 0.99 && roll <= 0.995
        ? `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`
        : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    const amount = roll > 0.985 && roll <= 0.99 ? '$123' : (random() * 1e6).toFixed(2)
    const noteRoll = random()
    const notes =
      noteRoll < 0.45
        ? ''
        : noteRoll < 0.92
          ? pick(WORDS)
          : noteRoll < 0.97
            ? quote(`${pick(WORDS)}, ${pick(WORDS)}`)
            : noteRoll < 0.99
              ? quote(`${pick(WORDS)}\n${pick(WORDS)}`)
              : quote(`said "${pick(WORDS)}"`)
    batch.push(
      [
        String(100000 + i),
        email,
        first,
        last,
        `${pick(LAST)} GmbH`,
        'Manager',
        `+49 30 ${String(1000000 + i)}`,
        pick(CITIES),
        pick(COUNTRIES),
        stage,
        date,
        amount,
        notes,
      ].join(','),
    )
    if (batch.length >= 5000) await flush()
  }
  await flush()
  out.end()
  await once(out, 'finish')
  return bytes
}

// The char-code email check gives the pattern's answer on every short text and many address-like ones
import { describe, expect, it } from 'vitest'
import { isPlausibleEmail } from './email-address.ts'

// zod 4's "practical" email pattern, which the text rules used before: the reference
const EMAIL_RE =
  /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/

function disagreements(texts: Iterable<string>): string[] {
  const found: string[] = []
  for (const text of texts) if (isPlausibleEmail(text) !== EMAIL_RE.test(text)) found.push(text)
  return found
}

/** Every text of up to `length` characters from `alphabet`. */
function* allTexts(alphabet: readonly string[], length: number): Generator<string> {
  yield ''
  let level = ['']
  for (let size = 1; size <= length; size++) {
    level = level.flatMap((text) => alphabet.map((c) => text + c))
    yield* level
  }
}

describe('isPlausibleEmail', () => {
  it('agrees with the pattern on every text of up to 6 characters from its character classes', () => {
    // one of each class the pattern tells apart, and characters it refuses
    const alphabet = ['a', 'Z', '7', '.', '-', '@', '_', "'", '+', ' ', 'é']
    expect(disagreements(allTexts(alphabet, 6))).toEqual([])
  })

  it('agrees with the pattern on address-like texts', () => {
    const locals = [
      '',
      'a',
      'ann',
      'ann.lee',
      '.ann',
      'ann.',
      'ann..lee',
      "o'neil",
      "ann'",
      'a+b',
      'a-',
      'A_B',
      'é',
    ]
    const domains = [
      '',
      'b',
      'b.c',
      'b.co',
      'example.com',
      'ex-ample.com',
      '-x.com',
      'x-.com',
      'a.b.c.de',
      'x.c0m',
      'x.com.',
      'x..com',
      'X.COM',
      'x.c-m',
      '1.23',
      'x.xn--p1ai',
    ]
    const texts = locals.flatMap((local) =>
      domains.flatMap((domain) => [
        `${local}@${domain}`,
        `${local}@@${domain}`,
        `${local}${domain}`,
        `${local}@${domain}\n`,
      ]),
    )
    expect(disagreements(texts)).toEqual([])
    expect(texts.filter(isPlausibleEmail).length).toBeGreaterThan(20)
  })

  it('agrees with the pattern on random texts', () => {
    const alphabet = "aZ7.-@_'+ écom"
    let state = 42
    const random = () => {
      state = (state * 1664525 + 1013904223) >>> 0
      return state / 2 ** 32
    }
    const texts = Array.from({ length: 50_000 }, () =>
      Array.from(
        { length: 1 + Math.floor(random() * 16) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join(''),
    )
    expect(disagreements(texts)).toEqual([])
  })
})

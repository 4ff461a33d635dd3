// ContentHash: the same bytes in any chunking hash alike; any change or file split does not
import { describe, expect, it } from 'vitest'
import { ContentHash } from './content-hash.ts'

function hashOf(files: string[][]): string {
  const hash = new ContentHash()
  for (const chunks of files) {
    for (const chunk of chunks) hash.add(Buffer.from(chunk))
    hash.endFile()
  }
  return hash.digest()
}

describe('ContentHash', () => {
  it.each([
    ['the same bytes in other chunks', [['ab', 'c']], [['a', 'bc']], true],
    ['one byte changed', [['email\na@x.io\n']], [['email\nb@x.io\n']], false],
    ['a byte added at the end', [['a,b\n']], [['a,b\n\n']], false],
    ['two files vs their concatenation', [['ab'], ['c']], [['abc']], false],
    ['bytes moved between two files', [['ab'], ['c']], [['a'], ['bc']], false],
  ])('%s', (_case, a, b, same) => {
    expect(hashOf(a) === hashOf(b)).toBe(same)
  })
})

/**
 * The first line of every identifier value in a file, for "also on line N". A 1M-row file holds
 * 1M values per identifier column, where a Map's per-entry cost and rehashing took most of the
 * scan; these open-addressing tables keep keys in typed arrays instead. Exact: equal hashes
 * are confirmed by comparing the keys.
 */
export interface FirstLines {
  /**
   * The line a whole number below 2^53 was seen on first, or undefined after recording `line`
   * as its first.
   */
  number(key: number, line: number): number | undefined
  /** The same for text; with `ignoreCase`, texts that `toLowerCase()` makes equal are equal. */
  text(key: string, line: number, ignoreCase: boolean): number | undefined
}

const INITIAL_CAPACITY = 1 << 10
// 4x: rehashing is random access, so fewer, bigger steps
const GROWTH = 4

/** Numbers (record IDs) and texts, each in its own table. */
export function createFirstLines(): FirstLines {
  let numbers: NumberTable | undefined
  let texts: TextTable | undefined
  return {
    number: (key, line) => (numbers ??= new NumberTable()).firstLine(key, line),
    text: (key, line, ignoreCase) => (texts ??= new TextTable()).firstLine(key, line, ignoreCase),
  }
}

// a 32-bit mix (murmur3's finalizer) so nearby keys spread over the table
function mix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}

// slot i holds [key, line + 1] at 2i and 2i + 1, so a lookup touches one cache line
class NumberTable {
  private slots = new Float64Array(INITIAL_CAPACITY * 2)
  private capacity = INITIAL_CAPACITY
  private size = 0

  firstLine(key: number, line: number): number | undefined {
    if (this.size * 2 >= this.capacity) this.grow()
    const mask = this.capacity - 1
    const slots = this.slots
    for (let i = hashNumber(key) & mask; ; i = (i + 1) & mask) {
      const first = slots[2 * i + 1]!
      if (first === 0) {
        slots[2 * i] = key
        slots[2 * i + 1] = line + 1
        this.size++
        return undefined
      }
      if (slots[2 * i] === key) return first - 1
    }
  }

  private grow() {
    const old = this.slots
    this.capacity *= GROWTH
    this.slots = new Float64Array(this.capacity * 2)
    const mask = this.capacity - 1
    for (let j = 0; j < old.length; j += 2) {
      if (old[j + 1] === 0) continue
      let i = hashNumber(old[j]!) & mask
      while (this.slots[2 * i + 1] !== 0) i = (i + 1) & mask
      this.slots[2 * i] = old[j]!
      this.slots[2 * i + 1] = old[j + 1]!
    }
  }
}

/**
 * Keys 64 apart land in random blocks of 64 slots; keys within one such range keep their order
 * inside the block. Record IDs usually come in runs, and a run then fills a few cache lines
 * instead of missing the cache on every key of a table far bigger than it.
 */
function hashNumber(key: number): number {
  const block = Math.floor(key / 64)
  const mixed = mix((block >>> 0) ^ Math.imul(Math.floor(block / 4294967296), 0x9e3779b1))
  return (mixed << 6) | (key - block * 64)
}

/**
 * Texts are kept as UTF-16 code units in one growing buffer rather than as 1M string objects,
 * which the garbage collector would have to copy and trace on every pass. A key is written to
 * the free end of the buffer first (folding case and hashing in the same pass), then compared
 * there and kept only when new.
 */
class TextTable {
  // slot i holds [entry + 1 (0: empty), the entry's hash] at 2i and 2i + 1
  private slots = new Int32Array(INITIAL_CAPACITY * 2)
  private capacity = INITIAL_CAPACITY
  // per entry: first line, and where its characters start in `chars` (one more for the end)
  private lines = new Float64Array(INITIAL_CAPACITY / 2)
  private starts = new Float64Array(INITIAL_CAPACITY / 2 + 1)
  private chars = new Uint16Array(INITIAL_CAPACITY * 16)
  private size = 0

  firstLine(key: string, line: number, ignoreCase: boolean): number | undefined {
    if (this.size * 2 >= this.capacity) this.grow()
    const start = this.starts[this.size]!
    let hash = this.write(key, start, ignoreCase)
    // outside ASCII, leave case folding to toLowerCase (ß, İ, Σ…)
    if (hash === NOT_ASCII) hash = this.write(key.toLowerCase(), start, false)
    const length = this.written
    const mask = this.capacity - 1
    const slots = this.slots
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const entry = slots[2 * i]! - 1
      if (entry === -1) {
        const id = this.size++
        slots[2 * i] = id + 1
        slots[2 * i + 1] = hash
        this.lines[id] = line
        this.starts[id + 1] = start + length
        if (this.size + 1 >= this.lines.length) {
          this.lines = resized(this.lines, this.lines.length * 2)
          this.starts = resized(this.starts, this.starts.length * 2)
        }
        return undefined
      }
      if (slots[2 * i + 1] === hash && this.equals(entry, start, length)) return this.lines[entry]
    }
  }

  // characters of the last `write`
  private written = 0

  /** Writes `key` at `start` and returns its hash, or NOT_ASCII when folding needs Unicode. */
  private write(key: string, start: number, ignoreCase: boolean): number {
    if (start + key.length > this.chars.length) {
      const chars = new Uint16Array(Math.max(start + key.length, this.chars.length * 2))
      chars.set(this.chars)
      this.chars = chars
    }
    const chars = this.chars
    let h = 0x811c9dc5
    for (let i = 0; i < key.length; i++) {
      let c = key.charCodeAt(i)
      if (ignoreCase) {
        if (c >= 128) return NOT_ASCII
        if (c >= 65 && c <= 90) c += 32
      }
      chars[start + i] = c
      h = Math.imul(h ^ c, 0x01000193)
    }
    this.written = key.length
    return mix(h)
  }

  private equals(entry: number, start: number, length: number): boolean {
    const from = this.starts[entry]!
    if (this.starts[entry + 1]! - from !== length) return false
    const chars = this.chars
    for (let i = 0; i < length; i++) if (chars[from + i] !== chars[start + i]) return false
    return true
  }

  private grow() {
    const old = this.slots
    this.capacity *= GROWTH
    this.slots = new Int32Array(this.capacity * 2)
    const mask = this.capacity - 1
    for (let j = 0; j < old.length; j += 2) {
      if (old[j] === 0) continue
      let i = old[j + 1]! & mask
      while (this.slots[2 * i] !== 0) i = (i + 1) & mask
      this.slots[2 * i] = old[j]!
      this.slots[2 * i + 1] = old[j + 1]!
    }
  }
}

function resized(array: Float64Array<ArrayBuffer>, length: number): Float64Array<ArrayBuffer> {
  const copy = new Float64Array(length)
  copy.set(array)
  return copy
}

// a hash is a 32-bit integer; this marks a key that needs Unicode case folding
const NOT_ASCII = 2 ** 32

/**
 * A copy of a string that doesn't keep its source alive. V8 cuts cells as views into the decoded
 * chunk, so one kept cell would pin the whole chunk (and every chunk, over a big file); slicing a
 * fresh concatenation forces a flat copy of just these characters.
 */
export function detach(text: string): string {
  return (' ' + text).slice(1)
}

/**
 * The first line of every identifier value in a file, for "also on line N". A 1M-row file holds
 * 1M values per identifier column, where a Map's per-entry cost and rehashing took most of the
 * scan; these open-addressing tables keep keys in typed arrays instead, sized for memory: the
 * tables of a 1M-row file's record IDs and emails are most of what the scan holds. Exact: equal
 * hashes are confirmed by comparing the keys.
 */
export interface FirstLines {
  /**
   * The line a whole number below 2^53 was seen on first, or undefined after recording `line`
   * as its first.
   */
  number(key: number, line: number): number | undefined
  /** The same for text; with `ignoreCase`, texts that `toLowerCase()` makes equal are equal. */
  text(key: string, line: number, ignoreCase: boolean): number | undefined
  /**
   * Sizes the tables in use for about `entries` keys, so a big file's tables are allocated once
   * rather than grown: each growth rehashes every key (a tenth of a 1M-row scan) and briefly
   * holds the old and the new table.
   */
  reserve(entries: number): void
}

const INITIAL_CAPACITY = 1 << 10
// at most half the slots in use; doubling keeps the table at most 4x its entries
const GROWTH = 2

/** Numbers (record IDs) and texts, each in its own table. */
export function createFirstLines(): FirstLines {
  let numbers: NumberTable | undefined
  let texts: TextTable | undefined
  return {
    number: (key, line) => (numbers ??= new NumberTable()).firstLine(key, line),
    text: (key, line, ignoreCase) => (texts ??= new TextTable()).firstLine(key, line, ignoreCase),
    reserve(entries) {
      numbers?.reserve(entries)
      texts?.reserve(entries)
    },
  }
}

/** The smallest table that holds `entries` keys at most half full. */
function capacityFor(entries: number): number {
  let capacity = INITIAL_CAPACITY
  while (capacity <= entries * 2) capacity *= 2
  return capacity
}

// a 32-bit mix (murmur3's finalizer) so nearby keys spread over the table
function mix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}

// slot i holds its key in keys[i] and its line + 1 in lines[i] (0: empty): 12 bytes a slot
class NumberTable {
  private keys = new Float64Array(INITIAL_CAPACITY)
  private lines = new Uint32Array(INITIAL_CAPACITY)
  private capacity = INITIAL_CAPACITY
  private size = 0

  firstLine(key: number, line: number): number | undefined {
    if (this.size * 2 >= this.capacity) this.rehash(this.capacity * GROWTH)
    const mask = this.capacity - 1
    const { keys, lines } = this
    for (let i = hashNumber(key) & mask; ; i = (i + 1) & mask) {
      const first = lines[i]!
      if (first === 0) {
        keys[i] = key
        lines[i] = line + 1
        this.size++
        return undefined
      }
      if (keys[i] === key) return first - 1
    }
  }

  reserve(entries: number) {
    const capacity = capacityFor(entries)
    if (capacity > this.capacity) this.rehash(capacity)
  }

  private rehash(capacity: number) {
    const { keys: oldKeys, lines: oldLines } = this
    this.capacity = capacity
    this.keys = new Float64Array(this.capacity)
    this.lines = new Uint32Array(this.capacity)
    const mask = this.capacity - 1
    for (let j = 0; j < oldLines.length; j++) {
      if (oldLines[j] === 0) continue
      let i = hashNumber(oldKeys[j]!) & mask
      while (this.lines[i] !== 0) i = (i + 1) & mask
      this.keys[i] = oldKeys[j]!
      this.lines[i] = oldLines[j]!
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

const utf8 = new TextEncoder()

/**
 * Texts are kept as bytes in one growing buffer rather than as 1M string objects, which the
 * garbage collector would have to copy and trace on every pass: an ASCII key as one byte a
 * character, any other as its UTF-8 (which always holds a byte over 127, so the two never meet;
 * decoded text has no lone surrogates, so UTF-8 is exact). A key is written to the free end of
 * the buffer first (folding case and hashing in the same pass), then compared there and kept
 * only when new.
 */
class TextTable {
  // slot i holds [entry + 1 (0: empty), the entry's hash] at 2i and 2i + 1
  private slots = new Int32Array(INITIAL_CAPACITY * 2)
  private capacity = INITIAL_CAPACITY
  // per entry: first line, and where its bytes start in `bytes` (one more for the end)
  private lines = new Uint32Array(INITIAL_CAPACITY / 2)
  private starts = new Float64Array(INITIAL_CAPACITY / 2 + 1)
  private bytes = new Uint8Array(INITIAL_CAPACITY * 16)
  private size = 0

  firstLine(key: string, line: number, ignoreCase: boolean): number | undefined {
    if (this.size * 2 >= this.capacity) this.rehash(this.capacity * GROWTH)
    const start = this.starts[this.size]!
    let hash = this.writeAscii(key, start, ignoreCase)
    // outside ASCII, leave case folding to toLowerCase (ß, İ, Σ…)
    if (hash === NOT_ASCII) hash = this.writeUtf8(ignoreCase ? key.toLowerCase() : key, start)
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
          this.lines = resized(this.lines, new Uint32Array(this.lines.length * GROWTH))
          this.starts = resized(this.starts, new Float64Array(this.starts.length * GROWTH))
        }
        return undefined
      }
      if (slots[2 * i + 1] === hash && this.equals(entry, start, length)) return this.lines[entry]
    }
  }

  // bytes of the last write
  private written = 0

  /** Room for `length` more bytes at `start`. */
  private room(start: number, length: number) {
    if (start + length > this.bytes.length)
      this.reserveBytes(Math.max(start + length, this.bytes.length * GROWTH))
  }

  private reserveBytes(total: number) {
    if (total <= this.bytes.length) return
    const bytes = new Uint8Array(total)
    bytes.set(this.bytes)
    this.bytes = bytes
  }

  /** Writes an ASCII `key` at `start` and returns its hash, or NOT_ASCII for any other key. */
  private writeAscii(key: string, start: number, ignoreCase: boolean): number {
    this.room(start, key.length)
    const bytes = this.bytes
    let h = 0x811c9dc5
    for (let i = 0; i < key.length; i++) {
      let c = key.charCodeAt(i)
      if (c >= 128) return NOT_ASCII
      if (ignoreCase && c >= 65 && c <= 90) c += 32
      bytes[start + i] = c
      h = Math.imul(h ^ c, 0x01000193)
    }
    this.written = key.length
    return mix(h)
  }

  /** Writes `key` as UTF-8 at `start` and returns its hash. */
  private writeUtf8(key: string, start: number): number {
    this.room(start, key.length * 3)
    const { written } = utf8.encodeInto(key, this.bytes.subarray(start))
    const bytes = this.bytes
    let h = 0x811c9dc5
    for (let i = start; i < start + written; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193)
    this.written = written
    return mix(h)
  }

  private equals(entry: number, start: number, length: number): boolean {
    const from = this.starts[entry]!
    if (this.starts[entry + 1]! - from !== length) return false
    const bytes = this.bytes
    for (let i = 0; i < length; i++) if (bytes[from + i] !== bytes[start + i]) return false
    return true
  }

  reserve(entries: number) {
    const capacity = capacityFor(entries)
    if (capacity > this.capacity) this.rehash(capacity)
    if (entries + 2 > this.lines.length) {
      this.lines = resized(this.lines, new Uint32Array(entries + 2))
      this.starts = resized(this.starts, new Float64Array(entries + 2))
    }
    // the keys so far tell their average length; a little over it for the rest
    if (this.size >= MIN_KEYS_TO_AVERAGE) {
      const used = this.starts[this.size]!
      this.reserveBytes(Math.ceil((used / this.size) * entries * 1.05))
    }
  }

  private rehash(capacity: number) {
    const old = this.slots
    this.capacity = capacity
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

function resized<T extends Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(
  array: T,
  into: T,
): T {
  into.set(array)
  return into
}

// fewer keys than this say too little about the length of the rest
const MIN_KEYS_TO_AVERAGE = 256

// a hash is a 32-bit integer; this marks a key that is not ASCII
const NOT_ASCII = 2 ** 32

/**
 * A copy of a string that doesn't keep its source alive. V8 cuts cells as views into the decoded
 * chunk, so one kept cell would pin the whole chunk (and every chunk, over a big file); slicing a
 * fresh concatenation forces a flat copy of just these characters.
 */
export function detach(text: string): string {
  return (' ' + text).slice(1)
}

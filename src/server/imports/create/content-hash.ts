/**
 * The identity of the file bytes of a create, computed as they stream past (nothing is held): an
 * Idempotency-Key is bound to it, so a repeat with a corrected file is refused, not replayed.
 */
import { createHash, type Hash } from 'node:crypto'

export class ContentHash {
  private readonly hash: Hash = createHash('sha256')
  private fileBytes = 0

  add(chunk: Buffer): void {
    this.hash.update(chunk)
    this.fileBytes += chunk.length
  }

  /** Marks where one file ends, so two files never hash like their concatenation. */
  endFile(): void {
    this.hash.update(`\0end of file, ${this.fileBytes} bytes\0`)
    this.fileBytes = 0
  }

  digest(): string {
    return this.hash.digest('hex')
  }
}

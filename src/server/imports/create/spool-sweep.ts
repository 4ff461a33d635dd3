/**
 * Temp directories of files that arrived before their importRequest (import-form.ts) are deleted
 * by the create that made them; a proxy that crashed leaves its own behind. At boot every such
 * directory older than the longest a create can hold one (the upload deadline plus HubSpot's
 * answer, with a margin) is removed: a younger one may belong to another proxy on this machine.
 */
import { readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const SPOOL_PREFIX = 'hubspot-import-'

export async function sweepStaleSpools(
  olderThanMs: number,
  { dir = tmpdir(), now = Date.now() }: { dir?: string; now?: number } = {},
): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  const removed: string[] = []
  for (const name of names.filter((n) => n.startsWith(SPOOL_PREFIX))) {
    const full = path.join(dir, name)
    const info = await stat(full).catch(() => undefined)
    if (!info?.isDirectory() || now - info.mtimeMs < olderThanMs) continue
    await rm(full, { recursive: true, force: true })
    removed.push(name)
  }
  return removed
}

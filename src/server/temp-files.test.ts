/**
 * A file sent before its importRequest (HubSpot's Node client does that) waits in a private temp
 * directory; it is deleted whatever the outcome: imported, refused, or abandoned by the browser
 * while it was still arriving. The proxy's temp directory is pointed at a fresh one for this file.
 */
import { mkdir, mkdtemp, readdir, rm, utimes } from 'node:fs/promises'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import { REQUESTED_BY, SAMPLE_CSV, useSimulatorAndProxy, waitFor } from './test-helpers.ts'
import { sweepStaleSpools } from './imports/create/spool-sweep.ts'

// its hooks run before this file's: the simulator, which keeps its own files elsewhere, starts
// before the temp directory moves
const servers = useSimulatorAndProxy({ resetBeforeEach: false })
let spool: string
const originalTmp = process.env.TMPDIR

beforeAll(async () => {
  spool = await mkdtemp(path.join(tmpdir(), 'proxy-spool-test-'))
  process.env.TMPDIR = spool
})
afterAll(async () => {
  if (originalTmp === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = originalTmp
  await rm(spool, { recursive: true, force: true })
})

const left = () => readdir(spool)

/** The file first, then importRequest, as HubSpot's Node client sends them. */
function fileFirstForm(importRequest: string) {
  const form = new FormData()
  form.append('files', new Blob([SAMPLE_CSV], { type: 'text/csv' }), 'contacts.csv')
  form.append('importRequest', importRequest)
  return form
}
const goodRequest = JSON.stringify(
  contactsImportRequest('contacts.csv', ['email', 'firstname', 'lastname']),
)

describe('H4: temp files of a file sent before importRequest', () => {
  it.each([
    ['imported', goodRequest, 200],
    ['refused (importRequest not JSON)', '{"name":', 400],
  ])('are deleted when the create is %s', async (_case, importRequest, status) => {
    const response = await fetch(`${servers.proxy.api}/crm/v3/imports`, {
      method: 'POST',
      headers: REQUESTED_BY,
      body: fileFirstForm(importRequest),
    })
    expect(response.status).toBe(status)
    await waitFor(async () => (await left()).length === 0)
  })

  it('are deleted when the browser leaves while the file is arriving', async () => {
    const boundary = 'h4-boundary'
    const request = http.request(`${servers.proxy.api}/crm/v3/imports`, {
      method: 'POST',
      headers: { ...REQUESTED_BY, 'content-type': `multipart/form-data; boundary=${boundary}` },
    })
    request.on('error', () => {})
    request.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="contacts.csv"\r\n` +
        `Content-Type: text/csv\r\n\r\n${SAMPLE_CSV}`,
    )
    // the file is being written to disk
    await waitFor(async () => (await left()).length === 1)
    request.destroy()
    await waitFor(async () => (await left()).length === 0)
  })
})

describe('H4: the sweep at boot', () => {
  it('removes only spool directories older than the given age', async () => {
    const dir = await mkdtemp(path.join(spool, 'sweep-'))
    const now = Date.now()
    const at = async (name: string, ageMs: number) => {
      await mkdir(path.join(dir, name))
      const time = new Date(now - ageMs)
      await utimes(path.join(dir, name), time, time)
    }
    await at('hubspot-import-crashed', 2 * 3_600_000)
    await at('hubspot-import-live', 60_000)
    await at('someone-elses', 2 * 3_600_000)
    expect(await sweepStaleSpools(3_600_000, { dir, now })).toEqual(['hubspot-import-crashed'])
    expect((await readdir(dir)).sort()).toEqual(['hubspot-import-live', 'someone-elses'])
    await rm(dir, { recursive: true })
  })
})

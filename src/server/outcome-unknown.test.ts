/**
 * Never twice: a create whose connection to HubSpot breaks is retried with the same
 * Idempotency-Key, against the real proxy and simulator. Wherever the break falls (during the
 * upload, or after it while HubSpot answers), HubSpot ends up with exactly one import.
 */
import { describe, expect, it } from 'vitest'
import { REQUESTED_BY, importForm, isCreate, useSimulatorAndProxy } from './test-helpers.ts'

const servers = useSimulatorAndProxy({
  proxy: {
    retry: { baseDelayMs: 20, maxDelayMs: 50, maxRetryAfterMs: 100, deadlineMs: 1_000 },
  },
})

function csvOf(rows: number): string {
  const lines = ['email,firstname,lastname']
  for (let i = 0; i < rows; i++) lines.push(`person${i}@example.com,First${i},Last${i}`)
  return `${lines.join('\n')}\n`
}
const CSV = csvOf(200)
// larger than the sockets' buffers, so a cut falls while the proxy is still sending
const BIG_CSV = csvOf(150_000)

async function create(key: string, csv = CSV) {
  const response = await fetch(`${servers.proxy.api}/crm/v3/imports`, {
    method: 'POST',
    headers: { ...REQUESTED_BY, 'Idempotency-Key': key },
    body: importForm(csv),
  })
  const body = (await response.json()) as { id?: string; category?: string; message?: string }
  return { status: response.status, headers: response.headers, body }
}

const creates = async () => (await servers.simulator.requests()).filter(isCreate)

describe('the answer to a create breaks off after the whole file reached HubSpot', () => {
  // nothing of the answer, inside the status line, inside the headers, inside the body
  it.each([0, 12, 60, 400])(
    'cut after %i bytes: the retry returns the import HubSpot created, and creates none',
    async (bytes) => {
      await servers.simulator.fault({ dropAnswerAfterBytes: bytes, method: 'POST' })
      const key = `answer-cut-${bytes}`
      const first = await create(key)
      expect(first.status, first.body.message).toBe(502)
      expect(first.body.category).toBe('OUTCOME_UNKNOWN')
      const created = await servers.simulator.imports()
      expect(created).toHaveLength(1)

      const retry = await create(key)
      expect(retry.status, retry.body.message).toBe(200)
      expect(retry.body.id).toBe(created[0]?.id)
      expect(retry.headers.get('idempotent-replayed')).toBe('true')
      expect(await servers.simulator.imports()).toHaveLength(1)
      expect(await creates()).toHaveLength(1)

      // found once, remembered: a third try is answered without asking HubSpot again
      await servers.simulator.clearRequests()
      const third = await create(key)
      expect(third.body.id).toBe(created[0]?.id)
      expect(await servers.simulator.requests()).toEqual([])
    },
  )
})

describe('the connection to HubSpot breaks during the upload', () => {
  it.each([0.01, 0.5, 0.99])(
    'at %f of the file: nothing was created, and the retry creates exactly one import',
    async (fraction) => {
      await servers.simulator.fault({
        drop: true,
        dropAfterBytes: Math.round(BIG_CSV.length * fraction),
        method: 'POST',
      })
      const key = `upload-cut-${fraction}`
      const first = await create(key, BIG_CSV)
      expect(first.status, first.body.message).toBe(502)
      // near the end the last bytes may sit in socket buffers when the cut comes: the proxy
      // sent everything, so for it the outcome is unknown
      expect(first.body.category).toMatch(/^(UPSTREAM_CONNECTION_RESET|OUTCOME_UNKNOWN)$/)
      expect(await servers.simulator.imports()).toHaveLength(0)

      const retry = await create(key, BIG_CSV)
      expect(retry.status, retry.body.message).toBe(200)
      const created = await servers.simulator.imports()
      expect(created.map((i) => i.id)).toEqual([retry.body.id])
    },
  )
})

describe('an unknown outcome where HubSpot made nothing', () => {
  it('the retry finds no import in HubSpot’s list and only then sends the file again', async () => {
    // HubSpot's 502 after the whole file: the proxy cannot know that nothing was created
    await servers.simulator.fault({ status: 502, method: 'POST' })
    const first = await create('made-nothing')
    expect(first.body.category).toBe('OUTCOME_UNKNOWN')
    expect(await servers.simulator.imports()).toHaveLength(0)

    const retry = await create('made-nothing')
    expect(retry.status, retry.body.message).toBe(200)
    expect((await servers.simulator.imports()).map((i) => i.id)).toEqual([retry.body.id])
    const log = await servers.simulator.requests()
    const listed = log.findIndex((r) => r.method === 'GET' && r.path === '/crm/v3/imports')
    const resent = log.findLastIndex(isCreate)
    expect(listed).toBeGreaterThan(-1)
    expect(listed).toBeLessThan(resent)
  })

  it('two retries at once still make one import', async () => {
    await servers.simulator.fault({ status: 502, method: 'POST' })
    await create('two-retries')
    const [a, b] = await Promise.all([create('two-retries'), create('two-retries')])
    expect([a.status, b.status]).toEqual([200, 200])
    expect(a.body.id).toBe(b.body.id)
    expect(await servers.simulator.imports()).toHaveLength(1)
  })

  it('when HubSpot’s list cannot be read, nothing is sent and the browser is told it is still being checked', async () => {
    await servers.simulator.fault({ dropAnswerAfterBytes: 0, method: 'POST' })
    await create('list-down')
    await servers.simulator.fault({
      status: 503,
      method: 'GET',
      pathPrefix: '/crm/v3/imports',
      count: 50,
    })
    await servers.simulator.clearRequests()
    const retry = await create('list-down')
    expect(retry.status).toBe(503)
    expect(retry.body.category).toBe('OUTCOME_UNKNOWN')
    expect(retry.body.message).toMatch(/checking/i)
    expect(Number(retry.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await creates()).toHaveLength(0)

    await servers.simulator.reset()
    await servers.simulator.fault({ dropAnswerAfterBytes: 0, method: 'POST' })
    await create('list-back')
    const after = await create('list-back')
    expect(after.status).toBe(200)
    expect(await servers.simulator.imports()).toHaveLength(1)
  })
})

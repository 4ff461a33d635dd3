// Apps: each token's app sees only its own imports in the list, any import by id
import { describe, expect, it } from 'vitest'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import { collectionResponseSchema } from '#shared/hubspot/paging.ts'
import {
  actionResponseSchema,
  publicImportResponseSchema,
} from '#shared/hubspot/public-import-response.ts'
import type { Simulator } from './simulator.ts'
import { contactsCsv, control, getJson, postImport, startSimulator, TOKEN } from './test-support.ts'

const importsPageSchema = collectionResponseSchema(publicImportResponseSchema)

const APP_B_TOKEN = 'pat-app-b'

async function createImport(simulator: Simulator, token: string, path = '/crm/v3/imports') {
  const response = await postImport(
    simulator,
    {
      importRequest: JSON.stringify(contactsImportRequest()),
      files: [{ name: 'contacts.csv', content: contactsCsv(2) }],
    },
    path,
    token,
  )
  expect(response.status).toBe(200)
  return publicImportResponseSchema.parse(await response.json()).id
}

/** Every page of `path` with `limit`, asserting `paging` is there exactly when another page is. */
async function listAll(simulator: Simulator, path: string, token: string, limit: number) {
  const ids: string[] = []
  let after: string | undefined
  for (let pages = 0; pages < 20; pages++) {
    const query = `?limit=${limit}${after === undefined ? '' : `&after=${after}`}`
    const response = await getJson(simulator, `${path}${query}`, token)
    expect(response.status).toBe(200)
    const page = importsPageSchema.parse(response.body)
    expect(page.results.length).toBeLessThanOrEqual(limit)
    ids.push(...page.results.map((r) => r.id))
    after = page.paging?.next?.after
    if (after === undefined) return ids
    expect(page.results).toHaveLength(limit)
  }
  throw new Error('paging did not end')
}

/** Two apps on one account: the full-scope token (app 1) and one added token (a new app). */
async function twoApps() {
  const simulator = await startSimulator({ paused: true, control: true })
  const added = await control(simulator, '/tokens', { token: APP_B_TOKEN, scopes: ['crm.import'] })
  expect(await added.json()).toEqual({ token: APP_B_TOKEN, scopes: ['crm.import'], appId: 2 })
  return simulator
}

describe('imports per app', () => {
  it.each(['/crm/v3/imports', '/crm/imports/2026-03'])(
    'lists on %s only the calling app’s imports, newest first, paging across the others',
    async (path) => {
      const simulator = await twoApps()
      const created: Record<string, string[]> = { [TOKEN]: [], [APP_B_TOKEN]: [] }
      // interleaved, so each app's pages have the other's imports between them
      for (const token of [TOKEN, APP_B_TOKEN, TOKEN, TOKEN, APP_B_TOKEN, TOKEN, TOKEN]) {
        created[token]?.push(await createImport(simulator, token, path))
      }

      for (const [token, ids] of Object.entries(created)) {
        const newestFirst = [...ids].reverse()
        for (const limit of [1, 2, 3, 10]) {
          expect(await listAll(simulator, path, token, limit)).toEqual(newestFirst)
        }
      }
    },
  )

  it('shows an app that has created nothing an empty list', async () => {
    const simulator = await twoApps()
    await createImport(simulator, TOKEN)
    expect((await getJson(simulator, '/crm/v3/imports', APP_B_TOKEN)).body).toEqual({
      results: [],
    })
  })

  it('lists the imports of every token of the same app', async () => {
    const simulator = await startSimulator({
      paused: true,
      control: true,
      tokens: { 'pat-app-1-option': { scopes: ['crm.import'], appId: 1 } },
    })
    const added = await control(simulator, '/tokens', {
      token: 'pat-app-1-control',
      scopes: ['crm.import'],
      appId: 1,
    })
    expect(await added.json()).toMatchObject({ appId: 1 })
    const ids = [
      await createImport(simulator, TOKEN),
      await createImport(simulator, 'pat-app-1-option'),
      await createImport(simulator, 'pat-app-1-control'),
    ]
    for (const token of [TOKEN, 'pat-app-1-option', 'pat-app-1-control']) {
      expect(await listAll(simulator, '/crm/v3/imports', token, 2)).toEqual([...ids].reverse())
    }
  })

  // SILENT: the guide limits only the list; import ids are account-wide, so another app of the
  // account may still read, cancel and page the errors of an import it knows the id of
  it.each([
    { action: 'get', method: 'GET', suffix: '', schema: publicImportResponseSchema },
    { action: 'errors', method: 'GET', suffix: '/errors', schema: importsPageSchema },
    { action: 'cancel', method: 'POST', suffix: '/cancel', schema: actionResponseSchema },
  ] as const)(
    'lets another app $action an import it did not create',
    async ({ method, suffix, schema }) => {
      const simulator = await twoApps()
      const id = await createImport(simulator, TOKEN)
      const response = await fetch(`${simulator.url}/crm/v3/imports/${id}${suffix}`, {
        method,
        headers: { Authorization: `Bearer ${APP_B_TOKEN}` },
      })
      expect(response.status).toBe(200)
      expect(schema.safeParse(await response.json()).success).toBe(true)
    },
  )

  it('gives each added token without an appId a new app, numbered again after a reset', async () => {
    const simulator = await startSimulator({
      control: true,
      tokens: { 'pat-option': ['crm.import'] },
    })
    const add = async (token: string) =>
      (
        (await (await control(simulator, '/tokens', { token, scopes: [] })).json()) as {
          appId: number
        }
      ).appId
    expect(await add('pat-c')).toBe(3)
    expect(await add('pat-d')).toBe(4)
    await control(simulator, '/reset')
    expect(await add('pat-e')).toBe(3)
    expect((await control(simulator, '/tokens', { token: 'x', scopes: [], appId: 0 })).status).toBe(
      400,
    )
  })
})

// The proxy's one write besides imports: creating a property, with the CSRF rule and HubSpot's answers passed through
import { describe, expect, it } from 'vitest'
import { API_VERSIONS, propertiesPath } from '#shared/api-paths.ts'
import { REQUESTED_BY, useSimulatorAndProxy } from './test-helpers.ts'

const servers = useSimulatorAndProxy()

const leadSource = {
  name: 'lead_source',
  label: 'Lead Source',
  type: 'string',
  fieldType: 'text',
  groupName: 'contactinformation',
}

const post = (path: string, body: unknown, headers: Record<string, string> = REQUESTED_BY) =>
  fetch(`${servers.proxy.api}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

const upstreamPosts = async () =>
  (await servers.simulator.requests()).filter(
    (r) => r.method === 'POST' && r.path.includes('properties'),
  )

describe('creating a property through the proxy', () => {
  it.each(API_VERSIONS)('creates it on the %s path and HubSpot lists it', async (version) => {
    const response = await post(propertiesPath(version, 'contacts'), {
      ...leadSource,
      notAField: 'dropped',
    })
    expect(response.status).toBe(201)
    expect(await response.json()).toMatchObject({ name: 'lead_source', hubspotDefined: false })
    const listed = await fetch(`${servers.proxy.api}${propertiesPath(version, 'contacts')}`)
    const names = ((await listed.json()) as { results: { name: string }[] }).results.map(
      (p) => p.name,
    )
    expect(names).toContain('lead_source')
  })

  it("passes HubSpot's refusal through as it came", async () => {
    const response = await post(propertiesPath('v3', 'contacts'), { ...leadSource, name: 'email' })
    expect(response.status).toBe(409)
    expect(await response.json()).toMatchObject({
      category: 'OBJECT_ALREADY_EXISTS',
      message: "Property named 'email' already exists.",
    })
  })

  it.each([
    { why: 'without the CSRF header', body: leadSource, headers: {}, status: 403 },
    { why: 'a body that is not JSON', body: 'name=x', headers: REQUESTED_BY, status: 400 },
    {
      why: 'a body without the required fields',
      body: { name: 'x' },
      headers: REQUESTED_BY,
      status: 400,
    },
  ])('refuses $why and sends nothing upstream', async ({ body, headers, status }) => {
    await servers.simulator.clearRequests()
    const response = await post(propertiesPath('v3', 'contacts'), body, headers)
    expect(response.status).toBe(status)
    expect(await upstreamPosts()).toEqual([])
  })

  it('refuses an unknown object type and other methods', async () => {
    expect((await post('/crm/v3/properties/../imports', leadSource)).status).toBeGreaterThanOrEqual(
      400,
    )
    const patch = await fetch(`${servers.proxy.api}${propertiesPath('v3', 'contacts')}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...REQUESTED_BY },
      body: JSON.stringify(leadSource),
    })
    expect(patch.status).toBe(405)
  })
})

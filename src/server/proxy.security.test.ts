// The proxy end to end: headers both ways, CSRF, HubSpot's auth errors, the token kept out, logs, page headers
import { describe, expect, it } from 'vitest'
import {
  REQUESTED_BY,
  SAMPLE_CSV,
  importForm,
  startTestProxy,
  useSimulatorAndProxy,
} from './test-helpers.ts'

const servers = useSimulatorAndProxy()

describe('headers', () => {
  it('sends only its own headers upstream and passes back only allow-listed ones', async () => {
    const response = await fetch(`${servers.proxy.api}/crm/v3/imports`, {
      headers: {
        authorization: 'Bearer attacker',
        cookie: 'session=secret',
        'x-hubspot-anything': '1',
        'x-request-id': 'trace-123',
      },
    })
    // the attacker's bearer would be a 401 upstream: the proxy's own token was used instead
    expect(response.status).toBe(200)
    expect(response.headers.get('x-request-id')).toBe('trace-123')
    expect(response.headers.get('x-hubspot-ratelimit-max')).toBeTruthy()
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })
})

describe('CSRF guard', () => {
  const post = (headers: Record<string, string>) =>
    fetch(`${servers.proxy.api}/crm/v3/imports`, { method: 'POST', headers, body: importForm() })

  it('refuses a create without X-Requested-By, cross-site or from another origin', async () => {
    const cases: Record<string, string>[] = [
      {},
      { 'X-Requested-By': 'someone-else' },
      { ...REQUESTED_BY, 'Sec-Fetch-Site': 'cross-site' },
      { ...REQUESTED_BY, 'Sec-Fetch-Site': 'same-site' },
      { ...REQUESTED_BY, Origin: 'https://evil.example' },
      { ...REQUESTED_BY, Origin: 'null' },
    ]
    for (const headers of cases) {
      const response = await post(headers)
      expect(response.status, JSON.stringify(headers)).toBe(403)
      expect(((await response.json()) as { category: string }).category).toBe('FORBIDDEN')
    }
    const cancel = await fetch(`${servers.proxy.api}/crm/v3/imports/1/cancel`, { method: 'POST' })
    expect(cancel.status).toBe(403)
    expect(await servers.simulator.requests()).toEqual([])
  })

  it('accepts a same-origin create', async () => {
    const response = await post({
      ...REQUESTED_BY,
      Origin: servers.proxy.url,
      'Sec-Fetch-Site': 'same-origin',
    })
    expect(response.status).toBe(200)
  })
})

describe('upstream auth errors', () => {
  it('turns HubSpot 401 into a 502 that names the token, never a 401', async () => {
    const other = await startTestProxy({
      url: servers.simulator.url,
      token: 'pat-na1-revoked-token',
    })
    try {
      const response = await fetch(`${other.api}/crm/v3/imports`)
      expect(response.status).toBe(502)
      const body = (await response.json()) as {
        message: string
        category: string
        correlationId: string
      }
      expect(body.category).toBe('INTEGRATION_AUTH_FAILED')
      expect(body.message).toMatch(/HubSpot token is missing, invalid/)
      expect(body.correlationId).toBeTruthy()
    } finally {
      await other.close()
    }
  })

  it('turns HubSpot 403 into a 502 that names the missing scope', async () => {
    await servers.simulator.addToken('pat-na1-no-import-scope', ['crm.objects.contacts.read'])
    const other = await startTestProxy({
      url: servers.simulator.url,
      token: 'pat-na1-no-import-scope',
    })
    try {
      const response = await fetch(`${other.api}/crm/v3/imports`)
      expect(response.status).toBe(502)
      const body = (await response.json()) as {
        message: string
        category: string
        context: unknown
      }
      expect(body.category).toBe('INTEGRATION_FORBIDDEN')
      expect(body.message).toContain('crm.import')
      expect(body.context).toEqual({ missingScopes: ['crm.import'] })
    } finally {
      await other.close()
    }
  })

  it('turns an HTML error page into a JSON error', async () => {
    await servers.simulator.fault({ status: 502, html: true, count: 10, method: 'GET' })
    const response = await fetch(`${servers.proxy.api}/crm/v3/imports`)
    expect(response.status).toBe(502)
    expect(response.headers.get('content-type')).toBe('application/json')
    const body = (await response.json()) as { category: string; message: string }
    expect(body.category).toBe('UPSTREAM_BAD_RESPONSE')
    expect(body.message).not.toMatch(/html|cloudflare/i)
    await servers.simulator.configure({})
  })
})

describe('the token', () => {
  it('never appears in a response or a log line', async () => {
    const canary = servers.simulator.token
    const seen: string[] = []
    const record = async (response: Response) => {
      seen.push(JSON.stringify([...response.headers]), await response.text())
    }
    await record(await fetch(`${servers.proxy.url}/api/config`))
    await record(await fetch(`${servers.proxy.api}/crm/v3/imports`))
    await record(await fetch(`${servers.proxy.api}/crm/v3/imports/99999`))
    await record(await fetch(`${servers.proxy.api}/crm/v3/imports/..%2Fx`))
    await record(await fetch(`${servers.proxy.api}/crm/v3/properties/contacts`))
    await record(
      await fetch(`${servers.proxy.api}/crm/v3/imports`, {
        method: 'POST',
        headers: REQUESTED_BY,
        body: importForm(),
      }),
    )
    await record(
      await fetch(`${servers.proxy.api}/crm/v3/imports`, { method: 'POST', body: importForm() }),
    )
    await record(await fetch(`${servers.proxy.url}/`))
    expect(seen.join('\n')).not.toContain(canary)
    expect(servers.proxy.logs.length).toBeGreaterThan(5)
    expect(servers.proxy.logs.join('\n')).not.toContain(canary)
    expect(servers.proxy.logs.join('\n')).not.toMatch(/authorization/i)
  })
})

describe('logs', () => {
  it('writes one JSON request line per request and an audit line per create and cancel', async () => {
    const identified = await startTestProxy(servers.simulator, {
      trustIdentityHeader: 'x-forwarded-user',
    })
    try {
      const created = await fetch(`${identified.api}/crm/v3/imports`, {
        method: 'POST',
        headers: {
          ...REQUESTED_BY,
          'X-Forwarded-User': 'ada@example.com',
          'x-request-id': 'req-1',
        },
        body: importForm(),
      })
      const { id } = (await created.json()) as { id: string }
      await fetch(`${identified.api}/crm/v3/imports/${id}/cancel`, {
        method: 'POST',
        headers: { ...REQUESTED_BY, 'X-Forwarded-User': 'ada@example.com' },
      })
      const lines = identified.logs.map((line) => JSON.parse(line) as Record<string, unknown>)
      expect(lines.find((l) => l.msg === 'request' && l.requestId === 'req-1')).toMatchObject({
        method: 'POST',
        status: 200,
        user: 'ada@example.com',
      })
      expect(lines.find((l) => l.action === 'import.create')).toMatchObject({
        user: 'ada@example.com',
        fileName: 'contacts.csv',
        bytes: SAMPLE_CSV.length,
        importId: id,
        importName: 'Contacts import',
      })
      expect(lines.find((l) => l.action === 'import.cancel')).toMatchObject({
        user: 'ada@example.com',
        importId: id,
      })
    } finally {
      await identified.close()
    }
  })
})

describe('the page', () => {
  it('sends the CSP with frame-ancestors, and API answers are not framable', async () => {
    const framed = await startTestProxy(servers.simulator, {
      clientDir: 'dist/client',
      frameAncestors: ["'self'", 'https://admin.example.com'],
    })
    try {
      const page = await fetch(`${framed.url}/imports/123`)
      const csp = page.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("frame-ancestors 'self' https://admin.example.com")
      expect(csp).toContain("worker-src 'self' blob:")
      expect(csp).not.toContain('unsafe-eval')
      expect(page.headers.get('x-content-type-options')).toBe('nosniff')
      expect(page.headers.get('referrer-policy')).toBeTruthy()
      const api = await fetch(`${framed.url}/api/nope`)
      expect(api.status).toBe(404)
      expect(api.headers.get('content-type')).toBe('application/json')
    } finally {
      await framed.close()
    }
  })
})

// The simulator's tokens: scopes and the app each belongs to
import type { ObjectTypeInfo } from '#shared/hubspot/object-types.ts'

/** The full-scope token when neither the option nor SIMULATOR_TOKEN sets one. */
export const DEFAULT_TOKEN = 'pat-sim-local-token'

export const IMPORT_SCOPE = 'crm.import'

/** Scopes of which an objects-API read needs any one; HubSpot's legacy `tickets` scope still guards tickets. */
export function objectReadScopes(objectType: ObjectTypeInfo): string[] {
  return objectType.name === 'tickets'
    ? ['tickets', 'crm.objects.tickets.read']
    : [`crm.objects.${objectType.name}.read`]
}

/** Scopes of which a properties read needs any one (the properties spec accepts schema or object read). */
export function propertyReadScopes(objectType: ObjectTypeInfo): string[] {
  return [`crm.schemas.${objectType.name}.read`, ...objectReadScopes(objectType)]
}

/** Scopes of which creating a property needs any one (HubSpot's schema write scope per object). */
export function propertyWriteScopes(objectType: ObjectTypeInfo): string[] {
  return [`crm.schemas.${objectType.name}.write`]
}

/** What a private app set up for this tool would be granted. */
export const FULL_SCOPES: readonly string[] = [
  IMPORT_SCOPE,
  'tickets',
  ...['contacts', 'companies', 'deals', 'tickets'].flatMap((name) => [
    `crm.objects.${name}.read`,
    `crm.objects.${name}.write`,
    `crm.schemas.${name}.read`,
    `crm.schemas.${name}.write`,
  ]),
]

/** The app the full-scope token belongs to. */
export const DEFAULT_APP_ID = 1

/** A token's scopes and its app: imports are listed per app, the 10-second window counts per app. */
export interface TokenGrant {
  scopes: readonly string[]
  appId: number
}

/** A token as configured: its scopes alone (an app of its own) or scopes and a chosen app. */
export type TokenSpec = readonly string[] | { scopes: readonly string[]; appId?: number }

/**
 * Tokens, their scopes and apps; `reset` goes back to the tokens the simulator started with.
 * The first initial token is app 1; any token given no `appId` gets an app of its own, numbered
 * after the highest app id seen so far.
 */
export function createTokenRegistry(initial: Record<string, TokenSpec>) {
  const tokens = new Map<string, TokenGrant>()
  let lastAppId = 0

  function add(token: string, scopes: readonly string[], appId?: number): TokenGrant {
    const grant = { scopes, appId: appId ?? lastAppId + 1 }
    lastAppId = Math.max(lastAppId, grant.appId)
    tokens.set(token, grant)
    return grant
  }

  function addInitial(): void {
    for (const [token, spec] of Object.entries(initial)) {
      if (isScopeList(spec)) add(token, spec)
      else add(token, spec.scopes, spec.appId)
    }
  }
  addInitial()

  return {
    grantOf: (token: string): TokenGrant | undefined => tokens.get(token),
    /** adds or replaces a token; without `appId` it gets a new app */
    add,
    reset(): void {
      tokens.clear()
      lastAppId = 0
      addInitial()
    },
  }
}

function isScopeList(spec: TokenSpec): spec is readonly string[] {
  return Array.isArray(spec)
}

export type TokenRegistry = ReturnType<typeof createTokenRegistry>

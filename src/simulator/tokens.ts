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

/** What a private app set up for this tool would be granted. */
export const FULL_SCOPES: readonly string[] = [
  IMPORT_SCOPE,
  'tickets',
  ...['contacts', 'companies', 'deals', 'tickets'].flatMap((name) => [
    `crm.objects.${name}.read`,
    `crm.objects.${name}.write`,
    `crm.schemas.${name}.read`,
  ]),
]

/** Tokens and their scopes; `reset` goes back to the tokens the simulator started with. */
export function createTokenRegistry(initial: Record<string, readonly string[]>) {
  const tokens = new Map<string, readonly string[]>(Object.entries(initial))

  return {
    scopesOf: (token: string): readonly string[] | undefined => tokens.get(token),
    add(token: string, scopes: readonly string[]): void {
      tokens.set(token, scopes)
    },
    reset(): void {
      tokens.clear()
      for (const [token, scopes] of Object.entries(initial)) tokens.set(token, scopes)
    },
  }
}

export type TokenRegistry = ReturnType<typeof createTokenRegistry>

/** The CRM objects this tool imports, with HubSpot's ids and names (object type ids as HubSpot lists them). */
export const OBJECT_TYPES = [
  {
    objectTypeId: '0-1',
    name: 'contacts',
    singular: 'contact',
    legacyName: 'CONTACT',
    label: 'Contacts',
  },
  {
    objectTypeId: '0-2',
    name: 'companies',
    singular: 'company',
    legacyName: 'COMPANY',
    label: 'Companies',
  },
  { objectTypeId: '0-3', name: 'deals', singular: 'deal', legacyName: 'DEAL', label: 'Deals' },
  {
    objectTypeId: '0-5',
    name: 'tickets',
    singular: 'ticket',
    legacyName: 'TICKET',
    label: 'Tickets',
  },
] as const

export type ObjectTypeInfo = (typeof OBJECT_TYPES)[number]
export type ObjectTypeId = ObjectTypeInfo['objectTypeId']
export type ObjectTypeName = ObjectTypeInfo['name']

/** Finds an object type by id (`0-1`), plural or singular name (`contacts`, `contact`) or legacy name (`CONTACT`). */
export function findObjectType(nameOrId: string): ObjectTypeInfo | undefined {
  const key = nameOrId.trim()
  const lower = key.toLowerCase()
  return OBJECT_TYPES.find(
    (o) =>
      o.objectTypeId === key ||
      o.name === lower ||
      o.singular === lower ||
      o.legacyName === key.toUpperCase(),
  )
}

/** HubSpot-defined unlabeled association type ids, keyed `from->to`, from HubSpot's associations guide. */
export const DEFAULT_ASSOCIATION_TYPE_IDS: Readonly<Record<string, number>> = {
  '0-1->0-2': 279,
  '0-2->0-1': 280,
  '0-1->0-3': 4,
  '0-3->0-1': 3,
  '0-3->0-2': 341,
  '0-2->0-3': 342,
  '0-1->0-5': 15,
  '0-5->0-1': 16,
  '0-2->0-5': 340,
  '0-5->0-2': 339,
  '0-3->0-5': 27,
  '0-5->0-3': 28,
}

export function defaultAssociationTypeId(from: ObjectTypeId, to: ObjectTypeId): number | undefined {
  return DEFAULT_ASSOCIATION_TYPE_IDS[`${from}->${to}`]
}

/** HubSpot's primary association types, which the unlabeled defaults above do not list. */
const PRIMARY_ASSOCIATION_TYPES: Readonly<Record<number, readonly [string, string]>> = {
  1: ['0-1', '0-2'],
  2: ['0-2', '0-1'],
  5: ['0-3', '0-2'],
  6: ['0-2', '0-3'],
  25: ['0-2', '0-5'],
  26: ['0-5', '0-2'],
}

/** The [from, to] object types of a HubSpot-defined association type, when we know it. */
export function associationPair(associationTypeId: number): readonly [string, string] | undefined {
  const primary = PRIMARY_ASSOCIATION_TYPES[associationTypeId]
  if (primary) return primary
  const entry = Object.entries(DEFAULT_ASSOCIATION_TYPE_IDS).find(
    ([, id]) => id === associationTypeId,
  )
  if (!entry) return undefined
  const [from, to] = entry[0].split('->')
  return from && to ? [from, to] : undefined
}

/**
 * What HubSpot needs to *create* a record (its import-file article: a contact an email, a
 * ticket a name, a pipeline and a status): every group needs one non-blank value among its properties. Companies need a name or a
 * domain; deals a name, a pipeline and a stage. Updates need none of them.
 */
export const REQUIRED_TO_CREATE: Readonly<Record<ObjectTypeId, readonly (readonly string[])[]>> = {
  '0-1': [['email']],
  '0-2': [['name', 'domain']],
  '0-3': [['dealname'], ['pipeline'], ['dealstage']],
  '0-5': [['subject'], ['hs_pipeline'], ['hs_pipeline_stage']],
}

/** HubSpot's built-in alternate identifiers; any property with hasUniqueValue is one too. */
export const BUILT_IN_ALTERNATE_IDS: Readonly<Partial<Record<ObjectTypeId, string>>> = {
  '0-1': 'email',
  '0-2': 'domain',
}

/**
 * HubSpot's paths for the endpoints this tool uses, in both API versions. The proxy mounts the
 * same paths under /api/hubspot, so one set of builders serves the simulator, proxy and client.
 */
export const API_VERSIONS = ['v3', '2026-03'] as const
export type ApiVersion = (typeof API_VERSIONS)[number]

export const importsPath = (version: ApiVersion): string =>
  version === 'v3' ? '/crm/v3/imports' : '/crm/imports/2026-03'

export const importPath = (version: ApiVersion, importId: string): string =>
  `${importsPath(version)}/${encodeURIComponent(importId)}`

export const cancelImportPath = (version: ApiVersion, importId: string): string =>
  `${importPath(version, importId)}/cancel`

export const importErrorsPath = (version: ApiVersion, importId: string): string =>
  `${importPath(version, importId)}/errors`

export const propertiesPath = (version: ApiVersion, objectType: string): string =>
  `${version === 'v3' ? '/crm/v3/properties' : '/crm/properties/2026-03'}/${encodeURIComponent(objectType)}`

/** HubSpot's limits for one import file: past 512 MB or 1,048,576 rows it answers 429 (imports guide). */
export const IMPORT_LIMITS = {
  maxFileBytes: 512 * 1024 * 1024,
  maxRows: 1_048_576,
  /** a file must have fewer columns than this (KB: "fewer than 1,000 columns") */
  columnLimit: 1_000,
  maxConcurrentImports: 3,
  maxConcurrentLargeImports: 2,
  largeImportRows: 10_000,
} as const

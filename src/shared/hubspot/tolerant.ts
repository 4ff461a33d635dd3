// zod enums that accept values HubSpot adds later
import * as z from 'zod'

/**
 * An enum as HubSpot sends it: the known values are typed, an unknown value still parses
 * (HubSpot adds enum values without a version bump, e.g. new errorTypes in 2024-10 and 2026-02).
 */
export function tolerantEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .describe(`one of ${values.join(', ')} (or a newer value)`) as unknown as z.ZodType<
    T[number] | (string & {}),
    string
  >
}

export function isKnown<const T extends readonly string[]>(
  values: T,
  value: string,
): value is T[number] {
  return (values as readonly string[]).includes(value)
}

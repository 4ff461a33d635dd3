// Query keys for imports, from one factory so invalidation never misses a key
export const importKeys = {
  all: ['imports'] as const,
  lists: () => [...importKeys.all, 'list'] as const,
  list: (page: { after?: string; limit: number }) => [...importKeys.lists(), page] as const,
  detail: (importId: string) => [...importKeys.all, 'detail', importId] as const,
  errors: (importId: string, options: Record<string, unknown> = {}) =>
    [...importKeys.all, 'errors', importId, options] as const,
}

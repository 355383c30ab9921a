/** The id of a relationship value, whether it arrived populated or as a bare id. */
export const relationId = (value: unknown): number | string | null => {
  const id = value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value
  return typeof id === 'number' || typeof id === 'string' ? id : null
}

export const sameId = (a: unknown, b: unknown): boolean =>
  relationId(a) !== null && String(relationId(a)) === String(relationId(b))

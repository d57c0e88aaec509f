// Deep equality of plain data: what crosses a port (objects, arrays,
// strings, numbers, booleans, null). Allocates nothing, as it runs over
// every item of a room when views are compared.

export function plainEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let keys = 0;
  for (const k in ra) {
    const x = ra[k];
    const y = rb[k];
    // equal scalars (most fields) need no call
    if ((x !== y && !plainEqual(x, y)) || !Object.hasOwn(rb, k)) return false;
    keys++;
  }
  for (const _ in rb) keys--;
  return keys === 0;
}

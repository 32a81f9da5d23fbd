/**
 * The fields of a form's body that differ from what was loaded, for a PATCH that sends only
 * what changed: two tabs editing different fields then never overwrite each other.
 */
export function changedFields<T extends object>(body: T, loaded: Partial<Record<keyof T, unknown>>): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(body) as (keyof T)[]) {
    if (JSON.stringify(body[key]) !== JSON.stringify(loaded[key])) changed[key] = body[key];
  }
  return changed;
}

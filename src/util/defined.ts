/**
 * A shallow copy of `o` without the keys whose value is `undefined`, typed so that an optional key of the result
 * holds a value whenever it is present. zod infers `key?: T | undefined` for `.optional()` fields; the model's
 * types say `key?: T` (`exactOptionalPropertyTypes`), and this bridges the two without casts.
 */
export function definedOnly<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

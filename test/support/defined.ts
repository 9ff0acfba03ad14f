// Where the types cannot prove a value is there (an index into a list, a regex group),
// say which value was missing instead of failing later on undefined.
export function defined<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`Missing ${what}.`);
  return value;
}

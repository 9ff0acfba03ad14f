/**
 * How deep a JSON text nests, measured without parsing it (no recursion, so no
 * RangeError on a hostile payload). Atlassian's services parse JSON with
 * Jackson, whose default limit is 1,000 levels of nesting (StreamReadConstraints,
 * Jackson 2.15+): a deeper payload is refused with 400 before any handler runs.
 */
export const MAX_JSON_DEPTH = 1000;

/** True when `text` opens more than `max` arrays or objects inside each other (strings skipped). */
export function nestsDeeperThan(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return false;
}

/**
 * True when a value (as a resolver's payload arrives: plain JSON data) nests more than `max`
 * arrays or objects inside each other. Walked with an explicit stack, so a hostile payload cannot
 * overflow the call stack the way `JSON.stringify` does; a cycle counts as too deep.
 */
export function valueNestsDeeperThan(value: unknown, max: number = MAX_JSON_DEPTH): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { value: v, depth } = top;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

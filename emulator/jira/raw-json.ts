/**
 * JSON.stringify that can splice stored text in verbatim. Property values are
 * kept as the text that was written, so a malformed value (planted by a
 * fault test) reaches the app as malformed as it was stored.
 */
import { defined } from '../shared/defined';

export class RawJson {
  constructor(readonly text: string) {}
}

export function stringifyWithRaw(value: unknown): string {
  const raws: string[] = [];
  const marker = (i: number) => `\u0000raw-json-${i}\u0000`;
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return marker(raws.length - 1);
    }
    return v;
  });
  if (raws.length === 0) return text;
  // JSON.stringify escapes \u0000 as "\\u0000", which is how the markers appear in the text.
  return text.replace(/"\\u0000raw-json-(\d+)\\u0000"/g, (_m, i: string) => defined(raws[Number(i)], `raw JSON #${i}`));
}

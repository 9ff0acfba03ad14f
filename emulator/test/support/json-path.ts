/**
 * Typed reads of JSON the tests received (bridge answers, REST bodies), so a test names the path
 * it expects instead of treating the whole body as `any`. A missing step fails with the path.
 */
import type { MacroBlock, PageBlock } from '../../index';

export type JsonPathStep = string | number;

export function at(value: unknown, ...path: JsonPathStep[]): unknown {
  let here = value;
  for (const [i, step] of path.entries()) {
    if (typeof here !== 'object' || here === null) {
      throw new Error(`No ${path.slice(0, i + 1).join('.')}: ${path.slice(0, i).join('.') || 'the value'} is ${String(here)}.`);
    }
    here = (here as Record<JsonPathStep, unknown>)[step];
  }
  return here;
}

/** POSTs JSON and returns the status and the parsed answer. */
export async function postJson(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

/** The first macro on a page, or an error saying the page has none. */
export function firstMacro(page: { blocks: PageBlock[] }): MacroBlock {
  const slot = page.blocks.find((b): b is MacroBlock => b.type === 'macro');
  if (!slot) throw new Error('The page has no macro.');
  return slot;
}

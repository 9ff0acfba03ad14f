/**
 * Reads an export's Markdown back, as a CommonMark + GFM reader would: the
 * micromark parser (mdast-util-from-markdown with micromark-extension-gfm and
 * mdast-util-gfm's from-markdown half: tables, strikethrough, autolink
 * literals, footnotes, task lists). It shares no code with the serializer's
 * escaping (mdast-util-to-markdown), so what it finds is what a reader gets.
 * Test-only.
 */
import type { Nodes, Root, Text } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

export function readMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

export function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

export function typesOf(tree: Nodes): Set<string> {
  const types = new Set<string>();
  walk(tree, (node) => types.add(node.type));
  return types;
}

export function linksOf(tree: Nodes): string[] {
  const urls: string[] = [];
  walk(tree, (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') urls.push(node.url);
  });
  return urls;
}

export function htmlOf(tree: Nodes): string[] {
  const html: string[] = [];
  walk(tree, (node) => {
    if (node.type === 'html') html.push(node.value);
  });
  return html;
}

export function textsOf(tree: Nodes): string[] {
  const texts: string[] = [];
  walk(tree, (node) => {
    if (node.type === 'text') texts.push(node.value);
  });
  return texts;
}

/**
 * Where two read-back trees differ, ignoring positions: the hostile export
 * against the same export made with a harmless placeholder. Node types,
 * heading depths, list kinds, link URLs and HTML must be the same; each text
 * must be what `expectText` makes of the placeholder's text (the hostile text
 * put in its place, as it should read back).
 */
export function differences(actual: Nodes, baseline: Nodes, expectText: (baselineText: string) => string): string[] {
  const found: string[] = [];
  const compare = (a: Nodes, b: Nodes, path: string): void => {
    if (a.type !== b.type) {
      found.push(`${path}: ${a.type} where ${b.type} was expected`);
      return;
    }
    const here = `${path}/${a.type}`;
    if (a.type === 'text') {
      const expected = expectText((b as Text).value);
      if (a.value !== expected) found.push(`${here}: text ${JSON.stringify(a.value)} where ${JSON.stringify(expected)} was expected`);
      return;
    }
    if (a.type === 'heading' && b.type === 'heading' && a.depth !== b.depth) found.push(`${here}: depth ${a.depth} where ${b.depth}`);
    if (a.type === 'list' && b.type === 'list' && a.ordered !== b.ordered) found.push(`${here}: ordered ${a.ordered}`);
    if (a.type === 'link' && b.type === 'link' && a.url !== b.url) found.push(`${here}: url ${a.url} where ${b.url}`);
    if (a.type === 'html' && b.type === 'html' && a.value !== b.value) found.push(`${here}: html ${a.value} where ${b.value}`);
    const ac = 'children' in a ? (a.children as Nodes[]) : [];
    const bc = 'children' in b ? (b.children as Nodes[]) : [];
    if (ac.length !== bc.length) {
      found.push(
        `${here}: ${ac.length} children (${ac.map((c) => c.type).join(',')}) where ${bc.length} (${bc.map((c) => c.type).join(',')})`,
      );
      return;
    }
    ac.forEach((child, i) => {
      compare(child, bc[i]!, `${here}[${i}]`);
    });
  };
  compare(actual, baseline, '');
  return found;
}

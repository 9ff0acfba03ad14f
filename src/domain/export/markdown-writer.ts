/**
 * The Markdown writer both exports share (the macro's snapshot, the retro
 * section). A document is built as an mdast tree and written by
 * mdast-util-to-markdown with its GFM extension (mdast-util-gfm), so what a
 * person wrote is only ever the value of a `text` node: the serializer escapes
 * it for CommonMark and GFM, so it cannot become a heading, list, code, link,
 * image, definition, table cell, strikethrough or raw HTML.
 *
 * Escaping cannot stop GFM's autolink literals (`www.x.y`, `https://…`,
 * `x@y.z`): GitHub, and readers that follow it (remark-gfm, commonmark-java,
 * flexmark), also look for them in the text after escapes are resolved (see
 * micromark-extension-gfm-autolink-literal's readme, "What is this?", and
 * remarkjs/remark-gfm#33). So `text` puts an invisible U+2060 WORD JOINER
 * where such a link would begin (inside `www.`, `://` and after `@`): the text
 * reads the same and stays text. Only a `link` the app builds links. Pure.
 */
import type { Html, Link, ListItem, Paragraph, PhrasingContent, RootContent, Text } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { oneLine } from './export-model';

export const WORD_JOINER = '\u2060';

/**
 * The text with a word joiner where a GFM autolink literal would start, so no
 * reader makes it a link: after `www` before its `.`, after a `:` before `//`,
 * and after the `@` of anything shaped like an e-mail address (GFM's `mailto:`
 * and `xmpp:` literals need one too). Each a superset of GFM's own patterns.
 */
export function breakAutolinks(value: string): string {
  return value
    .replace(/(www)(?=\.)/gi, `$1${WORD_JOINER}`)
    .replace(/:(?=\/\/)/g, `:${WORD_JOINER}`)
    .replace(/(?<=[\w+.-])@(?=[\w-]+\.[\w-])/g, `@${WORD_JOINER}`);
}

/** A text node: its value is never read as Markdown, nor as an autolink. A person's text passes through `oneLine` first. */
export const text = (value: string): Text => ({ type: 'text', value: breakAutolinks(value) });
/** Code as typed: the writer picks a fence longer than any run of backticks in it. */
export const inlineCode = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
export const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
export const emphasis = (value: string): PhrasingContent => ({ type: 'emphasis', children: [text(value)] });
export const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
export const heading = (depth: 2 | 3 | 4, ...children: PhrasingContent[]): RootContent => ({ type: 'heading', depth, children });
export const blockquote = (...children: Paragraph[]): RootContent => ({ type: 'blockquote', children });
export const bulletList = (items: Paragraph[]): RootContent => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items.map((item): ListItem => ({ type: 'listItem', spread: false, children: [item] })),
});

/** "**Label:** value", the value a text node; just the label when the value is empty. */
export const labelled = (label: string, value: string): Paragraph => paragraph(strong(label), ...(value ? [text(` ${value}`)] : []));

/**
 * A link to an address the app made (an issue on the site, or evidence that
 * passed `exportableHref`), labelled with the address when the label is empty;
 * plain text when there is no address. The label gets the word joiners too:
 * not every reader skips autolinks inside a link's label.
 */
export function linked(label: string, href: string | null): PhrasingContent[] {
  const value = oneLine(label) || (href ?? '');
  if (!value) return [];
  return [href ? ({ type: 'link', url: href, children: [text(value)] } satisfies Link) : text(value)];
}

/** The app's own line break between entries in a table cell (GFM cells hold one line). */
export const BR: Html = { type: 'html', value: '<br>' };

/** CommonMark + GFM: `-` bullets, `_emphasis_`, `**strong**`, `[label](url)` links (never autolinks), tables without padding. */
export function writeMarkdown(children: RootContent[]): string {
  return toMarkdown(
    { type: 'root', children },
    {
      extensions: [gfmToMarkdown({ tablePipeAlign: false })],
      bullet: '-',
      emphasis: '_',
      strong: '*',
      listItemIndent: 'one',
      resourceLink: true,
      fences: true,
    },
  );
}

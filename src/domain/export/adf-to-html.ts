/**
 * HTML for an ADF export, so that "Copy as Confluence content" pastes as
 * formatted content into Confluence's editor (which reads text/html from the
 * clipboard), while the ADF itself stays the source. Only the nodes and marks
 * the exports build are rendered; anything else falls back to its text. Every
 * text is escaped and only http/https links survive. A table cell that a
 * spreadsheet would read as a formula is quoted (see export-formula), since
 * the same clipboard HTML also pastes into Excel or Google Sheets. Pure.
 */
import { quoteFormula } from './export-formula';

interface AdfNode {
  type?: unknown;
  text?: unknown;
  attrs?: Record<string, unknown>;
  marks?: Array<{ type?: unknown; attrs?: Record<string, unknown> }>;
  content?: unknown;
}

const escapeHtml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function safeHref(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A text node of the tree that is to be written with its formula quote (the first of a table cell), if any. */
type Quoted = AdfNode | null;

function children(node: AdfNode, quoted: Quoted): string {
  return Array.isArray(node.content) ? node.content.map((child) => render(child as AdfNode, quoted)).join('') : '';
}

function renderText(node: AdfNode, quoted: Quoted): string {
  const value = typeof node.text === 'string' ? node.text : '';
  let html = escapeHtml(node === quoted ? quoteFormula(value) : value);
  for (const mark of node.marks ?? []) {
    switch (mark.type) {
      case 'strong':
        html = `<strong>${html}</strong>`;
        break;
      case 'em':
        html = `<em>${html}</em>`;
        break;
      case 'code':
        html = `<code>${html}</code>`;
        break;
      case 'link': {
        const href = safeHref(mark.attrs?.href);
        if (href) html = `<a href="${escapeHtml(href)}">${html}</a>`;
        break;
      }
    }
  }
  return html;
}

/** What a cell shows first: its first non-empty text, or null when a status (rendered "[…]") or nothing comes first. */
function firstText(node: AdfNode): AdfNode | null {
  if (node.type === 'text') return typeof node.text === 'string' && node.text ? node : null;
  if (node.type === 'status') return node;
  for (const child of Array.isArray(node.content) ? (node.content as AdfNode[]) : []) {
    const found = firstText(child);
    if (found) return found;
  }
  return null;
}

function renderCell(tag: 'td' | 'th', node: AdfNode): string {
  const first = firstText(node);
  return wrap(tag, children(node, first?.type === 'text' ? first : null));
}

const wrap = (tag: string, inner: string): string => `<${tag}>${inner}</${tag}>`;

function render(node: AdfNode, quoted: Quoted): string {
  switch (node.type) {
    case 'doc':
      return children(node, quoted);
    case 'text':
      return renderText(node, quoted);
    case 'paragraph':
      return wrap('p', children(node, quoted));
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 2));
      return wrap(`h${level}`, children(node, quoted));
    }
    case 'bulletList':
      return wrap('ul', children(node, quoted));
    case 'orderedList':
      return wrap('ol', children(node, quoted));
    case 'listItem':
      return wrap('li', children(node, quoted));
    case 'table':
      return wrap('table', wrap('tbody', children(node, quoted)));
    case 'tableRow':
      return wrap('tr', children(node, quoted));
    case 'tableHeader':
      return renderCell('th', node);
    case 'tableCell':
      return renderCell('td', node);
    case 'hardBreak':
      return '<br>';
    case 'rule':
      return '<hr>';
    case 'status':
      return wrap('strong', escapeHtml(`[${typeof node.attrs?.text === 'string' ? node.attrs.text : ''}]`));
    default:
      return children(node, quoted);
  }
}

export function adfToHtml(doc: unknown): string {
  return doc && typeof doc === 'object' ? render(doc, null) : '';
}

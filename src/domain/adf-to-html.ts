/**
 * HTML for an ADF export, so that "Copy as Confluence content" pastes as
 * formatted content into Confluence's editor (which reads text/html from the
 * clipboard), while the ADF itself stays the source. Only the nodes and marks
 * the exports build are rendered; anything else falls back to its text. Every
 * text is escaped and only http/https links survive. Pure.
 */

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

function children(node: AdfNode): string {
  return Array.isArray(node.content) ? node.content.map((child) => render(child as AdfNode)).join('') : '';
}

function renderText(node: AdfNode): string {
  let html = escapeHtml(typeof node.text === 'string' ? node.text : '');
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

const wrap = (tag: string, inner: string): string => `<${tag}>${inner}</${tag}>`;

function render(node: AdfNode): string {
  switch (node.type) {
    case 'doc':
      return children(node);
    case 'text':
      return renderText(node);
    case 'paragraph':
      return wrap('p', children(node));
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 2));
      return wrap(`h${level}`, children(node));
    }
    case 'bulletList':
      return wrap('ul', children(node));
    case 'orderedList':
      return wrap('ol', children(node));
    case 'listItem':
      return wrap('li', children(node));
    case 'table':
      return wrap('table', wrap('tbody', children(node)));
    case 'tableRow':
      return wrap('tr', children(node));
    case 'tableHeader':
      return wrap('th', children(node));
    case 'tableCell':
      return wrap('td', children(node));
    case 'hardBreak':
      return '<br>';
    case 'rule':
      return '<hr>';
    case 'status':
      return wrap('strong', escapeHtml(`[${String(node.attrs?.text ?? '')}]`));
    default:
      return children(node);
  }
}

export function adfToHtml(doc: unknown): string {
  return doc && typeof doc === 'object' ? render(doc as AdfNode) : '';
}

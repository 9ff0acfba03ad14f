/**
 * A small renderer from Atlassian Document Format to HTML, for the export
 * view (what a macro's `adfExport` returns, shown as Confluence's PDF/Word
 * export would print it). Every text is escaped; a link keeps only http(s),
 * mailto and site paths. Nodes it does not know show their content, or a
 * marker naming the node, never raw data.
 */
import { escapeHtml as esc } from '../shared/escape-html';

export interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  content?: AdfNode[];
}

const SAFE_HREF = /^(https?:|mailto:|\/(?!\/))/i;

const str = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

function markedText(node: AdfNode): string {
  let html = esc(node.text ?? '');
  for (const mark of node.marks ?? []) {
    if (mark.type === 'strong') html = `<strong>${html}</strong>`;
    else if (mark.type === 'em') html = `<em>${html}</em>`;
    else if (mark.type === 'code') html = `<code>${html}</code>`;
    else if (mark.type === 'strike') html = `<s>${html}</s>`;
    else if (mark.type === 'underline') html = `<u>${html}</u>`;
    else if (mark.type === 'subsup') html = mark.attrs?.type === 'sup' ? `<sup>${html}</sup>` : `<sub>${html}</sub>`;
    else if (mark.type === 'link') {
      const href = str(mark.attrs?.href);
      html = SAFE_HREF.test(href) ? `<a href="${esc(href)}">${html}</a>` : html;
    }
  }
  return html;
}

const children = (node: AdfNode): string => (node.content ?? []).map(renderNode).join('');

const cellAttrs = (node: AdfNode): string => {
  const colspan = Number(node.attrs?.colspan ?? 1);
  const rowspan = Number(node.attrs?.rowspan ?? 1);
  return `${colspan > 1 ? ` colspan="${colspan}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`;
};

/** Inline nodes that carry their text in attrs. */
function inlineAtom(node: AdfNode): string | undefined {
  switch (node.type) {
    case 'text':
      return markedText(node);
    case 'hardBreak':
      return '<br>';
    case 'status':
      return `<span class="ll-adf-status" data-color="${esc(str(node.attrs?.color))}">${esc(str(node.attrs?.text))}</span>`;
    case 'mention':
      return `<span class="ll-adf-mention">@${esc(str(node.attrs?.text) || str(node.attrs?.id))}</span>`;
    case 'emoji':
      return esc(str(node.attrs?.text) || str(node.attrs?.shortName));
    case 'date': {
      const ms = Number(node.attrs?.timestamp);
      return Number.isFinite(ms)
        ? `<time datetime="${new Date(ms).toISOString()}">${esc(new Date(ms).toISOString().slice(0, 10))}</time>`
        : '';
    }
    case 'inlineCard':
    case 'blockCard': {
      const url = str(node.attrs?.url);
      return SAFE_HREF.test(url) ? `<a href="${esc(url)}">${esc(url)}</a>` : '';
    }
    default:
      return undefined;
  }
}

/** One node of ADF the app returned: JSON, so checked before it is read. */
export function renderNode(input: unknown): string {
  if (!input || typeof input !== 'object' || typeof (input as AdfNode).type !== 'string') return '';
  const node = input as AdfNode;
  const inline = inlineAtom(node);
  if (inline !== undefined) return inline;
  switch (node.type) {
    case 'doc':
      return children(node);
    case 'paragraph':
      return `<p>${children(node)}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 1));
      return `<h${level}>${children(node)}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${children(node)}</ul>`;
    case 'orderedList':
      return `<ol>${children(node)}</ol>`;
    case 'listItem':
      return `<li>${children(node)}</li>`;
    case 'blockquote':
      return `<blockquote>${children(node)}</blockquote>`;
    case 'codeBlock':
      return `<pre><code>${children(node)}</code></pre>`;
    case 'rule':
      return '<hr>';
    case 'panel':
      return `<div class="ll-adf-panel" data-panel-type="${esc(str(node.attrs?.panelType))}">${children(node)}</div>`;
    case 'expand':
    case 'nestedExpand':
      return `<details open><summary>${esc(str(node.attrs?.title))}</summary>${children(node)}</details>`;
    case 'table':
      return `<table><tbody>${children(node)}</tbody></table>`;
    case 'tableRow':
      return `<tr>${children(node)}</tr>`;
    case 'tableHeader':
      return `<th${cellAttrs(node)}>${children(node)}</th>`;
    case 'tableCell':
      return `<td${cellAttrs(node)}>${children(node)}</td>`;
    default:
      return node.content
        ? `<div data-adf="${esc(node.type)}">${children(node)}</div>`
        : `<span class="ll-muted" data-adf="${esc(node.type)}">[${esc(node.type)}]</span>`;
  }
}

/** The HTML of an ADF document (anything else renders as nothing). */
export function adfToHtml(doc: unknown): string {
  return doc && typeof doc === 'object' && (doc as AdfNode).type === 'doc' ? renderNode(doc) : '';
}

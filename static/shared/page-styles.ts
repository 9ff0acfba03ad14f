/**
 * Page-level styles: the rules every resource shares, then the resource's own.
 * Every colour and space is a design token, so light and dark both work.
 */
import { token } from '@atlaskit/tokens';

export function installPageStyles(resourceCss = ''): void {
  const style = document.createElement('style');
  // No height: 100% on html/body: the host sizes the iframe to the document's height.
  style.textContent = `
    html, body { margin: 0; padding: 0; }
    body {
      background: ${token('elevation.surface')};
      color: ${token('color.text')};
      font: ${token('font.body')};
    }
    a { color: ${token('color.link')}; }
    ul.ll-list, ol.ll-list { margin: 0; padding: 0; list-style: none; }
    .ll-visually-hidden {
      position: absolute; inline-size: 1px; block-size: 1px; padding: 0; margin: -1px;
      overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0;
    }
    .ll-text-action {
      padding: 0; border: none; background: none; cursor: pointer;
      font: ${token('font.body')}; color: ${token('color.link')};
    }
    .ll-text-action:hover { text-decoration: underline; }
${resourceCss}`;
  document.head.appendChild(style);
}

/** The export for the retro page: Markdown or ADF, to copy. */
import { useRef, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import type { RetroExport } from '../../../../src/contract/retro';
import { adfToHtml } from '../../../../src/domain/export/adf-to-html';
import { copyRich, copyText } from '../../../shared/clipboard';

type Format = 'markdown' | 'adf';

/** Clipboard access is often refused inside an iframe: select the text so one key press copies it. */
function selectForCopying(area: HTMLTextAreaElement | null): void {
  area?.focus();
  area?.select();
}

export function ExportPanel({ result, onClose }: { result: RetroExport; onClose: () => void }) {
  const [format, setFormat] = useState<Format>('markdown');
  const [copied, setCopied] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const text = format === 'markdown' ? result.markdown : JSON.stringify(result.adf, null, 2);
  return (
    <section
      aria-label="Export for the retro page"
      style={{
        display: 'grid',
        gap: token('space.100'),
        padding: token('space.200'),
        borderRadius: token('radius.medium', '6px'),
        border: `${token('border.width')} solid ${token('color.border')}`,
        background: token('elevation.surface.raised'),
        boxShadow: token('elevation.shadow.overlay'),
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), flexWrap: 'wrap' }}>
        <h2 style={{ margin: 0, font: token('font.heading.small') }}>
          Export {result.surprises === 1 ? '1 surprise' : `${result.surprises} surprises`}
        </h2>
        <span style={{ flex: 1 }} />
        <div role="group" aria-label="Format" style={{ display: 'flex', gap: token('space.050') }}>
          {(['markdown', 'adf'] as const).map((f) => (
            <Button
              key={f}
              spacing="compact"
              appearance={format === f ? 'default' : 'subtle'}
              isSelected={format === f}
              aria-pressed={format === f}
              onClick={() => {
                setFormat(f);
                setCopied(null);
              }}
            >
              {f === 'markdown' ? 'Markdown' : 'ADF (Confluence)'}
            </Button>
          ))}
        </div>
        <Button
          appearance="primary"
          spacing="compact"
          onClick={() => {
            void (format === 'adf' ? copyRich({ html: adfToHtml(result.adf), text }) : copyText(text)).then((copiedToClipboard) => {
              if (!copiedToClipboard) selectForCopying(area.current);
              setCopied(copiedToClipboard ? 'Copied.' : 'The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.');
            });
          }}
        >
          Copy
        </Button>
        <Button appearance="subtle" spacing="compact" onClick={onClose}>
          Close
        </Button>
      </div>
      <textarea
        ref={area}
        readOnly
        aria-label={format === 'markdown' ? 'Markdown' : 'Atlassian Document Format'}
        value={text}
        rows={12}
        className="ll-jql"
        style={{ resize: 'vertical', font: token('font.code') }}
      />
      <p role="status" style={{ margin: 0, font: token('font.body.small'), color: token('color.text.subtlest') }}>
        {copied ??
          (format === 'adf'
            ? 'Paste into the retro page in Confluence: it arrives formatted. The ADF below is for the REST API.'
            : 'Paste into the retro page, or any Markdown editor.')}
      </p>
    </section>
  );
}

/** The copy fallback when the page may not use the clipboard: the text, selected, to copy by hand. */
import { useEffect, useRef } from 'react';
import { token } from '@atlaskit/tokens';
import { Notice } from '../../../shared/notice';
import type { ExportFormat } from '../state/export-formats';

export function ManualCopy({ text, format, onClose }: { text: string; format: ExportFormat; onClose: () => void }) {
  const area = useRef<HTMLTextAreaElement | null>(null);
  useEffect(() => {
    area.current?.focus();
    area.current?.select();
  }, []);
  return (
    <Notice appearance="information" title="Copy it from here" actions={[{ label: 'Close', onClick: onClose }]}>
      <p style={{ margin: `0 0 ${token('space.100')}` }}>
        This page may not use the clipboard. The {format === 'page' ? 'content, as text,' : 'Markdown'} is selected below: press Ctrl+C (⌘C
        on a Mac) to copy it.
      </p>
      <textarea
        ref={area}
        readOnly
        value={text}
        aria-label={format === 'page' ? 'Page content to copy' : 'Markdown to copy'}
        rows={10}
        style={{
          inlineSize: '100%',
          boxSizing: 'border-box',
          font: token('font.code'),
          color: token('color.text'),
          background: token('color.background.input'),
          border: `${token('border.width')} solid ${token('color.border.input')}`,
          borderRadius: token('radius.small'),
          padding: token('space.100'),
        }}
      />
    </Notice>
  );
}

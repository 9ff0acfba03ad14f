/**
 * "Copy as CSV" and "Copy as Markdown": the figures as text on the clipboard, to paste into a
 * spreadsheet or a page. Where the frame may not use the clipboard, the text is shown to copy by hand.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import type { InsightsView } from '../../../../../src/contract/insights';
import { copyText } from '../../../../shared/clipboard';
import { subtleSmall } from '../../../../shared/styles';
import { insightsCsv, insightsMarkdown } from '../../state/insights-export';

type Said = { words: string; byHand: string | null } | null;

export function InsightsCopy({ view }: { view: InsightsView }) {
  const [said, setSaid] = useState<Said>(null);
  const copy = (what: string, content: string) => {
    void copyText(content).then((copied) => {
      setSaid(copied ? { words: `Copied the figures as ${what}.`, byHand: null } : { words: `Copy the ${what} below.`, byHand: content });
    });
  };
  return (
    <div style={{ display: 'grid', gap: token('space.100') }}>
      <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
        <Button
          onClick={() => {
            copy('CSV', insightsCsv(view));
          }}
        >
          Copy as CSV
        </Button>
        <Button
          onClick={() => {
            copy('Markdown', insightsMarkdown(view));
          }}
        >
          Copy as Markdown
        </Button>
        <p role="status" style={subtleSmall}>
          {said?.words ?? ''}
        </p>
      </div>
      {said?.byHand ? (
        <textarea aria-label="Figures to copy" readOnly rows={8} value={said.byHand} style={{ font: token('font.code') }} />
      ) : null}
    </div>
  );
}

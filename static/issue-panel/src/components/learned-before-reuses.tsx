/** On an issue whose learning helped others: how many tickets, and which ones the viewer may see. */
import { useEffect, useState } from 'react';
import { token } from '@atlaskit/tokens';
import type { ReuseSummary } from '../../../../src/contract/learned-before';
import { call } from '../../../shared/bridge-client';
import { IssueKeyLink } from './learned-before';
import { hiddenNote, reuseHeading } from '../state/learned-before';
import { subtleSmall } from '../../../shared/styles';

export function LearnedBeforeReuses() {
  const [summary, setSummary] = useState<ReuseSummary | null>(null);
  useEffect(() => {
    let live = true;
    // Quiet on failure: this line is extra information, never in the way of the record.
    void call('learnedBefore/listReuses').then((result) => {
      if (live && result.ok) setSummary(result.value);
    });
    return () => {
      live = false;
    };
  }, []);
  const heading = summary ? reuseHeading(summary.total) : null;
  if (!summary || !heading) return null;
  const hidden = hiddenNote(summary.hiddenCount, summary.visible.length);
  return (
    <section
      aria-label="Reused by other tickets"
      style={{ display: 'flex', gap: token('space.075'), alignItems: 'baseline', flexWrap: 'wrap' }}
    >
      <span style={{ ...subtleSmall, color: token('color.text.subtle') }}>{heading}:</span>
      {summary.visible.map((reuse) => (
        <IssueKeyLink key={reuse.key} issueKey={reuse.key} summary={reuse.summary} />
      ))}
      {hidden ? <span style={subtleSmall}>{hidden}</span> : null}
    </section>
  );
}

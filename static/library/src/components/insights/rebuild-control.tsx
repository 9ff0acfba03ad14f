/**
 * "Rebuild now" for Jira admins: `insights/rebuild` recounts every aggregate; anyone else gets
 * the backend's FORBIDDEN sentence. A rebuild that fitted in the resolver's time is said in
 * words, then the figures reload; on a site too large for that, the backend leaves a request
 * that a five-minute trigger serves, and the tab says so without reloading (nothing changed yet).
 */
import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import type { InsightsRebuildAnswer } from '../../../../../src/contract/insights';
import { call } from '../../../../shared/bridge-client';
import { clockTime, plural } from '../../../../shared/format';
import { subtleSmall } from '../../../../shared/styles';

function sayRebuild(answer: InsightsRebuildAnswer): string {
  if (answer.state === 'requested') {
    return (
      'This site has many records: the rebuild runs in the background and the figures update within five minutes ' +
      `(requested at ${clockTime(answer.requestedAt)}).`
    );
  }
  return `Rebuilt from ${plural(answer.issues, 'issue')}: ${plural(answer.periods, 'period')} in ${plural(answer.projects, 'project')}.`;
}

export function RebuildControl({ onRebuilt }: { onRebuilt: () => void }) {
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  const rebuild = () => {
    setBusy(true);
    setSaid(null);
    void call('insights/rebuild').then((result) => {
      setBusy(false);
      if (!result.ok) {
        setSaid(result.error.message);
        return;
      }
      setSaid(sayRebuild(result.value));
      if (result.value.state === 'done') onRebuilt();
    });
  };
  return (
    <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
      <Button onClick={rebuild} isDisabled={busy}>
        {busy ? 'Rebuilding…' : 'Rebuild now'}
      </Button>
      <p role="status" style={subtleSmall}>
        {said ?? 'For Jira administrators; the figures are also rebuilt every day.'}
      </p>
    </div>
  );
}

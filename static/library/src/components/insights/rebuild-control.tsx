/**
 * "Rebuild now" for Jira admins: `insights/rebuild` recounts every aggregate; anyone else gets
 * the backend's FORBIDDEN sentence. The result is said in words, then the figures reload.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import { call } from '../../../../shared/bridge-client';
import { plural } from '../../../../shared/format';
import { subtleSmall } from '../../../../shared/styles';

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
      const { issues, periods, projects } = result.value;
      setSaid(`Rebuilt from ${plural(issues, 'issue')}: ${plural(periods, 'period')} in ${plural(projects, 'project')}.`);
      onRebuilt();
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

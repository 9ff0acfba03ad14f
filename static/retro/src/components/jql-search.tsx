/** The sprint's JQL (editable), the Surprises / Everything switch, Present and Export. */
import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import type { AppErrorBody } from '../../../../src/contract/errors';
import { openInProduct } from '../../../shared/bridge-client';
import { issueNavigatorPath, type Scope } from '../state/retro-state';

interface Props {
  typed: string;
  onType: (text: string) => void;
  /** The JQL the view runs, opened in Jira search when nothing is typed. */
  shownJql: string;
  jqlError: AppErrorBody | null;
  busy: boolean;
  /** The pressed switch, or null while a custom JQL is shown. */
  activeScope: Scope | null;
  onRun: () => void;
  onScope: (scope: Scope) => void;
  /** null: nothing to present (a custom query is shown). */
  surpriseCount: number | null;
  onPresent: () => void;
  exporting: boolean;
  onExport: () => void;
}

export function JqlSearch(props: Props) {
  const { typed, onType, shownJql, jqlError, busy, activeScope, onRun, onScope, surpriseCount, onPresent, exporting, onExport } = props;
  return (
    <section aria-label="Search" style={{ display: 'grid', gap: token('space.100') }}>
      <form
        style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}
        onSubmit={(e) => {
          e.preventDefault();
          onRun();
        }}
      >
        <label htmlFor="ll-jql" style={{ font: token('font.heading.xxsmall'), color: token('color.text.subtle') }}>
          JQL
        </label>
        <input
          id="ll-jql"
          className="ll-jql"
          style={{ flex: '1 1 360px', width: 'auto' }}
          value={typed}
          spellCheck={false}
          aria-invalid={jqlError ? true : undefined}
          aria-describedby={jqlError ? 'll-jql-error' : undefined}
          onChange={(e) => {
            onType(e.currentTarget.value);
          }}
        />
        <Button type="submit" isDisabled={busy}>
          Run
        </Button>
        <button type="button" className="ll-text-action" onClick={() => void openInProduct(issueNavigatorPath(typed.trim() || shownJql))}>
          Open in Jira search ↗
        </button>
      </form>
      {jqlError ? (
        <p id="ll-jql-error" role="alert" style={{ margin: 0, font: token('font.body.small'), color: token('color.text.danger') }}>
          {jqlError.message}
        </p>
      ) : null}
      <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
        <div role="group" aria-label="Show" style={{ display: 'flex', gap: token('space.050') }}>
          <Button
            spacing="compact"
            appearance={activeScope === 'surprises' ? 'default' : 'subtle'}
            isSelected={activeScope === 'surprises'}
            aria-pressed={activeScope === 'surprises'}
            onClick={() => {
              onScope('surprises');
            }}
          >
            Surprises
          </Button>
          <Button
            spacing="compact"
            appearance={activeScope === 'all' ? 'default' : 'subtle'}
            isSelected={activeScope === 'all'}
            aria-pressed={activeScope === 'all'}
            onClick={() => {
              onScope('all');
            }}
          >
            Everything we learned this sprint
          </Button>
        </div>
        <span style={{ flex: 1 }} />
        {surpriseCount === null ? null : (
          <Button appearance="primary" isDisabled={surpriseCount === 0} onClick={onPresent}>
            Present {surpriseCount ? `(${surpriseCount})` : ''}
          </Button>
        )}
        <Button isDisabled={exporting} onClick={onExport}>
          {exporting ? 'Exporting…' : 'Export for the retro page'}
        </Button>
      </div>
    </section>
  );
}

/**
 * The pieces every macro config dialog shares: its settings being read, its settings unreadable
 * (Try again, Close; nothing changed), and the save bar (the save's error, Cancel, Save).
 */
import Button from '@atlaskit/button/default/button';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { closeView } from './bridge-client';
import { Notice } from './notice';

export function ConfigLoading() {
  return (
    <div role="status" style={{ display: 'flex', gap: token('space.100'), padding: token('space.200') }}>
      <Spinner size="medium" label="Loading the settings" />
    </div>
  );
}

export function ConfigUnreadable({ onRetry }: { onRetry: () => void }) {
  return (
    <div style={{ padding: token('space.200') }}>
      <Notice
        appearance="error"
        title="The macro's settings could not be read"
        actions={[
          { label: 'Try again', onClick: onRetry },
          { label: 'Close', onClick: () => void closeView() },
        ]}
      >
        <p style={{ margin: 0 }}>Nothing was changed. Try again, or close this dialog and open it again from the page.</p>
      </Notice>
    </div>
  );
}

/** The end of a config form: what stopped the save, then Cancel and Save (a submit button). */
export function ConfigSaveBar({ saveError, saving }: { saveError: string | null; saving: boolean }) {
  return (
    <>
      {saveError ? (
        <Notice appearance="error" role="alert">
          <p style={{ margin: 0 }}>{saveError}</p>
        </Notice>
      ) : null}
      <div style={{ display: 'flex', gap: token('space.100'), justifyContent: 'flex-end' }}>
        <Button appearance="subtle" onClick={() => void closeView()}>
          Cancel
        </Button>
        <Button appearance="primary" type="submit" isDisabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </Button>
      </div>
    </>
  );
}

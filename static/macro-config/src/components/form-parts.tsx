/** The config form's building blocks: a labelled field, the JQL check's answer, the shared styles. */
import type { ReactNode } from 'react';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { fieldError, sectionLabel, subtleSmall } from '../../../shared/styles';
import { countText, type CheckState } from '../state/config-form';

export const fieldsetStyle = { border: 'none', margin: 0, padding: 0, display: 'grid', gap: token('space.150'), minWidth: 0 } as const;
export const legendStyle = { font: token('font.heading.xsmall'), padding: 0, marginBlockEnd: token('space.100') } as const;
export const choiceStyle = { display: 'inline-flex', alignItems: 'center', gap: token('space.075'), cursor: 'pointer' } as const;

export function Field({
  label,
  htmlFor,
  error,
  hint,
  children,
}: {
  label: string;
  htmlFor: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div style={{ display: 'grid', gap: token('space.050'), minWidth: 0 }}>
      <label htmlFor={htmlFor} style={sectionLabel}>
        {label}
      </label>
      {children}
      {hint ? <p style={subtleSmall}>{hint}</p> : null}
      {error ? (
        <p role="alert" style={fieldError}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function JqlStatus({ id, check }: { id: string; check: CheckState }) {
  let body: ReactNode = null;
  if (check.status === 'checking')
    body = (
      <span style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'center', ...subtleSmall }}>
        <Spinner size="small" label="" /> Checking with Jira…
      </span>
    );
  else if (check.status === 'valid')
    body = <span style={{ ...subtleSmall, color: token('color.text.success') }}>{countText(check.count)}</span>;
  else if (check.status === 'invalid')
    body = (
      <ul className="ll-list" style={{ display: 'grid', gap: token('space.025') }}>
        {check.errors.map((error) => (
          <li key={error} style={fieldError}>
            {error}
          </li>
        ))}
      </ul>
    );
  else if (check.status === 'unavailable')
    body = <span style={{ ...subtleSmall, color: token('color.text.warning') }}>Could not check the JQL: {check.message}</span>;
  return (
    <div id={id} aria-live="polite" style={{ minBlockSize: '20px' }}>
      {body}
    </div>
  );
}

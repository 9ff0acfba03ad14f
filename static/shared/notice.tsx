/**
 * A section message in Atlaskit's look (tinted background, status icon, title,
 * body, text actions), for every resource. Atlaskit's SectionMessage ships a
 * dismiss IconButton and with it the tooltip and popper layers (~35 KB gzip)
 * these views never show.
 */
import type { ReactNode } from 'react';
import StatusErrorIcon from '@atlaskit/icon/core/status-error';
import StatusInformationIcon from '@atlaskit/icon/core/status-information';
import StatusSuccessIcon from '@atlaskit/icon/core/status-success';
import StatusWarningIcon from '@atlaskit/icon/core/status-warning';
import { token } from '@atlaskit/tokens';

type Appearance = 'information' | 'warning' | 'error' | 'success';

const look = {
  information: { background: token('color.background.information'), icon: StatusInformationIcon, color: token('color.icon.information') },
  warning: { background: token('color.background.warning'), icon: StatusWarningIcon, color: token('color.icon.warning') },
  error: { background: token('color.background.danger'), icon: StatusErrorIcon, color: token('color.icon.danger') },
  success: { background: token('color.background.success'), icon: StatusSuccessIcon, color: token('color.icon.success') },
} as const;

export interface NoticeAction {
  label: string;
  onClick: () => void;
}

interface Props {
  appearance: Appearance;
  title?: string;
  children?: ReactNode;
  actions?: NoticeAction[];
  /** 'alert' for errors that appear after an action, so screen readers announce them. */
  role?: 'alert' | 'status';
}

export function Notice({ appearance, title, children, actions = [], role }: Props) {
  const { background, icon: Icon, color } = look[appearance];
  return (
    <section
      role={role}
      style={{
        display: 'grid',
        gridTemplateColumns: 'auto 1fr',
        gap: token('space.150'),
        padding: token('space.200'),
        borderRadius: token('radius.small'),
        background,
        color: token('color.text'),
      }}
    >
      <span style={{ display: 'flex', paddingBlockStart: token('space.025') }}>
        <Icon label={appearance} color={color} />
      </span>
      <div style={{ display: 'grid', gap: token('space.100'), minWidth: 0 }}>
        {title ? <h3 style={{ margin: 0, font: token('font.heading.xsmall'), color: token('color.text') }}>{title}</h3> : null}
        {children ? <div style={{ font: token('font.body'), overflowWrap: 'anywhere' }}>{children}</div> : null}
        {actions.length > 0 ? (
          <div style={{ display: 'flex', gap: token('space.150'), flexWrap: 'wrap' }}>
            {actions.map((action) => (
              <button key={action.label} type="button" className="ll-text-action" onClick={action.onClick}>
                {action.label}
              </button>
            ))}
          </div>
        ) : null}
      </div>
    </section>
  );
}

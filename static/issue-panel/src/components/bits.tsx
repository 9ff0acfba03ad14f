/** Small presentational pieces shared by the panel's views. */
import type { ComponentType, ReactNode } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { EvidenceLink, Outcome, SizeReport } from '../../../../src/domain/learning-record';
import { linkLabel, safeHref } from '../evidence';
import { OUTCOME_APPEARANCE, OUTCOME_LABELS } from '../format';
import { sizeMeterText } from '../size-preview';
import { sectionLabel, subtleSmall, visuallyHidden } from './styles';

export function SectionLabel({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <h3 id={id} style={sectionLabel}>
      {children}
    </h3>
  );
}

export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span style={visuallyHidden}>{children}</span>;
}

export function OutcomeLozenge({ outcome }: { outcome: Outcome }) {
  return (
    <Lozenge appearance={OUTCOME_APPEARANCE[outcome]} isBold={outcome !== 'open'}>
      <VisuallyHidden>Outcome: </VisuallyHidden>
      {OUTCOME_LABELS[outcome]}
    </Lozenge>
  );
}

export function SurpriseMark() {
  return (
    <Lozenge appearance="new" isBold>
      Surprise
    </Lozenge>
  );
}

/** An evidence link: a real link only for http(s), opened in a new tab; anything else as text. */
export function EvidenceAnchor({ link }: { link: EvidenceLink }) {
  const href = safeHref(link.url);
  const label = linkLabel(link);
  if (!href) return <span title={link.url}>{label}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" title={link.url} style={{ overflowWrap: 'anywhere' }}>
      {label}
      <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
    </a>
  );
}

export function Tag({ children }: { children: ReactNode }) {
  return (
    <span
      style={{
        display: 'inline-block',
        paddingInline: token('space.075'),
        borderRadius: token('radius.small'),
        background: token('color.background.neutral'),
        color: token('color.text.subtle'),
        font: token('font.body.small'),
        lineHeight: '20px',
      }}
    >
      {children}
    </span>
  );
}

const meterColour = (level: SizeReport['level']): string =>
  level === 'over'
    ? token('color.background.danger.bold')
    : level === 'warning'
      ? token('color.background.warning.bold')
      : token('color.background.success.bold');

/** How much of the 32 KB issue property is used; says what to do from 80 %. */
export function SizeMeter({ size, compact = false }: { size: SizeReport; compact?: boolean }) {
  const text = sizeMeterText(size);
  const width = `${Math.min(100, Math.max(text.percent, 1))}%`;
  return (
    <div style={{ display: 'grid', gap: token('space.050') }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
        <div
          role="meter"
          aria-label="Space used in the issue property"
          aria-valuemin={0}
          aria-valuemax={size.limit}
          aria-valuenow={Math.min(size.used, size.limit)}
          aria-valuetext={text.label}
          style={{
            flex: compact ? '0 0 80px' : '0 0 120px',
            height: '6px',
            borderRadius: token('radius.small'),
            background: token('color.background.neutral'),
            overflow: 'hidden',
          }}
        >
          <div style={{ width, height: '100%', background: meterColour(size.level) }} />
        </div>
        <span
          style={{
            ...subtleSmall,
            color:
              size.level === 'over'
                ? token('color.text.danger')
                : size.level === 'warning'
                  ? token('color.text.warning')
                  : token('color.text.subtlest'),
          }}
        >
          {text.label}
        </span>
      </div>
      {text.advice && !compact ? (
        <p
          role={size.level === 'over' ? 'alert' : undefined}
          style={{
            ...subtleSmall,
            color: size.level === 'over' ? token('color.text.danger') : token('color.text.warning'),
          }}
        >
          {text.advice}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A small icon-only button (remove a tag, a link, a learning). Atlaskit's
 * IconButton pulls in the tooltip and popper layers (~35 KB gzip) for this;
 * a native button with a token-styled class, an aria-label and a title does
 * the same job here.
 */
export function IconOnlyButton({
  icon: Icon,
  label,
  onClick,
}: {
  icon: ComponentType<{ label: string; size?: 'small' | 'medium' }>;
  label: string;
  onClick: () => void;
}) {
  return (
    <button type="button" className="ll-icon-button" aria-label={label} title={label} onClick={onClick}>
      <Icon label="" size="small" />
    </button>
  );
}

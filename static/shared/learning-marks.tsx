/**
 * Small presentational pieces of a learning record, the same in every
 * resource: section labels, the outcome lozenge, the surprise mark, tags and
 * evidence anchors (a real link only for http(s)).
 */
import type { ReactNode } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { UserText } from './user-text';
import type { EvidenceLink, Outcome } from '../../src/domain/record/learning-record';
import { linkLabel, safeHref } from './evidence-links';
import { OUTCOME_APPEARANCE, OUTCOME_LABELS } from './format';
import { OutboundLink } from './outbound-link';
import { sectionLabel } from './styles';

export function SectionLabel({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <h3 id={id} style={sectionLabel}>
      {children}
    </h3>
  );
}

export function VisuallyHidden({ children }: { children: ReactNode }) {
  // A class from the shared page styles: one rule, not nine properties on every hidden label of a long list.
  return <span className="ll-visually-hidden">{children}</span>;
}

export function OutcomeLozenge({ outcome }: { outcome: Outcome }) {
  return (
    <Lozenge appearance={OUTCOME_APPEARANCE[outcome]}>
      <VisuallyHidden>Outcome: </VisuallyHidden>
      {OUTCOME_LABELS[outcome]}
    </Lozenge>
  );
}

export function SurpriseMark() {
  return <Lozenge appearance="new">Surprise</Lozenge>;
}

/** An evidence link: a real link only for http(s), opened through the host's router; anything else as text. */
export function EvidenceAnchor({ link }: { link: EvidenceLink }) {
  const href = safeHref(link.url);
  const label = linkLabel(link);
  if (!href) return <UserText text={label} />;
  return (
    <OutboundLink href={href} title={link.url} style={{ overflowWrap: 'anywhere' }}>
      <UserText text={label} />
    </OutboundLink>
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

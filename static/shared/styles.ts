/** Inline styles shared by every resource: every colour and space is a design token. */
import type { CSSProperties } from 'react';
import { token } from '@atlaskit/tokens';

export const sectionLabel: CSSProperties = {
  font: token('font.heading.xxsmall'),
  color: token('color.text.subtle'),
  margin: 0,
};

export const bodyText: CSSProperties = {
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
  margin: 0,
};

export const subtleSmall: CSSProperties = {
  font: token('font.body.small'),
  color: token('color.text.subtlest'),
  margin: 0,
};

/** A bordered box on the page's surface (the panel's history, conflicts, editor sections). */
export const card: CSSProperties = {
  border: `${token('border.width')} solid ${token('color.border')}`,
  borderRadius: token('radius.small'),
  padding: token('space.100'),
  background: token('elevation.surface'),
};

export const chip: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: token('space.025'),
  paddingInlineStart: token('space.075'),
  borderRadius: token('radius.small'),
  background: token('color.background.neutral'),
  color: token('color.text'),
  font: token('font.body.small'),
  minHeight: '24px',
};

export const fieldError: CSSProperties = {
  font: token('font.body.small'),
  color: token('color.text.danger'),
  margin: 0,
};

/** The box around an empty state ("No learnings here yet"): a dashed outline, not a card. */
export const emptyStateBox: CSSProperties = {
  display: 'grid',
  gap: token('space.100'),
  padding: token('space.200'),
  borderRadius: token('radius.medium'),
  border: `${token('border.width')} dashed ${token('color.border')}`,
};

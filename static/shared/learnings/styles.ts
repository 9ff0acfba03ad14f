/** Shared inline styles for the learnings views: every colour and space is a design token. */
import type { CSSProperties } from 'react';
import { token } from '@atlaskit/tokens';

export const sectionLabel: CSSProperties = { font: token('font.heading.xxsmall'), color: token('color.text.subtle'), margin: 0 };
export const bodyText: CSSProperties = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 };
export const subtleSmall: CSSProperties = { font: token('font.body.small'), color: token('color.text.subtlest'), margin: 0 };
export const card: CSSProperties = {
  border: `${token('border.width')} solid ${token('color.border')}`,
  borderRadius: token('radius.medium'),
  padding: token('space.150'),
  background: token('elevation.surface.raised'),
  boxShadow: token('elevation.shadow.raised'),
  display: 'grid',
  gap: token('space.100'),
  alignContent: 'start',
  minWidth: 0,
};
export const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  padding: 0,
  margin: '-1px',
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};
export const fieldError: CSSProperties = { font: token('font.body.small'), color: token('color.text.danger'), margin: 0 };

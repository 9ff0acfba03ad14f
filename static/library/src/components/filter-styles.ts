/** The library's form controls, themed with design tokens (light and dark). */
import type { CSSProperties } from 'react';
import { token } from '@atlaskit/tokens';

export const inputStyle: CSSProperties = {
  font: token('font.body'),
  color: token('color.text'),
  background: token('color.background.input'),
  border: `${token('border.width')} solid ${token('color.border.input')}`,
  borderRadius: token('radius.small'),
  padding: `${token('space.050')} ${token('space.100')}`,
  minInlineSize: 0,
};

export const fieldsetStyle: CSSProperties = {
  border: 'none',
  margin: 0,
  padding: 0,
  display: 'grid',
  gap: token('space.050'),
  alignContent: 'start',
};

export const choiceStyle: CSSProperties = { display: 'flex', gap: token('space.050'), alignItems: 'center', font: token('font.body') };

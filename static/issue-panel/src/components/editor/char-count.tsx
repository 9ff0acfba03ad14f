import { token } from '@atlaskit/tokens';
import { subtleSmall } from '../../../../shared/styles';

/** Shown from 80% of a text limit: amber, then red past it. */
export function CharCount({ length, limit }: { length: number; limit: number }) {
  if (length < limit * 0.8) return null;
  return (
    <p style={{ ...subtleSmall, color: length > limit ? token('color.text.danger') : token('color.text.warning') }}>
      {length} / {limit} characters
    </p>
  );
}

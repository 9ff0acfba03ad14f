/** How full the 32 KB issue property is, as a meter with advice from 80 %. */
import { token } from '@atlaskit/tokens';
import type { SizeReport } from '../../../../src/domain/record/learning-record';
import { subtleSmall } from '../../../shared/styles';
import { sizeMeterText } from '../state/size-preview';

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

/**
 * The bars of one figure, drawn with visx (d3's scales as React SVG): one band per period, each bar's
 * height its row's share of the chart, the newest period in the brand colour. Design tokens colour it,
 * so light and dark follow the host. A picture only: the table beside it carries the numbers.
 */
import { token } from '@atlaskit/tokens';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';
import type { FigureRow } from '../../state/insights-figures';

const BAR_WIDTH = 28;
const GAP = 8;
const HEIGHT = 64;
/** A period with a value of 0 still shows a sliver, so "0" reads apart from "no data" (no bar). */
const ZERO_BAR = 2;

export function FigureBars({ rows }: { rows: FigureRow[] }) {
  const step = BAR_WIDTH + GAP;
  const width = rows.length * step;
  // A band of `step` px per period, the bar centred in it with half the gap on each side.
  const x = scaleBand({
    domain: rows.map((_, i) => i),
    range: [0, width],
    paddingInner: GAP / step,
    paddingOuter: GAP / 2 / step,
    round: true,
  });
  // Heights are already 0–1 of the chart (shares against 100%, counts and days against the largest).
  const y = scaleLinear({ domain: [0, 1], range: [0, HEIGHT], round: true });
  return (
    <svg aria-hidden="true" width={width} height={HEIGHT + 2} viewBox={`0 0 ${String(width)} ${String(HEIGHT + 2)}`}>
      {rows.map((row, i) => {
        const barHeight = row.value === null ? 0 : Math.max(ZERO_BAR, y(row.height));
        return (
          <Bar
            key={row.period}
            data-testid="insight-bar"
            x={x(i)}
            y={HEIGHT - barHeight}
            width={x.bandwidth()}
            height={barHeight}
            rx={2}
            fill={i === rows.length - 1 ? token('color.chart.brand') : token('color.chart.neutral')}
          />
        );
      })}
      <Line from={{ x: 0, y: HEIGHT + 1 }} to={{ x: width, y: HEIGHT + 1 }} stroke={token('color.border')} />
    </svg>
  );
}

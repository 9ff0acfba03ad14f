/**
 * One figure's bars (drawn with visx) in a DOM (jsdom), against positions and heights written here by
 * hand from the chart's definition: a 64 px chart, one 36 px band per period with a 28 px bar centred
 * in it, a value of 0 drawn as a 2 px sliver and "no data" as no bar, the newest period in the brand
 * colour. The SVG is a picture for sighted readers only: the table beside it carries the numbers.
 */
import { render, screen } from '@testing-library/react';
import { FigureBars } from '../../static/library/src/components/insights/figure-bars';

const row = (period: string, value: number | null, height: number) => ({ period, value, text: String(value), height });

const ROWS = [row('Sprint 1', 0, 0), row('Sprint 2', null, 0), row('Sprint 3', 3, 0.75), row('Sprint 4', 4, 1), row('Sprint 5', 1, 0.25)];

const attributes = (name: string) => screen.getAllByTestId('insight-bar').map((bar) => bar.getAttribute(name));

describe('the bars of a figure', () => {
  it('give each period a 36 px band with its 28 px bar centred in it', () => {
    const { container } = render(<FigureBars rows={ROWS} />);
    expect(attributes('x').map(Number)).toEqual([4, 40, 76, 112, 148]);
    expect(attributes('width').map(Number)).toEqual([28, 28, 28, 28, 28]);
    expect(container.querySelector('svg')?.getAttribute('width')).toBe('180');
  });

  it('are as tall as their share of the 64 px chart, 0 a 2 px sliver and no data no bar, standing on the baseline', () => {
    render(<FigureBars rows={ROWS} />);
    expect(attributes('height').map(Number)).toEqual([2, 0, 48, 64, 16]);
    expect(attributes('y').map(Number)).toEqual([62, 64, 16, 0, 48]);
  });

  it('colour the newest period with the brand token and the others with the neutral one', () => {
    render(<FigureBars rows={ROWS} />);
    const fills = attributes('fill');
    expect(fills.slice(0, 4).every((fill) => fill?.startsWith('var(--ds-chart-neutral'))).toBe(true);
    expect(fills[4]).toMatch(/^var\(--ds-chart-brand/);
  });

  it('are hidden from screen readers, which read the table instead', () => {
    const { container } = render(<FigureBars rows={ROWS} />);
    expect(container.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(screen.queryAllByRole('img')).toEqual([]);
  });

  it('draw a single period in one band', () => {
    const { container } = render(<FigureBars rows={[row('March', 2, 0.5)]} />);
    expect(attributes('x').map(Number)).toEqual([4]);
    expect(attributes('height').map(Number)).toEqual([32]);
    expect(container.querySelector('svg')?.getAttribute('width')).toBe('36');
  });
});

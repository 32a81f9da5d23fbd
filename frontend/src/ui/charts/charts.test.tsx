import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { BarChart, Heatmap, LineChart, formatPercent } from './index';
import { labelIndices, yScale } from './scale';

describe('formatPercent', () => {
  it('floors, never rounds', () => {
    expect(formatPercent(8 / 13)).toBe('61%');
    expect(formatPercent(0.615)).toBe('61%');
    expect(formatPercent(0.999)).toBe('99%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.29)).toBe('29%');
    expect(formatPercent(0)).toBe('0%');
  });
  it('shows a dash for no rate', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
  });
});

describe('scale helpers', () => {
  it('fits round ticks above the largest value or target', () => {
    expect(yScale([3, 7, 2])).toEqual({ max: 10, ticks: [0, 5, 10] });
    expect(yScale([13])).toEqual({ max: 15, ticks: [0, 5, 10, 15] });
    expect(yScale([0.2], 1)).toEqual({ max: 1, ticks: [0, 0.5, 1] });
    expect(yScale([1], 'auto', 12).max).toBeGreaterThanOrEqual(12);
    // Counts: whole-number ticks, never "0, 0.5, 1" (shown as "0, 1, 1" posts).
    expect(yScale([1, 0, 1])).toEqual({ max: 1, ticks: [0, 0.5, 1] });
    expect(yScale([1, 0, 1], 'auto', null, true)).toEqual({ max: 1, ticks: [0, 1] });
    expect(yScale([2], 'auto', null, true)).toEqual({ max: 2, ticks: [0, 1, 2] });
    expect(yScale([13], 'auto', null, true)).toEqual({ max: 15, ticks: [0, 5, 10, 15] });
    expect(yScale([null, 0])).toEqual({ max: 1, ticks: [0, 1] });
  });
  it('thins labels but keeps the first and the last', () => {
    expect(labelIndices(5, 8)).toEqual([0, 1, 2, 3, 4]);
    const many = labelIndices(52, 6);
    expect(many[0]).toBe(0);
    expect(many[many.length - 1]).toBe(51);
    expect(many.length).toBeLessThanOrEqual(7);
    // Twelve weeks in eight labels: the last one never sits right next to the one before.
    expect(labelIndices(12, 8)).toEqual([0, 2, 4, 6, 8, 11]);
  });
});

describe('BarChart', () => {
  it('gives screen readers every value and the target', () => {
    render(
      <BarChart
        title="Done per month"
        data={[
          { label: 'Oct', value: 0.5 },
          { label: 'Nov', value: 8 / 13, title: 'Nov: 8 of 13 days' },
          { label: 'Dec', value: null },
        ]}
        max={1}
        target={0.75}
        format={formatPercent}
      />,
    );
    const table = screen.getByRole('table', { name: 'Done per month' });
    const rows = within(table).getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual(['Oct50%', 'NovNov: 8 of 13 days', 'Decno data', 'Target75%']);
    // One bar per value (null draws nothing), sized by the value.
    const bars = document.querySelectorAll('rect.chart-bar');
    expect(bars).toHaveLength(2);
    expect(Number(bars[0]!.getAttribute('height'))).toBeCloseTo(50);
    expect(document.querySelector('.chart-target')).not.toBeNull();
  });

  it('says when there is nothing to draw', () => {
    render(<BarChart title="Empty" data={[]} emptyText="Nothing yet." />);
    expect(screen.getByText('Nothing yet.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('LineChart', () => {
  it('draws a line per run between gaps and tabulates every point', () => {
    render(
      <LineChart
        title="Weekly rate"
        labels={['W1', 'W2', 'W3', 'W4']}
        series={[
          { name: 'Rate', values: [0, 0.5, null, 1] },
          { name: 'Strength', values: [0.1, 0.2, 0.3, 0.4], dashed: true },
        ]}
        format={formatPercent}
      />,
    );
    // Rate: one polyline (W1–W2) plus a lone point; Strength: one polyline.
    expect(document.querySelectorAll('polyline')).toHaveLength(2);
    const table = screen.getByRole('table', { name: 'Weekly rate' });
    expect(within(table).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'LabelRateStrength',
      'W10%10%',
      'W250%20%',
      'W3no data30%',
      'W4100%40%',
    ]);
    // Two series: a legend names them.
    expect(document.querySelector('.chart-legend')!.textContent).toBe('RateStrength');
  });

  it('shows the empty text when every value is null', () => {
    render(<LineChart title="Rate" labels={['a', 'b']} series={[{ name: 'Rate', values: [null, null] }]} />);
    expect(screen.getByText('No data yet.')).toBeTruthy();
  });
});

describe('Heatmap', () => {
  const cells = [
    // 2024-11-04 is a Monday.
    { date: '2024-11-03', state: 'before_start' },
    { date: '2024-11-04', state: 'done' },
    { date: '2024-11-05', state: 'skipped' },
    { date: '2024-11-06', state: 'missed' },
    { date: '2024-11-07', state: 'done' },
    { date: '2024-11-08', state: 'pending' },
    { date: '2024-11-09', state: 'future' },
  ];

  it('puts weeks in columns with Monday on top, and names each cell', () => {
    render(<Heatmap title="History" cells={cells} />);
    const img = screen.getByRole('img');
    expect(img.getAttribute('aria-label')).toBe('History. Done: 2, Skipped: 1, Missed: 1, Today, open: 1.');
    const sunday = document.querySelector('[data-date="2024-11-03"] rect')!;
    const monday = document.querySelector('[data-date="2024-11-04"] rect')!;
    const tuesday = document.querySelector('[data-date="2024-11-05"] rect')!;
    // Sunday is the last row of the first column; Monday starts the next column.
    expect(Number(monday.getAttribute('x'))).toBeGreaterThan(Number(sunday.getAttribute('x')));
    expect(Number(monday.getAttribute('y'))).toBeLessThan(Number(sunday.getAttribute('y')));
    expect(tuesday.getAttribute('x')).toBe(monday.getAttribute('x'));
    expect(document.querySelector('[data-date="2024-11-06"] title')!.textContent).toBe('Wed 6 Nov 2024: Missed');
    expect(monday.getAttribute('class')).toContain('hm-done');
    // Told apart without colour: a hatch for skipped, a cross for missed.
    expect(document.querySelector('[data-date="2024-11-05"] [fill^="url(#"]')).not.toBeNull();
    expect(document.querySelector('[data-date="2024-11-06"] .hm-cross')).not.toBeNull();
  });

  it('labels months and explains the states', () => {
    render(<Heatmap title="History" cells={[{ date: '2024-10-30', state: 'done' }, { date: '2024-11-01', state: 'done' }]} />);
    const labels = [...document.querySelectorAll('text')].map((t) => t.textContent);
    expect(labels).toContain('Nov');
    expect(screen.getByText('Skipped')).toBeTruthy();
    expect(screen.getByText('Not scheduled')).toBeTruthy();
  });
});

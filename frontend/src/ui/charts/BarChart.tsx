/**
 * BarChart — labelled vertical bars, dependency-free SVG.
 *
 *   <BarChart
 *     title="Done per week"                       // accessible name (and visible caption unless hideTitle)
 *     data={[{ label: 'W45', value: 5, title: '4–10 Nov: 5 of 7' }, …]}
 *     max="auto"                                   // y-axis top: a number (e.g. 1 for rates) or 'auto'
 *     target={0.75}                                // optional dashed target line (same unit as values)
 *     targetLabel="Target 75%"
 *     format={formatPercent}                       // how values read on the axis and to screen readers
 *     height={160}                                 // plot height in px (default 160)
 *     maxLabels={8}                                // x labels shown at most (all are in the SR table)
 *     integer                                      // counts: whole-number ticks only (0, 1, 2 posts)
 *   />
 *
 * A bar's value may be null (no data: drawn as an empty slot, read as "no data"). Each bar may
 * carry its own `color` (any CSS colour, e.g. 'var(--danger)'); the default is --chart-bar.
 * Screen readers get a table of every label and value; the SVG itself is decorative.
 */
import { defaultFormat, GridLines, hasTarget, ScreenReaderTable, TargetLabel, TargetLine, YTicks, type AxisChartProps } from './common';
import { labelIndices, yPos, yScale } from './scale';
import './charts.css';

export interface Bar {
  label: string;
  value: number | null;
  /** Longer text for the tooltip and the screen-reader table, e.g. "4–10 Nov: 5 of 7 days". */
  title?: string;
  color?: string;
}

export interface BarChartProps extends AxisChartProps {
  data: Bar[];
  /** The values are counts: the axis ticks are whole numbers (never 0, 0.5, 1). */
  integer?: boolean;
}

export function BarChart({
  title,
  hideTitle = false,
  data,
  max = 'auto',
  target = null,
  targetLabel,
  format = defaultFormat,
  height = 160,
  maxLabels = 8,
  emptyText = 'No data yet.',
  integer = false,
}: BarChartProps) {
  const scale = yScale(data.map((d) => d.value), max, target, integer);
  const n = data.length;
  const slot = n > 0 ? 100 / n : 100;
  const gap = Math.min(slot * 0.25, 1.6);
  const shown = new Set(labelIndices(n, maxLabels));
  const describe = (d: Bar) => d.title ?? `${d.label}: ${d.value === null ? 'no data' : format(d.value)}`;

  return (
    <figure class="chart">
      <figcaption class={hideTitle ? 'visually-hidden' : 'chart-title'}>{title}</figcaption>
      {n === 0 ? (
        <p class="chart-empty">{emptyText}</p>
      ) : (
        <>
          <div class="chart-body" aria-hidden="true">
            <YTicks scale={scale} format={format} />
            <div class="chart-plot" style={{ height: `${height}px` }}>
              <svg class="chart-svg" viewBox="0 0 100 100" preserveAspectRatio="none" focusable="false">
                <GridLines scale={scale} />
                {data.map((d, i) => {
                  if (d.value === null) return null;
                  const y = yPos(d.value, scale);
                  const h = Math.max(100 - y, d.value > 0 ? 0.8 : 0);
                  return (
                    <rect
                      key={i}
                      class="chart-bar"
                      x={i * slot + gap / 2}
                      y={100 - h}
                      width={Math.max(slot - gap, 0.2)}
                      height={h}
                      style={d.color ? { fill: d.color } : undefined}
                    >
                      <title>{describe(d)}</title>
                    </rect>
                  );
                })}
                {hasTarget(target) && <TargetLine scale={scale} target={target} />}
              </svg>
              {hasTarget(target) && <TargetLabel scale={scale} target={target} label={targetLabel} format={format} />}
            </div>
            <div class="chart-x">
              {data.map((d, i) =>
                shown.has(i) ? (
                  <span key={i} class="chart-x-label" style={{ left: `${(i + 0.5) * slot}%` }}>
                    {d.label}
                  </span>
                ) : null,
              )}
            </div>
          </div>
          <ScreenReaderTable title={title}>
            <tbody>
              {data.map((d, i) => (
                <tr key={i}>
                  <th scope="row">{d.label}</th>
                  <td>{d.title ?? (d.value === null ? 'no data' : format(d.value))}</td>
                </tr>
              ))}
              {hasTarget(target) && (
                <tr>
                  <th scope="row">Target</th>
                  <td>{format(target)}</td>
                </tr>
              )}
            </tbody>
          </ScreenReaderTable>
        </>
      )}
    </figure>
  );
}

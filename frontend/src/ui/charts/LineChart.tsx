/**
 * LineChart — one or more series over the same labels (dates, weeks…), dependency-free SVG.
 *
 *   <LineChart
 *     title="Weekly rate"                          // accessible name (and visible caption unless hideTitle)
 *     labels={['4 Nov', '11 Nov', …]}              // x positions, evenly spaced, oldest first
 *     series={[{ name: 'Rate', values: [0.5, null, 0.8, …] }]}   // null = gap in the line
 *     max={1}                                      // y-axis top: a number (default 1, for rates) or 'auto'
 *     target={0.75} targetLabel="Target 75%"       // optional dashed target line
 *     format={formatPercent}                       // y values for the axis and screen readers
 *     height={160} maxLabels={6}
 *     markers                                      // dots on the points (default: when ≤ 31 points)
 *   />
 *
 * Series colours default to --chart-1, --chart-2, --chart-3; pass `color` (any CSS colour) to
 * override and `dashed` to tell a series apart without colour. A legend is shown when there is
 * more than one series. Screen readers get a table of every label and value.
 */
import { defaultFormat, GridLines, hasTarget, ScreenReaderTable, TargetLabel, TargetLine, YTicks, type AxisChartProps } from './common';
import { labelIndices, yPos, yScale } from './scale';
import './charts.css';

export interface LineSeries {
  name: string;
  values: (number | null)[];
  color?: string;
  dashed?: boolean;
}

export interface LineChartProps extends AxisChartProps {
  labels: string[];
  series: LineSeries[];
  markers?: boolean;
}

const PALETTE = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)'];

/** The line's runs between nulls, as SVG points strings. */
function segments(values: (number | null)[], x: (i: number) => number, y: (v: number) => number): string[] {
  const out: string[] = [];
  let run: string[] = [];
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (run.length) out.push(run.join(' '));
      run = [];
    } else {
      run.push(`${x(i)},${y(v)}`);
    }
  });
  if (run.length) out.push(run.join(' '));
  return out;
}

export function LineChart({
  title,
  hideTitle = false,
  labels,
  series,
  max = 1,
  target = null,
  targetLabel,
  format = defaultFormat,
  height = 160,
  maxLabels = 6,
  markers,
  emptyText = 'No data yet.',
}: LineChartProps) {
  const n = labels.length;
  const scale = yScale(series.flatMap((s) => s.values), max, target);
  const x = (i: number) => (n <= 1 ? 50 : (i / (n - 1)) * 100);
  const y = (v: number) => yPos(v, scale);
  const showMarkers = markers ?? n <= 31;
  const shown = labelIndices(n, maxLabels);
  const hasData = series.some((s) => s.values.some((v) => v !== null));
  const colorOf = (s: LineSeries, i: number) => s.color ?? PALETTE[i % PALETTE.length];

  return (
    <figure class="chart">
      <figcaption class={hideTitle ? 'visually-hidden' : 'chart-title'}>{title}</figcaption>
      {n === 0 || !hasData ? (
        <p class="chart-empty">{emptyText}</p>
      ) : (
        <>
          {series.length > 1 && (
            <ul class="chart-legend" aria-hidden="true">
              {series.map((s, i) => (
                <li key={s.name}>
                  <span class={s.dashed ? 'chart-swatch chart-swatch-dashed' : 'chart-swatch'} style={{ color: colorOf(s, i) }} />
                  {s.name}
                </li>
              ))}
            </ul>
          )}
          <div class="chart-body" aria-hidden="true">
            <YTicks scale={scale} format={format} />
            <div class="chart-plot chart-plot-line" style={{ height: `${height}px` }}>
              <svg class="chart-svg" viewBox="0 0 100 100" preserveAspectRatio="none" focusable="false">
                <GridLines scale={scale} />
                {hasTarget(target) && <TargetLine scale={scale} target={target} />}
                {series.map((s, si) => (
                  <g key={s.name} class="chart-series" style={{ color: colorOf(s, si) }}>
                    {segments(s.values, x, y).map((pts, k) =>
                      pts.includes(' ') ? (
                        <polyline
                          key={k}
                          class={s.dashed ? 'chart-line chart-line-dashed' : 'chart-line'}
                          points={pts}
                          vector-effect="non-scaling-stroke"
                        />
                      ) : null,
                    )}
                    {s.values.map((v, i) =>
                      v === null || !Number.isFinite(v) ? null : (showMarkers ||
                        // a lone point between gaps must still be visible
                        ((s.values[i - 1] ?? null) === null && (s.values[i + 1] ?? null) === null)) ? (
                        <line key={i} class="chart-marker" x1={x(i)} x2={x(i)} y1={y(v)} y2={y(v)} vector-effect="non-scaling-stroke">
                          <title>{`${labels[i]}: ${s.name} ${format(v)}`}</title>
                        </line>
                      ) : null,
                    )}
                  </g>
                ))}
              </svg>
              {hasTarget(target) && <TargetLabel scale={scale} target={target} label={targetLabel} format={format} />}
            </div>
            <div class="chart-x chart-x-line">
              {shown.map((i) => (
                <span
                  key={i}
                  class={i === 0 && n > 1 ? 'chart-x-label chart-x-first' : i === n - 1 && n > 1 ? 'chart-x-label chart-x-last' : 'chart-x-label'}
                  style={{ left: `${x(i)}%` }}
                >
                  {labels[i]}
                </span>
              ))}
            </div>
          </div>
          <ScreenReaderTable title={title}>
            <thead>
              <tr>
                <th scope="col">Label</th>
                {series.map((s) => (
                  <th key={s.name} scope="col">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {labels.map((label, i) => (
                <tr key={i}>
                  <th scope="row">{label}</th>
                  {series.map((s) => {
                    const v = s.values[i];
                    return <td key={s.name}>{v === null || v === undefined ? 'no data' : format(v)}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </ScreenReaderTable>
        </>
      )}
    </figure>
  );
}

// What BarChart and LineChart share: the props every chart over a y axis takes, the default value
// format, and the pieces drawn the same way in both (y ticks, grid lines, the target line and its
// label). Positions are percentages of the 0..100 plot box (see scale.ts).
import type { ComponentChildren } from 'preact';
import { yPos, type YScale } from './scale';

/** The props of a chart with a y axis; each chart adds its data (and its own options). */
export interface AxisChartProps {
  /** Accessible name, and the visible caption unless `hideTitle`. */
  title: string;
  hideTitle?: boolean;
  /** Y-axis top: a number (e.g. 1 for rates) or 'auto' to fit the values. */
  max?: number | 'auto';
  /** An optional dashed target line, in the unit of the values. */
  target?: number | null;
  targetLabel?: string;
  /** How values read on the axis and to screen readers. */
  format?: (value: number) => string;
  /** Plot height in px. */
  height?: number;
  /** X labels shown at most (all are in the screen-reader table). */
  maxLabels?: number;
  /** Text shown instead of the chart when there is no data. */
  emptyText?: string;
}

export const defaultFormat = (v: number) => String(Math.round(v * 100) / 100);

export function hasTarget(target: number | null | undefined): target is number {
  return target !== null && target !== undefined;
}

/** The y axis' tick labels (HTML beside the plot). */
export function YTicks({ scale, format }: { scale: YScale; format: (value: number) => string }) {
  return (
    <div class="chart-y">
      {scale.ticks.map((t) => (
        <span key={t} class="chart-y-tick" style={{ top: `${yPos(t, scale)}%` }}>
          {format(t)}
        </span>
      ))}
    </div>
  );
}

/** The horizontal grid lines at the ticks (inside the SVG). */
export function GridLines({ scale }: { scale: YScale }) {
  return (
    <>
      {scale.ticks.map((t) => (
        <line key={t} class="chart-grid" x1="0" x2="100" y1={yPos(t, scale)} y2={yPos(t, scale)} vector-effect="non-scaling-stroke" />
      ))}
    </>
  );
}

/** The dashed target line (inside the SVG). */
export function TargetLine({ scale, target }: { scale: YScale; target: number }) {
  return <line class="chart-target" x1="0" x2="100" y1={yPos(target, scale)} y2={yPos(target, scale)} vector-effect="non-scaling-stroke" />;
}

/** The target line's label (HTML over the plot). */
export function TargetLabel({ scale, target, label, format }: { scale: YScale; target: number; label?: string; format: (value: number) => string }) {
  return (
    <span class="chart-target-label" style={{ top: `${yPos(target, scale)}%` }}>
      {label ?? `Target ${format(target)}`}
    </span>
  );
}

/** The table screen readers get instead of the (decorative) plot: `children` are its head and body. */
export function ScreenReaderTable({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    // Wrapped: a <table> ignores overflow, so it cannot be hidden by itself.
    <div class="visually-hidden">
      <table>
        <caption>{title}</caption>
        {children}
      </table>
    </div>
  );
}

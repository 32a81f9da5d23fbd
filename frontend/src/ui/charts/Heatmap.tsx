/**
 * Heatmap — a GitHub-style calendar: one column per week (Monday on top), month labels above,
 * weekday labels on the left, a legend below. Dependency-free SVG.
 *
 *   <Heatmap
 *     title="Last 365 days"                       // accessible name (and visible caption unless hideTitle)
 *     cells={stats.history}                        // [{ date: 'YYYY-MM-DD', state: 'done' | … }], oldest first
 *     color={habit.color}                          // optional colour for "done" (default --chart-done)
 *     legend={HABIT_LEGEND}                        // optional: which states to explain, in order
 *     describe={(cell) => `…`}                     // optional tooltip text per cell
 *   />
 *
 * States are the API's CellState (done, skipped, missed, empty, pending, unscheduled, future,
 * before_start); any other string gets the class `hm-<state>` for your own CSS. They differ
 * without colour too: done is solid, skipped hatched, missed crossed, pending dashed,
 * unscheduled a dot, future/before-start faint. Every cell has a tooltip (<title>); the SVG's
 * accessible name includes a count per state. Wide calendars scroll sideways inside their own
 * box, starting at the most recent week.
 */
import { useEffect, useRef } from 'preact/hooks';
import { MONTHS, WEEKDAYS } from '../format';
import { useUniqueId } from '../useUniqueId';
import './charts.css';

export interface HeatmapCell {
  date: string;
  state: string;
}

export interface LegendItem {
  state: string;
  label: string;
}

export interface HeatmapProps {
  title: string;
  hideTitle?: boolean;
  cells: HeatmapCell[];
  color?: string | null;
  legend?: LegendItem[];
  describe?: (cell: HeatmapCell) => string;
}

export const HABIT_LEGEND: LegendItem[] = [
  { state: 'done', label: 'Done' },
  { state: 'skipped', label: 'Skipped' },
  { state: 'missed', label: 'Missed' },
  { state: 'empty', label: 'Not done' },
  { state: 'pending', label: 'Today, open' },
  { state: 'unscheduled', label: 'Not scheduled' },
  { state: 'before_start', label: 'Before start / future' },
];

const CELL = 12;
const GAP = 3;
const PITCH = CELL + GAP;
const LEFT = 30; // room for weekday labels
const TOP = 16; // room for month labels
const DAY_MS = 86_400_000;

function parse(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** 0 = Monday … 6 = Sunday. */
function weekday(ms: number): number {
  return (new Date(ms).getUTCDay() + 6) % 7;
}

function formatDay(ms: number): string {
  const d = new Date(ms);
  return `${WEEKDAYS[weekday(ms)]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** One cell's shape: the state's base square plus a mark that tells states apart without colour. */
function CellMark({ state, x, y, patternId }: { state: string; x: number; y: number; patternId: string }) {
  const base = <rect class={`hm-cell hm-${state}`} x={x} y={y} width={CELL} height={CELL} rx="2" />;
  if (state === 'skipped') {
    return (
      <>
        {base}
        <rect x={x} y={y} width={CELL} height={CELL} rx="2" fill={`url(#${patternId})`} class="hm-mark" />
      </>
    );
  }
  if (state === 'missed') {
    return (
      <>
        {base}
        <path class="hm-mark hm-cross" d={`M${x + 3.5} ${y + 3.5}l5 5m0 -5l-5 5`} />
      </>
    );
  }
  if (state === 'unscheduled') {
    return (
      <>
        {base}
        <circle class="hm-mark hm-dot" cx={x + CELL / 2} cy={y + CELL / 2} r="1.5" />
      </>
    );
  }
  return base;
}

export function Heatmap({ title, hideTitle = false, cells, color, legend = HABIT_LEGEND, describe }: HeatmapProps) {
  const patternId = useUniqueId('hm-hatch');
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Start at the most recent weeks, which is what a person looks for first.
    const el = scroller.current;
    if (el) el.scrollLeft = el.scrollWidth;
  }, [cells.length]);

  if (cells.length === 0) {
    return (
      <figure class="chart heatmap">
        <figcaption class={hideTitle ? 'visually-hidden' : 'chart-title'}>{title}</figcaption>
        <p class="chart-empty">No days to show.</p>
      </figure>
    );
  }

  const first = parse(cells[0]!.date);
  const offset = weekday(first);
  const placed = cells.map((cell) => {
    const index = Math.round((parse(cell.date) - first) / DAY_MS) + offset;
    return { cell, ms: parse(cell.date), col: Math.floor(index / 7), row: index % 7 };
  });
  const cols = (placed[placed.length - 1]?.col ?? 0) + 1;
  const width = LEFT + cols * PITCH;
  const height = TOP + 7 * PITCH;

  // A month label over the first column that contains the month's first day (none for a
  // partial first column that would collide with the next label).
  const months: { col: number; label: string }[] = [];
  for (const p of placed) {
    const d = new Date(p.ms);
    if (d.getUTCDate() === 1) months.push({ col: p.col, label: MONTHS[d.getUTCMonth()]! });
  }
  if (placed.length && (months.length === 0 || months[0]!.col >= 3)) {
    months.unshift({ col: 0, label: MONTHS[new Date(first).getUTCMonth()]! });
  }

  const counts = new Map<string, number>();
  for (const c of cells) counts.set(c.state, (counts.get(c.state) ?? 0) + 1);
  const labelOf = (state: string) => legend.find((l) => l.state === state)?.label ?? state.replace(/_/g, ' ');
  const summary = [...counts.entries()]
    .filter(([state]) => state !== 'future' && state !== 'before_start')
    .map(([state, n]) => `${labelOf(state)}: ${n}`)
    .join(', ');
  const tip = describe ?? ((cell: HeatmapCell) => `${formatDay(parse(cell.date))}: ${labelOf(cell.state)}`);

  return (
    <figure class="chart heatmap" style={color ? { '--hm-done': color } : undefined}>
      <figcaption class={hideTitle ? 'visually-hidden' : 'chart-title'}>{title}</figcaption>
      <div class="heatmap-scroll" ref={scroller} tabIndex={0} aria-label={`${title} (scrolls sideways)`} role="group">
        <svg
          class="heatmap-svg"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={`${title}. ${summary}.`}
        >
          <defs>
            <pattern id={patternId} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <line x1="0" y1="0" x2="0" y2="4" class="hm-hatch" />
            </pattern>
          </defs>
          {months.map((m) => (
            <text key={`${m.col}-${m.label}`} class="hm-label" x={LEFT + m.col * PITCH} y={TOP - 5}>
              {m.label}
            </text>
          ))}
          {[
            [0, 'Mon'],
            [2, 'Wed'],
            [4, 'Fri'],
          ].map(([row, name]) => (
            <text key={name} class="hm-label" x={0} y={TOP + (row as number) * PITCH + CELL - 2}>
              {name}
            </text>
          ))}
          {placed.map((p) => (
            <g key={p.cell.date} data-date={p.cell.date} data-state={p.cell.state}>
              <title>{tip(p.cell)}</title>
              <CellMark state={p.cell.state} x={LEFT + p.col * PITCH} y={TOP + p.row * PITCH} patternId={patternId} />
            </g>
          ))}
        </svg>
      </div>
      <ul class="heatmap-legend">
        {legend.map((item) => (
          <li key={item.state}>
            <svg width={CELL} height={CELL} viewBox={`0 0 ${CELL} ${CELL}`} aria-hidden="true" focusable="false">
              <CellMark state={item.state} x={0} y={0} patternId={patternId} />
            </svg>
            {item.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}

// Shared geometry for the charts: a plot area in a 0..100 × 0..100 box that the SVG stretches
// to the container (preserveAspectRatio="none"); text is HTML placed by percentage, so it stays
// crisp and readable at any width.

export interface YScale {
  max: number;
  ticks: number[];
}

/**
 * A y axis from 0 to `max` (a number, or 'auto' to fit the values) with 2–4 round ticks;
 * `integer` (counts) keeps every tick a whole number.
 */
export function yScale(values: (number | null | undefined)[], max: number | 'auto' = 'auto', target?: number | null, integer = false): YScale {
  if (max !== 'auto') return { max, ticks: integer && max % 2 ? [0, max] : [0, max / 2, max] };
  const highest = Math.max(0, target ?? 0, ...values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)));
  if (highest <= 0) return { max: 1, ticks: [0, 1] };
  const step = integer ? Math.max(1, niceStep(highest / 3)) : niceStep(highest / 3);
  const top = Math.ceil(highest / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return { max: top, ticks };
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  const nice = unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10;
  return Math.max(nice * power, Number.EPSILON);
}

/** Indices of at most `max` evenly spread labels (always the first and the last). */
export function labelIndices(count: number, max: number): number[] {
  if (count <= 0) return [];
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  const step = Math.ceil((count - 1) / (Math.max(2, max) - 1));
  const out: number[] = [];
  for (let i = 0; i < count - 1; i += step) out.push(i);
  // Keep the last label, dropping a neighbour that would collide with it.
  if (out.length > 1 && count - 1 - out[out.length - 1]! <= step / 2) out.pop();
  out.push(count - 1);
  return out;
}

/** y in the 0..100 box (0 at the top) for a value on a scale. */
export function yPos(value: number, scale: YScale): number {
  const v = Math.min(Math.max(value, 0), scale.max);
  return 100 - (v / scale.max) * 100;
}

// Number formatting shared by the charts (and by pages that show the same numbers).

/**
 * A rate (0..1) as a floored whole percentage: 0.615 → "61%", 1 → "100%", null → "—".
 * Floored, never rounded, so "75%" always means the target was really reached.
 */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  // A tiny epsilon keeps 0.29 * 100 = 28.999999999999996 from showing as 28%.
  return `${Math.floor(rate * 100 + 1e-9)}%`;
}

/** A plain number without trailing zeros: 3 → "3", 2.5 → "2.5", 0.3333 → "0.33". */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return String(Math.round(value * 100) / 100);
}

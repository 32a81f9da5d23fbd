// Number and date formatting for the goals, portfolio and public pages. Percentages use the one
// shared floored formatter: 0.615 → "61%" (never rounded up to a score that was not reached).
export { formatPercent } from '../ui/charts/format';

/** A number exactly as stored, with digit grouping: 1234.5 → "1,234.5". */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** An ISO calendar date ("2024-11-04") as "4 Nov 2024"; it has no time zone, so none is applied. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** "2024-11" as "Nov 2024" (or "Nov" when short). */
export function formatMonth(month: string, short = false): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat('en-GB', short ? { month: 'short', timeZone: 'UTC' } : { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

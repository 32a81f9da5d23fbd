// Number and date formatting for the goals, portfolio and public pages. Percentages use the one
// shared floored formatter: 0.615 → "61%" (never rounded up to a score that was not reached).
export { formatPercent } from '../ui/charts/format';

/** A number exactly as stored, with digit grouping: 1234.5 → "1,234.5". */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An ISO calendar date ("2024-11-04") as "4 Nov 2024"; it has no time zone, so none is applied. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const month = MONTHS[Number(match[2]) - 1];
  return month ? `${Number(match[3])} ${month} ${match[1]}` : iso;
}

/** "2024-11" as "Nov 2024" (or "Nov" when short). */
export function formatMonth(month: string, short = false): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const name = MONTHS[Number(match[2]) - 1];
  if (!name) return month;
  return short ? name : `${name} ${match[1]}`;
}

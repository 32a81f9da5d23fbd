import type { ReadingItem } from './api';
import { amountLabel, progressFraction } from './labels';

/** "40 of 120 pages" with a bar (the native <progress>, so no inline styles under the CSP). */
export function ProgressLine({ item }: { item: Pick<ReadingItem, 'progress_current' | 'progress_total' | 'progress_unit' | 'title'> }) {
  const fraction = progressFraction(item.progress_current, item.progress_total, item.progress_unit);
  const text =
    item.progress_unit === 'percent'
      ? `${Math.round(item.progress_current)}%`
      : item.progress_total
        ? `${amountLabel(item.progress_current, item.progress_unit).replace(/ \w+$/, '')} of ${amountLabel(item.progress_total, item.progress_unit)}`
        : `${amountLabel(item.progress_current, item.progress_unit)} read`;
  return (
    <div class="rd-progress">
      {fraction !== null && <progress class="rd-progress-bar" max={1} value={fraction} aria-label={`Progress on “${item.title}”`} />}
      <span class="rd-progress-text">{text}</span>
    </div>
  );
}

import { formatPercent } from '../ui/format';

/**
 * A goal's or key result's progress: the floored percentage in words, and a bar beside it.
 * The bar is decoration; the text carries the number for everyone.
 */
export function ProgressBar({ value, label, size = 'md' }: { value: number | null; label?: string; size?: 'md' | 'lg' }) {
  const pct = value === null ? 0 : Math.max(0, Math.min(1, value));
  return (
    <div class={`goal-progress goal-progress-${size}`}>
      <span class="goal-progress-track" aria-hidden="true">
        <span class="goal-progress-fill" style={{ width: `${pct * 100}%` }} />
      </span>
      <span class="goal-progress-text">
        {label ? <span class="visually-hidden">{label}: </span> : null}
        {formatPercent(value)}
      </span>
    </div>
  );
}

// What a scoreboard row means for the person: met, on track, tight, out of reach, or missed.
// Always said in words too (never by colour alone).
import { plural } from './format';
import type { ScoreItem, SprintStatus } from './api';

export type ItemState = 'met' | 'on-track' | 'tight' | 'out-of-reach' | 'missed';

export interface ItemVerdict {
  state: ItemState;
  /** Short label: "On track". */
  label: string;
  /** The sentence under the bar: "2 more of 5 days left". */
  detail: string;
}

export function itemVerdict(item: ScoreItem, status: SprintStatus): ItemVerdict {
  const { still_needed: needed, eligible_left: left, required, done } = item;
  // An "N times a week" item (its streaks count weeks) counts completions, not days.
  const weekly = item.streak_unit === 'weeks';
  const unit = weekly ? 'time' : 'day';
  if (status === 'planned') {
    // The row's own "N of M needed" line says the rest.
    return { state: 'on-track', label: 'Not started', detail: '' };
  }
  if (needed <= 0) {
    const detail =
      status === 'finished'
        ? `${done} of ${required} required ${unit}s done`
        : `${required} of ${required} required ${unit}s done${left > 0 ? ` · ${plural(left, unit)} left` : ''}`;
    return { state: 'met', label: status === 'finished' ? 'Target met' : 'Target reached', detail };
  }
  if (status === 'finished') {
    return { state: 'missed', label: 'Missed', detail: `${plural(needed, unit)} short of ${required}` };
  }
  const moreOf = `${needed} more of ${plural(left, unit)} left`;
  if (!item.feasible) {
    return { state: 'out-of-reach', label: 'Out of reach', detail: moreOf };
  }
  if (needed === left) {
    return { state: 'tight', label: weekly ? 'Every week counts' : 'Every day counts', detail: moreOf };
  }
  return { state: 'on-track', label: 'On track', detail: moreOf };
}

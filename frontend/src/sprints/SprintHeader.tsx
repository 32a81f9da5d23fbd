// The top of every sprint page: the status badge and dates line, and the Current sprint · History
// sub-navigation.
import { formatRange } from '../ui/format';
import type { Sprint, SprintStatus } from './api';
import { STATUS_LABEL } from './labels';
import { CURRENT_PATH, HISTORY_PATH } from './paths';

export function StatusBadge({ status }: { status: SprintStatus }) {
  return <span class={`sp-badge sp-badge-${status}`}>{STATUS_LABEL[status]}</span>;
}

/** The line above a sprint page's heading: its status and its dates. */
export function SprintEyebrow({ sprint }: { sprint: Pick<Sprint, 'status' | 'start_date' | 'end_date'> }) {
  return (
    <p class="sp-eyebrow">
      <StatusBadge status={sprint.status} />
      <span>{formatRange(sprint.start_date, sprint.end_date)}</span>
    </p>
  );
}

/** Current sprint · History, under each sprint page's heading. */
export function SprintNav({ current }: { current?: 'current' | 'history' }) {
  return (
    <nav class="sp-tabs" aria-label="Sprints">
      <a href={CURRENT_PATH} class="sp-tab" aria-current={current === 'current' ? 'page' : undefined}>
        Current sprint
      </a>
      <a href={HISTORY_PATH} class="sp-tab" aria-current={current === 'history' ? 'page' : undefined}>
        History
      </a>
    </nav>
  );
}

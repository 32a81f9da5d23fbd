// Small pieces the sprint pages share: status badge and dates line, sub-navigation, state icons, refresh on focus.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { formatRange } from '../ui/format';
import { CURRENT_PATH, HISTORY_PATH, STATUS_LABEL, type Sprint, type SprintStatus } from './data';
import type { ItemState } from './itemState';

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

function Svg({ children }: { children: ComponentChildren }) {
  return (
    <svg class="icon sp-icon" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor"
      stroke-width="2.25" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export function StateIcon({ state }: { state: ItemState }) {
  switch (state) {
    case 'met':
      return <Svg><circle cx="12" cy="12" r="10" /><path d="m7.5 12.5 3 3 6-6.5" /></Svg>;
    case 'on-track':
      return <Svg><path d="M4 17 10 11l4 4 6-7" /><path d="M15 8h5v5" /></Svg>;
    case 'tight':
      return <Svg><path d="M10.3 3.9 2.2 18a2 2 0 0 0 1.7 3h16.2a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" /><path d="M12 9v4M12 17h.01" /></Svg>;
    case 'out-of-reach':
    case 'missed':
      return <Svg><circle cx="12" cy="12" r="10" /><path d="m15 9-6 6M9 9l6 6" /></Svg>;
  }
}

export function PencilIcon() {
  return <Svg><path d="M12 20h9" /><path d="M16.5 3.5a2.1 2.1 0 1 1 3 3L7 19l-4 1 1-4Z" /></Svg>;
}

export function DownloadIcon() {
  return <Svg><path d="M12 3v12M7 10l5 5 5-5M5 21h14" /></Svg>;
}

export function PlusIcon() {
  return <Svg><path d="M12 5v14M5 12h14" /></Svg>;
}

/** Re-runs `reload` when the person comes back to the tab (after checking in elsewhere). */
export function useRefreshOnFocus(reload: () => void) {
  useEffect(() => {
    let last = Date.now();
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      // Focus and visibilitychange often fire together: one reload is enough.
      if (Date.now() - last < 1000) return;
      last = Date.now();
      reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [reload]);
}

import { describeOffline, type OfflineState } from './useOfflineSync';
import './offline.css';

/** The connection line under a page's heading; a live region, so changes are announced. */
export function OfflineStatus({ state }: { state: OfflineState }) {
  const text = describeOffline(state);
  const kind = !state.online ? 'offline' : state.waiting > 0 || state.phase === 'syncing' ? 'waiting' : 'synced';
  return (
    <p class="offline-status" data-kind={text ? kind : undefined} role="status" aria-live="polite">
      {text}
    </p>
  );
}

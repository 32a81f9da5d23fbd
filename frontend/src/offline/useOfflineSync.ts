// The connection and the queue as a page sees them: online or not, how many changes wait, and
// the replay when the connection returns (the `online` event, the page opening, or a retry
// every 30 s while changes wait and the server can't be reached).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { onQueueChange, pending, type ReplayResult } from './queue';
import { syncCheckIns } from './sync';

export type SyncPhase = 'idle' | 'syncing' | 'synced';

export interface OfflineState {
  online: boolean;
  /** Changes waiting to be sent. */
  waiting: number;
  phase: SyncPhase;
}

const RETRY_MS = 30_000;

export function isOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

export function useOfflineSync(userId: number | null, onSynced: (result: ReplayResult) => void) {
  const [state, setState] = useState<OfflineState>({ online: isOnline(), waiting: 0, phase: 'idle' });
  const synced = useRef(onSynced);
  synced.current = onSynced;

  const count = useCallback(async () => {
    if (userId === null) return 0;
    const n = (await pending(userId)).length;
    setState((s) => ({ ...s, waiting: n }));
    return n;
  }, [userId]);

  const sync = useCallback(async () => {
    if (userId === null || !isOnline()) return;
    if ((await count()) === 0) return;
    setState((s) => ({ ...s, phase: 'syncing' }));
    try {
      const result = await syncCheckIns(userId);
      setState((s) => ({ ...s, waiting: result.remaining, phase: result.remaining === 0 ? 'synced' : 'idle' }));
      if (result.synced.length > 0 || result.dropped.length > 0) synced.current(result);
    } catch {
      setState((s) => ({ ...s, phase: 'idle' }));
    }
  }, [userId, count]);

  useEffect(() => {
    void count().then((n) => {
      if (n > 0) void sync();
    });
    const online = () => {
      setState((s) => ({ ...s, online: true }));
      void sync();
    };
    const offline = () => setState((s) => ({ ...s, online: false, phase: 'idle' }));
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    const stop = onQueueChange(() => void count());
    const retry = window.setInterval(() => void sync(), RETRY_MS);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      stop();
      window.clearInterval(retry);
    };
  }, [count, sync]);

  return { ...state, sync };
}

/** "Offline — 3 changes waiting", "Syncing 3 changes…", "Synced", or '' when there's nothing to say. */
export function describeOffline(state: OfflineState): string {
  const changes = `${state.waiting} change${state.waiting === 1 ? '' : 's'}`;
  if (!state.online) return state.waiting > 0 ? `Offline — ${changes} waiting` : 'Offline — showing what was saved last';
  if (state.phase === 'syncing') return `Syncing ${changes}…`;
  if (state.waiting > 0) return `${changes} waiting to sync`;
  if (state.phase === 'synced') return 'Synced';
  return '';
}

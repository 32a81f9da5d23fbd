import { useEffect, useState } from 'preact/hooks';
import { applyUpdate, onUpdate, updateReady } from './update';
import './pwa.css';

/** "A new version is ready — Reload": shown when a new deploy is waiting to take over. */
export function UpdatePrompt() {
  const [ready, setReady] = useState(updateReady);
  const [busy, setBusy] = useState(false);
  useEffect(() => onUpdate(setReady), []);
  return (
    <div class="update-prompt-region" aria-live="polite">
      {ready && (
        <div class="update-prompt card">
          <p>A new version of Kaizen is ready.</p>
          <div class="update-prompt-actions">
            <button type="button" class="btn btn-ghost" onClick={() => setReady(false)}>
              Later
            </button>
            <button
              type="button"
              class="btn btn-primary"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void applyUpdate().finally(() => setBusy(false));
              }}
            >
              {busy ? 'Reloading…' : 'Reload'}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

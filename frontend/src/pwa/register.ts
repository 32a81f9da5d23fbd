/// <reference types="vite-plugin-pwa/client" />
// Registers the service worker (loaded after the first render, off the critical path). A new
// deploy installs in the background and waits; the page then offers to reload (UpdatePrompt),
// and accepting it activates the new worker and reloads once it has taken over.
import { registerSW } from 'virtual:pwa-register';
import { setUpdate } from './update';

/** How often an open app looks for a new deploy. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export function register(): void {
  if (!('serviceWorker' in navigator)) return;
  const updateSW = registerSW({
    onNeedRefresh() {
      setUpdate(() => updateSW(true));
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      window.setInterval(() => {
        if (navigator.onLine) void registration.update().catch(() => undefined);
      }, CHECK_EVERY_MS);
    },
  });
}

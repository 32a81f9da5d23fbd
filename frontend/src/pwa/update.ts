// Whether a new version of the app is waiting, and how to switch to it. The service worker
// registration (register.ts) fills it in; <UpdatePrompt> offers the reload.
type Listener = (ready: boolean) => void;

let waiting: (() => Promise<void>) | null = null;
const listeners = new Set<Listener>();

/** Called by the registration when a new service worker is installed and waiting. */
export function setUpdate(apply: (() => Promise<void>) | null): void {
  waiting = apply;
  for (const l of listeners) l(!!waiting);
}

export function updateReady(): boolean {
  return !!waiting;
}

export function onUpdate(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Activates the waiting service worker; the page reloads once it controls the page. */
export async function applyUpdate(): Promise<void> {
  if (waiting) await waiting();
}

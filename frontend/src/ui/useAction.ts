// Busy / error / confirm state around one async action (save a status, delete after a
// confirmation), so no component writes that state by hand:
//
//   const del = useAction((entry: Entry) => deleteEntry(entry.id), { confirm: true, onDone: … });
//   <Button onClick={() => del.ask(entry)}>Delete</Button>
//   <ConfirmDialog title={`Delete “${del.pending?.title}”?`} {...del.dialog} …>
//
// `run(arg)` runs at once; `ask(arg)` holds `arg` as `pending` until the dialog's confirm runs it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../api/errors';

export interface ActionOptions<T, R> {
  /** Called after the action succeeded (a confirmed action's dialog is closed first). */
  onDone?: (result: R, arg: T) => void;
  /**
   * Keep `busy` after success (e.g. when `onDone` navigates away, so the button cannot be pressed
   * twice while the next page loads).
   */
  stayBusy?: boolean;
}

export interface Action<T, R> {
  /** Runs the action now; resolves to its result, or undefined when it failed (see `error`). */
  run: (arg: T) => Promise<R | undefined>;
  busy: boolean;
  /** The argument of the run in flight (null when idle), e.g. which of several buttons is busy. */
  running: T | null;
  /** The failure's message, cleared when the action runs or is asked for again. */
  error: string | null;
  /** The argument waiting for a confirmation (null when no confirmation is open). */
  pending: T | null;
  /** Opens the confirmation for `arg`. */
  ask: (arg: T) => void;
  /** Closes the confirmation without running (ignored while busy). */
  cancel: () => void;
  /** Props for <ConfirmDialog> wired to `pending`, `busy`, `error`, confirm and cancel. */
  dialog: { open: boolean; busy: boolean; error: string | null; onConfirm: () => void; onCancel: () => void };
  reset: () => void;
}

export function useAction<T = void, R = unknown>(fn: (arg: T) => Promise<R>, options: ActionOptions<T, R> = {}): Action<T, R> {
  const [busy, setBusy] = useState(false);
  const [running, setRunning] = useState<{ arg: T } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<{ arg: T } | null>(null);
  const latest = useRef({ fn, options });
  latest.current = { fn, options };
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const execute = async (arg: T, confirming: boolean): Promise<R | undefined> => {
    setBusy(true);
    setRunning({ arg });
    setError(null);
    let result: R;
    try {
      result = await latest.current.fn(arg);
    } catch (err) {
      if (mounted.current) {
        setError(errorMessage(err));
        setBusy(false);
        setRunning(null);
      }
      return undefined;
    }
    if (mounted.current) {
      if (confirming) setPending(null);
      if (!latest.current.options.stayBusy) {
        setBusy(false);
        setRunning(null);
      }
    }
    latest.current.options.onDone?.(result, arg);
    return result;
  };

  const cancel = () => {
    if (!busy) setPending(null);
  };

  return {
    run: (arg) => execute(arg, false),
    busy,
    running: running?.arg ?? null,
    error,
    pending: pending?.arg ?? null,
    ask: (arg) => {
      setError(null);
      setPending({ arg });
    },
    cancel,
    dialog: {
      open: pending !== null,
      busy,
      error,
      onConfirm: () => {
        if (pending && !busy) void execute(pending.arg, true);
      },
      onCancel: cancel,
    },
    reset: () => {
      setError(null);
      setPending(null);
    },
  };
}

import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { Alert } from './Alert';
import { Button } from './Button';
import { useUniqueId } from './useUniqueId';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ComponentChildren;
  confirmLabel: string;
  busyLabel?: string;
  danger?: boolean;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal question on the native <dialog>: focus stays inside, Escape cancels, and focus goes
 * back to whatever opened it. Cancel has the focus first, so Enter never destroys by accident.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, busyLabel, danger, busy, error, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useUniqueId();
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
    if (!open && opener.current instanceof HTMLElement && opener.current.isConnected) {
      opener.current.focus();
      opener.current = null;
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId} class="dialog-title">
        {title}
      </h2>
      {children && <div class="dialog-body">{children}</div>}
      {error && <Alert>{error}</Alert>}
      <div class="dialog-actions">
        <button ref={cancelRef} type="button" class="btn btn-secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <Button variant={danger ? 'danger' : 'primary'} onClick={onConfirm} busy={busy} busyLabel={busyLabel}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}

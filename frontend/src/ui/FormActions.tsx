// The foot of a form: its error (the server's message that belongs to no field), the submit
// button (busy while the form is sent) and, when there is somewhere to go back to, Cancel
// (disabled while busy). `children` go after them in the same row (e.g. a Delete button).
import type { ComponentChildren } from 'preact';
import { Alert } from './Alert';
import { Button } from './Button';

export interface FormActionsProps {
  /** The form controller's state (see ui/form.ts). */
  form: { formError: string | null; busy: boolean };
  submitLabel: ComponentChildren;
  busyLabel?: string;
  onCancel?: () => void;
  children?: ComponentChildren;
}

export function FormActions({ form, submitLabel, busyLabel = 'Saving…', onCancel, children }: FormActionsProps) {
  return (
    <>
      {form.formError && <Alert>{form.formError}</Alert>}
      <div class="form-actions">
        <Button type="submit" variant="primary" busy={form.busy} busyLabel={busyLabel}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel} disabled={form.busy}>
            Cancel
          </Button>
        )}
        {children}
      </div>
    </>
  );
}

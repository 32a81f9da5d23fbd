import type { ComponentChildren, JSX } from 'preact';
import { useUniqueId } from './useUniqueId';

export interface ControlProps {
  id: string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: ComponentChildren;
  /** Shown after the label, e.g. "optional". */
  note?: string;
  children: (control: ControlProps) => ComponentChildren;
}

/** A labelled control with its hint and its error message, wired up for screen readers. */
export function Field({ label, error, hint, note, children }: FieldProps) {
  const id = useUniqueId('field');
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id} class="field-label">
        {label}
        {note && <span class="field-note"> ({note})</span>}
      </label>
      {children({ id, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': describedBy })}
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
      {hint && (
        <p class="field-hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

type InputProps = JSX.InputHTMLAttributes<HTMLInputElement>;

/** <Field> around an <input>. */
export function TextField({ label, error, hint, note, ...input }: Omit<FieldProps, 'children'> & InputProps) {
  return (
    <Field label={label} error={error} hint={hint} note={note}>
      {(control) => <input class="input" {...input} {...control} />}
    </Field>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

type SelectProps = JSX.SelectHTMLAttributes<HTMLSelectElement>;

/** <Field> around a <select> of `options`. */
export function SelectField({ label, error, hint, note, options, ...select }: Omit<FieldProps, 'children'> & SelectProps & { options: readonly SelectOption[] }) {
  return (
    <Field label={label} error={error} hint={hint} note={note}>
      {(control) => (
        <select class="input select" {...control} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

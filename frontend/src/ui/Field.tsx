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

export interface FieldIds {
  /** The control's id. */
  id: string;
  errorId: string | undefined;
  hintId: string | undefined;
  /** For the control's aria-describedby: the error, then the hint. */
  describedBy: string | undefined;
}

/** Ids for a control with an error and a hint (either may be absent). */
export function useFieldIds(prefix: string, error: string | undefined, hint: ComponentChildren): FieldIds {
  const id = useUniqueId(prefix);
  const errorId = error ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  return { id, errorId, hintId, describedBy: [errorId, hintId].filter(Boolean).join(' ') || undefined };
}

/** The label text with its "(note)". */
export function LabelText({ label, note }: { label: string; note?: string | undefined }) {
  return (
    <>
      {label}
      {note && <span class="field-note"> ({note})</span>}
    </>
  );
}

/** The error message and the hint under a control, with the ids its aria-describedby names. */
export function FieldMessages({ ids, error, hint }: { ids: FieldIds; error: string | undefined; hint: ComponentChildren }) {
  return (
    <>
      {error && (
        <p class="field-error" id={ids.errorId}>
          {error}
        </p>
      )}
      {hint && (
        <p class="field-hint" id={ids.hintId}>
          {hint}
        </p>
      )}
    </>
  );
}

/** A labelled control with its hint and its error message, wired up for screen readers. */
export function Field({ label, error, hint, note, children }: FieldProps) {
  const ids = useFieldIds('field', error, hint);
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={ids.id} class="field-label">
        <LabelText label={label} note={note} />
      </label>
      {children({ id: ids.id, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': ids.describedBy })}
      <FieldMessages ids={ids} error={error} hint={hint} />
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

/** <TextField> for an email address: the email keyboard, no capitals or spelling fixes. */
export function EmailField(props: Omit<FieldProps, 'children'> & InputProps) {
  return <TextField type="email" inputMode="email" autoCapitalize="none" spellcheck={false} {...props} />;
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

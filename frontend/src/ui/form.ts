// A small form controller: typed values (text, numbers, booleans, id lists), client-side
// validation before anything is sent, a busy flag while the request runs, and the server's 422
// messages put next to the field they are about. `bind(name)` wires a text control to a string
// value; other values are set with `set(name, value)` (a checkbox list, a GoalPicker).
import { useRef, useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import { ApiError, errorMessage } from '../api/errors';

export type Values = Record<string, unknown>;
export type Errors<V extends Values> = Partial<Record<keyof V & string, string>>;
/** The names of the values that are strings (the ones an <input> can be bound to). */
export type TextKeys<V extends Values> = { [K in keyof V & string]: V[K] extends string ? K : never }[keyof V & string];

export interface Form<V extends Values> {
  values: V;
  errors: Errors<V>;
  formError: string | null;
  busy: boolean;
  set: <K extends keyof V & string>(name: K, value: V[K]) => void;
  /** Props for an <input>/<select>/<textarea> bound to the text value `name`. */
  bind: (name: TextKeys<V>) => {
    name: string;
    value: string;
    onInput: (e: TargetedEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
  };
  reset: (values?: V) => void;
  setErrors: (errors: Errors<V>, formError?: string | null) => void;
  onSubmit: (e: TargetedEvent<HTMLFormElement>) => void;
}

export interface FormOptions<V extends Values> {
  initial: V;
  validate?: (values: V) => Errors<V>;
  submit: (values: V) => Promise<void>;
  /** Adjust a server error before it is shown (e.g. a 409 that belongs to the email field). */
  mapError?: (error: ApiError) => ApiError;
}

export function useForm<V extends Values>(options: FormOptions<V>): Form<V> {
  const [values, setValues] = useState<V>(options.initial);
  const [errors, setErrorsState] = useState<Errors<V>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement | null>(null);
  const opts = useRef(options);
  opts.current = options;

  const focusFirstInvalid = () => {
    // After the render that marks fields invalid.
    setTimeout(() => {
      const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      el?.focus();
    }, 0);
  };

  const setErrors = (next: Errors<V>, nextFormError: string | null = null) => {
    setErrorsState(next);
    setFormError(nextFormError);
  };

  const set = <K extends keyof V & string>(name: K, value: V[K]) => {
    setValues((prev) => ({ ...prev, [name]: value }));
    // Editing a field clears its message; it is checked again on submit.
    setErrorsState((prev) => (prev[name] ? { ...prev, [name]: undefined } : prev));
  };

  const onSubmit = (e: TargetedEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    formRef.current = e.currentTarget;
    const current = values;
    const clientErrors = opts.current.validate?.(current) ?? {};
    if (Object.values(clientErrors).some(Boolean)) {
      setErrors(clientErrors);
      focusFirstInvalid();
      return;
    }
    setErrors({});
    setBusy(true);
    opts.current
      .submit(current)
      .catch((err: unknown) => {
        let apiErr = err instanceof ApiError ? err : null;
        if (apiErr && opts.current.mapError) apiErr = opts.current.mapError(apiErr);
        if (!apiErr) {
          setErrors({}, errorMessage(err));
          return;
        }
        const fieldErrors: Errors<V> = {};
        const stray: string[] = [];
        for (const [field, msg] of Object.entries(apiErr.fields)) {
          if (field in current) fieldErrors[field as keyof V & string] = msg;
          else stray.push(msg);
        }
        const hasFieldErrors = Object.keys(fieldErrors).length > 0;
        const message =
          stray.length > 0 ? stray.join(' ') : hasFieldErrors ? null : apiErr.message;
        setErrors(fieldErrors, message);
        if (hasFieldErrors) focusFirstInvalid();
      })
      .finally(() => setBusy(false));
  };

  return {
    values,
    errors,
    formError,
    busy,
    set,
    bind: (name) => ({
      name,
      value: (values[name] as string | undefined) ?? '',
      onInput: (e) => set(name, e.currentTarget.value as V[TextKeys<V>]),
    }),
    reset: (next) => {
      setValues(next ?? opts.current.initial);
      setErrors({});
    },
    setErrors,
    onSubmit,
  };
}

// Validators shared by the forms.
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MIN_PASSWORD = 10;

export function checkEmail(value: string): string | undefined {
  if (!value.trim()) return 'Enter your email address.';
  if (!EMAIL_RE.test(value.trim())) return 'Enter an email address like name@example.com.';
  return undefined;
}

export function checkNewPassword(value: string): string | undefined {
  if (!value) return 'Choose a password.';
  if (value.length < MIN_PASSWORD) return `Use at least ${MIN_PASSWORD} characters.`;
  return undefined;
}

// The sprint target as a percentage: a text input with a "%" after it (the new-sprint form and
// the next-sprint form of the retrospective).
import type { JSX } from 'preact';
import { Field } from '../ui/Field';

type InputProps = JSX.InputHTMLAttributes<HTMLInputElement>;

export function TargetField({ error, hint, ...input }: { error?: string | undefined; hint?: string | undefined } & InputProps) {
  return (
    <Field label="Target" error={error} hint={hint}>
      {(control) => (
        <div class="sp-suffix">
          <input class="input" inputMode="decimal" autoComplete="off" {...control} {...input} />
          <span class="sp-suffix-unit" aria-hidden="true">
            %
          </span>
        </div>
      )}
    </Field>
  );
}

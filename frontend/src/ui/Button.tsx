import type { ComponentChildren, JSX } from 'preact';

type ButtonProps = JSX.ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  busy?: boolean;
  busyLabel?: string;
  children: ComponentChildren;
};

/** A button that shows a spinner and refuses clicks while its request runs. */
export function Button({ variant = 'secondary', busy = false, busyLabel, children, class: cls, type, disabled, ...rest }: ButtonProps) {
  return (
    <button
      type={type ?? 'button'}
      class={['btn', `btn-${variant}`, cls].filter(Boolean).join(' ')}
      disabled={disabled || busy}
      aria-busy={busy ? 'true' : undefined}
      {...rest}
    >
      {busy && <span class="spinner spinner-sm" aria-hidden="true" />}
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}

import type { ComponentChildren } from 'preact';
import { AlertIcon, CheckIcon } from './icons';

interface AlertProps {
  kind?: 'error' | 'success' | 'info';
  children: ComponentChildren;
}

/** A message box. Errors are announced by screen readers as soon as they appear. */
export function Alert({ kind = 'error', children }: AlertProps) {
  return (
    <div class={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {kind === 'success' ? <CheckIcon /> : <AlertIcon />}
      <div class="alert-body">{children}</div>
    </div>
  );
}

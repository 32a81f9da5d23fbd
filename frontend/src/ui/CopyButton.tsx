import { useEffect, useState } from 'preact/hooks';
import { Button } from './Button';
import { CheckIcon, CopyIcon } from './icons';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API needs a secure context (https or localhost); fall back to a selection copy.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

/** Copies `text`; says "Copied" (to screen readers too), or how to copy by hand if it can't. */
export function CopyButton({ text, label = 'Copy', what }: { text: string; label?: string; what?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state !== 'copied') return undefined;
    const t = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <span class="copy">
      <Button
        aria-label={what ? `${label} ${what}` : undefined}
        onClick={async () => setState((await copyText(text)) ? 'copied' : 'failed')}
      >
        {state === 'copied' ? <CheckIcon /> : <CopyIcon />}
        {state === 'copied' ? 'Copied' : label}
      </Button>
      <span class={state === 'failed' ? 'copy-status' : 'visually-hidden'} role="status">
        {state === 'copied' ? 'Copied to clipboard.' : state === 'failed' ? 'Copy failed — select the text and press Ctrl+C.' : ''}
      </span>
    </span>
  );
}

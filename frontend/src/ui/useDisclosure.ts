import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Open/closed state for a menu or popover: while open, a pointer press outside `rootRef` closes
 * it, and Escape closes it and moves focus back to `buttonRef` (the toggle). `onFocusOut`, set on
 * the root, closes it when focus leaves by Tab.
 */
export function useDisclosure<Root extends HTMLElement = HTMLElement>() {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<Root>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onDown = (e: Event) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const onFocusOut = (e: FocusEvent) => {
    const next = e.relatedTarget as Node | null;
    if (next && rootRef.current && !rootRef.current.contains(next)) setOpen(false);
  };

  return { open, setOpen, rootRef, buttonRef, onFocusOut };
}

import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { User } from '../api/client';
import { errorMessage } from '../api/errors';
import { useSession } from '../auth/session';
import { SIGN_IN_PATH } from '../paths';
import { ChevronDownIcon } from '../ui/icons';
import { useDisclosure } from '../ui/useDisclosure';
import { useUniqueId } from '../ui/useUniqueId';

function initials(user: User): string {
  const source = user.display_name.trim() || user.email;
  return source.charAt(0).toUpperCase();
}

/** The signed-in person's menu: who they are, settings, sign out. Escape or a click outside closes it. */
export function UserMenu({ user }: { user: User }) {
  const { open, setOpen, rootRef, buttonRef, onFocusOut } = useDisclosure<HTMLDivElement>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const menuId = useUniqueId();
  const { signOut } = useSession();
  const { route } = useLocation();

  const onSignOut = async () => {
    setBusy(true);
    setError(null);
    try {
      await signOut();
      route(SIGN_IN_PATH);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const name = user.display_name.trim() || user.email;
  return (
    <div class="user-menu" ref={rootRef} onFocusOut={onFocusOut}>
      <button
        ref={buttonRef}
        type="button"
        class="user-menu-button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
      >
        <span class="avatar" aria-hidden="true">
          {initials(user)}
        </span>
        <span class="user-menu-name">{name}</span>
        <span class="visually-hidden"> — account menu</span>
        <ChevronDownIcon />
      </button>
      <div id={menuId} class="user-menu-panel" hidden={!open}>
        <p class="user-menu-who">
          Signed in as <strong>{user.email}</strong>
        </p>
        <a href="/settings" class="user-menu-item" onClick={() => setOpen(false)}>
          Settings
        </a>
        <button type="button" class="user-menu-item" onClick={onSignOut} disabled={busy} aria-busy={busy || undefined}>
          {busy ? 'Signing out…' : 'Sign out'}
        </button>
        {error && (
          <p class="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

import { HOME_PATH } from '../paths';

/**
 * Where to go after signing in. Only same-site paths are accepted, so a crafted link cannot
 * send someone to another site (`//evil.example`, `https://…`, `/\evil`).
 */
export function safeNext(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return HOME_PATH;
  const path = raw.split(/[?#]/)[0] ?? '';
  if (path === '/sign-in' || path === '/sign-up') return HOME_PATH;
  return raw;
}

export function signInUrl(next?: string): string {
  return next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
}

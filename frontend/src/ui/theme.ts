// Light/dark theme. With no stored choice the CSS follows prefers-color-scheme on its own (so
// there is no flash before this module runs); a stored choice sets <html data-theme="…">.
// CSP forbids inline scripts, so this runs from the main module, before the first render.

export type Theme = 'light' | 'dark';
export const THEME_KEY = 'kaizen-theme';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled (privacy mode, sandboxed iframe)
  }
}

export function storedTheme(): Theme | null {
  const value = storage()?.getItem(THEME_KEY);
  return value === 'light' || value === 'dark' ? value : null;
}

export function systemTheme(): Theme {
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function currentTheme(): Theme {
  return storedTheme() ?? systemTheme();
}

export function applyTheme(theme: Theme | null = storedTheme()): void {
  const root = document.documentElement;
  if (theme) root.dataset.theme = theme;
  else delete root.dataset.theme;
}

export function setTheme(theme: Theme): void {
  try {
    storage()?.setItem(THEME_KEY, theme);
  } catch {
    /* quota or disabled storage: the choice lasts for this page only */
  }
  applyTheme(theme);
}

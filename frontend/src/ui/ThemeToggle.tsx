import { useState } from 'preact/hooks';
import { currentTheme, setTheme, type Theme } from './theme';
import { MoonIcon, SunIcon } from './icons';

export function ThemeToggle() {
  const [theme, setState] = useState<Theme>(currentTheme);
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      class="icon-btn"
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
      onClick={() => {
        setTheme(next);
        setState(next);
      }}
    >
      {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
    </button>
  );
}
